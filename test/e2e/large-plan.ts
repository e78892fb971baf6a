// A plan the size of a large account, for timing the views: `people` stakeholders in 25 units, each
// reporting up a four-wide hierarchy, every seventh holding a role.
export function largePlan(people: number): string {
  const roles = ['decision-maker', 'proposer', 'guide', 'implementer', 'constrainer', 'influencer'];
  const stances = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'];
  const influences = ['high', 'medium', 'low'];
  const units = Array.from({ length: 25 }, (_, u) =>
    [`    - id: unit-${u}`, `      name: Department ${u}`, ...(u > 0 ? ['      parent: unit-0'] : [])].join('\n'),
  );
  const stakeholders = Array.from({ length: people }, (_, i) =>
    [
      `    - id: p${i}`,
      `      name: Person ${i} Example`,
      `      title: Role ${i % 40}`,
      `      unit: unit-${i % 25}`,
      ...(i > 0 ? [`      reports_to: p${Math.floor((i - 1) / 4)}`] : []),
      ...(i % 7 === 0 ? [`      roles: [${roles[(i / 7) % roles.length]}]`] : []),
      `      stance: ${stances[i % stances.length]}`,
      `      influence: ${influences[i % influences.length]}`,
    ].join('\n'),
  );
  return `kam: 1\naccount:\n  name: Large Account Hospital\n  owner: Li Wei\ndiagnosis:\n  organization:\n${units.join('\n')}\n  stakeholders:\n${stakeholders.join('\n')}\n`;
}

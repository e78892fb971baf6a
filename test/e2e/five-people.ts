// A small account for the readable-map test: a head and four reports, an org chart too wide to
// stand side by side in half a window.
const PEOPLE = ['Dr. Wang Min', 'Zhou Lei', 'Sun Yue', 'Qian Hao', 'Li Na'];

export function fivePeoplePlan(): string {
  const [head, ...reports] = PEOPLE;
  const stakeholders = [
    `    - id: wang\n      name: ${head}\n      title: Chief Medical Officer\n      roles: [decision-maker]\n      influence: high\n      stance: supporter\n`,
    ...reports.map((name, i) => `    - id: p${i}\n      name: ${name}\n      title: Head of Unit ${i + 1}\n      reports_to: wang\n      influence: medium\n      stance: neutral\n`),
  ];
  return `kam: 1\naccount:\n  name: Five People Clinic\n  owner: Hannah Brooks\n  stage: proposal\ndiagnosis:\n  stakeholders:\n${stakeholders.join('')}`;
}

export const FIVE_PEOPLE_NAMES = PEOPLE;

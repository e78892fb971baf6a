// The six buying roles of the key decision makers (关键决策者的角色) and the names users may write for them.
import { ROLES, type Role } from './format/enums';
import type { Text } from './types';

export { ROLES, type Role };

export const ROLE_ALIASES: Record<Role, readonly string[]> = {
  'decision-maker': ['最高阶决策者', '决策者', 'economic-buyer'],
  proposer: ['提议者'],
  guide: ['指导者', 'coach'],
  implementer: ['执行者', 'user'],
  constrainer: ['杀手', '条件限制者', 'killer'],
  influencer: ['影响者'],
};

export const ROLE_LABELS: Record<Role, Text> = {
  'decision-maker': { en: 'decision maker', 'zh-cn': '最高阶决策者' },
  proposer: { en: 'proposer', 'zh-cn': '提议者' },
  guide: { en: 'guide', 'zh-cn': '指导者' },
  implementer: { en: 'implementer', 'zh-cn': '执行者' },
  constrainer: { en: 'constrainer', 'zh-cn': '条件限制者' },
  influencer: { en: 'influencer', 'zh-cn': '影响者' },
};

const byName = new Map<string, Role>();
for (const role of ROLES) {
  byName.set(role, role);
  for (const alias of ROLE_ALIASES[role]) byName.set(alias, role);
}

/** Every accepted spelling, canonical names first. */
export const ROLE_NAMES: readonly string[] = [...byName.keys()];

/** The canonical role for a name or alias; English names are matched case-insensitively. */
export function normalizeRole(name: string): Role | undefined {
  const trimmed = name.trim();
  return byName.get(trimmed) ?? byName.get(trimmed.toLowerCase());
}

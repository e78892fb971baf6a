// The six buying roles of the key decision makers (关键决策者的角色) and the names users may write for them.
import { ROLES, type Role } from './format/enums';
import { ROLE_WORDS } from './vocabulary';

export { ROLES, type Role };

/** Other names users may write for each role (the vocabulary's aliases). */
export const ROLE_ALIASES = Object.fromEntries(ROLES.map((role) => [role, ROLE_WORDS[role].aliases])) as Record<Role, readonly string[]>;

export { ROLE_LABELS } from './vocabulary';

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

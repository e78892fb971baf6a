// How a rule's message names key people: by id, else by name, each person once.
import type { Stakeholder } from '../engine/model';

export function who(s: Stakeholder): string {
  return s.id ?? s.name ?? '?';
}

/** Several people, each once (an aliased entry can stand twice in the list). */
export function whoAll(people: readonly Stakeholder[]): string {
  return [...new Set(people.map(who))].join(', ');
}

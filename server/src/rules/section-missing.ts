// The check of the rules that ask for a whole top-level section (KAM101 diagnosis, KAM300 goals):
// absent or empty, reported on the section's key, or on the first line when there is none.
import type { RuleContext } from '../engine/rule';
import { sectionKeyOrTop } from '../engine/spans';
import { isEmptyValue } from '../engine/yaml-nodes';

export function checkSectionPresent(key: string): (context: RuleContext) => void {
  return ({ plan, report }) => {
    const field = plan.root?.fields.get(key);
    if (field && !isEmptyValue(field.node)) return;
    report({ span: sectionKeyOrTop(plan, key) });
  };
}

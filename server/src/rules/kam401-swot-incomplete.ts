import { isOneOf, SWOT_ENTRIES, SWOT_QUADRANTS } from '../engine/format';
import type { Rule } from '../engine/rule';
import { entityOf, missingKeys } from '../engine/yaml-nodes';

/**
 * A SWOT entry the plan starts (ours or the competitor's, product or company) fills all four
 * quadrants. Entries not written are not asked for; unknown keys are KAM002's.
 */
export const kam401: Rule = {
  code: 'KAM401',
  name: 'swot-incomplete',
  severity: 'info',
  stage: 'strategy',
  reads: ['strategy'],
  description: {
    en: 'Each SWOT entry fills strengths, weaknesses, opportunities and threats.',
    'zh-cn': '每个 SWOT 分析对象都应填写优势、劣势、机会与威胁。',
  },
  messages: {
    default: {
      en: 'SWOT `{entry}` has no `{quadrant}`: fill all four quadrants as the customer sees them, then find the few points that must be right.',
      'zh-cn': 'SWOT 分析 `{entry}` 缺少 `{quadrant}`：请从客户的角度填满四个象限，再找出必须做对的几点。',
    },
  },
  check({ plan, report }) {
    const swot = entityOf(plan.doc, plan.strategy?.fields.get('swot')?.node);
    if (!swot) return;
    for (const [entry, field] of swot.fields) {
      const quadrants = isOneOf(SWOT_ENTRIES, entry) ? entityOf(plan.doc, field.node) : undefined;
      if (!quadrants) continue;
      for (const quadrant of missingKeys(quadrants, SWOT_QUADRANTS)) {
        report({ span: quadrants.fields.get(quadrant)?.key ?? field.key, args: { entry, quadrant }, data: { entry, quadrant } });
      }
    }
  },
};

import { isSeq } from 'yaml';
import type { Rule } from '../engine/rule';

/** The method asks for the 5 to 6 most important business drivers: fewer misses some, more blurs the focus. */
export const kam103: Rule = {
  code: 'KAM103',
  name: 'drivers-count',
  severity: 'info',
  stage: 'diagnosis',
  reads: ['diagnosis'],
  description: {
    en: 'The diagnosis names 5 to 6 business drivers.',
    'zh-cn': '诊断应列出 5 到 6 个业务驱动因素。',
  },
  messages: {
    default: {
      en: "`drivers` lists {count} factors; the method asks for the 5 to 6, internal and external, that most decide the customer's competitiveness.",
      'zh-cn': '`drivers` 列出了 {count} 个因素；应列出最能决定客户竞争力的 5 到 6 个内部和外部因素（业务驱动因素）。',
    },
  },
  check({ plan, report }) {
    const field = plan.diagnosis?.fields.get('drivers');
    // An empty or absent list is KAM102's; a list of something else is the schema's.
    if (!field || !isSeq(field.node)) return;
    const count = field.node.items.length;
    if (count === 0 || (count >= 5 && count <= 6)) return;
    report({ span: field.key, args: { count }, data: { count } });
  },
};

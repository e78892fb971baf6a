import { DIAGNOSIS_SECTIONS, type DiagnosisSection } from '../engine/format';
import type { Rule } from '../engine/rule';
import { isEmptyValue } from '../engine/yaml-nodes';


/**
 * One of the six sections of the situation analysis is missing or empty. Only for a diagnosis that
 * has something in it: an absent or empty one is KAM101's single finding, not six of these.
 */
/** For the fix: the section to add. */
export type Kam102Data = { section: DiagnosisSection };

export const kam102: Rule<Kam102Data> = {
  code: 'KAM102',
  name: 'diagnosis-section-missing',
  severity: 'warning',
  stage: 'diagnosis',
  reads: ['diagnosis'],
  description: {
    en: 'The diagnosis covers all six sections: macro, micro, drivers, organization, stakeholders, financials.',
    'zh-cn': '诊断应包含全部六个部分：宏观因素、微观因素、业务驱动因素、组织的架构、关键决策者、财务分析。',
  },
  messages: {
    default: {
      en: '`diagnosis` has nothing under `{section}`.',
      'zh-cn': '`diagnosis` 中 `{section}` 缺失或为空。',
    },
    macro: {
      en: '`diagnosis` has nothing under `macro`: the economic, regulatory, political and demographic forces on the customer.',
      'zh-cn': '`diagnosis` 缺少 `macro`（宏观因素）：影响客户的经济、法规、政治和人口因素。',
    },
    micro: {
      en: "`diagnosis` has nothing under `micro`: competition, the customer's market position, pricing, purchasing and supplier relations.",
      'zh-cn': '`diagnosis` 缺少 `micro`（微观因素）：行业竞争、客户的市场地位、定价、采购和供应商关系。',
    },
    drivers: {
      en: "`diagnosis` has nothing under `drivers`: the 5 to 6 factors that decide the customer's competitiveness.",
      'zh-cn': '`diagnosis` 缺少 `drivers`（业务驱动因素）：决定客户竞争力的 5 到 6 个因素。',
    },
    organization: {
      en: '`diagnosis` has nothing under `organization`: the units of the account and how they hang together.',
      'zh-cn': '`diagnosis` 缺少 `organization`（组织的架构）：客户的各个部门及其隶属关系。',
    },
    stakeholders: {
      en: '`diagnosis` has nothing under `stakeholders`: the key decision makers and the roles they hold.',
      'zh-cn': '`diagnosis` 缺少 `stakeholders`（关键决策者）：谁参与决策，各自担任什么角色。',
    },
    financials: {
      en: "`diagnosis` has nothing under `financials`: the account's revenue, our sales and our share.",
      'zh-cn': '`diagnosis` 缺少 `financials`（财务分析）：客户的收入、我们的销售额和占有率。',
    },
  },
  check({ plan, report }) {
    const diagnosisField = plan.root?.fields.get('diagnosis');
    if (!plan.diagnosis || !diagnosisField || isEmptyValue(diagnosisField.node)) return;
    for (const section of DIAGNOSIS_SECTIONS) {
      const field = plan.diagnosis.fields.get(section);
      if (field && !isEmptyValue(field.node)) continue;
      report({ span: field?.key ?? diagnosisField.key, messageId: section, args: { section }, data: { section } });
    }
  },
};

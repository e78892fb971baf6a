// The words views show for the plan's own vocabulary (stages, stances, enum values, section keys), in
// both locales. The Chinese terms are the course's (see shared/method/kam-method.md).
import type { Influence, Role, Stance } from '../engine/format';
import type { Locale, Severity, Stage, Text } from '../engine/types';

export type Labels = Record<string, Text>;

/** The label of a known key, else the key as the user wrote it (an unknown enum value is still worth showing). */
export function labelOf(labels: Labels, key: string | undefined, locale: Locale): string {
  if (key === undefined) return '';
  return Object.hasOwn(labels, key) ? labels[key][locale] : key;
}

/** Between a label and its value: `: ` in English, `：` in Chinese. */
export function colon(locale: Locale): string {
  return locale === 'zh-cn' ? '：' : ': ';
}

export const STAGE_LABELS: Record<Stage, Text> = {
  document: { en: 'File', 'zh-cn': '文件' },
  account: { en: 'Account', 'zh-cn': '客户' },
  diagnosis: { en: 'Diagnosis', 'zh-cn': '诊断' },
  forecast: { en: 'Forecast', 'zh-cn': '预测' },
  goals: { en: 'Goals', 'zh-cn': '目标' },
  strategy: { en: 'Strategy', 'zh-cn': '策略' },
  actions: { en: 'Actions', 'zh-cn': '行动' },
  controls: { en: 'Controls', 'zh-cn': '控制' },
  feedback: { en: 'Feedback', 'zh-cn': '反馈' },
  rescue_network: { en: 'Rescue network', 'zh-cn': '救援网络' },
};

export const MARK_LABELS: Labels = {
  ok: { en: 'ok', 'zh-cn': '良好' },
  info: { en: 'info', 'zh-cn': '提示' },
  warning: { en: 'warning', 'zh-cn': '警告' },
  error: { en: 'error', 'zh-cn': '错误' },
};

export const STANCE_LABELS: Record<Stance, Text> = {
  champion: { en: 'champion', 'zh-cn': '拥护者' },
  supporter: { en: 'supporter', 'zh-cn': '支持者' },
  neutral: { en: 'neutral', 'zh-cn': '中立' },
  skeptic: { en: 'skeptic', 'zh-cn': '怀疑者' },
  opponent: { en: 'opponent', 'zh-cn': '反对者' },
  unknown: { en: 'unknown', 'zh-cn': '未知' },
};

export const INFLUENCE_LABELS: Record<Influence, Text> = {
  high: { en: 'high', 'zh-cn': '高' },
  medium: { en: 'medium', 'zh-cn': '中' },
  low: { en: 'low', 'zh-cn': '低' },
};

/** Badge text on the stakeholder map: two letters, or the first character of the course's term. */
export const ROLE_SHORT: Record<Role, Text> = {
  'decision-maker': { en: 'DM', 'zh-cn': '决' },
  proposer: { en: 'PR', 'zh-cn': '提' },
  guide: { en: 'GU', 'zh-cn': '指' },
  implementer: { en: 'IM', 'zh-cn': '执' },
  constrainer: { en: 'CO', 'zh-cn': '限' },
  influencer: { en: 'IN', 'zh-cn': '影' },
};

export const CONTRACT_STAGE_LABELS: Labels = {
  proposal: { en: 'proposal', 'zh-cn': '提案' },
  negotiation: { en: 'negotiation', 'zh-cn': '谈判' },
  execution: { en: 'execution', 'zh-cn': '执行' },
};

export const RESCUE_SIDE_LABELS: Labels = {
  internal: { en: 'Our company', 'zh-cn': '公司内部' },
  customer: { en: 'The customer', 'zh-cn': '客户内部' },
  external: { en: 'Outside resources', 'zh-cn': '外部资源' },
};

export const DIRECTION_LABELS: Labels = {
  'build-fast': { en: 'build fast', 'zh-cn': '迅速建立' },
  'build-steady': { en: 'build steadily', 'zh-cn': '慢慢增加' },
  maintain: { en: 'maintain', 'zh-cn': '积极维持' },
  harvest: { en: 'harvest profit', 'zh-cn': '谨慎掌控利润' },
  withdraw: { en: 'withdraw', 'zh-cn': '逐渐撤退' },
};

export const METRIC_LABELS: Labels = {
  share: { en: 'share', 'zh-cn': '占有率' },
  growth: { en: 'growth', 'zh-cn': '成长率' },
  contribution: { en: 'contribution', 'zh-cn': '贡献度' },
  revenue: { en: 'revenue', 'zh-cn': '收入' },
  volume: { en: 'volume', 'zh-cn': '数量' },
  price: { en: 'price', 'zh-cn': '定价' },
  spend: { en: 'spend', 'zh-cn': '花费支出' },
  other: { en: 'other', 'zh-cn': '其他' },
};

export const ACTION_STATUS_LABELS: Labels = {
  planned: { en: 'planned', 'zh-cn': '计划中' },
  done: { en: 'done', 'zh-cn': '已完成' },
  cancelled: { en: 'cancelled', 'zh-cn': '已取消' },
};

export const DRIVER_KIND_LABELS: Labels = {
  internal: { en: 'internal', 'zh-cn': '内部' },
  external: { en: 'external', 'zh-cn': '外部' },
};

export const MACRO_LABELS: Labels = {
  economic: { en: 'Economic', 'zh-cn': '经济因素' },
  regulatory: { en: 'Regulatory', 'zh-cn': '法规因素' },
  political: { en: 'Political', 'zh-cn': '政治情势' },
  demographic: { en: 'Demographic', 'zh-cn': '人口与心理因素' },
  other: { en: 'Other', 'zh-cn': '其他外在影响' },
};

export const MICRO_LABELS: Labels = {
  competition: { en: 'Competition', 'zh-cn': '业界竞争' },
  market_position: { en: 'Market position', 'zh-cn': '客户在市场中的地位' },
  pricing: { en: 'Pricing', 'zh-cn': '定价/利润' },
  purchasing: { en: 'Purchasing', 'zh-cn': '采购/签约' },
  organization: { en: 'Organisation', 'zh-cn': '组织' },
  supplier_relations: { en: 'Supplier relations', 'zh-cn': '供应商关系' },
};

export const FINANCIAL_LABELS: Labels = {
  revenue: { en: 'Revenue', 'zh-cn': '收入' },
  our_sales: { en: 'Our sales', 'zh-cn': '我方销售额' },
  share: { en: 'Share', 'zh-cn': '占有率' },
  growth: { en: 'Growth', 'zh-cn': '成长率' },
  notes: { en: 'Notes', 'zh-cn': '备注' },
};

export const FORECAST_LABELS: Labels = {
  changes: { en: 'Changes', 'zh-cn': '变化' },
  opportunities: { en: 'Opportunities', 'zh-cn': '机会' },
  risks: { en: 'Risks', 'zh-cn': '风险' },
};

export const VALUE_LABELS: Labels = {
  psychological: { en: 'Psychological', 'zh-cn': '心理的' },
  functional: { en: 'Functional', 'zh-cn': '功能的' },
  economic: { en: 'Economic', 'zh-cn': '经济的' },
};

export const SWOT_ENTRY_LABELS: Labels = {
  own_product: { en: 'Our product', 'zh-cn': '我们的产品' },
  own_company: { en: 'Our company', 'zh-cn': '我们的公司' },
  competitor_product: { en: "The competitor's product", 'zh-cn': '竞争者的产品' },
  competitor_company: { en: "The competitor's company", 'zh-cn': '竞争者的公司' },
};

export const SWOT_QUADRANT_LABELS: Labels = {
  strengths: { en: 'Strengths', 'zh-cn': '优势' },
  weaknesses: { en: 'Weaknesses', 'zh-cn': '劣势' },
  opportunities: { en: 'Opportunities', 'zh-cn': '机会' },
  threats: { en: 'Threats', 'zh-cn': '威胁' },
};

/** `1 error, 2 warnings, 1 info` / `1 个错误，2 个警告，1 个提示`; `no findings` / `无问题` when all are 0. */
export function countsText(counts: Record<Severity, number>, locale: Locale): string {
  const parts: string[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const n = counts[severity];
    if (n === 0) continue;
    if (locale === 'zh-cn') parts.push(`${n} 个${MARK_LABELS[severity]['zh-cn']}`);
    else parts.push(`${n} ${severity}${n === 1 || severity === 'info' ? '' : 's'}`);
  }
  if (parts.length === 0) return locale === 'zh-cn' ? '无问题' : 'no findings';
  return parts.join(locale === 'zh-cn' ? '，' : ', ');
}

/** Each role's orientation, the course's key to recognising it. */
export const ROLE_ORIENTATION: Record<Role, Text> = {
  'decision-maker': { en: 'results', 'zh-cn': '结论导向' },
  proposer: { en: 'experience', 'zh-cn': '经验导向' },
  guide: { en: 'help', 'zh-cn': '协助导向' },
  implementer: { en: 'performance', 'zh-cn': '表现导向' },
  constrainer: { en: 'practicality', 'zh-cn': '实际导向' },
  influencer: { en: 'relationships', 'zh-cn': '关系导向' },
};

// The portfolio's own words: its title and column names, the report's where it has them. Plan
// vocabulary (roles, contract stages) comes from ../../views/labels.ts and ../../engine/roles.ts.
import type { Text } from '../../engine/types';
import { WORDS } from '../words';

export const PORTFOLIO_WORDS = {
  title: { en: 'Key-account portfolio', 'zh-cn': '重点客户组合' },
  asOf: { en: 'As of {date}', 'zh-cn': '截至 {date}' },
  file: { en: 'File', 'zh-cn': '文件' },
  account: WORDS.accountName,
  owner: WORDS.owner,
  stage: WORDS.contractStage,
  health: { en: 'Health', 'zh-cn': '健康度' },
  errors: WORDS.errors,
  warnings: WORDS.warnings,
  infos: WORDS.infos,
  nextReview: WORDS.nextReview,
  overdue: { en: 'overdue', 'zh-cn': '已逾期' },
  unassigned: { en: 'Unassigned roles', 'zh-cn': '无人担任的角色' },
  stale: { en: 'Stale contacts', 'zh-cn': '久未联系' },
  goals: { en: 'Goals', 'zh-cn': '目标' },
  smartGoals: { en: 'SMART goals', 'zh-cn': 'SMART 目标' },
  totals: {
    en: '{plans} plans · {findings} · {overdue} reviews overdue',
    'zh-cn': '{plans} 份计划 · {findings} · {overdue} 次回顾逾期',
  },
  unreadable: { en: 'Files that could not be read', 'zh-cn': '无法读取的文件' },
  noPlans: { en: 'No plans found.', 'zh-cn': '未找到计划。' },
} satisfies Record<string, Text>;

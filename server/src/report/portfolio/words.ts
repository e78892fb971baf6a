// The portfolio's own words: its title and column names, the report's where it has them. Plan
// vocabulary (roles, contract stages) comes from ../../views/labels.ts and ../../engine/roles.ts.
import { REPORT_WORDS as WORDS, text, type Text } from '../../engine/vocabulary';

export const PORTFOLIO_WORDS = {
  title: text('Key-account portfolio', '重点客户组合'),
  asOf: text('As of {date}', '截至 {date}'),
  file: text('File', '文件'),
  account: WORDS.accountName,
  owner: WORDS.owner,
  stage: WORDS.contractStage,
  health: text('Health', '健康度'),
  errors: WORDS.errors,
  warnings: WORDS.warnings,
  infos: WORDS.infos,
  nextReview: WORDS.nextReview,
  overdue: text('overdue', '已逾期'),
  unassigned: text('Unassigned roles', '无人担任的角色'),
  stale: text('Stale contacts', '久未联系'),
  goals: text('Goals', '目标'),
  smartGoals: text('SMART goals', 'SMART 目标'),
  totals: text('{plans} plans · {findings} · {overdue} reviews overdue', '{plans} 份计划 · {findings} · {overdue} 次回顾逾期'),
  unreadable: text('Files that could not be read', '无法读取的文件'),
  noPlans: text('No plans found.', '未找到计划。'),
} satisfies Record<string, Text>;

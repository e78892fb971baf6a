// The diff memo's own words. What a list item is called comes first ("Goal g-share added"); the
// plan's keys stay as written in the file, as a reader finds them there.
import type { Text } from '../../engine/types';

/** What one item of each id list is, by the list's path. */
export const ITEM_KINDS: Record<string, Text> = {
  'diagnosis.drivers': { en: 'Driver', 'zh-cn': '驱动因素' },
  'diagnosis.organization': { en: 'Unit', 'zh-cn': '部门' },
  'diagnosis.stakeholders': { en: 'Stakeholder', 'zh-cn': '关键决策者' },
  goals: { en: 'Goal', 'zh-cn': '目标' },
  actions: { en: 'Action', 'zh-cn': '行动' },
};

export const DIFF_WORDS = {
  title: { en: 'Changes to the plan: {before} → {after}', 'zh-cn': '计划的变化：{before} → {after}' },
  health: { en: 'Plan health: {before} → {after}', 'zh-cn': '计划健康度：{before} → {after}' },
  changes: { en: 'Changes ({count})', 'zh-cn': '变化（{count}）' },
  noChange: { en: 'No change in meaning (comments and layout are not compared).', 'zh-cn': '内容没有变化（注释和排版不计）。' },
  fixed: { en: 'Findings fixed ({count})', 'zh-cn': '已解决的问题（{count}）' },
  new: { en: 'New findings ({count})', 'zh-cn': '新出现的问题（{count}）' },
  none: { en: 'none', 'zh-cn': '无' },
  empty: { en: '(empty)', 'zh-cn': '（空）' },
  itemAdded: { en: '{kind} {item} added', 'zh-cn': '新增{kind} {item}' },
  itemRemoved: { en: '{kind} {item} removed', 'zh-cn': '删除{kind} {item}' },
  changed: { en: '{subject}: {field} {before} → {after}', 'zh-cn': '{subject}：{field} {before} → {after}' },
  added: { en: '{subject}: {field} added: {after}', 'zh-cn': '{subject}：新增 {field}：{after}' },
  removed: { en: '{subject}: {field} removed (was {before})', 'zh-cn': '{subject}：删除 {field}（原为 {before}）' },
  topAdded: { en: '{field} added: {after}', 'zh-cn': '新增 {field}：{after}' },
  topRemoved: { en: '{field} removed (was {before})', 'zh-cn': '删除 {field}（原为 {before}）' },
  topChanged: { en: '{field}: {before} → {after}', 'zh-cn': '{field}：{before} → {after}' },
} satisfies Record<string, Text>;

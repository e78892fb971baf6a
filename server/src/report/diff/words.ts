// The diff memo's own words. What a list item is called comes first ("Goal g-share added"); the
// plan's keys stay as written in the file, as a reader finds them there.
import type { ListName } from '../../engine/format';
import { text, type Text } from '../../engine/vocabulary';

/** What one item of each id list is. */
export const ITEM_KINDS: Partial<Record<ListName, Text>> = {
  drivers: text('Driver', '驱动因素'),
  units: text('Unit', '部门'),
  stakeholders: text('Stakeholder', '关键决策者'),
  goals: text('Goal', '目标'),
  actions: text('Action', '行动'),
};

export const DIFF_WORDS = {
  title: text('Changes to the plan: {before} → {after}', '计划的变化：{before} → {after}'),
  health: text('Plan health: {before} → {after}', '计划健康度：{before} → {after}'),
  changes: text('Changes ({count})', '变化（{count}）'),
  noChange: text('No change in meaning (comments and layout are not compared).', '内容没有变化（注释和排版不计）。'),
  fixed: text('Findings fixed ({count})', '已解决的问题（{count}）'),
  new: text('New findings ({count})', '新出现的问题（{count}）'),
  none: text('none', '无'),
  empty: text('(empty)', '（空）'),
  itemAdded: text('{kind} {item} added', '新增{kind} {item}'),
  itemRemoved: text('{kind} {item} removed', '删除{kind} {item}'),
  changed: text('{subject}: {field} {before} → {after}', '{subject}：{field} {before} → {after}'),
  added: text('{subject}: {field} added: {after}', '{subject}：新增 {field}：{after}'),
  removed: text('{subject}: {field} removed (was {before})', '{subject}：删除 {field}（原为 {before}）'),
  topAdded: text('{field} added: {after}', '新增 {field}：{after}'),
  topRemoved: text('{field} removed (was {before})', '删除 {field}（原为 {before}）'),
  topChanged: text('{field}: {before} → {after}', '{field}：{before} → {after}'),
} satisfies Record<string, Text>;

// Which lists of a plan hold items with an `id`, by their path from the top (`diagnosis.stakeholders`):
// their items are matched by id when two versions are compared; every other list by position. The
// format layer says which lists define ids; drivers may carry one too (the spec's additions of
// December 2026), which the format's table does not list yet.
import { ID_LISTS as FORMAT_ID_LISTS, listLabel, type ListName } from '../../engine/format';

const MATCHED: readonly ListName[] = [...new Set<ListName>([...Object.values(FORMAT_ID_LISTS), 'drivers'])];

export const ID_LISTS: readonly string[] = MATCHED.map(listLabel);

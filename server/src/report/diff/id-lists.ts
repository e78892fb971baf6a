// Which lists of a plan hold items with an `id`, by their path from the top (`diagnosis.stakeholders`):
// their items are matched by id when two versions are compared; every other list by position.
import { ID_LISTS as FORMAT_ID_LISTS, listLabel } from '../../engine/format';

export const ID_LISTS: readonly string[] = [...new Set(Object.values(FORMAT_ID_LISTS))].map(listLabel);

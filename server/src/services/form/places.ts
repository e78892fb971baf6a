// Where an intent's path stands in the plan's YAML document, and the edits that create a path that is
// not written yet (the maps down to it nested in the file's layout).
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { entityOf, isEmptyValue, spanOf } from '../../engine/yaml-nodes';
import type { FixContext } from '../fixes/fix';
import { inPlace, putEntries, putPath, type MapSite } from '../fixes/map-edits';
import { entry, map, type Entry, type Value } from '../fixes/render';
import type { Edit } from '../fixes/text-edits';
import type { FormPath } from './intents';

export interface Place {
  /** The collection the value is in (a map for a key, a list for an item). */
  parent: Node;
  key?: Node;
  value: Node | null;
}

/** What stands at the path, written in place (an alias or a merge key is not followed). */
export function locate(root: Node | null, path: FormPath): Place | undefined {
  let here: Node | null = root;
  let place: Place | undefined;
  for (const step of path) {
    if (isMap(here)) {
      const pair = here.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) return undefined;
      place = { parent: here, key: pair.key as Node, value: (pair.value as Node | null) ?? null };
    } else if (isSeq(here) && typeof step === 'number') {
      const item = here.items[step];
      if (item === undefined) return undefined;
      place = { parent: here, value: (item as Node | null) ?? null };
    } else return undefined;
    here = place.value;
  }
  return place;
}

/** The map site of a map node at a path. */
function siteOf(ctx: FixContext, node: Node, path: FormPath, ownerKey?: Node): MapSite | undefined {
  const entity = entityOf(ctx.plan.doc, node);
  if (!entity || entity.via) return undefined;
  return { entity, path, ...(ownerKey ? { ownerKey: spanOf(ownerKey) } : {}) };
}

/**
 * Entries for the deepest map on the path that exists, nesting the rest of the path: the edits
 * that create `path` with `value`. Undefined when the path runs into something other than a map.
 */
export function putNested(ctx: FixContext, path: FormPath, value: Value): Edit[] | undefined {
  const root = ctx.plan.doc.contents as Node | null;
  if (!root || (isScalar(root) && root.value === null)) {
    return path.every((s) => typeof s === 'string') ? putPath(ctx, [], [nest(path as string[], value)]) : undefined;
  }
  let site = siteOf(ctx, root, []);
  for (let i = 0; site && i < path.length; i++) {
    const key = path[i];
    if (typeof key !== 'string') return undefined;
    const field = site.entity.fields.get(key);
    const rest = path.slice(i);
    if (!field || isEmptyValue(field.node)) {
      // A key with an empty value (`key:`, `key: []`) is filled: only by a map or list, or at the end.
      if (field && !isScalar(field.node) && field.node !== null && rest.length > 1) return undefined;
      return rest.every((s) => typeof s === 'string') ? putEntries(ctx, site, [nest(rest as string[], value)]) : undefined;
    }
    if (!inPlace(field) || i === path.length - 1) return undefined;
    const next = path[i + 1];
    if (isSeq(field.node) && typeof next === 'number') {
      const item = field.node.items[next] as Node | undefined;
      site = item && siteOf(ctx, item, path.slice(0, i + 2));
      i++;
    } else site = isMap(field.node) ? siteOf(ctx, field.node, path.slice(0, i + 1), locate(root, path.slice(0, i + 1))?.key) : undefined;
  }
  return undefined;
}

function nest(path: readonly string[], value: Value): Entry {
  return path.length === 1 ? entry(path[0], value) : entry(path[0], map(nest(path.slice(1), value)));
}

/** Whether a node stands in a flow collection (its text starts with a bracket, or its parent's does). */
export function inFlow(text: string, parent: Node): boolean {
  return (isMap(parent) || isSeq(parent)) && Boolean(parent.flow ?? false) || /^[[{]/.test(text.slice(spanOf(parent).start));
}

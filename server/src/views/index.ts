// The view models the language server sends to the client (tree view, stakeholder map) and the
// pieces the report shares: plain library code, no VS Code or LSP import.
export { planHealth, markOf, STAGES, SEVERITY_COST, STAGE_CAP, type Mark, type PlanHealth, type StageHealth } from './health';
export { buildOutline, type OutlineItem, type OutlineKind, type OutlineModel } from './outline-model';
export { buildStakeholderMap, type StakeholderMap, type MapNode, type MapEdge, type MapCluster, type MapLayout } from './stakeholder-map-model';
export { renderMapSvg, renderGridSvg, MAP_CSS, MAP_LIGHT_THEME, type SvgOptions } from './map-svg';
export { smartStatus, SMART_LETTERS, SMART_RULES, type SmartCheck, type SmartLetter } from '../engine/smart-status';
export { escapeHtml, escapeMarkdown } from './escape';

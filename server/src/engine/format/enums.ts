// The closed value sets of the format. Each is the `enum` (or the key list) of one place in
// schemas/kam-plan.schema.json, written here once with its literal type; test/unit/format.test.ts
// ties every one to the schema, so a change to either fails until both agree.

/** `account.stage`, `actions[].stage` and the stages of `rescue_network` (合约循环). */
export const CONTRACT_STAGES = ['proposal', 'negotiation', 'execution'] as const;
export type ContractStage = (typeof CONTRACT_STAGES)[number];

/** `diagnosis.drivers[].kind`. */
export const DRIVER_KINDS = ['internal', 'external'] as const;
export type DriverKind = (typeof DRIVER_KINDS)[number];

/** `diagnosis.stakeholders[].stance`. */
export const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'] as const;
export type Stance = (typeof STANCES)[number];

/** `diagnosis.stakeholders[].influence`. */
export const INFLUENCES = ['high', 'medium', 'low'] as const;
export type Influence = (typeof INFLUENCES)[number];

/** `goals[].direction`: the qualitative goal. */
export const DIRECTIONS = ['build-fast', 'build-steady', 'maintain', 'harvest', 'withdraw'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** `goals[].metric`. */
export const METRICS = ['share', 'growth', 'contribution', 'revenue', 'volume', 'price', 'spend', 'other'] as const;
export type Metric = (typeof METRICS)[number];

/** `actions[].status`; a missing status means planned. */
export const ACTION_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * The six buying roles (关键决策者的角色). Not a schema enum: `roles` is free text so the Chinese
 * aliases (engine/roles.ts) are accepted too; KAM202 checks the names.
 */
export const ROLES = ['decision-maker', 'proposer', 'guide', 'implementer', 'constrainer', 'influencer'] as const;
export type Role = (typeof ROLES)[number];

/** The keys of the fixed maps, in the schema's order (which is also the order a new key is inserted in). */
export const SECTIONS = ['kam', 'account', 'diagnosis', 'forecast', 'goals', 'strategy', 'actions', 'controls', 'feedback', 'rescue_network'] as const;
export type Section = (typeof SECTIONS)[number];

/** `diagnosis`: its six parts. */
export const DIAGNOSIS_SECTIONS = ['macro', 'micro', 'drivers', 'organization', 'stakeholders', 'financials'] as const;
export type DiagnosisSection = (typeof DIAGNOSIS_SECTIONS)[number];
/** Every key of `diagnosis`: the six parts, then the optional purchasing factors (KAM102 asks for the six only). */
export const DIAGNOSIS_KEYS = [...DIAGNOSIS_SECTIONS, 'purchasing_factors'] as const;
/** `diagnosis.purchasing_factors` (采购决策的影响因素). */
export const PURCHASING_FACTOR_KEYS = ['environmental', 'organizational', 'interpersonal', 'individual'] as const;

/** `diagnosis.macro`. */
export const MACRO_KEYS = ['economic', 'regulatory', 'political', 'demographic', 'other'] as const;
/** `diagnosis.micro`. */
export const MICRO_KEYS = ['competition', 'market_position', 'pricing', 'purchasing', 'organization', 'supplier_relations'] as const;
/** `diagnosis.financials`: the named figures (any other key is a figure too). */
export const FINANCIAL_KEYS = ['revenue', 'our_sales', 'share', 'growth', 'notes'] as const;
/** `forecast`. */
export const FORECAST_KEYS = ['changes', 'opportunities', 'risks'] as const;
/** `strategy`. */
export const STRATEGY_KEYS = ['values', 'positioning', 'core', 'swot'] as const;
/** `strategy.values`: what the customer values, by kind. */
export const VALUE_KINDS = ['psychological', 'functional', 'economic'] as const;
export type CustomerValueKind = (typeof VALUE_KINDS)[number];
/** `strategy.swot`: whose strengths and weaknesses. */
export const SWOT_ENTRIES = ['own_product', 'own_company', 'competitor_product', 'competitor_company'] as const;
export type SwotEntry = (typeof SWOT_ENTRIES)[number];
/** Each SWOT entry's four quadrants. */
export const SWOT_QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
export type SwotQuadrant = (typeof SWOT_QUADRANTS)[number];
/** `rescue_network.<stage>`: who can help. */
export const RESCUE_SIDES = ['internal', 'customer', 'external'] as const;
export type RescueSide = (typeof RESCUE_SIDES)[number];

/** Whether a written value is one of a set (narrowing it to the set's type). */
export function isOneOf<T extends string>(values: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (values as readonly string[]).includes(value);
}

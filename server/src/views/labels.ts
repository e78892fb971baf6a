// The enum values the views draw in a fixed order (the map's legend and grid, the map's edit menu).
// Their words, in both locales, are the vocabulary's (../engine/vocabulary).

export const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'] as const;
export type Stance = (typeof STANCES)[number];

export const INFLUENCES = ['high', 'medium', 'low'] as const;
export type Influence = (typeof INFLUENCES)[number];

export const CONTRACT_STAGES = ['proposal', 'negotiation', 'execution'] as const;

export const RESCUE_SIDES = ['internal', 'customer', 'external'] as const;

export const SWOT_QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;

/** The fixed scales of a risk assessment, with their reader-facing labels. Pure: client and server share it. */
export const RISK_LEVELS = ["low", "guarded", "elevated", "high", "severe"] as const;
export const RISK_HORIZONS = ["weeks", "months", "years"] as const;
export const RISK_DIRECTIONS = ["rising", "steady", "easing"] as const;
export const SIGNAL_STATUSES = ["watching", "triggered", "faded"] as const;
export const TAG_KINDS = ["sector", "region", "organisation"] as const;

export type RiskLevel = (typeof RISK_LEVELS)[number];
export type RiskHorizon = (typeof RISK_HORIZONS)[number];
export type RiskDirection = (typeof RISK_DIRECTIONS)[number];
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];
export type TagKind = (typeof TAG_KINDS)[number];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const levelLabel = (l: RiskLevel) => cap(l);
export const horizonLabel = (h: RiskHorizon) => ({ weeks: "Weeks", months: "Months", years: "Years" })[h];
export const directionLabel = (d: RiskDirection) => ({ rising: "Rising ↑", steady: "Steady →", easing: "Easing ↓" })[d];
export const statusLabel = (s: SignalStatus) => cap(s);
export const tagKindLabel = (k: TagKind) => ({ sector: "Sectors", region: "Regions", organisation: "Organisations" })[k];

/** 1 (low) … 5 (severe): the position of a level on the scale. */
export const levelRank = (l: RiskLevel) => RISK_LEVELS.indexOf(l) + 1;

// How much a rule's calibrated confidence weighs against what a project's reviewers decided: it
// counts as this many decisions, so learned = (k·calibrated + accepted) / (k + accepted + rejected).
// Ten rejections in a row take a 0.95 rule to about 0.48; a rule nobody decided on keeps its
// calibrated value. Computed in SQL (learned-confidence.ts, suggestion-stats.ts).
export const SUGGESTION_PRIOR_STRENGTH = 10;

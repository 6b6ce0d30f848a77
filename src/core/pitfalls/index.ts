// The pitfall checks, their ranking and helpers: the pure core the editor layer and the CLI share.
export * from './types';
export { checkPitfalls, isPitfallCode, PITFALL_CHECKS } from './check';
export type { PitfallCheck } from './check';
export { acknowledgementFor } from './acknowledge';
export { baselineCandidate, hasCost, hasBenefit, hasCostAndBenefit, isBaseline, isPastIdea, resultsPathFor } from './candidates';
export { headline, sectionRange } from './locate';
export * from './ranking';
export { CLEARLY_HIGHER_FACTOR, ranksClearlyHigher } from './too-incremental';
export { checkOneArchitecture } from './one-architecture';
export { checkReinventingTheWheel } from './reinventing-the-wheel';
export { checkTooIncremental } from './too-incremental';
export { checkMetricMisalignment } from './metric-misalignment';
export { checkFaultyEvaluation } from './faulty-evaluation';

// Public surface of the results core: readers, history, fingerprints, staleness checks and comparisons.
export * from './types';
export { OWN_FORMAT_ID, validateOwnResult, serializeOwnResult, writeOwnResult, declaresOwnFormat } from './own-format';
export type { OwnResult, OwnValidation, MetricValues } from './own-format';
export { defaultGoalOf, goalOfFromMetrics, goalOfFromRoadmap, primaryMetric, findMetricName, baseMetricName } from './metric-names';
export { readJsonLines } from './jsonl-reader';
export { readCsv } from './csv-reader';
export { readOwnResultFile, readMetricsJson, readHuggingFace, readWandbSummary } from './json-readers';
export { readDvcProject, readDvcMetricsFile, declaredMetricsFiles } from './dvc-reader';
export { readMlflowRun, isMlflowRunDir, MLFLOW_CANDIDATE_TAG } from './mlflow-reader';
export { detectFormat } from './detect';
export { discoverResults } from './discover';
export { readResults, readResultFile, allProblems } from './read-results';
export * from './history';
export { fingerprintFile } from './fingerprint';
export type { FingerprintCache, FingerprintOutcome } from './fingerprint';
export * from './staleness';
export * from './evaluated';
export * from './compare';

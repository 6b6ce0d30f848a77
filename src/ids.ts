// Every command, view and context key id the extension declares in package.json, declared once here.
// A unit test checks that this file and package.json agree.

export const Commands = {
  initialize: 'mlroadmap.initialize',
  refresh: 'mlroadmap.refresh',
  openRoadmap: 'mlroadmap.openRoadmap',
  showBoard: 'mlroadmap.showBoard',
  showEvaluationReview: 'mlroadmap.showEvaluationReview',
  compareCandidates: 'mlroadmap.compareCandidates',
  setStepStatus: 'mlroadmap.setStepStatus',
  startNextStep: 'mlroadmap.startNextStep',
  advancePhase: 'mlroadmap.advancePhase',
  moveBackPhase: 'mlroadmap.moveBackPhase',
  addCandidate: 'mlroadmap.addCandidate',
  setCandidateStatus: 'mlroadmap.setCandidateStatus',
  estimateCandidate: 'mlroadmap.estimateCandidate',
  addLiterature: 'mlroadmap.addLiterature',
  addMetric: 'mlroadmap.addMetric',
  setMetricTarget: 'mlroadmap.setMetricTarget',
  logRealityCheck: 'mlroadmap.logRealityCheck',
  configureEvaluation: 'mlroadmap.configureEvaluation',
  acknowledgeFinding: 'mlroadmap.acknowledgeFinding',
  copyFocus: 'mlroadmap.copyFocus',
  revealInRoadmap: 'mlroadmap.revealInRoadmap',
  openLink: 'mlroadmap.openLink',
  evaluateCandidate: 'mlroadmap.evaluateCandidate',
  evaluateAll: 'mlroadmap.evaluateAll',
  rerunLastEvaluation: 'mlroadmap.rerunLastEvaluation',
  showEvaluationLog: 'mlroadmap.showEvaluationLog',
  compareCandidate: 'mlroadmap.compareCandidate',
  scaffoldBaseline: 'mlroadmap.scaffoldBaseline',
  recordDecision: 'mlroadmap.recordDecision',
  setDecisionStatus: 'mlroadmap.setDecisionStatus',
  supersedeDecision: 'mlroadmap.supersedeDecision',
  generateDecisionIndex: 'mlroadmap.generateDecisionIndex',
  exportReport: 'mlroadmap.exportReport',
  showJobLog: 'mlroadmap.showJobLog',
  cancelJob: 'mlroadmap.cancelJob',
  resubmitJob: 'mlroadmap.resubmitJob',
} as const;
export type CommandId = (typeof Commands)[keyof typeof Commands];

export const Views = {
  container: 'mlroadmap',
  roadmap: 'mlroadmap.roadmap',
  candidates: 'mlroadmap.candidates',
  metrics: 'mlroadmap.metrics',
  decisions: 'mlroadmap.decisions',
  jobs: 'mlroadmap.jobs',
} as const;

export const ContextKeys = {
  hasRoadmap: 'mlroadmap.hasRoadmap',
  hasErrors: 'mlroadmap.hasErrors',
  phase: 'mlroadmap.phase',
  hasCandidates: 'mlroadmap.hasCandidates',
  hasMetrics: 'mlroadmap.hasMetrics',
  hasDecisions: 'mlroadmap.hasDecisions',
  hasLastEvaluation: 'mlroadmap.hasLastEvaluation',
  gateBlocked: 'mlroadmap.gateBlocked',
  hasJobs: 'mlroadmap.hasJobs',
} as const;

export const Settings = {
  section: 'mlroadmap',
  pythonPath: 'pythonPath',
  refreshDelay: 'refreshDelay',
  pitfallSeverity: 'pitfalls.severity',
  maxResultFileSizeMB: 'results.maxFileSizeMB',
  codeLensEnabled: 'codeLens.enabled',
} as const;

export const TASK_TYPE = 'mlroadmap';
export const DIAGNOSTIC_SOURCE = 'ML Roadmap';
export const EXTENSION_ID = 'mlroadmap.mlroadmap';

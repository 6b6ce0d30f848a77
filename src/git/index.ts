// Git adapter (simple-git), free of `vscode`: used by the extension, the CLI and plain-Node tests.
export { commitPaths, locateRepo, toRepoPaths, type CommitOptions } from './commit';
export { parseStatus, type StatusSummary } from './status';
export { headInfo, initRepo, type HeadInfo } from './head';
export { recordAndCommit, type RecordRequest, type RecordResult, type RecordedFiles } from './record';
export * from './result';
export type { GitEnv } from './client';

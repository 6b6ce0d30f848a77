// Git adapter (simple-git), free of `vscode`: used by the extension, the CLI and plain-Node tests.
export { commitChanges, locateRepo, onDisk, rebaseInProgress, toRepoPaths, type CommitOptions, type FileChange } from './commit';
export { parseStatus, type StagedEntry, type StatusSummary } from './status';
export { headInfo, initRepo, type HeadInfo } from './head';
export { recordAndCommit, writeFileChange, type RecordRequest, type RecordResult, type RecordedFiles, type TextChange, type WorkTreeWriter } from './record';
export * from './result';
export type { GitEnv } from './client';
export { showCommit, showArgs, COMMIT_ID } from './show';
export { readAtRevision, type RevisionFiles } from './revision';
export { sinceRef, type SinceNow } from './since';

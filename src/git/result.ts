// Outcomes of git operations, as values: the UI shows a message for each kind, nothing throws.

export const GIT_FAILURE_KINDS = [
  'not-a-repo',
  'no-identity',
  'hook-failed',
  'detached-head',
  'merge-in-progress',
  'rebase-in-progress',
  'file-exists',
  'nothing-to-commit',
  'io-error',
  'git-error',
] as const;
export type GitFailureKind = (typeof GIT_FAILURE_KINDS)[number];

export interface GitFailure {
  readonly ok: false;
  readonly kind: GitFailureKind;
  readonly message: string;
  /** What git (or a hook) printed, for the output channel. */
  readonly output?: string;
}

/** Some of the paths have staged changes of the user's; committing them would sweep those in. */
export interface NeedsConfirmation {
  readonly ok: false;
  readonly kind: 'needs-confirmation';
  readonly message: string;
  /** Repository-relative paths with staged changes. */
  readonly stagedPaths: readonly string[];
}

export interface CommitSuccess {
  readonly ok: true;
  /** Abbreviated id of the new commit. */
  readonly commit: string;
  /** Repository-relative paths that were committed. */
  readonly paths: readonly string[];
}

export type CommitResult = CommitSuccess | GitFailure | NeedsConfirmation;

export function failure(kind: GitFailureKind, message: string, output?: string): GitFailure {
  return output === undefined ? { ok: false, kind, message } : { ok: false, kind, message, output: output.trim() };
}

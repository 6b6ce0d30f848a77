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

/**
 * The change to some of the files builds on uncommitted work of the user's (the committed version lacks what
 * it edits, or there is no committed version): committing them would sweep that work in.
 */
export interface NeedsConfirmation {
  readonly ok: false;
  readonly kind: 'needs-confirmation';
  readonly message: string;
  /** Repository-relative paths that would be committed with the user's own changes. */
  readonly paths: readonly string[];
}

export interface CommitSuccess {
  readonly ok: true;
  /** Abbreviated id of the new commit. */
  readonly commit: string;
  /** Repository-relative paths that were committed. */
  readonly paths: readonly string[];
  /** Something the user should know although the commit was made (git's index could not be updated). */
  readonly warning?: string;
}

export type CommitResult = CommitSuccess | GitFailure | NeedsConfirmation;

export function failure(kind: GitFailureKind, message: string, output?: string): GitFailure {
  return output === undefined ? { ok: false, kind, message } : { ok: false, kind, message, output: output.trim() };
}

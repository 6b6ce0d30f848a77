// Commits a decision's changes with the git adapter and turns every failure into a clear message: a change
// that builds on the user's uncommitted work commits that work only after a yes; a folder that is not a repository is offered `git init`,
// then the commit is retried; a hook's output goes to the log. Files always stay on disk.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { commitChanges, initRepo, type CommitResult, type FileChange } from '../git';

export interface CommitAnswers {
  /** Commit the user's uncommitted changes in these files too, where the decision builds on them. Absent: ask (modal). */
  readonly confirm?: boolean;
  /** Run `git init` when the folder is not a repository. Absent: ask. */
  readonly initRepo?: boolean;
}

/** A failure as the commands return it. */
export interface DecisionFailure {
  readonly kind: string;
  readonly message: string;
}

export interface CommitRequest extends CommitAnswers {
  /** The folder git runs in (the workspace folder, or the roadmap's folder inside it). */
  readonly repoDir: string;
  /** What to commit for each file: the decision's content or edit, never the user's other work. */
  readonly changes: readonly FileChange[];
  readonly message: string;
  readonly log: vscode.LogOutputChannel;
  /** The record file, offered to open when a hook refused the commit. */
  readonly recordFile?: string;
}

export type CommitOutcome = { readonly committed: true; readonly commit: string } | { readonly committed: false; readonly failure: DecisionFailure };

/** Commits the changes (or continues from the result of a first attempt) and reports what happened. */
export async function commitDecisionFiles(req: CommitRequest, first?: CommitResult): Promise<CommitOutcome> {
  let includeUserChanges = false;
  const commit = () => commitChanges(req.repoDir, req.changes, req.message, { includeUserChanges });
  let result = first ?? (await commit());
  // Each question is asked at most once: the user's changes once, `git init` only on the first answer.
  for (let attempt = 0; !result.ok; attempt++) {
    if (result.kind === 'needs-confirmation' && !includeUserChanges) {
      const files = result.paths.join(', ');
      const yes =
        req.confirm ??
        (await ask(
          vscode.l10n.t('{0} has changes of yours that are not committed, and the decision builds on them. Commit the file as it is, with your changes, together with the decision?', files),
          vscode.l10n.t('Commit Them Too'),
        ));
      if (!yes) break;
      includeUserChanges = true;
    } else if (result.kind === 'not-a-repo' && attempt === 0) {
      const init = req.initRepo ?? (await ask(vscode.l10n.t('{0} is not a git repository. The decision record is written; initialize a repository and commit it?', req.repoDir), vscode.l10n.t('Initialize Git Repository')));
      if (!init) break;
      const made = await initRepo(req.repoDir);
      if (!made.ok) {
        result = made;
        break;
      }
      req.log.info(`git init in ${req.repoDir}`);
    } else {
      break;
    }
    result = await commit();
  }
  if (result.ok) {
    req.log.info(`Committed ${result.paths.join(', ')} as ${result.commit}: ${req.message}`);
    if (result.warning) {
      req.log.warn(result.warning);
      void vscode.window.showWarningMessage(result.warning);
    }
    refreshScm(req.repoDir);
    return { committed: true, commit: result.commit };
  }
  const failure = explain(result, req);
  report(failure, result, req);
  return { committed: false, failure };
}

async function ask(message: string, yes: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(message, { modal: true }, yes)) === yes;
}

function files(req: CommitRequest): string {
  return req.changes.map((c) => path.basename(c.path)).join(', ');
}

/** The message for a failure, saying that the files are on disk and what to do. */
function explain(result: Exclude<CommitResult, { ok: true }>, req: CommitRequest): DecisionFailure {
  const kept =
    req.changes.length === 1 ? vscode.l10n.t('Nothing was committed; {0} stays on disk.', files(req)) : vscode.l10n.t('Nothing was committed; {0} stay on disk.', files(req));
  switch (result.kind) {
    case 'needs-confirmation':
      return { kind: result.kind, message: `${vscode.l10n.t('{0} has changes of yours that are not committed, and the decision builds on them: commit them first, or say yes to commit them with the decision.', result.paths.join(', '))} ${kept}` };
    case 'not-a-repo':
      return { kind: result.kind, message: `${vscode.l10n.t('{0} is not a git repository.', req.repoDir)} ${kept}` };
    case 'no-identity':
      return {
        kind: result.kind,
        message: `${vscode.l10n.t('git does not know who you are. Set your name and e-mail in a terminal: git config --global user.name "Your Name" and git config --global user.email you@example.com, then commit the files.')} ${kept}`,
      };
    case 'hook-failed':
      return { kind: result.kind, message: `${vscode.l10n.t('A git hook refused the commit (its output is in the ML Roadmap log).')} ${kept}` };
    default:
      return { kind: result.kind, message: `${result.message} ${kept}` };
  }
}

function report(failure: DecisionFailure, result: Exclude<CommitResult, { ok: true }>, req: CommitRequest): void {
  req.log.warn(`Decision commit failed (${failure.kind}): ${result.message}`);
  if ('output' in result && result.output) req.log.warn(result.output);
  const actions: string[] = [];
  const showLog = vscode.l10n.t('Show Log');
  const openRecord = vscode.l10n.t('Open Record');
  if (failure.kind === 'hook-failed') actions.push(showLog);
  if (req.recordFile) actions.push(openRecord);
  void vscode.window.showErrorMessage(failure.message, ...actions).then((choice) => {
    if (choice === showLog) req.log.show(true);
    if (choice === openRecord && req.recordFile) void vscode.window.showTextDocument(vscode.Uri.file(req.recordFile));
  });
}

/** The part of VS Code's git extension API used here. */
interface GitApi {
  readonly repositories: readonly { readonly rootUri: vscode.Uri; status(): Promise<void> }[];
  openRepository?(root: vscode.Uri): Promise<unknown>;
}

/** Refreshes the Source Control view when VS Code's git extension runs (a new repository is opened there); nothing otherwise. */
export function refreshScm(repoDir: string): void {
  const git = vscode.extensions.getExtension<{ getAPI?(version: 1): GitApi }>('vscode.git');
  if (!git?.isActive) return;
  try {
    const api = git.exports.getAPI?.(1);
    if (!api) return;
    const dir = path.resolve(repoDir);
    const repo = api.repositories.find((r) => dir === r.rootUri.fsPath || dir.startsWith(r.rootUri.fsPath + path.sep));
    const refreshed = repo ? repo.status() : api.openRepository?.(vscode.Uri.file(dir));
    void Promise.resolve(refreshed).catch(() => undefined);
  } catch {
    // The git extension is disabled or its API changed: the view refreshes on its own later.
  }
}

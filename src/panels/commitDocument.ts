// The read-only document `mlroadmap-commit:` that shows the commit a run was measured on: the output of
// `git show --stat --patch <commit>` in the roadmap's repository (src/git/show.ts). The Evaluation Review opens it when
// the built-in git extension cannot show the commit itself. The URI names the roadmap (it must be one the store
// knows, so no other folder is ever read) and the commit (hex only, checked again here).
import * as vscode from 'vscode';
import { COMMIT_ID, showCommit } from '../git';
import type { RoadmapStore } from '../workspace/roadmapStore';

export const COMMIT_SCHEME = 'mlroadmap-commit';

interface CommitQuery {
  readonly roadmap: string;
  readonly commit: string;
}

/** The document of a commit of a roadmap's repository. */
export function commitUri(roadmap: vscode.Uri, commit: string, label: string): vscode.Uri {
  const query: CommitQuery = { roadmap: roadmap.toString(), commit };
  const name = `${commit.slice(0, 10)} ${label.replace(/[/\\?#]/g, '_')}.diff`;
  return vscode.Uri.from({ scheme: COMMIT_SCHEME, path: `/${name}`, query: JSON.stringify(query) });
}

export class CommitDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly store: RoadmapStore) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    let query: Partial<CommitQuery>;
    try {
      query = JSON.parse(uri.query) as Partial<CommitQuery>;
    } catch {
      return vscode.l10n.t('Not a commit: {0}', uri.toString());
    }
    if (typeof query.commit !== 'string' || !COMMIT_ID.test(query.commit) || typeof query.roadmap !== 'string') return vscode.l10n.t('Not a commit: {0}', uri.toString());
    if (!vscode.workspace.isTrusted) return vscode.l10n.t('ML Roadmap does not run git in Restricted Mode. Trust this workspace to see the commit.');
    const entry = this.store.get(vscode.Uri.parse(query.roadmap));
    if (!entry) return vscode.l10n.t('The roadmap {0} is not open in this workspace.', query.roadmap);
    const shown = await showCommit(entry.root.fsPath, query.commit);
    return shown.ok ? shown.text : shown.message;
  }
}

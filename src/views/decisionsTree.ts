import * as vscode from 'vscode';
import type { DecisionView } from '../services';
import type { RoadmapEntry } from '../workspace/roadmapStore';
import type { FolderError } from '../core/decisions/model';
import { decisionIcon, severityIcon } from './icons';
import { joinDefined, md } from './format';
import { entryKey, type ViewNode } from './viewNode';

function numbered(n: number): string {
  return String(n).padStart(4, '0');
}

function decisionNode(key: string, record: DecisionView): ViewNode {
  const links = joinDefined(
    [
      record.supersedes.length > 0 && vscode.l10n.t('supersedes {0}', record.supersedes.map(numbered).join(', ')),
      record.supersededBy.length > 0 && vscode.l10n.t('superseded by {0}', record.supersededBy.map(numbered).join(', ')),
    ],
    '; ',
  );
  return {
    id: `${key}/decision/${record.number}`,
    label: `${numbered(record.number)} ${record.title}`,
    description: joinDefined([record.status, record.date, record.candidates.join(', ')]),
    tooltip: joinDefined(
      [
        `**${md(numbered(record.number))} ${md(record.title)}**`,
        joinDefined([record.status !== undefined ? md(record.status) : vscode.l10n.t('no status written'), record.date && md(record.date)]),
        record.candidates.length > 0 && vscode.l10n.t('Candidates: {0}', md(record.candidates.join(', '))),
        links && md(links),
        md(vscode.workspace.asRelativePath(record.file)),
      ],
      '\n\n',
    ),
    icon: decisionIcon(record.category),
    contextValue: 'decision',
    file: record.file,
    itemId: String(record.number),
  };
}

/**
 * Architecture decision records of one roadmap, newest first. A folder that cannot be listed shows as an error
 * node (its records are unknown, not none), never as the empty "no decisions recorded yet" view.
 */
export function buildDecisionNodes(entry: RoadmapEntry, records: readonly DecisionView[], folderError?: FolderError): ViewNode[] {
  const key = entryKey(entry);
  const nodes = [...records].sort((a, b) => b.number - a.number).map((r) => decisionNode(key, r));
  if (!folderError) return nodes;
  return [
    {
      id: `${key}/decisions-folder-error`,
      label: vscode.l10n.t('Cannot read the decisions folder'),
      description: folderError.code ?? vscode.workspace.asRelativePath(folderError.folder),
      tooltip: md(folderError.message),
      icon: severityIcon('error'),
      contextValue: 'decisionsFolderError',
    },
    ...nodes,
  ];
}

import * as vscode from 'vscode';
import type { StepStatus } from '../core/roadmap/model';
import type { FocusEntry, RoadmapAnalysisResult } from '../workspace/analysis';
import { severityIcon, stepIcon } from './icons';
import { joinDefined, md } from './format';
import { contextValue, headRange, type ViewNode } from './viewNode';

/** One item of the Roadmap view's Focus section. */
export function focusItemView(key: string, item: FocusEntry, index: number): ViewNode {
  const range = item.range && headRange(item.range);
  if (item.kind === 'finding') {
    return {
      id: `${key}/focus/${index}/${item.code ?? 'finding'}`,
      label: item.title,
      description: item.code,
      tooltip: joinDefined([`**${md(item.code ?? '')}**`, md(item.title)], '\n\n'),
      icon: severityIcon(item.severity ?? 'warning'),
      contextValue: contextValue('finding', range),
      roadmap: key,
      ...(range ? { range } : {}),
      ...(item.itemId ? { itemId: item.itemId } : {}),
    };
  }
  return {
    id: `${key}/focus/${index}/step/${item.itemId ?? item.title}`,
    label: item.title,
    description: joinDefined([item.owner ?? vscode.l10n.t('no owner'), item.group]),
    tooltip: joinDefined([`**${md(item.title)}**`, item.group && md(item.group), item.owner && vscode.l10n.t('Owner: {0}', md(item.owner))], '\n\n'),
    icon: stepIcon((item.status ?? 'todo') as StepStatus),
    contextValue: contextValue('step', range),
    roadmap: key,
    ...(range ? { range } : {}),
    ...(item.itemId ? { itemId: item.itemId } : {}),
  };
}

/** The focus of a roadmap as a Markdown checklist for a backlog tool. */
export function focusMarkdown(result: RoadmapAnalysisResult): string {
  const name = result.roadmap?.project.name ?? result.entry.label;
  const lines = [`## ${vscode.l10n.t('Focus: {0}', name)}`, ''];
  for (const item of result.focus) {
    lines.push(`- [ ] ${item.title}${item.owner ? ` (@${item.owner})` : ''}${item.code ? ` \`${item.code}\`` : ''}`);
  }
  if (result.focus.length === 0) lines.push(vscode.l10n.t('Nothing open.'));
  return lines.join('\n') + '\n';
}

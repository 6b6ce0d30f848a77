import * as vscode from 'vscode';
import { focusAsMarkdown, type FocusItem } from '../core/process/focus';
import { groupTitle } from '../core/process/progress';
import type { Phase } from '../core/roadmap/model';
import type { RoadmapAnalysisResult } from '../workspace/analysis';
import { severityIcon, stepIcon } from './icons';
import { joinDefined, md } from './format';
import { contextValue, headRange, type ViewNode } from './viewNode';

/** One item of the Roadmap view's Focus section: a pitfall finding or a next step. */
export function focusItemView(key: string, item: FocusItem, index: number, phase: Phase): ViewNode {
  const range = item.range && headRange(item.range);
  const located = { roadmap: key, ...(range ? { range } : {}) };
  if (item.kind === 'pitfall') {
    return {
      id: `${key}/focus/${index}/${item.code ?? 'pitfall'}/${item.target ?? ''}`,
      label: item.title,
      description: joinDefined([item.pitfall !== item.title && item.pitfall, item.severity]),
      tooltip: joinDefined([`**${md(item.title)}** \`${item.code ?? ''}\``, md(item.detail)], '\n\n'),
      icon: severityIcon(item.severity ?? 'warning'),
      contextValue: contextValue('finding', range),
      ...located,
      ...(item.target ? { itemId: item.target } : {}),
    };
  }
  const group = item.group ? groupTitle(phase, item.group) : undefined;
  return {
    id: `${key}/focus/${index}/step/${item.stepId ?? item.title}`,
    label: item.title,
    description: joinDefined([item.owner ?? vscode.l10n.t('no owner'), group]),
    tooltip: joinDefined([`**${md(item.title)}**`, md(item.detail), item.owner && vscode.l10n.t('Owner: {0}', md(item.owner))], '\n\n'),
    icon: stepIcon(item.status ?? 'todo'),
    contextValue: contextValue('step', range),
    ...located,
    ...(item.stepId ? { itemId: item.stepId } : {}),
  };
}

/** The focus of a roadmap as a Markdown checklist for a backlog tool. */
export function focusMarkdown(result: RoadmapAnalysisResult): string {
  return result.roadmap ? focusAsMarkdown(result.focus, result.roadmap) : '';
}

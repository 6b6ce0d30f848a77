import * as vscode from 'vscode';
import type { Metric, RealityCheck, Roadmap } from '../core/roadmap/model';
import type { RoadmapEntry } from '../workspace/roadmapStore';
import { verdictIcon } from './icons';
import { formatNumber } from '../core/results/numbers';
import { capitalize, joinDefined, md } from './format';
import { contextValue, entryKey, headRange, type ViewNode } from './viewNode';

const KIND_ICON: Record<string, string> = { offline: 'graph-line', online: 'pulse', business: 'briefcase' };

function metricNode(key: string, metric: Metric, primary: boolean): ViewNode {
  const goal = metric.goal === 'maximize' ? '↑' : '↓';
  const target = metric.target !== undefined ? `${goal} ${formatNumber(metric.target)}` : vscode.l10n.t('{0} no target', goal);
  const why = metric.why ?? metric.measured_by;
  const tooltip = joinDefined(
    [
      `**${md(metric.id)}**${primary ? ' — ' + vscode.l10n.t('primary metric') : ''}`,
      `${metric.kind ?? vscode.l10n.t('kind not set')} · ${metric.goal}${metric.target !== undefined ? ' · ' + vscode.l10n.t('target {0}', formatNumber(metric.target)) : ''}`,
      metric.why && vscode.l10n.t('Why: {0}', md(metric.why)),
      metric.measured_by && vscode.l10n.t('Measured by: {0}', md(metric.measured_by)),
    ],
    '\n\n',
  );
  const children: ViewNode[] = why
    ? [{ id: `${key}/metric/${metric.id}/why`, label: why, icon: { id: metric.why ? 'question' : 'beaker' }, tooltip: md(why), roadmap: key, range: headRange(metric.range) }]
    : [];
  return {
    id: `${key}/metric/${metric.id}`,
    label: metric.id,
    description: joinDefined([metric.kind, target, primary && vscode.l10n.t('primary')]),
    tooltip,
    icon: { id: KIND_ICON[metric.kind ?? ''] ?? 'graph' },
    contextValue: contextValue('metric', metric.range),
    roadmap: key,
    range: headRange(metric.range),
    itemId: metric.id,
    children,
  };
}

function realityCheckNode(key: string, check: RealityCheck): ViewNode {
  return {
    id: `${key}/reality/${check.id}`,
    label: check.id,
    description: joinDefined([check.verdict, check.kind, check.candidate, check.date]),
    tooltip: joinDefined(
      [
        `**${md(check.id)}** — ${md(capitalize(check.verdict))}`,
        joinDefined([check.kind, check.candidate && vscode.l10n.t('candidate {0}', check.candidate), check.date]),
        check.notes && md(check.notes),
      ],
      '\n\n',
    ),
    icon: verdictIcon(check.verdict),
    contextValue: contextValue('realityCheck', check.range),
    roadmap: key,
    range: headRange(check.range),
    itemId: check.id,
  };
}

/** Metrics (kind, goal, target, why) and reality checks (verdicts) of one roadmap. */
export function buildMetricsNodes(entry: RoadmapEntry, roadmap: Roadmap | undefined): ViewNode[] {
  if (!roadmap || (roadmap.metrics.length === 0 && roadmap.reality_checks.length === 0)) return [];
  const key = entryKey(entry);
  return [
    {
      id: `${key}/metrics`,
      label: vscode.l10n.t('Metrics'),
      description: String(roadmap.metrics.length),
      icon: { id: 'dashboard' },
      expanded: true,
      children: roadmap.metrics.map((m, i) => metricNode(key, m, i === 0)),
    },
    {
      id: `${key}/reality`,
      label: vscode.l10n.t('Reality checks'),
      description: roadmap.reality_checks.length ? String(roadmap.reality_checks.length) : vscode.l10n.t('none yet'),
      icon: { id: 'person' },
      expanded: true,
      children: roadmap.reality_checks.map((c) => realityCheckNode(key, c)),
    },
  ];
}

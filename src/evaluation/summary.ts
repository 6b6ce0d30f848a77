// One-line and table summaries of a candidate's latest result, shared by the CodeLens and the hover.
import * as vscode from 'vscode';
import type { Roadmap } from '../core/roadmap/model';
import { baselineCandidate } from '../core/pitfalls';
import { compareToBaseline, primaryMetric } from '../core/results';
import { comparisonRows, formatAge } from '../core/results/comparisonReport';
import { formatNumber, formatSigned } from '../core/results/numbers';
import type { CandidateResultView } from '../services';

/** `accuracy 0.962 · +0.77 vs majority · target 0.97 ✗ · 2 h ago`; undefined when there is no result. */
export function resultLine(roadmap: Roadmap, candidate: string, latest: (id: string) => CandidateResultView | undefined, now = new Date()): string | undefined {
  const result = latest(candidate);
  if (!result) return undefined;
  const metric = primaryMetric(roadmap);
  const base = baselineCandidate(roadmap)?.id;
  const baseline = base !== undefined && base !== candidate ? latest(base) : undefined;
  const parts: string[] = [];
  if (metric) {
    const c = compareToBaseline(result.metrics, baseline?.metrics, metric);
    parts.push(c.value === undefined ? vscode.l10n.t('no {0}', metric.id) : `${metric.id} ${formatNumber(c.value)}`);
    if (c.delta !== undefined) parts.push(vscode.l10n.t('{0} vs {1}', formatSigned(c.delta), base ?? ''));
    if (metric.target !== undefined) parts.push(`${vscode.l10n.t('target {0}', formatNumber(metric.target))} ${c.targetMet ? '✓' : '✗'}`);
  } else {
    const [name, value] = Object.entries(result.metrics)[0] ?? [];
    if (name !== undefined) parts.push(`${name} ${formatNumber(value)}`);
  }
  if (result.at) parts.push(formatAge(result.at, now));
  if (result.notFromPipeline) parts.push(`$(warning) ${vscode.l10n.t('not from the pipeline')}`);
  if (result.stale) parts.push(`$(warning) ${vscode.l10n.t('stale')}`);
  return parts.join(' · ');
}

function escapeCell(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** The full metric table of a candidate's latest result, against the baseline and the targets, as Markdown. */
export function resultTable(roadmap: Roadmap, candidate: string, latest: (id: string) => CandidateResultView | undefined, now = new Date()): string {
  const result = latest(candidate);
  if (!result) return vscode.l10n.t('**{0}**: no result yet.', escapeCell(candidate));
  const base = baselineCandidate(roadmap)?.id;
  const baseline = base !== undefined && base !== candidate ? latest(base) : undefined;
  const rows = [
    `| ${vscode.l10n.t('metric')} | ${escapeCell(candidate)} |${baseline ? ` ${escapeCell(base ?? '')} | Δ |` : ''} ${vscode.l10n.t('target')} |`,
    `| --- | ---: |${baseline ? ' ---: | ---: |' : ''} ---: |`,
  ];
  for (const row of comparisonRows(roadmap.metrics, result.metrics, baseline?.metrics)) {
    // Roadmap metrics neither side has, and metrics only the baseline has, are left out.
    if (row.metric ? row.value === undefined && row.baseline === undefined : row.value === undefined) continue;
    const target =
      row.metric?.target === undefined ? '—' : `${formatNumber(row.metric.target)} ${row.targetMet === undefined ? '' : row.targetMet ? '✓' : '✗'}`;
    rows.push(
      `| ${escapeCell(row.name)} | ${formatNumber(row.value)} |${baseline ? ` ${formatNumber(row.baseline)} | ${row.delta === undefined ? '—' : formatSigned(row.delta)} |` : ''} ${target} |`,
    );
  }
  const facts = [
    result.at && vscode.l10n.t('Measured {0} ({1})', formatAge(result.at, now), result.at),
    result.commit && vscode.l10n.t('commit {0}{1}', result.commit.slice(0, 12), result.dirty ? vscode.l10n.t(' with uncommitted changes') : ''),
    result.datasetSha256 && vscode.l10n.t('dataset sha256 {0}…', result.datasetSha256.slice(0, 12)),
    vscode.l10n.t('from {0}', escapeCell(vscode.workspace.asRelativePath(result.source))),
  ].filter((f): f is string => typeof f === 'string' && f.length > 0);
  const warnings = [
    result.notFromPipeline && vscode.l10n.t('Not from the pipeline: no evaluation run recorded these numbers, so they do not count as evaluated. Run the evaluation for {0}.', escapeCell(candidate)),
    result.stale && escapeCell(result.stale),
  ].filter((w): w is string => typeof w === 'string' && w.length > 0);
  const notes = warnings.map((w) => `\n\n$(warning) ${w}`).join('');
  return `**${escapeCell(candidate)}**${base === candidate ? ` — ${vscode.l10n.t('baseline')}` : ''}\n\n${rows.join('\n')}\n\n${facts.join(' · ')}${notes}`;
}

// What changed since a git ref, for the report's "Since <ref>" section: the roadmap as the ref holds it (its text,
// parsed here) against today's, the decision records then and now, and the history records made after the ref's
// commit. Pure: the caller reads the ref through the git adapter (src/git/revision.ts) and passes the texts.
import * as l10n from '@vscode/l10n';
import { padNumber, type DecisionRecord } from '../decisions/model';
import { STAGE_DESCRIPTIONS } from '../process/stages';
import type { HistoryRecord } from '../results/history';
import { formatNumber } from '../results/numbers';
import type { Roadmap, Step } from '../roadmap/model';
import { parseRoadmap } from '../roadmap/parse';
import type { ReportSince } from './model';

type Decision = Pick<DecisionRecord, 'number' | 'title' | 'status'>;

export interface SinceInputs {
  /** The ref as the user wrote it. */
  readonly ref: string;
  /** Full id of its commit. */
  readonly commit: string;
  /** The commit's time, ISO 8601. */
  readonly committedAt: string;
  /** The text of mlroadmap.yaml at the ref; undefined when the ref has no such file. */
  readonly roadmapThen: string | undefined;
  readonly roadmapNow: Roadmap | undefined;
  /** The decision records at the ref. */
  readonly decisionsThen: readonly Decision[];
  readonly decisionsNow: readonly Decision[];
  /** Every history record now (`.mlroadmap/history.jsonl`). */
  readonly history: readonly HistoryRecord[];
}

function stepsOf(r: Roadmap | undefined): Map<string, { step: Step; group: string }> {
  const out = new Map<string, { step: Step; group: string }>();
  if (!r) return out;
  for (const d of r.discovery) for (const step of d.steps) out.set(`discovery:${d.stage}:${step.id}`, { step, group: STAGE_DESCRIPTIONS[d.stage].title });
  for (const t of r.production) for (const step of t.steps) out.set(`production:${t.track}:${step.id}`, { step, group: t.track });
  return out;
}

const target = (n: number | undefined): string => (n === undefined ? l10n.t('no target') : formatNumber(n));

export function reportSince(inputs: SinceInputs): ReportSince {
  const then = inputs.roadmapThen === undefined ? undefined : parseRoadmap(inputs.roadmapThen).roadmap;
  const now = inputs.roadmapNow;

  const stepsThen = stepsOf(then);
  const steps = [...stepsOf(now)].flatMap(([key, { step, group }]) => {
    const before = stepsThen.get(key)?.step.status;
    return before === step.status ? [] : [{ id: step.id, title: step.title ?? step.id, group, ...(before !== undefined ? { from: before } : {}), to: step.status }];
  });

  const candidatesThen = new Map((then?.candidates ?? []).map((c) => [c.id, c]));
  const candidatesNow = new Set((now?.candidates ?? []).map((c) => c.id));
  const candidates = [
    ...(now?.candidates ?? []).flatMap((c) => {
      const before = candidatesThen.get(c.id)?.status;
      return before === c.status ? [] : [{ id: c.id, title: c.title ?? c.id, ...(before !== undefined ? { from: before } : {}), to: c.status }];
    }),
    ...[...candidatesThen.values()].filter((c) => !candidatesNow.has(c.id)).map((c) => ({ id: c.id, title: c.title ?? c.id, from: c.status })),
  ];

  const metricsThen = new Map((then?.metrics ?? []).map((m) => [m.id, m]));
  const metrics = (now?.metrics ?? []).flatMap((m) => {
    const before = metricsThen.get(m.id);
    if (before && Object.is(before.target, m.target)) return [];
    if (!before && m.target === undefined) return [];
    return [{ id: m.id, ...(before ? { from: target(before.target) } : {}), to: target(m.target) }];
  });

  const decisionsThen = new Map(inputs.decisionsThen.map((d) => [d.number, d]));
  const decisions = inputs.decisionsNow.flatMap((d) => {
    const before = decisionsThen.get(d.number);
    if (before && before.status === d.status) return [];
    return [
      {
        number: padNumber(d.number),
        title: d.title,
        ...(before ? { from: before.status ?? l10n.t('no status') } : {}),
        to: d.status ?? l10n.t('no status'),
      },
    ];
  });

  const since = Date.parse(inputs.committedAt);
  const results = inputs.history
    .filter((r) => Date.parse(r.recordedAt) > since)
    .sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt))
    .map((r) => ({
      candidate: r.candidate,
      recordedAt: r.recordedAt,
      metrics: Object.entries(r.metrics)
        .map(([k, v]) => `${k} ${formatNumber(v)}`)
        .join(', '),
      ...(r.git ? { commit: r.git.commit.slice(0, 7) } : {}),
    }));

  return {
    ref: inputs.ref,
    commit: inputs.commit.slice(0, 7),
    committedAt: inputs.committedAt,
    roadmapAtRef: inputs.roadmapThen === undefined ? 'absent' : then ? 'read' : 'unreadable',
    steps,
    candidates,
    metrics,
    decisions,
    results,
  };
}

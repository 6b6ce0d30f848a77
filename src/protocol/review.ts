// The Evaluation Review's message contract, imported by the host (src/panels/review.ts) and the webview
// (webview/review). The webview says `ready`, the host answers with a snapshot of what the first screen shows (again
// after every change of the roadmap, its results or the pinned run): the summary, the chart's columns over every run
// and the first rows of the run table; once painted, the webview asks for the rest of the table (`loadRuns`) and the
// host answers in `runs` pages of the same snapshot. The webview's requests are validated on the host before anything
// is done.
import * as v from 'valibot';
import type { ReviewRunDetail, ReviewRunsPage, ReviewSnapshot } from '../core/views/review-model';

export const REVIEW_VIEW_TYPE = 'mlroadmap.review';

/**
 * Host -> webview: snapshots (the first screen), the pages of a snapshot's run table (the answer to `loadRuns`), and
 * the answer to `showRunDetail` (a run's per-class table, asked on demand).
 */
export type ReviewUpdate =
  | { readonly type: 'snapshot'; readonly roadmap: string; readonly model: ReviewSnapshot }
  | { readonly type: 'runs'; readonly page: ReviewRunsPage }
  | { readonly type: 'runDetail'; readonly detail: ReviewRunDetail };

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const runId = v.pipe(v.string(), v.regex(/^(run|failure)-\d{1,9}$/));
/** A history record only: the host looks the run up itself (its commit is never taken from the webview). */
const historyRunId = v.pipe(v.string(), v.regex(/^run-\d{1,9}$/));

/** Webview -> host, as a schema: anything else is refused. */
export const ReviewRequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('ready') }),
  v.strictObject({ type: v.literal('pinBaseline'), runId }),
  v.strictObject({ type: v.literal('unpin') }),
  v.strictObject({ type: v.literal('exportCsv'), candidate: v.optional(id), diffOnly: v.boolean() }),
  v.strictObject({ type: v.literal('showLog'), runId }),
  v.strictObject({ type: v.literal('revealCandidate'), id }),
  v.strictObject({ type: v.literal('showRunDetail'), runId: historyRunId }),
  v.strictObject({ type: v.literal('showCommit'), runId: historyRunId }),
  /** The run table's rows of snapshot `version` from `offset` on (a page; the webview asks again for the next). */
  v.strictObject({ type: v.literal('loadRuns'), version: v.pipe(v.number(), v.integer(), v.minValue(0)), offset: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999_999_999)) }),
]);

export type ReviewRequest = v.InferOutput<typeof ReviewRequestSchema>;

/** The request, or why the message is not one. */
export function parseReviewRequest(message: unknown): { ok: true; request: ReviewRequest } | { ok: false; error: string } {
  const r = v.safeParse(ReviewRequestSchema, message);
  return r.success ? { ok: true, request: r.output } : { ok: false, error: r.issues.map((i) => `${v.getDotPath(i) ?? 'message'}: ${i.message}`).join('; ') };
}

/** The state the webview keeps with `setState` (restored after a reload through the panel serializer). */
export interface ReviewState {
  /** The roadmap shown, as a URI string. */
  readonly roadmap?: string;
  /** The metric column the chart draws. */
  readonly metric?: string;
  readonly candidate?: string;
  readonly diffOnly?: boolean;
  /** The run pinned as the baseline, asked of the host again after a reload. */
  readonly pinned?: string;
  readonly scrollTop?: number;
  /** The run whose detail (per-class table) is shown, asked of the host again after a reload. */
  readonly selected?: string;
  /** How the per-class table is sorted. */
  readonly perClassSort?: { readonly column: number; readonly descending: boolean };
}

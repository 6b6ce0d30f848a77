// The Evaluation Review's message contract, imported by the host (src/panels/review.ts) and the webview
// (webview/review). The webview says `ready`, the host answers with a snapshot of what the first screen shows (again
// after every change of the roadmap, its results or the pinned run): the summary, the chart's columns over every run
// and the first rows of the run table; once painted, the webview asks for the rest of the table (`loadRuns`) and the
// host answers in `runs` pages of the same snapshot. The webview's requests are validated on the host before anything
// is done.
import * as v from 'valibot';
import type { ReviewRunDetail, ReviewRunsPage, ReviewSnapshot } from '../core/views/review-model';
import { parseState } from './state';

export const REVIEW_VIEW_TYPE = 'mlroadmap.review';

/**
 * Host -> webview: snapshots (the first screen; once, after a restore, with the state the host validated in place of
 * the one kept), the pages of a snapshot's run table (the answer to `loadRuns`), and the answer to `showRunDetail`
 * (a run's per-class table, asked on demand).
 */
export type ReviewUpdate =
  | { readonly type: 'snapshot'; readonly roadmap: string; readonly model: ReviewSnapshot; readonly state?: ReviewState }
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

/**
 * The state the webview keeps with `setState`, as a schema: VS Code hands it back to the panel serializer after a
 * reload, from the webview, so the host validates it before it reopens anything (see `Panels.restore`).
 */
export const ReviewStateSchema = v.object({
  /** The roadmap shown, as a URI string. */
  roadmap: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(4_000))),
  /** The metric column the chart draws. */
  metric: v.optional(id),
  candidate: v.optional(id),
  diffOnly: v.optional(v.boolean()),
  /** The run pinned as the baseline: the host pins it again when it restores the panel. */
  pinned: v.optional(runId),
  scrollTop: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
  /** The run whose detail (per-class table) is shown, asked of the host again after a reload. */
  selected: v.optional(historyRunId),
  /** How the per-class table is sorted. */
  perClassSort: v.optional(v.object({ column: v.pipe(v.number(), v.integer(), v.minValue(-1), v.maxValue(10_000)), descending: v.boolean() })),
});

/** The state the webview keeps with `setState` (restored after a reload through the panel serializer). */
export type ReviewState = Readonly<v.InferOutput<typeof ReviewStateSchema>>;

/** The state, or why the value kept is not one. */
export function parseReviewState(state: unknown): { ok: true; state: ReviewState } | { ok: false; error: string } {
  return parseState(ReviewStateSchema, state);
}

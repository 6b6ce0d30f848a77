// The Evaluation Review's message contract, imported by the host (src/panels/review.ts) and the webview
// (webview/review). The webview says `ready`, the host answers with full snapshots (again after every change of the
// roadmap, its results or the pinned run); the webview's requests are validated on the host before anything is done.
import * as v from 'valibot';
import type { ReviewModel } from '../core/views/review-model';
import { parseState } from './state';

export const REVIEW_VIEW_TYPE = 'mlroadmap.review';

/** Host -> webview. */
export type ReviewUpdate = { readonly type: 'snapshot'; readonly roadmap: string; readonly model: ReviewModel; /** Once, after a restore: the state the host validated, in place of the one kept. */ readonly state?: ReviewState };

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const runId = v.pipe(v.string(), v.regex(/^(run|failure)-\d{1,9}$/));

/** Webview -> host, as a schema: anything else is refused. */
export const ReviewRequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('ready') }),
  v.strictObject({ type: v.literal('pinBaseline'), runId }),
  v.strictObject({ type: v.literal('unpin') }),
  v.strictObject({ type: v.literal('exportCsv'), candidate: v.optional(id), diffOnly: v.boolean() }),
  v.strictObject({ type: v.literal('showLog'), runId }),
  v.strictObject({ type: v.literal('revealCandidate'), id }),
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
});

/** The state the webview keeps with `setState` (restored after a reload through the panel serializer). */
export type ReviewState = Readonly<v.InferOutput<typeof ReviewStateSchema>>;

/** The state, or why the value kept is not one. */
export function parseReviewState(state: unknown): { ok: true; state: ReviewState } | { ok: false; error: string } {
  return parseState(ReviewStateSchema, state);
}

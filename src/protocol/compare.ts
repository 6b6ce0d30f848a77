// Compare Candidates' message contract, imported by the host (src/panels/compare.ts) and the webview
// (webview/compare). The webview says `ready`, the host answers with full snapshots (again after every change of the
// roadmap or the results); the webview's requests are validated on the host before anything is done, since the
// webview is untrusted.
import * as v from 'valibot';
import type { CompareModel, CompareSort } from '../core/views/compare-model';
import { CANDIDATE_STATUSES, type CandidateStatus } from '../core/roadmap/model';
import { isFollowableLink } from '../core/links';
import { parseState } from './state';

export const COMPARE_VIEW_TYPE = 'mlroadmap.compare';

/** Host -> webview. */
export type CompareUpdate = { readonly type: 'snapshot'; readonly roadmap: string; readonly model: CompareModel; /** Once, after a restore: the state the host validated, in place of the one kept. */ readonly state?: CompareState };

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
/**
 * Only web links: anything else (javascript:, data:, file:, command:), and http(s) links with bidirectional controls,
 * whitespace or invisible characters, is refused before it reaches Open Link.
 */
const url = v.pipe(v.string(), v.check(isFollowableLink, 'only http(s) links without bidirectional controls or invisible characters'));

/** Webview -> host, as a schema: anything else is refused. */
export const CompareRequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('ready') }),
  v.strictObject({ type: v.literal('revealCandidate'), id }),
  v.strictObject({ type: v.literal('evaluateCandidate'), id }),
  v.strictObject({ type: v.literal('recordDecision'), id }),
  v.strictObject({ type: v.literal('openLink'), url }),
]);

export type CompareRequest = v.InferOutput<typeof CompareRequestSchema>;

/** The request, or why the message is not one. */
export function parseCompareRequest(message: unknown): { ok: true; request: CompareRequest } | { ok: false; error: string } {
  const r = v.safeParse(CompareRequestSchema, message);
  return r.success ? { ok: true, request: r.output } : { ok: false, error: r.issues.map((i) => `${v.getDotPath(i) ?? 'message'}: ${i.message}`).join('; ') };
}

/**
 * The state the webview keeps with `setState`, as a schema: VS Code hands it back to the panel serializer after a
 * reload, from the webview, so the host validates it before it reopens anything (see `Panels.restore`).
 */
export const CompareStateSchema = v.object({
  /** The roadmap shown, as a URI string. */
  roadmap: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(4_000))),
  sort: v.optional(v.object({ key: id, direction: v.picklist(['ascending', 'descending']) })),
  statuses: v.optional(v.pipe(v.array(v.picklist(CANDIDATE_STATUSES)), v.maxLength(CANDIDATE_STATUSES.length))),
  text: v.optional(v.pipe(v.string(), v.maxLength(1_000))),
  /** The column keys chosen; the defaults when absent. */
  columns: v.optional(v.pipe(v.array(id), v.maxLength(500))),
  /** Whether the column chooser is open. */
  columnsOpen: v.optional(v.boolean()),
  /** The selected candidate. */
  selected: v.optional(id),
});

/** The state the webview keeps with `setState` (restored after a reload through the panel serializer). */
export interface CompareState {
  readonly roadmap?: string;
  readonly sort?: CompareSort;
  readonly statuses?: readonly CandidateStatus[];
  readonly text?: string;
  readonly columns?: readonly string[];
  readonly columnsOpen?: boolean;
  readonly selected?: string;
}

/** The state, or why the value kept is not one. */
export function parseCompareState(state: unknown): { ok: true; state: CompareState } | { ok: false; error: string } {
  return parseState(CompareStateSchema, state);
}

// The Roadmap Board's message contract, imported by the host (src/panels/board.ts) and the webview
// (webview/board). The webview says `ready`, the host answers with full snapshots (again after every change);
// the webview's requests are validated on the host before anything is done, since the webview is untrusted.
import * as v from 'valibot';
import { STEP_STATUSES, type StepStatus } from '../core/roadmap/model';
import type { BoardModel } from '../core/views/board-model';
import { parseState } from './state';

export const BOARD_VIEW_TYPE = 'mlroadmap.board';

/**
 * Host -> webview: snapshots (once, after a restore, with the state the host validated in place of the one kept), and
 * the outcome of a move the webview asked for, so that it announces a move only once it is made.
 */
export type BoardUpdate =
  | { readonly type: 'snapshot'; readonly roadmap: string; readonly model: BoardModel; readonly state?: BoardState }
  | { readonly type: 'moved'; readonly stepId: string; readonly status: StepStatus; readonly done: boolean };

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const roadmapUri = v.pipe(v.string(), v.minLength(1), v.maxLength(4_000));
const index = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000));

/** Webview -> host, as a schema: anything else is refused. */
export const BoardRequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('ready') }),
  v.strictObject({ type: v.literal('setStepStatus'), stepId: id, status: v.picklist(STEP_STATUSES) }),
  v.strictObject({ type: v.literal('revealStep'), stepId: id }),
  v.strictObject({ type: v.literal('revealLine'), line: index }),
  v.strictObject({ type: v.literal('runFix'), finding: index, fix: index }),
]);

export type BoardRequest = v.InferOutput<typeof BoardRequestSchema>;

/** The request, or why the message is not one. */
export function parseBoardRequest(message: unknown): { ok: true; request: BoardRequest } | { ok: false; error: string } {
  const r = v.safeParse(BoardRequestSchema, message);
  return r.success ? { ok: true, request: r.output } : { ok: false, error: r.issues.map((i) => `${v.getDotPath(i) ?? 'message'}: ${i.message}`).join('; ') };
}

/**
 * The state the webview keeps with `setState`, as a schema: VS Code hands it back to the panel serializer after a
 * reload, from the webview, so the host validates it before it reopens anything (see `Panels.restore`).
 */
export const BoardStateSchema = v.object({
  /** The roadmap shown, as a URI string. */
  roadmap: v.optional(roadmapUri),
  phase: v.optional(v.picklist(['discovery', 'production'])),
  owner: v.optional(id),
  role: v.optional(id),
});

/** The state the webview keeps with `setState` (restored after a reload through the panel serializer). */
export type BoardState = Readonly<v.InferOutput<typeof BoardStateSchema>>;

/** The state, or why the value kept is not one. */
export function parseBoardState(state: unknown): { ok: true; state: BoardState } | { ok: false; error: string } {
  return parseState(BoardStateSchema, state);
}

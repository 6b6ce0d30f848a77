// The webview side of the host connection: the typed postMessage and the state VS Code keeps across reloads.

interface VsCodeApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

/** Every panel's host sends full snapshots; a panel may send other updates beside them (the Review's `runDetail`). */
type AnyUpdate = { readonly type: 'snapshot'; readonly model: unknown } | { readonly type: Exclude<string, 'snapshot'> };
type SnapshotModel<Update> = Extract<Update, { readonly type: 'snapshot' }> extends { readonly model: infer M } ? M : never;

export interface HostConnection<Request, Update extends AnyUpdate, State> {
  send(request: Request): void;
  onUpdate(listener: (update: Update) => void): void;
  /** The snapshots only (other updates go to `onUpdate`'s listeners). */
  onSnapshot(listener: (model: SnapshotModel<Update>) => void): void;
  /** The app's state kept across reloads (sort, filters, scroll…); empty at first. */
  readonly state: Partial<State>;
  /** Merges `patch` into the state and keeps it. */
  save(patch: Partial<State>): void;
}

/**
 * Connects once; `send` and `onUpdate` are typed by the panel's contract. The roadmap each snapshot names is kept in
 * the state beside the app's own, so that the panel serializer reopens the same roadmap after a reload.
 */
export function connect<Request, Update extends AnyUpdate, State>(): HostConnection<Request, Update, State> {
  const api = acquireVsCodeApi<Partial<State> & { roadmap?: string }>();
  let roadmap = api.getState()?.roadmap;
  let state: Partial<State> = api.getState() ?? {};
  const keep = () => api.setState({ ...state, ...(roadmap !== undefined ? { roadmap } : {}) });
  const connection: HostConnection<Request, Update, State> = {
    send: (request) => api.postMessage(request),
    onSnapshot: (listener) =>
      connection.onUpdate((update) => {
        if (update.type === 'snapshot') listener((update as { model: SnapshotModel<Update> }).model);
      }),
    onUpdate: (listener) =>
      window.addEventListener('message', (e: MessageEvent) => {
        const data = e.data as { type?: string; roadmap?: unknown; state?: unknown };
        // After a restore the host sends the state it validated (empty when it fell back): it replaces what was kept.
        if (data?.type === 'snapshot' && data.state && typeof data.state === 'object') {
          state = { ...(data.state as Partial<State>) };
          roadmap = undefined;
          keep();
        }
        if (data?.type === 'snapshot' && typeof data.roadmap === 'string' && data.roadmap !== roadmap) {
          roadmap = data.roadmap;
          keep();
        }
        listener(e.data as Update);
      }),
    get state() {
      return state;
    },
    save: (patch) => {
      state = { ...state, ...patch };
      keep();
    },
  };
  return connection;
}

/**
 * An element with text only (every string from the roadmap is set as text, never as HTML). String children are text
 * nodes; a data string inside UI text goes in as `bidi(text)` (webview/shared/bidi.ts), isolated from the text around.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { class?: string; text?: string; attrs?: Record<string, string> } = {}, ...children: (Node | string | undefined)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  for (const c of children) if (c !== undefined && c !== '') node.append(c);
  return node;
}

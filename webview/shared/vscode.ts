// The webview side of the host connection: the typed postMessage and the state VS Code keeps across reloads.

interface VsCodeApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

export interface HostConnection<Request, Update, State> {
  send(request: Request): void;
  onUpdate(listener: (update: Update) => void): void;
  readonly state: State | undefined;
  saveState(state: State): void;
}

/**
 * Connects once; `send` and `onUpdate` are typed by the panel's contract. The roadmap each snapshot names is kept in
 * the state beside the app's own, so that the panel serializer reopens the same roadmap after a reload.
 */
export function connect<Request, Update, State>(): HostConnection<Request, Update, State> {
  const api = acquireVsCodeApi<State & { roadmap?: string }>();
  let roadmap = api.getState()?.roadmap;
  const keep = (state: State) => api.setState({ ...state, ...(roadmap !== undefined ? { roadmap } : {}) });
  return {
    send: (request) => api.postMessage(request),
    onUpdate: (listener) =>
      window.addEventListener('message', (e: MessageEvent) => {
        const data = e.data as { type?: string; roadmap?: unknown };
        if (data?.type === 'snapshot' && typeof data.roadmap === 'string' && data.roadmap !== roadmap) {
          roadmap = data.roadmap;
          keep((api.getState() ?? {}) as State);
        }
        listener(e.data as Update);
      }),
    state: api.getState(),
    saveState: keep,
  };
}

/** An element with text only (every string from the roadmap is set as text, never as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { class?: string; text?: string; attrs?: Record<string, string> } = {}, ...children: (Node | undefined)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  for (const c of children) if (c) node.append(c);
  return node;
}

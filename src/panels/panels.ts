// What every ML Roadmap webview panel shares on the host side: one panel per roadmap (Show again reveals it), the
// serializer that restores it after a reload, a `ready` handshake before the first snapshot, full snapshots again
// whenever the roadmap's analysis or the results change, and every message from the webview validated by the
// panel's contract before anything is done (refused ones are logged and kept for tests).
import * as vscode from 'vscode';
import type { Services } from '../services';
import { chooseRoadmap, uriOf } from '../commands/target';
import { webviewHtml, webviewOptions } from './html';

/** One panel kind: its contract and what it shows and does. */
export interface PanelKind<Model, Request extends { readonly type: string }> {
  readonly viewType: string;
  /** The webview app (dist/webview/<app>.js and .css). */
  readonly app: string;
  title(services: Services, uri: vscode.Uri): string;
  /** The view model for the roadmap, built from the core and the indexes. */
  model(services: Services, uri: vscode.Uri): Model;
  /**
   * What a snapshot carries of the model, when not the model itself (the Review sends its first screen and keeps the
   * rest of the run table for the webview to ask for). Called once per snapshot sent.
   */
  readonly snapshot?: (services: Services, model: Model) => unknown;
  /** The contract's validation of a message from the webview. */
  parse(message: unknown): { ok: true; request: Request } | { ok: false; error: string };
  /** The contract's validation of the state the webview kept (handed back by VS Code after a reload). */
  parseState(state: unknown): { ok: true; state: KeptState } | { ok: false; error: string };
  /** What the host itself takes back from the state a restore uses, the default `{}` too (e.g. the Review's pinned run). */
  restoreState?(services: Services, uri: vscode.Uri, state: KeptState): void;
  /** Carries out a valid request other than `ready`. */
  handle(services: Services, panel: Panel<Model, Request>, request: Exclude<Request, { type: 'ready' }>): Promise<void>;
  /** Further events after which a new snapshot is sent (the analysis and Workspace Trust are always followed). */
  readonly alsoFollows?: (services: Services) => readonly vscode.Event<unknown>[];
}

/** What every panel's kept state holds; each contract's state schema adds the app's own keys. */
export interface KeptState {
  /** The roadmap shown, as a URI string. */
  readonly roadmap?: string;
}

/** The snapshot message every panel sends. */
export interface Snapshot {
  readonly type: 'snapshot';
  /** The roadmap shown, as a URI string: the webview keeps it in its state, so a reload reopens the same roadmap. */
  readonly roadmap: string;
  /** The model, or what the panel kind's `snapshot` makes of it. */
  readonly model: unknown;
  /**
   * Only on the first snapshot after a restore: the state the host validated (or `{}` when it fell back), which the
   * webview takes in place of what it kept, so a state the host refused is never drawn from.
   */
  readonly state?: KeptState;
}

/** What `Panels.restore` made of a kept state. */
export type RestoreOutcome<Model, Request extends { readonly type: string }> =
  | { readonly restored: Panel<Model, Request>; readonly state: KeptState; /** Why the kept state was not used, when it was not. */ readonly fellBack?: string }
  | { readonly closed: string };

export class Panel<Model, Request extends { readonly type: string }> {
  private readonly disposables: vscode.Disposable[] = [];
  /** Requests refused as invalid (for tests and the log). */
  readonly refused: string[] = [];
  /** The model of the last snapshot sent to the webview (the whole model, also when the snapshot carries part of it). */
  lastSent: Model | undefined;
  private ready = false;
  /** The state a restore validated, sent once with the next snapshot (see `Snapshot.state`). */
  private restoredState: KeptState | undefined;
  /** The snapshot that carried a restored state to the webview (for tests: what the host restored by itself). */
  sentRestore: { readonly state: KeptState; readonly model: Model } | undefined;
  /** The last update other than a snapshot sent to the webview (an answer to one of its requests). */
  lastUpdate: { readonly type: string } | undefined;

  constructor(
    private readonly services: Services,
    private readonly kind: PanelKind<Model, Request>,
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    onDispose: () => void,
    restoredState?: KeptState,
  ) {
    this.restoredState = restoredState;
    const extensionUri = services.context.extensionUri;
    panel.title = kind.title(services, uri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'mlroadmap.svg');
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = webviewHtml(panel.webview, extensionUri, kind.app, panel.title);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      services.analysis.onDidChange((entry) => {
        if (!entry || entry.uri.toString() === uri.toString()) this.post();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.post()),
      ...(kind.alsoFollows?.(services) ?? []).map((event) => event(() => this.post())),
      panel.onDidDispose(() => {
        onDispose();
        while (this.disposables.length) this.disposables.pop()?.dispose();
      }),
    );
  }

  /** The view model the webview is sent now. */
  model(): Model {
    return this.kind.model(this.services, this.uri);
  }

  /** Sends a fresh snapshot, once the webview has said it is ready. */
  post(): void {
    if (!this.ready) return;
    const model = this.model();
    const snapshot: Snapshot = {
      type: 'snapshot',
      roadmap: this.uri.toString(),
      model: this.kind.snapshot ? this.kind.snapshot(this.services, model) : model,
      ...(this.restoredState ? { state: this.restoredState } : {}),
    };
    if (snapshot.state) this.sentRestore = { state: snapshot.state, model };
    this.restoredState = undefined;
    this.lastSent = model;
    void this.panel.webview.postMessage(snapshot);
  }

  /** Sends the webview an update other than a snapshot (typed by the panel's contract at the call). */
  async send(update: { readonly type: string }): Promise<void> {
    this.lastUpdate = update;
    await this.panel.webview.postMessage(update);
  }

  /** Handles one message from the webview; anything that is not a valid request is refused and logged. */
  async receive(message: unknown): Promise<boolean> {
    const parsed = this.kind.parse(message);
    if (!parsed.ok) {
      this.refused.push(parsed.error);
      this.services.log.warn(`${this.kind.app}: refused a message from the webview (${parsed.error})`);
      return false;
    }
    const request = parsed.request;
    if (request.type === 'ready') {
      this.ready = true;
      this.post();
    } else {
      await this.kind.handle(this.services, this, request as Exclude<Request, { type: 'ready' }>);
    }
    return true;
  }
}

/** The open panels of one kind, one per roadmap; registers the Show command and the serializer. */
export class Panels<Model, Request extends { readonly type: string }> implements vscode.Disposable {
  private readonly open = new Map<string, Panel<Model, Request>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly services: Services,
    private readonly kind: PanelKind<Model, Request>,
    showCommand: string,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand(showCommand, async (arg?: unknown) => {
        await services.store.whenReady();
        const uri = await chooseRoadmap(services.store, arg);
        if (!uri) {
          void vscode.window.showInformationMessage(vscode.l10n.t('There is no mlroadmap.yaml in this workspace yet. Run "ML Roadmap: Initialize Roadmap" first.'));
          return undefined;
        }
        return this.show(uri);
      }),
      vscode.window.registerWebviewPanelSerializer(kind.viewType, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          await this.restore(panel, state);
        },
      }),
    );
  }

  show(uri: vscode.Uri): Panel<Model, Request> {
    const existing = this.open.get(uri.toString());
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(this.kind.viewType, this.kind.title(this.services, uri), vscode.ViewColumn.Active, webviewOptions(this.services.context.extensionUri));
    return this.adopt(panel, uri);
  }

  /**
   * Reopens a panel VS Code restores after a reload with the state its webview kept. That state comes from the webview,
   * so it is validated by the panel's contract first. The decision on what does not hold:
   * - a valid state naming a roadmap of the workspace: the panel reopens on it with that state (the host takes back
   *   its part, e.g. the Review's pinned run, and with the default state drops it);
   * - a valid state naming no roadmap (the webview never got a snapshot): the workspace's roadmap, with that state;
   * - a malformed state, or one naming a roadmap the workspace no longer has (deleted, renamed, another folder, or
   *   not a roadmap at all): the panel opens on the workspace's roadmap (the active one, else the first) with the
   *   default state, sent to the webview in place of what it kept; the log says why. A reload is no time for a
   *   notification, and the panel shows plainly which roadmap it is on;
   * - no roadmap in the workspace at all: the panel closes, with the same message Show gives.
   */
  async restore(panel: vscode.WebviewPanel, kept: unknown): Promise<RestoreOutcome<Model, Request>> {
    await this.services.store.whenReady();
    const parsed = this.kind.parseState(kept);
    let state: KeptState = {};
    let fellBack: string | undefined;
    let uri: vscode.Uri | undefined;
    if (!parsed.ok) {
      fellBack = `the state kept by the webview is malformed (${parsed.error})`;
    } else if (parsed.state.roadmap !== undefined) {
      const named = uriOf(parsed.state.roadmap);
      if (this.services.store.get(named)) {
        uri = named;
        state = parsed.state;
      } else {
        fellBack = `the roadmap it showed, ${parsed.state.roadmap}, is not in the workspace any more`;
      }
    } else {
      state = parsed.state;
    }
    uri ??= this.services.store.active()?.uri ?? this.services.store.all()[0]?.uri;
    if (!uri) {
      const closed = vscode.l10n.t('There is no mlroadmap.yaml in this workspace yet. Run "ML Roadmap: Initialize Roadmap" first.');
      this.services.log.warn(`${this.kind.app}: closed the restored panel: no roadmap in the workspace`);
      panel.dispose();
      void vscode.window.showInformationMessage(closed);
      return { closed };
    }
    if (fellBack) this.services.log.warn(`${this.kind.app}: reopened on ${uri.toString()} with the default state: ${fellBack}`);
    this.kind.restoreState?.(this.services, uri, state);
    const restored = this.adopt(panel, uri, state);
    return { restored, state, ...(fellBack ? { fellBack } : {}) };
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri, restoredState?: KeptState): Panel<Model, Request> {
    const key = uri.toString();
    const made = new Panel(this.services, this.kind, panel, uri, () => {
      if (this.open.get(key) === made) this.open.delete(key);
    }, restoredState);
    this.open.set(key, made);
    return made;
  }

  dispose(): void {
    for (const p of [...this.open.values()]) p.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

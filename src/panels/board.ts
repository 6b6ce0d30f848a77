// ML Roadmap: Show Board — the Roadmap Board webview: Discovery's five stages and Production's tracks as columns
// of step cards, the gate and the open findings in a banner. The host builds the view model from the store and
// the analysis (the same the trees use) and sends full snapshots; the webview's requests are validated, then
// carried out by the commands the palette uses (Set Step Status, the quick fixes' flows, Reveal in Roadmap).
import * as vscode from 'vscode';
import type { RoadmapDiagnostic } from '../core/roadmap/model';
import { boardModel, type BoardModel } from '../core/views/board';
import { Commands } from '../ids';
import { pitfallCommands } from '../language/quickFixes';
import { BOARD_VIEW_TYPE, parseBoardRequest, type BoardRequest, type BoardState, type BoardUpdate } from '../protocol/board';
import type { Services } from '../services';
import { chooseRoadmap, uriOf } from '../commands/target';
import { webviewHtml, webviewOptions } from './html';

export function activateBoard(services: Services): vscode.Disposable[] {
  const panels = new BoardPanels(services);
  return [
    panels,
    vscode.commands.registerCommand(Commands.showBoard, async (arg?: unknown) => {
      await services.store.whenReady();
      const uri = await chooseRoadmap(services.store, arg);
      if (!uri) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no mlroadmap.yaml in this workspace yet. Run "ML Roadmap: Initialize Roadmap" first.'));
        return undefined;
      }
      return panels.show(uri);
    }),
    vscode.window.registerWebviewPanelSerializer(BOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        await services.store.whenReady();
        const named = state && typeof state === 'object' && typeof (state as BoardState).roadmap === 'string' ? uriOf((state as BoardState).roadmap as string) : undefined;
        const uri = named ?? services.store.active()?.uri ?? services.store.all()[0]?.uri;
        if (!uri) return panel.dispose();
        panels.adopt(panel, uri);
      },
    }),
  ];
}

/** The open boards, one per roadmap. Exposed for tests through the command's return value. */
export class BoardPanels implements vscode.Disposable {
  private readonly open = new Map<string, BoardPanel>();

  constructor(private readonly services: Services) {}

  show(uri: vscode.Uri): BoardPanel {
    const existing = this.open.get(uri.toString());
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(BOARD_VIEW_TYPE, this.title(uri), vscode.ViewColumn.Active, webviewOptions(this.services.context.extensionUri));
    return this.adopt(panel, uri);
  }

  adopt(panel: vscode.WebviewPanel, uri: vscode.Uri): BoardPanel {
    panel.title = this.title(uri);
    panel.webview.options = webviewOptions(this.services.context.extensionUri);
    const board = new BoardPanel(this.services, panel, uri, () => this.open.delete(uri.toString()));
    this.open.set(uri.toString(), board);
    return board;
  }

  private title(uri: vscode.Uri): string {
    const name = this.services.store.get(uri)?.roadmap?.project.name;
    return name ? vscode.l10n.t('Board: {0}', name) : vscode.l10n.t('Roadmap Board');
  }

  dispose(): void {
    for (const board of [...this.open.values()]) board.panel.dispose();
  }
}

export class BoardPanel {
  private readonly disposables: vscode.Disposable[] = [];
  /** Requests refused as invalid (for tests and the log). */
  readonly refused: string[] = [];
  private ready = false;
  /** The last snapshot sent to the webview (what it shows once it has drawn it). */
  lastSent: BoardModel | undefined;

  constructor(
    private readonly services: Services,
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    onDispose: () => void,
  ) {
    panel.iconPath = vscode.Uri.joinPath(services.context.extensionUri, 'media', 'mlroadmap.svg');
    panel.webview.html = webviewHtml(panel.webview, services.context.extensionUri, 'board', vscode.l10n.t('Roadmap Board'));
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      services.analysis.onDidChange((entry) => {
        if (!entry || entry.uri.toString() === uri.toString()) this.post();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.post()),
      panel.onDidDispose(() => {
        onDispose();
        while (this.disposables.length) this.disposables.pop()?.dispose();
      }),
    );
  }

  /** The view model the webview is sent now. */
  model(): BoardModel {
    const entry = this.services.store.get(this.uri);
    const analysis = entry && this.services.analysis.get(entry);
    return boardModel(entry?.roadmap, {
      gate: analysis?.gate,
      progress: analysis?.progress,
      findings: analysis?.findings ?? [],
      fixesOf: (f) => this.commandsOf(f).map((c) => ({ title: c.title })),
      readOnly: !vscode.workspace.isTrusted,
    });
  }

  private commandsOf(f: RoadmapDiagnostic): vscode.Command[] {
    const finding = f as RoadmapDiagnostic & { target?: string; fix?: string };
    return pitfallCommands(this.uri, { code: f.code, range: f.range, target: finding.target, fix: finding.fix });
  }

  private post(): void {
    if (!this.ready) return;
    const update: BoardUpdate = { type: 'snapshot', model: this.model() };
    this.lastSent = update.model;
    void this.panel.webview.postMessage(update);
  }

  /** Handles one message from the webview; anything that is not a valid request is refused and logged. */
  async receive(message: unknown): Promise<boolean> {
    const parsed = parseBoardRequest(message);
    if (!parsed.ok) {
      this.refused.push(parsed.error);
      this.services.log.warn(`Roadmap Board: refused a message from the webview (${parsed.error})`);
      return false;
    }
    await this.handle(parsed.request);
    return true;
  }

  private async handle(request: BoardRequest): Promise<void> {
    switch (request.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return;
      case 'setStepStatus': {
        const outcome = await vscode.commands.executeCommand<{ done: boolean; message?: string } | undefined>(Commands.setStepStatus, {
          roadmap: this.uri.toString(),
          stepId: request.stepId,
          status: request.status,
        });
        // A refused or failed move: the snapshot puts the card back where the file says.
        if (!outcome?.done) this.post();
        return;
      }
      case 'revealStep': {
        const roadmap = this.services.store.get(this.uri)?.roadmap;
        const step = roadmap && [...roadmap.discovery, ...roadmap.production].flatMap((g) => g.steps).find((s) => s.id === request.stepId);
        if (step) await vscode.commands.executeCommand(Commands.revealInRoadmap, this.uri, step.range);
        return;
      }
      case 'revealLine': {
        const at = { line: request.line, character: 0 };
        await vscode.commands.executeCommand(Commands.revealInRoadmap, this.uri, { start: at, end: at });
        return;
      }
      case 'runFix': {
        const entry = this.services.store.get(this.uri);
        const finding = entry && this.services.analysis.get(entry)?.findings[request.finding];
        const command = finding && this.commandsOf(finding)[request.fix];
        if (command) await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
        return;
      }
      default: {
        const never: never = request;
        throw new Error(`unhandled board request ${JSON.stringify(never)}`);
      }
    }
  }
}

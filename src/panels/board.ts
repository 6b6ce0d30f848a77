// ML Roadmap: Show Board — the Roadmap Board webview: Discovery's five stages and Production's tracks as columns
// of step cards, the gate and the open findings in a banner. The view model comes from the store and the analysis
// (the same the trees use); the webview's requests are carried out by the commands the palette uses (Set Step
// Status, the quick fixes' flows, Reveal in Roadmap).
import * as vscode from 'vscode';
import { isolateBidi } from '../core/bidi';
import type { RoadmapDiagnostic } from '../core/roadmap/model';
import { boardModel, type BoardModel } from '../core/views/board';
import { Commands } from '../ids';
import { pitfallCommands } from '../language/quickFixes';
import { BOARD_VIEW_TYPE, parseBoardRequest, parseBoardState, type BoardRequest, type BoardUpdate } from '../protocol/board';
import type { Services } from '../services';
import { Panels, type Panel, type PanelKind } from './panels';

export type BoardPanel = Panel<BoardModel, BoardRequest>;

function commandsOf(uri: vscode.Uri, f: RoadmapDiagnostic): vscode.Command[] {
  const finding = f as RoadmapDiagnostic & { target?: string; fix?: string };
  return pitfallCommands(uri, { code: f.code, range: f.range, target: finding.target, fix: finding.fix });
}

export const BOARD: PanelKind<BoardModel, BoardRequest> = {
  viewType: BOARD_VIEW_TYPE,
  app: 'board',
  title: (services, uri) => {
    const name = services.store.get(uri)?.roadmap?.project.name;
    return name ? vscode.l10n.t('Board: {0}', isolateBidi(name)) : vscode.l10n.t('Roadmap Board');
  },
  model: (services, uri) => {
    const entry = services.store.get(uri);
    const analysis = entry && services.analysis.get(entry);
    return boardModel(entry?.roadmap, {
      gate: analysis?.gate,
      progress: analysis?.progress,
      findings: analysis?.findings ?? [],
      fixesOf: (f) => commandsOf(uri, f).map((c) => ({ title: c.title })),
      readOnly: !vscode.workspace.isTrusted,
    });
  },
  parse: parseBoardRequest,
  parseState: parseBoardState,
  handle: async (services, panel, request) => {
    const uri = panel.uri;
    switch (request.type) {
      case 'setStepStatus': {
        const outcome = await vscode.commands.executeCommand<{ done: boolean } | undefined>(Commands.setStepStatus, {
          roadmap: uri.toString(),
          stepId: request.stepId,
          status: request.status,
        });
        // A refused or failed move: the snapshot puts the card back where the file says.
        if (!outcome?.done) panel.post();
        const moved: BoardUpdate = { type: 'moved', stepId: request.stepId, status: request.status, done: outcome?.done === true };
        await panel.send(moved);
        return;
      }
      case 'revealStep': {
        const roadmap = services.store.get(uri)?.roadmap;
        const step = roadmap && [...roadmap.discovery, ...roadmap.production].flatMap((g) => g.steps).find((s) => s.id === request.stepId);
        if (step) await vscode.commands.executeCommand(Commands.revealInRoadmap, uri, step.range);
        return;
      }
      case 'revealLine': {
        const at = { line: request.line, character: 0 };
        await vscode.commands.executeCommand(Commands.revealInRoadmap, uri, { start: at, end: at });
        return;
      }
      case 'runFix': {
        const entry = services.store.get(uri);
        const finding = entry && services.analysis.get(entry)?.findings[request.finding];
        const command = finding && commandsOf(uri, finding)[request.fix];
        if (command) await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
        return;
      }
      default: {
        const never: never = request;
        throw new Error(`unhandled board request ${JSON.stringify(never)}`);
      }
    }
  },
};

/** What tests reach through `services.board`. */
export interface BoardHandle {
  readonly panels: Panels<BoardModel, BoardRequest>;
}

export type ServicesWithBoard = Services & { board?: BoardHandle };

export function activateBoard(services: Services): vscode.Disposable[] {
  const panels = new Panels(services, BOARD, Commands.showBoard);
  (services as ServicesWithBoard).board = { panels };
  return [panels];
}

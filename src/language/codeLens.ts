import * as vscode from 'vscode';
import { Commands, Settings } from '../ids';
import type { RoadmapEntry, RoadmapStore } from '../workspace/roadmapStore';
import type { EvaluationResultsIndex } from '../evaluation/resultsIndex';
import { resultsFileOf } from '../evaluation/resultsIndex';
import { resultLine } from '../evaluation/summary';
import { ROADMAP_PATTERN } from './selector';

/** Documents the CodeLens provider is asked about: roadmaps and the file kinds results are written in. */
export const RESULTS_CODELENS_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', pattern: ROADMAP_PATTERN },
  { scheme: 'file', pattern: '**/*.{json,jsonl,ndjson,csv,tsv}' },
];

/**
 * Above each candidate in mlroadmap.yaml: its latest primary metric, the delta against the baseline, the target
 * and the age, with Evaluate and Compare. Above a candidate's results file: the same line and actions.
 */
export class ResultsCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly store: RoadmapStore,
    private readonly index: EvaluationResultsIndex,
  ) {
    const fire = () => this.changed.fire();
    this.disposables = [
      this.changed,
      store.onDidChange(fire),
      index.onDidChange(fire),
      vscode.workspace.onDidGrantWorkspaceTrust(fire),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${Settings.section}.${Settings.codeLensEnabled}`)) fire();
      }),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration(Settings.section, document.uri).get<boolean>(Settings.codeLensEnabled, true)) return [];
    const entry = this.store.get(document.uri);
    if (entry) return this.roadmapLenses(entry);
    return this.resultsFileLenses(document);
  }

  private lensesFor(entry: RoadmapEntry, candidate: string, range: vscode.Range, prefix = ''): vscode.CodeLens[] {
    const roadmap = entry.roadmap!;
    const line = resultLine(roadmap, candidate, (id) => this.index.latest(entry, id));
    const args = { roadmap: entry.uri.toString(), candidate };
    const lenses = [new vscode.CodeLens(range, { title: prefix + (line ?? vscode.l10n.t('no result yet')), command: '' })];
    if (vscode.workspace.isTrusted && roadmap.evaluation?.command) {
      lenses.push(new vscode.CodeLens(range, { title: `$(play) ${vscode.l10n.t('Evaluate')}`, command: Commands.evaluateCandidate, arguments: [args] }));
    }
    if (line) {
      lenses.push(new vscode.CodeLens(range, { title: `$(diff) ${vscode.l10n.t('Compare')}`, command: Commands.compareCandidate, arguments: [args] }));
      lenses.push(new vscode.CodeLens(range, { title: `$(checklist) ${vscode.l10n.t('Review')}`, command: Commands.showEvaluationReview, arguments: [{ roadmap: args.roadmap }] }));
    }
    return lenses;
  }

  private roadmapLenses(entry: RoadmapEntry): vscode.CodeLens[] {
    const roadmap = entry.roadmap;
    if (!roadmap) return [];
    return roadmap.candidates.flatMap((c) => {
      const start = c.range.start;
      return this.lensesFor(entry, c.id, new vscode.Range(start.line, start.character, start.line, start.character));
    });
  }

  private resultsFileLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const file = document.uri.fsPath;
    for (const entry of this.store.all()) {
      const roadmap = entry.roadmap;
      if (!roadmap) continue;
      const candidate = roadmap.candidates.find((c) => resultsFileOf(entry, roadmap, c.id) === file);
      if (candidate) return this.lensesFor(entry, candidate.id, new vscode.Range(0, 0, 0, 0), `${candidate.id}: `);
    }
    return [];
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

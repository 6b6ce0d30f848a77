import * as vscode from 'vscode';
import { Settings, TASK_TYPE } from '../ids';
import type { Services } from '../services';
import { ResultsCodeLensProvider, RESULTS_CODELENS_SELECTOR } from '../language/codeLens';
import { ResultsHoverProvider } from '../language/resultsHover';
import { registerEvaluationCommands } from './commands';
import { COMPARE_SCHEME, CompareDocumentProvider } from './compareDocument';
import { Evaluations } from './evaluations';
import { currentCommandOf } from './plan';
import { knownPython, onDidChangePythonSelection, resolvePython } from './python';
import { EvaluationResultsIndex } from './resultsIndex';
import { EvaluationTaskProvider } from './tasks';
import { ResultsTestController } from './testing';

/** The evaluation feature's parts, reachable by tests through `services.evaluation`. */
export interface EvaluationHandle {
  readonly index: EvaluationResultsIndex;
  readonly evaluations: Evaluations;
  readonly testing: ResultsTestController;
  readonly codeLens: ResultsCodeLensProvider;
  readonly tasks: EvaluationTaskProvider;
}

/** Services as the evaluation feature leaves them: with its handle. */
export type ServicesWithEvaluation = Services & { evaluation?: EvaluationHandle };

/** Evaluation tasks, result ingestion, CodeLens, hover, the compare document and the Testing view. */
export function activateEvaluation(services: Services): vscode.Disposable[] {
  const index = services.results;
  if (!(index instanceof EvaluationResultsIndex)) return [];
  const { store } = services;
  const evaluations = new Evaluations(services, index);
  const commandOf = () =>
    index.setCurrentCommand((entry, candidate) => (entry.roadmap ? currentCommandOf(entry, entry.roadmap, candidate, knownPython(entry.folder)) : undefined));
  const resolveInterpreters = async () => {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => resolvePython(f, services.log)));
    commandOf();
  };
  commandOf();
  // The interpreter matters only to a roadmap whose command says `${python}`: until one does, the Python
  // extension is not asked (asking activates it). Then another interpreter selected there changes the commands.
  const selection: vscode.Disposable[] = [];
  let followingPython = false;
  const followPythonWhenUsed = () => {
    if (followingPython || !store.all().some((e) => e.roadmap?.evaluation?.command?.includes('${python}'))) return;
    followingPython = true;
    void resolveInterpreters();
    void onDidChangePythonSelection(() => void resolveInterpreters()).then((d) => d && selection.push(d));
  };
  void store.whenReady().then(followPythonWhenUsed);
  // Not on the way to the views' items: looked at once the change notification is over.
  selection.push(store.onDidChange(() => void (followingPython || setTimeout(followPythonWhenUsed, 0))));

  const tasks = new EvaluationTaskProvider(store, evaluations);
  const compare = new CompareDocumentProvider(store, index);
  const codeLens = new ResultsCodeLensProvider(store, index);
  const testing = new ResultsTestController(store, index);
  (services as ServicesWithEvaluation).evaluation = { index, evaluations, testing, codeLens, tasks };
  return [
    evaluations,
    compare,
    codeLens,
    testing,
    vscode.tasks.registerTaskProvider(TASK_TYPE, tasks),
    vscode.workspace.registerTextDocumentContentProvider(COMPARE_SCHEME, compare),
    vscode.languages.registerCodeLensProvider(RESULTS_CODELENS_SELECTOR, codeLens),
    vscode.languages.registerHoverProvider({ scheme: 'file', pattern: '**/mlroadmap.yaml' }, new ResultsHoverProvider(store, index)),
    { dispose: () => selection.forEach((d) => d.dispose()) },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${Settings.section}.${Settings.pythonPath}`)) void resolveInterpreters();
    }),
    ...registerEvaluationCommands(services, index, evaluations),
  ];
}

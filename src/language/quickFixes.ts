// Quick fixes on mlroadmap.yaml: for a pitfall finding, actions that start the flow getting out of it
// (add a candidate, literature, a metric, log a reality check, configure evaluation) and "Acknowledge…";
// for an unknown key or value with a nearest known word, "Change to '<suggestion>'" as a direct edit.
import * as vscode from 'vscode';
import { isPitfallCode } from '../core/pitfalls/check';
import type { PitfallFinding } from '../core/pitfalls/types';
import type { RoadmapDiagnostic } from '../core/roadmap/model';
import { ROADMAP_FILE_NAME } from '../core/roadmap/model';
import { Commands, DIAGNOSTIC_SOURCE } from '../ids';
import type { Services } from '../services';

/** A flow a quick fix can start, with its title. */
interface FlowFix {
  readonly command: string;
  readonly title: () => string;
  /** Extra arguments, e.g. the candidate the finding is about. */
  readonly args?: Record<string, unknown>;
}

const ADD_CANDIDATE: FlowFix = { command: Commands.addCandidate, title: () => vscode.l10n.t('Add another architecture candidate…') };
const ADD_LITERATURE: FlowFix = { command: Commands.addLiterature, title: () => vscode.l10n.t('Add a literature entry…') };
const ADD_METRIC: FlowFix = { command: Commands.addMetric, title: () => vscode.l10n.t('Add a metric…') };
const LOG_REALITY_CHECK: FlowFix = { command: Commands.logRealityCheck, title: () => vscode.l10n.t('Log a reality check…') };
const CONFIGURE_EVALUATION: FlowFix = { command: Commands.configureEvaluation, title: () => vscode.l10n.t('Configure the evaluation pipeline…') };
const EVALUATE: FlowFix = { command: Commands.evaluateCandidate, title: () => vscode.l10n.t('Evaluate the candidate…') };

/** A fix that puts the cursor on the node to complete by hand (free text such as a skip_reason). */
const REVEAL = 'reveal';

/** The pitfall core's fix hints (`PitfallFix`), and the flow each starts. */
const FLOWS_BY_HINT: Readonly<Record<string, FlowFix>> = {
  'add-candidate': ADD_CANDIDATE,
  'add-literature': ADD_LITERATURE,
  'add-metric': ADD_METRIC,
  'log-reality-check': LOG_REALITY_CHECK,
  'configure-evaluation': CONFIGURE_EVALUATION,
  evaluate: EVALUATE,
  'set-metric-target': { command: Commands.setMetricTarget, title: () => vscode.l10n.t('Set the metric\'s target…') },
  'set-cost-benefit': { command: Commands.estimateCandidate, title: () => vscode.l10n.t('Estimate the candidate\'s cost and benefit…') },
  'set-skip-reason': { command: REVEAL, title: () => vscode.l10n.t('Go to the candidate to write its skip_reason') },
};

/** The flows that get out of each pitfall, most likely first, when the finding carries no hint. */
const FLOWS_BY_CODE: Readonly<Record<string, readonly FlowFix[]>> = {
  'pitfall/one-architecture': [ADD_CANDIDATE],
  'pitfall/reinventing-the-wheel': [ADD_LITERATURE],
  'pitfall/too-incremental': [ADD_CANDIDATE],
  'pitfall/metric-misalignment': [ADD_METRIC, LOG_REALITY_CHECK],
  'pitfall/faulty-evaluation': [CONFIGURE_EVALUATION],
};

/** Second choices offered after the hinted flow. */
const ALSO_BY_HINT: Readonly<Record<string, readonly FlowFix[]>> = {
  'set-skip-reason': [{ command: Commands.setCandidateStatus, title: () => vscode.l10n.t('Set candidate status…') }],
  'set-cost-benefit': [
    { command: REVEAL, title: () => vscode.l10n.t('Go to the candidate') },
    { command: Commands.setCandidateStatus, title: () => vscode.l10n.t('Set candidate status…') },
  ],
};

function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === undefined ? undefined : String(code);
}

function sameRange(a: vscode.Range, b: RoadmapDiagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}


export class RoadmapQuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly services: Services) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const entry = this.services.store.get(document.uri);
    const analysis = entry && this.services.analysis.get(entry);
    const findings: readonly PitfallFinding[] = analysis?.findings ?? [];
    const known: readonly RoadmapDiagnostic[] = analysis ? [...analysis.entry.parse.diagnostics, ...findings] : [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const code = codeOf(diagnostic);
      const at = (d: RoadmapDiagnostic) => d.code === code && sameRange(diagnostic.range, d.range);
      const suggestion = known.find(at)?.suggestion;
      if (suggestion) {
        const action = this.replaceWithSuggestion(document, diagnostic, suggestion);
        if (action) actions.push(action);
      }
      if (code && isPitfallCode(code) && entry) {
        // Several findings of one code may sit on one node (a candidate's results): the one with this message first.
        const found = findings.find((d) => at(d) && d.message === diagnostic.message) ?? findings.find(at);
        actions.push(...this.pitfallActions(entry.uri, diagnostic, code, found?.target, found));
      }
    }
    return actions;
  }

  private replaceWithSuggestion(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, suggestion: string): vscode.CodeAction | undefined {
    const current = document.getText(diagnostic.range);
    if (!current || current.includes('\n') || current === suggestion) return undefined;
    // Keep the quotes of a quoted scalar.
    const quote = /^(["'])[\s\S]*\1$/.exec(current)?.[1] ?? '';
    const action = new vscode.CodeAction(vscode.l10n.t("Change to '{0}'", suggestion), vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, diagnostic.range, `${quote}${suggestion}${quote}`);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    return action;
  }

  private pitfallActions(
    roadmap: vscode.Uri,
    diagnostic: vscode.Diagnostic,
    code: string,
    about: string | undefined,
    finding: PitfallFinding | undefined,
  ): vscode.CodeAction[] {
    return pitfallCommands(roadmap, { code, range: finding?.range ?? toCoreRange(diagnostic.range), target: about, fix: finding?.fix }).map((command, i, all) => {
      const action = new vscode.CodeAction(command.title, vscode.CodeActionKind.QuickFix);
      action.command = command;
      action.diagnostics = [diagnostic];
      action.isPreferred = i === 0 && i < all.length - 1;
      return action;
    });
  }
}

function toCoreRange(r: vscode.Range): RoadmapDiagnostic['range'] {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/**
 * The commands that get the team out of a pitfall finding, best first, then "Acknowledge…": what the quick fixes
 * offer in the editor and the board's banner offers beside each finding.
 */
export function pitfallCommands(
  roadmap: vscode.Uri,
  finding: { readonly code: string; readonly range: RoadmapDiagnostic['range']; readonly target?: string; readonly fix?: string },
): vscode.Command[] {
  const about = finding.target;
  const hint = finding.fix;
  const hinted = hint ? FLOWS_BY_HINT[hint] : undefined;
  const flows = hinted ? [hinted, ...(ALSO_BY_HINT[hint ?? ''] ?? [])] : (FLOWS_BY_CODE[finding.code] ?? []);
  const itemArgs = (command: string): Record<string, unknown> => {
    if (!about) return {};
    if (command === Commands.setCandidateStatus || command === Commands.estimateCandidate) return { candidateId: about, itemId: about };
    if (command === Commands.setMetricTarget) return { metricId: about, itemId: about };
    if (command === Commands.evaluateCandidate) return { candidate: about, candidateId: about, itemId: about };
    if (command === Commands.logRealityCheck) return { candidate: about };
    return {};
  };
  const commands: vscode.Command[] = flows.map((flow) => {
    const title = flow.title();
    return flow.command === REVEAL
      ? { command: Commands.revealInRoadmap, title, arguments: [roadmap, finding.range] }
      : { command: flow.command, title, arguments: [{ roadmap: roadmap.toString(), ...itemArgs(flow.command), ...flow.args }] };
  });
  const acknowledge = vscode.l10n.t('Acknowledge this finding (with a reason)…');
  commands.push({ command: Commands.acknowledgeFinding, title: acknowledge, arguments: [{ roadmap: roadmap.toString(), code: finding.code, ...(about ? { target: about } : {}) }] });
  return commands;
}

/** Registers the quick fixes on every mlroadmap.yaml (called by the commands feature, which owns the flows). */
export function registerQuickFixes(services: Services): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    [
      { scheme: 'file', pattern: `**/${ROADMAP_FILE_NAME}` },
      { scheme: 'untitled', pattern: `**/${ROADMAP_FILE_NAME}` },
    ],
    new RoadmapQuickFixProvider(services),
    { providedCodeActionKinds: RoadmapQuickFixProvider.kinds },
  );
}

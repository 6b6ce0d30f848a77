// The questions of Record Architecture Decision…: what is decided, the candidates or metric concerned,
// the considered options (prefilled from the candidates), the drivers (from the metrics), the outcome, the
// reason, the status, who was consulted, and the title (a default derived from the answers).
import * as vscode from 'vscode';
import { DECISION_KINDS, type DecisionKind } from '../core/decisions';
import { candidateTitle, defaultTitle, peopleOf } from '../core/decisions/fromRoadmap';
import type { Roadmap } from '../core/roadmap/model';
import { runFlow, type FlowPickItem, type FlowStep } from '../commands/flow';

export interface RecordAnswers {
  kind?: DecisionKind;
  chosen?: string;
  rejected?: string[];
  metric?: string;
  candidates?: string[];
  drivers?: string[];
  outcome?: string;
  reason?: string;
  status?: 'proposed' | 'accepted';
  consulted?: string[];
  title?: string;
  from?: string;
  to?: string;
  /** The candidate of the tree item the command was run from. */
  focus?: string;
}

/** Label and detail of each kind of decision (literal strings, for l10n extraction). */
function kindLabel(kind: DecisionKind): [string, string] {
  switch (kind) {
    case 'choose-candidate':
      return [vscode.l10n.t('Choose a candidate'), vscode.l10n.t('The architecture to go on with; the others may be rejected')];
    case 'reject-candidates':
      return [vscode.l10n.t('Reject candidates'), vscode.l10n.t('Candidates no longer worth pursuing')];
    case 'change-metric':
      return [vscode.l10n.t('Change a metric or its target'), vscode.l10n.t('When the offline metric no longer matches what the customer expects')];
    case 'override-gate':
      return [vscode.l10n.t('Override a phase gate'), vscode.l10n.t('Move on although the gate is not met')];
    case 'free':
      return [vscode.l10n.t('Something else'), vscode.l10n.t('Any architecture decision, in your own words')];
  }
}

const withOutcome = (k: DecisionKind | undefined) => k === 'change-metric' || k === 'override-gate' || k === 'free';
const withOptions = (k: DecisionKind | undefined) => k === 'choose-candidate' || k === 'reject-candidates' || k === 'free';

// The defaults, each in one place: what withDefaults fills in and what the questions offer first.

/** The candidates a decision involves: the chosen one, then the rejected ones. */
function involvedIn(a: RecordAnswers): string[] {
  return [...(a.chosen ? [a.chosen] : []), ...(a.rejected ?? [])];
}

/** The considered options offered by default: the involved candidates and, for a choice or a rejection, every one not rejected. */
function defaultCandidates(roadmap: Roadmap, a: RecordAnswers): string[] {
  const kind = a.kind ?? 'free';
  const involved = involvedIn(a);
  return roadmap.candidates
    .filter((c) => involved.includes(c.id) || ((kind === 'choose-candidate' || kind === 'reject-candidates') && c.status !== 'rejected'))
    .map((c) => c.id);
}

function defaultTitleOf(roadmap: Roadmap, a: RecordAnswers): string {
  return defaultTitle(roadmap, { kind: a.kind ?? 'free', chosen: a.chosen, rejected: a.rejected, metric: a.metric, from: a.from, to: a.to });
}

/** A gate override's outcome says itself (Advance Phase passes the phases): nothing to ask. */
function defaultOutcome(a: RecordAnswers): string | undefined {
  return a.kind === 'override-gate' && a.from && a.to ? `Move from ${a.from} to ${a.to} before the gate is met` : undefined;
}

function metricDescription(m: Roadmap['metrics'][number]): string {
  return [m.kind, m.goal, m.target !== undefined ? `target ${m.target}` : undefined].filter(Boolean).join(' · ');
}

/** Fills what was not answered with defaults (used when the arguments carry the title: nothing is asked). */
export function withDefaults(roadmap: Roadmap, a: RecordAnswers): RecordAnswers {
  const outcome = a.outcome ?? defaultOutcome(a);
  return {
    ...a,
    kind: a.kind ?? 'free',
    rejected: a.rejected ?? [],
    candidates: a.candidates ? unique([...a.candidates, ...involvedIn(a)]) : defaultCandidates(roadmap, a),
    drivers: a.drivers ?? roadmap.metrics.map((m) => m.id),
    ...(outcome !== undefined ? { outcome } : {}),
    status: a.status ?? 'accepted',
    consulted: a.consulted ?? [],
    title: a.title ?? defaultTitleOf(roadmap, a),
  };
}

/** Asks what the arguments did not answer; undefined when the user cancelled. */
export async function askRecordAnswers(roadmap: Roadmap, given: RecordAnswers): Promise<RecordAnswers | undefined> {
  const candidateItems = (ids?: readonly string[]): FlowPickItem<string>[] =>
    roadmap.candidates
      .filter((c) => !ids || ids.includes(c.id))
      .map((c) => ({ label: candidateTitle(c), description: [c.id, c.baseline ? 'baseline' : undefined, c.status].filter(Boolean).join(' · '), value: c.id }));
  const others = peopleOf(roadmap).others;
  const steps: FlowStep<RecordAnswers>[] = [
    {
      skip: (s) => s.kind !== undefined,
      run: async (p, s) => {
        s.kind = await p.pick({
          placeholder: vscode.l10n.t('What is decided?'),
          items: DECISION_KINDS.map((k) => ({ label: kindLabel(k)[0], detail: kindLabel(k)[1], value: k })),
          active: s.focus ? 'choose-candidate' : undefined,
          matchOnDetail: true,
        });
      },
    },
    {
      skip: (s) => s.kind !== 'choose-candidate' || s.chosen !== undefined,
      run: async (p, s) => {
        s.chosen = await p.pick({ placeholder: vscode.l10n.t('Which candidate is chosen?'), items: candidateItems(), active: s.focus });
      },
    },
    {
      skip: (s) => s.kind !== 'reject-candidates' || s.rejected !== undefined,
      run: async (p, s) => {
        s.rejected = await p.pickMany({
          placeholder: vscode.l10n.t('Which candidates are rejected?'),
          items: candidateItems(roadmap.candidates.filter((c) => c.status !== 'rejected').map((c) => c.id)),
          selected: s.focus ? [s.focus] : [],
        });
      },
    },
    {
      skip: (s) => s.kind !== 'change-metric' || s.metric !== undefined || roadmap.metrics.length === 0,
      run: async (p, s) => {
        s.metric = await p.pick({
          placeholder: vscode.l10n.t('Which metric changes?'),
          items: roadmap.metrics.map((m) => ({ label: m.id, description: metricDescription(m), value: m.id })),
        });
      },
    },
    {
      skip: (s) => !withOptions(s.kind) || s.candidates !== undefined || roadmap.candidates.length === 0,
      run: async (p, s) => {
        const picked = await p.pickMany({ placeholder: vscode.l10n.t('Which options were considered?'), items: candidateItems(), selected: defaultCandidates(roadmap, s) });
        s.candidates = unique([...involvedIn(s), ...picked]);
      },
    },
    {
      skip: (s) => s.kind !== 'choose-candidate' || s.rejected !== undefined || (s.candidates ?? []).filter((c) => c !== s.chosen).length === 0,
      run: async (p, s) => {
        s.rejected = await p.pickMany({
          placeholder: vscode.l10n.t('Mark any of the other options as rejected? (none selected: leave their status)'),
          items: candidateItems((s.candidates ?? []).filter((c) => c !== s.chosen)),
          selected: [],
        });
      },
    },
    {
      skip: (s) => s.drivers !== undefined || roadmap.metrics.length === 0,
      run: async (p, s) => {
        s.drivers = await p.pickMany({
          placeholder: vscode.l10n.t('Which metrics drove the decision?'),
          items: roadmap.metrics.map((m) => ({ label: m.id, description: metricDescription(m), detail: m.why, value: m.id })),
          selected: roadmap.metrics.map((m) => m.id),
        });
      },
    },
    {
      skip: (s) => !withOutcome(s.kind) || s.outcome !== undefined || defaultOutcome(s) !== undefined,
      run: async (p, s) => {
        s.outcome = (await p.input({ prompt: vscode.l10n.t('What was decided?'), validate: required })).trim();
      },
    },
    {
      skip: (s) => s.reason !== undefined,
      run: async (p, s) => {
        s.reason = (await p.input({ prompt: vscode.l10n.t('Why? The reason goes into the record, with the evidence.'), validate: required })).trim();
      },
    },
    {
      skip: (s) => s.status !== undefined,
      run: async (p, s) => {
        s.status = await p.pick({
          placeholder: vscode.l10n.t('Status of the decision'),
          items: [
            { label: 'accepted', description: vscode.l10n.t('The decision makers agreed'), value: 'accepted' as const },
            { label: 'proposed', description: vscode.l10n.t('To be agreed'), value: 'proposed' as const },
          ],
          active: 'accepted',
        });
      },
    },
    {
      skip: (s) => s.consulted !== undefined || others.length === 0,
      run: async (p, s) => {
        s.consulted = await p.pickMany({
          placeholder: vscode.l10n.t('Who was consulted? (the others are informed)'),
          items: others.map((o) => ({ label: o, value: o })),
          selected: [],
        });
      },
    },
    {
      skip: (s) => s.title !== undefined,
      run: async (p, s) => {
        s.title = (await p.input({ prompt: vscode.l10n.t('Title of the decision record'), value: defaultTitleOf(roadmap, s), validate: required })).trim();
      },
    },
  ];
  return runFlow(vscode.l10n.t('Record Architecture Decision'), { ...given }, steps);
}

function required(text: string): string | undefined {
  return text.trim() === '' ? vscode.l10n.t('Enter some text.') : undefined;
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

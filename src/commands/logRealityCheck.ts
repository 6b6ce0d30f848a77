// ML Roadmap: Log Reality Check… — a new check of a candidate in real conditions (kind, candidate,
// date, verdict), or a new verdict for a check already logged.
import * as vscode from 'vscode';
import { REALITY_CHECK_KINDS, VERDICTS, type RealityCheckKind, type Verdict } from '../core/roadmap/model';
import { addRealityCheck, setRealityCheckVerdict } from '../core/roadmap/edits';
import { today, validateDate, validateNewId } from '../core/roadmap/inputs';
import type { Services } from '../services';
import { runFlow, separator, type FlowPickItem } from './flow';
import { verdictStatusIcon } from './labels';
import { candidatePickItems } from './setCandidateStatus';
import { applyToRoadmap, argsOf, confirm, isOutcome, nothingToDo, refuseUntrusted, resolveTarget, type CommandOutcome } from './target';

export interface LogRealityCheckArgs {
  /** Update the verdict of this existing check. */
  readonly checkId?: string;
  /** Id of a new check (default: `<candidate>-<kind>`). */
  readonly id?: string;
  readonly kind?: RealityCheckKind;
  readonly candidate?: string;
  readonly date?: string;
  readonly verdict?: Verdict;
  readonly notes?: string;
}

export interface LogRealityCheckOutcome extends CommandOutcome {
  readonly id?: string;
  readonly verdict?: Verdict;
}

const KIND_DETAILS: Readonly<Record<RealityCheckKind, () => string>> = {
  'ab-test': () => vscode.l10n.t('Live traffic split between the current process and the model'),
  demo: () => vscode.l10n.t('The model shown to the people who will use it, on their own data'),
  'focus-group': () => vscode.l10n.t('A moderated session with a few customers'),
  'user-study': () => vscode.l10n.t('Users doing real tasks with the model, observed and measured'),
};

const NEW = '\u0000new';

interface State {
  checkId?: string;
  id?: string;
  kind?: RealityCheckKind;
  candidate?: string;
  date?: string;
  verdict?: Verdict;
}

function verdictItems(current?: Verdict): FlowPickItem<Verdict>[] {
  return VERDICTS.map((v) => ({ label: `${verdictStatusIcon(v)} ${v}`, description: v === current ? vscode.l10n.t('current') : undefined, value: v }));
}

export async function logRealityCheckCommand(services: Services, arg?: unknown): Promise<LogRealityCheckOutcome> {
  const refused = refuseUntrusted();
  if (refused) return refused;
  const args = argsOf<LogRealityCheckArgs>(arg);
  const target = await resolveTarget(services, args);
  if (isOutcome(target)) return target;
  const { reality_checks: checks, candidates } = target.roadmap;
  const existing = args.checkId ?? args.itemId;
  if (existing !== undefined && !checks.some((c) => c.id === existing)) {
    return { done: false, reason: 'invalid', message: vscode.l10n.t('There is no reality check "{0}".', existing) };
  }
  const argsDriven = existing !== undefined ? args.verdict !== undefined : args.candidate !== undefined && args.kind !== undefined;
  const defaultId = (s: State): string => uniqueId(`${s.candidate ?? 'check'}-${s.kind ?? 'demo'}`, checks.map((c) => c.id));

  let state: State | undefined = { checkId: existing, ...args, id: args.id };
  if (!argsDriven) {
    if (candidates.length === 0 && existing === undefined && checks.length === 0) {
      return nothingToDo(vscode.l10n.t('Add a candidate first: a reality check tries a candidate in real conditions.'));
    }
    const isUpdate = (s: State): boolean => s.checkId !== undefined && s.checkId !== NEW;
    state = await runFlow<State>(vscode.l10n.t('Log Reality Check'), state, [
      {
        skip: () => existing !== undefined || checks.length === 0,
        run: async (p, s) => {
          s.checkId = await p.pick({
            placeholder: vscode.l10n.t('Log a new check, or give an existing one its verdict'),
            items: [
              { label: vscode.l10n.t('$(add) New reality check…'), value: NEW },
              separator<string>(vscode.l10n.t('Logged checks')),
              ...checks.map((c) => ({ label: `${verdictStatusIcon(c.verdict)} ${c.id}`, description: [c.kind, c.candidate, c.date, c.verdict].filter(Boolean).join(' · '), value: c.id })),
            ],
            active: s.checkId ?? NEW,
          });
        },
      },
      {
        skip: (s) => isUpdate(s) || args.kind !== undefined,
        run: async (p, s) => {
          s.kind = await p.pick({
            placeholder: vscode.l10n.t('How will the candidate meet real conditions?'),
            items: REALITY_CHECK_KINDS.map((k) => ({ label: k, detail: KIND_DETAILS[k](), value: k })),
            active: s.kind ?? 'demo',
          });
        },
      },
      {
        skip: (s) => isUpdate(s) || args.candidate !== undefined,
        run: async (p, s) => {
          const ranked = [...candidates].sort((a, b) => rankForCheck(b.status) - rankForCheck(a.status));
          s.candidate = await p.pick({ placeholder: vscode.l10n.t('Which candidate?'), items: candidatePickItems(ranked), active: s.candidate ?? ranked[0]?.id, matchOnDetail: true });
        },
      },
      {
        skip: (s) => isUpdate(s) || args.date !== undefined,
        run: async (p, s) => {
          s.date = (await p.input({ prompt: vscode.l10n.t('Date of the check (YYYY-MM-DD)'), value: s.date ?? today(), validate: validateDate })).trim();
        },
      },
      {
        skip: (s) => isUpdate(s) || args.id !== undefined,
        run: async (p, s) => {
          s.id = (await p.input({ prompt: vscode.l10n.t('Id of the check'), value: s.id ?? defaultId(s), validate: (t) => validateNewId(t, checks.map((c) => c.id)) })).trim();
        },
      },
      {
        skip: () => args.verdict !== undefined,
        run: async (p, s) => {
          const current = checks.find((c) => c.id === s.checkId)?.verdict;
          s.verdict = await p.pick({ placeholder: vscode.l10n.t('Verdict'), items: verdictItems(current), active: s.verdict ?? current ?? 'planned' });
        },
      },
    ]);
    if (!state?.verdict) return { done: false, reason: 'cancelled' };
    if (state.checkId === NEW) state.checkId = undefined;
  }
  if (state.verdict !== undefined && !VERDICTS.includes(state.verdict)) {
    return { done: false, reason: 'invalid', message: vscode.l10n.t('Unknown verdict "{0}".', String(state.verdict)) };
  }
  const verdict = state.verdict ?? 'planned';

  if (state.checkId !== undefined) {
    const checkId = state.checkId;
    const outcome = await applyToRoadmap(target, vscode.l10n.t('Set reality check verdict'), (text) => setRealityCheckVerdict(text, checkId, verdict), services);
    if (outcome.done) confirm(vscode.l10n.t('Reality check "{0}": {1}.', checkId, verdict));
    return { ...outcome, id: checkId, verdict };
  }
  const kind = state.kind ?? 'demo';
  if (!REALITY_CHECK_KINDS.includes(kind)) return { done: false, reason: 'invalid', message: vscode.l10n.t('Unknown reality check kind "{0}".', String(kind)) };
  if (state.candidate !== undefined && !candidates.some((c) => c.id === state.candidate)) {
    return { done: false, reason: 'invalid', message: vscode.l10n.t('There is no candidate "{0}".', state.candidate) };
  }
  const id = state.id ?? defaultId(state);
  const date = state.date ?? today();
  const problem = validateNewId(id, checks.map((c) => c.id)) ?? validateDate(date);
  if (problem) return { done: false, reason: 'invalid', message: problem };
  const check = { id, kind, candidate: state.candidate, date, verdict, ...(args.notes ? { notes: args.notes } : {}) };
  const outcome = await applyToRoadmap(target, vscode.l10n.t('Log reality check'), (text) => addRealityCheck(text, check), services);
  if (outcome.done) confirm(vscode.l10n.t('Reality check "{0}" logged ({1}).', id, verdict));
  return { ...outcome, id, verdict };
}

/** Candidates further along come first: they are the ones worth checking for real. */
function rankForCheck(status: string): number {
  return ['rejected', 'idea', 'shortlisted', 'prototyping', 'evaluated', 'chosen'].indexOf(status);
}

function uniqueId(base: string, taken: readonly string[]): string {
  const clean = base.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+/, '') || 'check';
  if (!taken.includes(clean)) return clean;
  for (let i = 2; ; i++) if (!taken.includes(`${clean}-${i}`)) return `${clean}-${i}`;
}

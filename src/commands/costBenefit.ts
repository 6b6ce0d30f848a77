// The cost/benefit prompts Add Candidate and Estimate Cost and Benefit share, in one order: effort, compute,
// risk, then (when the roadmap has a primary metric) the expected value on it and the confidence in that.
import * as vscode from 'vscode';
import { LEVELS, type Candidate, type Level, type Metric } from '../core/roadmap/model';
import { parseNumber, validateNumber } from '../core/roadmap/inputs';
import type { FlowPickItem, FlowStep } from './flow';

export interface CostBenefitState {
  effortDays?: number;
  computeHours?: number;
  risk?: Level;
  expected?: number;
  confidence?: Level;
}

const LEVEL_DETAILS: Readonly<Record<'risk' | 'confidence', Readonly<Record<Level, () => string>>>> = {
  risk: { low: () => vscode.l10n.t('Done before, by this team'), medium: () => vscode.l10n.t('Known approach, new here'), high: () => vscode.l10n.t('Unproven: may not work at all') },
  confidence: { low: () => vscode.l10n.t('A guess'), medium: () => vscode.l10n.t('Backed by a paper or a similar result'), high: () => vscode.l10n.t('Measured on our data already') },
};

const levelItems = (what: 'risk' | 'confidence'): FlowPickItem<Level>[] =>
  LEVELS.map((level) => ({ label: level, detail: LEVEL_DETAILS[what][level](), value: level }));

/**
 * The flow steps asking a candidate's cost and expected benefit. `candidateOf` names the candidate being estimated
 * (for the prompts) and gives its current values, which prefill the answers not given yet.
 */
export function costBenefitSteps<S extends CostBenefitState>(
  primary: Metric | undefined,
  candidateOf: (state: S) => { readonly id?: string; readonly current?: Candidate },
): FlowStep<S>[] {
  const current = (s: S) => candidateOf(s).current;
  return [
    {
      run: async (p, s) => {
        s.effortDays = parseNumber(
          await p.input({
            prompt: vscode.l10n.t('Cost: effort in person-days to prototype and evaluate "{0}"', candidateOf(s).id ?? ''),
            value: (s.effortDays ?? current(s)?.cost?.effort_days)?.toString(),
            validate: (t) => validateNumber(t, { minimum: 0 }),
          }),
        );
      },
    },
    {
      run: async (p, s) => {
        s.computeHours = parseNumber(
          await p.input({
            prompt: vscode.l10n.t('Cost: compute hours (GPU or CPU) to train and evaluate it (empty: unknown)'),
            value: (s.computeHours ?? current(s)?.cost?.compute_hours)?.toString(),
            validate: (t) => validateNumber(t, { optional: true, minimum: 0 }),
          }),
        );
      },
    },
    {
      run: async (p, s) => {
        s.risk = await p.pick<Level>({
          placeholder: vscode.l10n.t('Cost: risk that it does not work out'),
          items: levelItems('risk'),
          active: s.risk ?? current(s)?.cost?.risk ?? 'medium',
        });
      },
    },
    {
      skip: () => primary === undefined,
      run: async (p, s) => {
        const metric = primary as Metric;
        s.expected = parseNumber(
          await p.input({
            prompt: vscode.l10n.t('Expected benefit: {0} you expect it to reach ({1}; target {2})', metric.id, metric.goal, metric.target?.toString() ?? '—'),
            value: (s.expected ?? current(s)?.benefit?.expected?.[metric.id])?.toString(),
            validate: (t) => validateNumber(t),
          }),
        );
      },
    },
    {
      skip: () => primary === undefined,
      run: async (p, s) => {
        s.confidence = await p.pick<Level>({
          placeholder: vscode.l10n.t('How confident is that expectation?'),
          items: levelItems('confidence'),
          active: s.confidence ?? current(s)?.benefit?.confidence ?? 'medium',
        });
      },
    },
  ];
}

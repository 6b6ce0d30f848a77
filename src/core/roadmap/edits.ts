// Changes of a roadmap as data: each function returns the minimal text edits that make it, computed from the
// `yaml` node ranges so that everything outside the changed node stays byte for byte. Nothing here throws:
// unknown ids and unreadable text come back as `{ ok: false, error }`.
import * as l10n from '@vscode/l10n';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import {
  CANDIDATE_STATUSES,
  LEVELS,
  PHASES,
  STEP_STATUSES,
  VERDICTS,
  type Acknowledgement,
  type Benefit,
  type Candidate,
  type CandidateStatus,
  type Cost,
  type Evaluation,
  type GateOverride,
  type LiteratureEntry,
  type Metric,
  type Phase,
  type RealityCheck,
  type StepStatus,
  type TextEdit,
  type Verdict,
} from './model';
import { applyEdits, editSequence } from './edit-sequence';
import { createPositionMap } from './positions';
import { scalarText } from './scalar-text';
import { appendToTopLevelList, setMapKey, setNestedKey, setSectionKey, type PlainValue, type RawEdit } from './yaml-text-edits';

export { applyEdits, diffEdit } from './edit-sequence';

export type EditResult = { readonly ok: true; readonly edits: readonly TextEdit[] } | { readonly ok: false; readonly error: string };

/** A node to add: the model's fields without the source range; defaults may be left out. */
type NewNode<T, Defaulted extends keyof T = never> = Omit<T, 'range' | Defaulted> & Partial<Pick<T, Defaulted>>;
export type NewCandidate = NewNode<Candidate, 'baseline' | 'status'>;
export type NewMetric = NewNode<Metric, 'goal'>;
export type NewLiterature = NewNode<LiteratureEntry>;
export type NewRealityCheck = NewNode<RealityCheck, 'verdict'>;
export type NewOverride = NewNode<GateOverride>;
export type NewAcknowledgement = NewNode<Acknowledgement>;
export type EvaluationFields = Partial<Omit<Evaluation, 'range'>>;

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function failure(error: string): EditResult {
  return { ok: false, error };
}

/** Parses the text, runs `change`, and checks that the edited text is still valid YAML. */
function editWith(text: string, change: (doc: Document) => RawEdit | string): EditResult {
  try {
    const doc = parseDocument(text, { uniqueKeys: true });
    if (doc.errors.length > 0) return failure(l10n.t('The roadmap is not valid YAML ({0}): fix it first.', firstLine(doc.errors[0].message)));
    const raw = change(doc);
    if (typeof raw === 'string') return failure(raw);
    const positions = createPositionMap(text);
    const edit: TextEdit = { ...raw, range: positions.rangeOf(raw.offset, raw.offset + raw.length) };
    const after = parseDocument(applyEdits(text, [edit]), { uniqueKeys: true });
    if (after.errors.length > 0) return failure(l10n.t('The change would break the YAML ({0}).', firstLine(after.errors[0].message)));
    return { ok: true, edits: [edit] };
  } catch (e) {
    return failure(l10n.t('Could not compute the change: {0}', e instanceof Error ? e.message : String(e)));
  }
}

/** Top-level list items and, for steps, items nested in `discovery` stages and `production` tracks. */
function listItems(doc: Document, key: string): YAMLMap[] {
  const root = doc.contents;
  const list = isMap(root) ? root.get(key, true) : undefined;
  return isSeq(list) ? list.items.filter((i): i is YAMLMap => isMap(i)) : [];
}

function stepItems(doc: Document): YAMLMap[] {
  return ['discovery', 'production'].flatMap((key) =>
    listItems(doc, key).flatMap((group) => {
      const steps = group.get('steps', true);
      return isSeq(steps) ? steps.items.filter((i): i is YAMLMap => isMap(i)) : [];
    }),
  );
}

function idOf(item: YAMLMap): string | undefined {
  const id = item.get('id', true);
  if (!isScalar(id)) return undefined;
  return scalarText(id) ?? String(id.value);
}

function findById(items: readonly YAMLMap[], id: string): YAMLMap | undefined {
  return items.find((i) => idOf(i) === id);
}

/** `what`: the key or the kind of value, e.g. `verdict` or "step status". */
function checkAllowed(value: string, allowed: readonly string[], what: string): string | undefined {
  return allowed.includes(value) ? undefined : l10n.t("'{0}' is not a valid {1}: expected one of {2}", value, what, allowed.join(', '));
}

/** Sets one field of the item with `id` in a list (`what`: the kind of item in words, e.g. "metric"). */
function setItemField(text: string, list: string, what: string, id: string, key: string, value: PlainValue): EditResult {
  return editWith(text, (doc) => {
    const items = list === 'steps' ? stepItems(doc) : listItems(doc, list);
    const item = findById(items, id);
    if (!item) return l10n.t("No {0} with id '{1}'", what, id);
    return setMapKey(text, item, key, value);
  });
}

/** Keeps defined values only, `id` first, so added items read well. */
function clean(node: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const entries = Object.entries(node).filter(([k, v]) => v !== undefined && k !== 'range');
  entries.sort(([a], [b]) => (a === 'id' ? -1 : b === 'id' ? 1 : 0));
  for (const [k, v] of entries) out[k] = v !== null && typeof v === 'object' && !Array.isArray(v) ? clean(v) : v;
  return out;
}

function addItem(text: string, list: string, what: string, item: { readonly id: string }): EditResult {
  if (typeof item.id !== 'string' || item.id.trim() === '') return failure(l10n.t('A {0} needs an id', what));
  return editWith(text, (doc) => {
    if (findById(listItems(doc, list), item.id)) return l10n.t("A {0} with id '{1}' already exists", what, item.id);
    return appendToTopLevelList(text, doc, list, clean(item));
  });
}

export function setStepStatus(text: string, stepId: string, status: StepStatus): EditResult {
  const bad = checkAllowed(status, STEP_STATUSES, l10n.t('step status'));
  return bad ? failure(bad) : setItemField(text, 'steps', l10n.t('step'), stepId, 'status', status);
}

export function setCandidateStatus(text: string, id: string, status: CandidateStatus): EditResult {
  const bad = checkAllowed(status, CANDIDATE_STATUSES, l10n.t('candidate status'));
  return bad ? failure(bad) : setItemField(text, 'candidates', l10n.t('candidate'), id, 'status', status);
}

const CANDIDATE_SCALAR_FIELDS = ['title', 'baseline', 'novel_because', 'status', 'skip_reason', 'decision', 'results'] as const;
export type CandidateScalarField = (typeof CANDIDATE_SCALAR_FIELDS)[number];

/** Sets a single-valued field of a candidate (title, decision, skip_reason ...), adding it when absent. */
export function setCandidateField(text: string, id: string, key: CandidateScalarField, value: PlainValue): EditResult {
  if (!CANDIDATE_SCALAR_FIELDS.includes(key)) return failure(l10n.t("'{0}' is not a single-valued candidate field", String(key)));
  if (key === 'status') return setCandidateStatus(text, id, value as CandidateStatus);
  return setItemField(text, 'candidates', l10n.t('candidate'), id, key, value);
}

/** A candidate's cost and benefit estimates; the keys given are set, the others kept. */
export interface CostBenefitEstimate {
  readonly cost?: Cost;
  readonly benefit?: Benefit;
}

/**
 * Sets a candidate's `cost` and `benefit` estimates key by key (`cost.effort_days`, `benefit.expected.<metric>` ...),
 * adding `cost:` / `benefit:` in flow style when absent; comments and the other keys stay as they were. One edit.
 */
export function setCandidateEstimate(text: string, id: string, estimate: CostBenefitEstimate): EditResult {
  const leaves: [string[], PlainValue][] = [];
  const cost = estimate.cost ?? {};
  const benefit = estimate.benefit ?? {};
  // In the format's key order: cost (effort_days, compute_hours, risk), then benefit (expected, confidence).
  for (const key of ['effort_days', 'compute_hours'] as const) {
    const v = cost[key];
    if (v === undefined) continue;
    if (!Number.isFinite(v) || v < 0) return failure(l10n.t('{0} must be a number ≥ 0', `cost.${key}`));
    leaves.push([['cost', key], v]);
  }
  const level = (path: string[], value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    const bad = checkAllowed(value, LEVELS, path.join('.'));
    if (!bad) leaves.push([path, value]);
    return bad;
  };
  const badRisk = level(['cost', 'risk'], cost.risk);
  if (badRisk) return failure(badRisk);
  for (const [metric, v] of Object.entries(benefit.expected ?? {})) {
    if (!Number.isFinite(v)) return failure(l10n.t('{0} must be a number', `benefit.expected.${metric}`));
    leaves.push([['benefit', 'expected', metric], v]);
  }
  const badConfidence = level(['benefit', 'confidence'], benefit.confidence);
  if (badConfidence) return failure(badConfidence);
  return editSequence(
    text,
    leaves.map(([path, value]) => (current) =>
      editWith(current, (doc) => {
        const item = findById(listItems(doc, 'candidates'), id);
        return item ? setNestedKey(current, item, path, value) : l10n.t("No {0} with id '{1}'", l10n.t('candidate'), id);
      }),
    ),
  );
}

/** Sets the target of the metric with `id`, adding `target:` when absent. */
export function setMetricTarget(text: string, id: string, target: number): EditResult {
  if (!Number.isFinite(target)) return failure(l10n.t('The target must be a number'));
  return setItemField(text, 'metrics', l10n.t('metric'), id, 'target', target);
}

export function setRealityCheckVerdict(text: string, id: string, verdict: Verdict): EditResult {
  const bad = checkAllowed(verdict, VERDICTS, 'verdict');
  return bad ? failure(bad) : setItemField(text, 'reality_checks', l10n.t('reality check'), id, 'verdict', verdict);
}

export function setPhase(text: string, phase: Phase): EditResult {
  const bad = checkAllowed(phase, PHASES, 'phase');
  return bad ? failure(bad) : editWith(text, (doc) => setSectionKey(text, doc, 'project', 'phase', phase));
}

/** Sets fields of `evaluation`, creating the block when absent. All fields go in one edit when the block is created. */
export function setEvaluation(text: string, fields: EvaluationFields): EditResult {
  const entries = Object.entries(clean(fields)) as [string, PlainValue][];
  if (entries.length === 0) return { ok: true, edits: [] };
  // Each field is one minimal edit; they are applied in turn and merged into one edit of the span they cover.
  return editSequence(
    text,
    entries.map(([key, value]) => (current) => editWith(current, (doc) => setSectionKey(current, doc, 'evaluation', key, value))),
  );
}

export function addCandidate(text: string, candidate: NewCandidate): EditResult {
  return addItem(text, 'candidates', l10n.t('candidate'), candidate);
}

export function addLiterature(text: string, entry: NewLiterature): EditResult {
  return addItem(text, 'literature', l10n.t('literature entry'), entry);
}

export function addMetric(text: string, metric: NewMetric): EditResult {
  return addItem(text, 'metrics', l10n.t('metric'), metric);
}

export function addRealityCheck(text: string, check: NewRealityCheck): EditResult {
  return addItem(text, 'reality_checks', l10n.t('reality check'), check);
}

export function addOverride(text: string, override: NewOverride): EditResult {
  if (!PHASES.includes(override.from) || !PHASES.includes(override.to)) return failure(l10n.t('An override goes from one phase to another'));
  if (!override.reason?.trim()) return failure(l10n.t('An override needs a reason'));
  return editWith(text, (doc) => appendToTopLevelList(text, doc, 'overrides', clean(override)));
}

/**
 * Links the latest override from `from` to `to` that has no decision yet to the decision record `decision`
 * (`decision: "NNNN"`). Fails when there is no such override.
 */
export function setOverrideDecision(text: string, from: Phase, to: Phase, decision: string): EditResult {
  return editWith(text, (doc) => {
    const scalar = (item: YAMLMap, key: string) => {
      const v = item.get(key, true);
      return isScalar(v) ? (scalarText(v) ?? String(v.value)) : undefined;
    };
    const open = listItems(doc, 'overrides').filter((o) => scalar(o, 'from') === from && scalar(o, 'to') === to && scalar(o, 'decision') === undefined);
    const latest = open[open.length - 1];
    return latest ? setMapKey(text, latest, 'decision', decision) : l10n.t('No override from {0} to {1} without a decision', from, to);
  });
}

export function addAcknowledgement(text: string, ack: NewAcknowledgement): EditResult {
  if (!ack.code?.trim()) return failure(l10n.t('An acknowledgement needs the diagnostic code'));
  if (!ack.reason?.trim()) return failure(l10n.t('An acknowledgement needs a reason'));
  return editWith(text, (doc) => appendToTopLevelList(text, doc, 'acknowledged', clean(ack)));
}

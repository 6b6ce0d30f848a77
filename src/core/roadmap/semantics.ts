// Checks that need the whole roadmap: duplicate ids, references between sections, paths that leave the workspace.
import * as l10n from '@vscode/l10n';
import { isMap, isScalar, isSeq } from 'yaml';
import type { Evaluation, Roadmap } from './model';
import { firstLineRange, keyText, nodeRange, report, resolveNode, type NodePath, type ReadContext } from './read';
import { nearest } from './suggest';

interface Identified {
  readonly id: string;
}

/** The YAML node of `key` inside the mapping a model object was read from. */
function fieldNode(ctx: ReadContext, owner: object, key: string): { node: unknown; path: NodePath } | undefined {
  const source = ctx.sources.get(owner);
  if (!source) return undefined;
  const node = resolveNode(ctx, source.node.get(key, true));
  return node === undefined ? undefined : { node, path: [...source.path, key] };
}

/** `what`: the kind of item in words, e.g. "metric". */
function checkDuplicates(ctx: ReadContext, what: string, items: readonly Identified[]): void {
  const first = new Map<string, Identified>();
  for (const item of items) {
    const earlier = first.get(item.id);
    if (!earlier) {
      first.set(item.id, item);
      continue;
    }
    const at = fieldNode(ctx, item, 'id');
    const earlierAt = fieldNode(ctx, earlier, 'id');
    report(
      ctx,
      'semantic/duplicate-id',
      'error',
      earlierAt
        ? l10n.t("Duplicate {0} id '{1}' (first on line {2}).", what, item.id, nodeRange(ctx, earlierAt.node).start.line + 1)
        : l10n.t("Duplicate {0} id '{1}'.", what, item.id),
      at ? nodeRange(ctx, at.node) : firstLineRange(ctx, ctx.sources.get(item)?.node),
      at?.path ?? [],
    );
  }
}

/** Reports a scalar reference `key` of `owner` that names none of `known`. */
function checkReference(ctx: ReadContext, owner: object, key: string, known: ReadonlySet<string>, code: string, what: string): void {
  const at = fieldNode(ctx, owner, key);
  if (!at) return;
  checkReferenceNode(ctx, at.node, at.path, known, code, what);
}

function checkReferenceNode(ctx: ReadContext, node: unknown, path: NodePath, known: ReadonlySet<string>, code: string, what: string): void {
  const name = keyText(node);
  if (name === undefined || known.has(name)) return;
  const suggestion = nearest(name, known);
  const message = suggestion
    ? l10n.t("Unknown {0} '{1}'. Did you mean '{2}'?", what, name, suggestion)
    : known.size === 0
      ? l10n.t("Unknown {0} '{1}'. No {0} is defined yet.", what, name)
      : l10n.t("Unknown {0} '{1}'.", what, name);
  report(ctx, code, 'error', message, nodeRange(ctx, node), path, suggestion);
}

/**
 * How a relative path leaves the roadmap's folder (`absolute`, or `climbs` out with `..`), or undefined when it stays
 * inside. `${variables}` count as one ordinary folder or file name.
 */
export function pathEscape(path: string): 'absolute' | 'climbs' | undefined {
  if (/^([/\\~]|[A-Za-z]:)/.test(path)) return 'absolute';
  let depth = 0;
  for (const segment of path.split(/[/\\]+/)) {
    if (segment === '..') depth--;
    else if (segment !== '.' && segment !== '') depth++;
    if (depth < 0) return 'climbs';
  }
  return undefined;
}

function checkPath(ctx: ReadContext, owner: object, key: string): void {
  const at = fieldNode(ctx, owner, key);
  const value = at && isScalar(at.node) && typeof at.node.value === 'string' ? at.node.value : undefined;
  if (!at || value === undefined) return;
  const why = pathEscape(value);
  if (why) {
    const message =
      why === 'absolute'
        ? l10n.t("The path '{0}' is absolute: paths must stay inside the roadmap's folder.", value)
        : l10n.t("The path '{0}' climbs out of the roadmap's folder with ..: paths must stay inside the roadmap's folder.", value);
    report(ctx, 'path/outside-workspace', 'error', message, nodeRange(ctx, at.node), at.path);
  }
}

/** Above this, `evaluation.parallel` is warned about (`semantic/parallel-high`). */
export const PARALLEL_WARNING_ABOVE = 64;

/** `evaluation.parallel`: warned about when very high, a hint when no candidate runs locally (Slurm jobs ignore it). */
function checkParallel(ctx: ReadContext, roadmap: Roadmap, evaluation: Evaluation): void {
  const at = fieldNode(ctx, evaluation, 'parallel');
  if (!at || evaluation.parallel === undefined) return;
  if (evaluation.parallel > PARALLEL_WARNING_ABOVE) {
    report(
      ctx,
      'semantic/parallel-high',
      'warning',
      l10n.t`${evaluation.parallel} evaluations at once: above ${PARALLEL_WARNING_ABOVE}, they rarely fit one machine (each runs the whole command).`,
      nodeRange(ctx, at.node),
      at.path,
    );
  }
  const anyLocal = roadmap.candidates.some((c) => (c.executor ?? evaluation.executor ?? 'local') === 'local');
  if (evaluation.executor === 'slurm' && !anyLocal) {
    report(
      ctx,
      'semantic/parallel-unused',
      'hint',
      l10n.t('`parallel` applies to local evaluations only: with `executor: slurm`, every candidate is its own job and the jobs run side by side.'),
      nodeRange(ctx, at.node),
      at.path,
    );
  }
}

export function checkSemantics(ctx: ReadContext, roadmap: Roadmap): void {
  const steps = [...roadmap.discovery.flatMap((s) => s.steps), ...roadmap.production.flatMap((t) => t.steps)];
  checkDuplicates(ctx, l10n.t('metric'), roadmap.metrics);
  checkDuplicates(ctx, l10n.t('literature'), roadmap.literature);
  checkDuplicates(ctx, l10n.t('candidate'), roadmap.candidates);
  checkDuplicates(ctx, l10n.t('reality check'), roadmap.reality_checks);
  checkDuplicates(ctx, l10n.t('step'), steps);

  const literature = new Set(roadmap.literature.map((l) => l.id));
  const candidates = new Set(roadmap.candidates.map((c) => c.id));
  const metrics = new Set(roadmap.metrics.map((m) => m.id));

  for (const candidate of roadmap.candidates) {
    const basedOn = fieldNode(ctx, candidate, 'based_on');
    if (basedOn && isSeq(basedOn.node)) {
      basedOn.node.items.forEach((item, i) => {
        checkReferenceNode(ctx, resolveNode(ctx, item), [...basedOn.path, i], literature, 'ref/unknown-literature', l10n.t('literature entry'));
      });
    }
    const benefit = fieldNode(ctx, candidate, 'benefit');
    const expected = benefit && isMap(benefit.node) ? resolveNode(ctx, benefit.node.get('expected', true)) : undefined;
    if (benefit && isMap(expected)) {
      for (const pair of expected.items) {
        const key = resolveNode(ctx, pair.key);
        checkReferenceNode(ctx, key, [...benefit.path, 'expected', keyText(key) ?? '?'], metrics, 'ref/unknown-metric', l10n.t('metric'));
      }
    }
    checkPath(ctx, candidate, 'results');
  }
  for (const check of roadmap.reality_checks) {
    checkReference(ctx, check, 'candidate', candidates, 'ref/unknown-candidate', l10n.t('candidate'));
  }
  const evaluation = roadmap.evaluation;
  if (evaluation) {
    checkReference(ctx, evaluation, 'baseline', candidates, 'ref/unknown-candidate', l10n.t('candidate'));
    const named = roadmap.candidates.find((c) => c.id === evaluation.baseline);
    const at = fieldNode(ctx, evaluation, 'baseline');
    if (named && !named.baseline && at) {
      report(
        ctx,
        'ref/baseline-not-baseline',
        'warning',
        l10n.t("'{0}' is the evaluation baseline but is not marked 'baseline: true' in candidates.", named.id),
        nodeRange(ctx, at.node),
        at.path,
      );
    }
    checkPath(ctx, evaluation, 'dataset');
    checkPath(ctx, evaluation, 'results');
    checkParallel(ctx, roadmap, evaluation);
  }
  checkPath(ctx, roadmap, 'decisions');
}

// Checks that need the whole roadmap: duplicate ids, references between sections, paths that leave the workspace.
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
    const line = earlierAt ? ` (first on line ${nodeRange(ctx, earlierAt.node).start.line + 1})` : '';
    report(
      ctx,
      'semantic/duplicate-id',
      'error',
      `Duplicate ${what} id '${item.id}'${line}.`,
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
  const hint = suggestion ? ` Did you mean '${suggestion}'?` : known.size === 0 ? ` No ${what} is defined yet.` : '';
  report(ctx, code, 'error', `Unknown ${what} '${name}'.${hint}`, nodeRange(ctx, node), path, suggestion);
}

/**
 * Why a relative path leaves the roadmap's folder, or undefined when it stays inside.
 * `${variables}` count as one ordinary folder or file name.
 */
export function pathEscape(path: string): string | undefined {
  if (/^([/\\~]|[A-Za-z]:)/.test(path)) return 'is absolute';
  let depth = 0;
  for (const segment of path.split(/[/\\]+/)) {
    if (segment === '..') depth--;
    else if (segment !== '.' && segment !== '') depth++;
    if (depth < 0) return 'climbs out of the roadmap\'s folder with ..';
  }
  return undefined;
}

function checkPath(ctx: ReadContext, owner: object, key: string): void {
  const at = fieldNode(ctx, owner, key);
  const value = at && isScalar(at.node) && typeof at.node.value === 'string' ? at.node.value : undefined;
  if (!at || value === undefined) return;
  const why = pathEscape(value);
  if (why) {
    report(ctx, 'path/outside-workspace', 'error', `The path '${value}' ${why}: paths must stay inside the roadmap's folder.`, nodeRange(ctx, at.node), at.path);
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
      `${evaluation.parallel} evaluations at once: above ${PARALLEL_WARNING_ABOVE}, they rarely fit one machine (each runs the whole command).`,
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
      '`parallel` applies to local evaluations only: with `executor: slurm`, every candidate is its own job and the jobs run side by side.',
      nodeRange(ctx, at.node),
      at.path,
    );
  }
}

export function checkSemantics(ctx: ReadContext, roadmap: Roadmap): void {
  const steps = [...roadmap.discovery.flatMap((s) => s.steps), ...roadmap.production.flatMap((t) => t.steps)];
  checkDuplicates(ctx, 'metric', roadmap.metrics);
  checkDuplicates(ctx, 'literature', roadmap.literature);
  checkDuplicates(ctx, 'candidate', roadmap.candidates);
  checkDuplicates(ctx, 'reality check', roadmap.reality_checks);
  checkDuplicates(ctx, 'step', steps);

  const literature = new Set(roadmap.literature.map((l) => l.id));
  const candidates = new Set(roadmap.candidates.map((c) => c.id));
  const metrics = new Set(roadmap.metrics.map((m) => m.id));

  for (const candidate of roadmap.candidates) {
    const basedOn = fieldNode(ctx, candidate, 'based_on');
    if (basedOn && isSeq(basedOn.node)) {
      basedOn.node.items.forEach((item, i) => {
        checkReferenceNode(ctx, resolveNode(ctx, item), [...basedOn.path, i], literature, 'ref/unknown-literature', 'literature entry');
      });
    }
    const benefit = fieldNode(ctx, candidate, 'benefit');
    const expected = benefit && isMap(benefit.node) ? resolveNode(ctx, benefit.node.get('expected', true)) : undefined;
    if (benefit && isMap(expected)) {
      for (const pair of expected.items) {
        const key = resolveNode(ctx, pair.key);
        checkReferenceNode(ctx, key, [...benefit.path, 'expected', keyText(key) ?? '?'], metrics, 'ref/unknown-metric', 'metric');
      }
    }
    checkPath(ctx, candidate, 'results');
  }
  for (const check of roadmap.reality_checks) {
    checkReference(ctx, check, 'candidate', candidates, 'ref/unknown-candidate', 'candidate');
  }
  const evaluation = roadmap.evaluation;
  if (evaluation) {
    checkReference(ctx, evaluation, 'baseline', candidates, 'ref/unknown-candidate', 'candidate');
    const named = roadmap.candidates.find((c) => c.id === evaluation.baseline);
    const at = fieldNode(ctx, evaluation, 'baseline');
    if (named && !named.baseline && at) {
      report(
        ctx,
        'ref/baseline-not-baseline',
        'warning',
        `'${named.id}' is the evaluation baseline but is not marked 'baseline: true' in candidates.`,
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

// The writer behind Initialize Roadmap: the starter roadmap with the findings the user kept merged in, through the
// core's comment-preserving edits (yaml Document API), so the starter's comments and layout stay. What was not
// found stays as the starter has it: commented out, with an example.
import { STARTER_BASELINE_ID, STARTER_BASELINE_LINES, starterRoadmap, type StarterInput } from '../process/starter';
import { addCandidate, addLiterature, addMetric, applyEdits, setEvaluation, type EditResult } from '../roadmap/edits';
import { setMapKey } from '../roadmap/yaml-text-edits';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { CandidateFinding, CommandFinding, DatasetFinding, DecisionsFinding, Finding } from './findings';

export type InitialRoadmap = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

function ofKind<K extends Finding['kind']>(findings: readonly Finding[], kind: K): Extract<Finding, { kind: K }>[] {
  return findings.filter((f): f is Extract<Finding, { kind: K }> => f.kind === kind);
}

/** The starter's example line of an evaluation key, dropped once the key holds a found value. */
function dropExample(text: string, key: string): string {
  return text.replace(new RegExp(`^  # ${key}: .*\\r?\\n`, 'm'), '');
}

/** A comment line above `evaluation.command`. */
function commentAboveCommand(text: string, comment: string): string {
  const doc = parseDocument(text);
  const evaluation = isMap(doc.contents) ? doc.contents.get('evaluation', true) : undefined;
  if (!isMap(evaluation)) return text;
  const pair = evaluation.items.find((p) => isScalar(p.key) && p.key.value === 'command');
  const offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  if (offset === undefined) return text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = text.slice(lineStart, offset);
  return `${text.slice(0, lineStart)}${indent}# ${comment.replace(/\s*\n\s*/g, ' ')}\n${text.slice(lineStart)}`;
}

function apply(text: string, result: EditResult): string {
  if (!result.ok) throw new Error(result.error);
  return applyEdits(text, result.edits);
}

/** The starter roadmap with the kept findings merged in. Fails (as a value) only when an edit cannot be made. */
export function initialRoadmap(starter: StarterInput, kept: readonly Finding[]): InitialRoadmap {
  try {
    let text = starterRoadmap(starter);
    const candidates = ofKind(kept, 'candidate');
    const baseline: CandidateFinding | undefined = candidates.find((c) => c.baseline);
    if (baseline) text = text.replace(STARTER_BASELINE_LINES.join('\n') + '\n', '');

    for (const m of ofKind(kept, 'metric')) text = apply(text, addMetric(text, { id: m.id, ...(m.loggedAs !== undefined ? { logged_as: m.loggedAs } : {}), goal: m.goal }));
    for (const l of ofKind(kept, 'literature')) text = apply(text, addLiterature(text, { id: l.id, title: l.title, url: l.url }));
    for (const c of candidates) {
      if (!baseline && c.id === STARTER_BASELINE_ID) continue;
      text = apply(
        text,
        addCandidate(text, {
          id: c.id,
          title: c.title,
          baseline: c.baseline ? true : undefined,
          status: c.evaluated ? 'evaluated' : 'idea',
          results: c.evaluated ? c.results : undefined,
        }),
      );
    }

    const dataset: DatasetFinding | undefined = ofKind(kept, 'dataset')[0];
    const command: CommandFinding | undefined = ofKind(kept, 'command')[0];
    const commandLine = command ? (dataset && command.datasetFlag ? `${command.command} ${command.datasetFlag} \${dataset}` : command.command) : undefined;
    if (commandLine !== undefined) text = dropExample(text, 'command');
    if (dataset) text = dropExample(text, 'dataset');
    text = apply(text, setEvaluation(text, { command: commandLine, dataset: dataset?.path, baseline: baseline?.id }));
    if (command?.todo) text = commentAboveCommand(text, `TODO: ${command.todo}`);

    const decisions: DecisionsFinding | undefined = ofKind(kept, 'decisions')[0];
    if (decisions) {
      const doc = parseDocument(text);
      if (!isMap(doc.contents)) return { ok: false, error: 'the starter roadmap is not a mapping' };
      const edit = setMapKey(text, doc.contents, 'decisions', decisions.folder);
      if (typeof edit === 'string') return { ok: false, error: edit };
      text = applyEdits(text, [edit]);
    }
    return { ok: true, text };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

// The project detector behind Initialize Roadmap: looks at a project through a small file-system interface (list +
// bounded read) and returns what a roadmap could start from, each finding with the file it came from. Result files
// are read by the existing readers (through `readRuns`); nothing is guessed without a file behind it.
import * as l10n from '@vscode/l10n';
import { parse as parseYaml } from 'yaml';
import { isRecordFileName } from '../decisions/folder';
import { formatByHead, formatByName, isOwnFormat } from '../results/detect';
import type { ResultTarget } from '../results/discover';
import { baseMetricName, defaultGoalOf, findMetricName } from '../results/metric-names';
import type { RunResult } from '../results/types';
import type { Goal } from '../roadmap/model';
import type { CandidateFinding, CommandFinding, DatasetFinding, DecisionsFinding, Finding, LiteratureFinding, MetricFinding, ProjectFindings } from './findings';
import { baseOf, dirOf, joinPath, walkProject, type ProjectFs, type WalkLimits } from './project-fs';

export interface DetectLimits extends WalkLimits {
  /** Files read (whole or a head) before the detector stops reading. Default 300. */
  readonly maxFilesRead?: number;
  /** Bytes read of one file. Default 256 KB. */
  readonly maxBytesPerFile?: number;
  /** Bytes read in all. Default 8 MB. */
  readonly maxTotalBytes?: number;
}

export interface DetectInput {
  readonly fs: ProjectFs;
  /** Reads result targets with the existing readers; each run's `source` relative to the project root. */
  readonly readRuns: (targets: readonly ResultTarget[]) => Promise<readonly RunResult[]>;
  readonly limits?: DetectLimits;
}

/** CSV, JSON Lines and JSON files count as results only when their name says so (as the results search does). */
const RESULTS_NAME = /metric|result|score|eval|log|history|progress|summary/i;
const DATA_EXTENSIONS = /\.(csv|parquet|jsonl)$/i;
/** Folder names that say nothing about which model a run is. */
const GENERIC_FOLDER = /^(results?|outputs?|out|eval|evals|evaluation|metrics|logs?|runs?|reports?|scores?|experiments?|artifacts|lightning_logs|version_\d+|mlruns|tmp|\d+|checkpoint-\d+)$/i;
const BASELINE_NAME = /baseline|dummy|majority|naive|constant|trivial|most[-_]?frequent/i;
/** Base metric names that count steps, samples or time spent rather than quality. */
const BOOKKEEPING = /^(epoch|epochs|step|steps|global_step|iteration|iter|samples|runtime|total_flos|learning_rate|lr|grad_norm|timestamp|time|.*_per_second|.*_step|.*_epoch|.*_time|eta_.*|num_.*|.*_len|.*_count)$/;
/** Namespaces of logged values that are settings or counters, not quality (`lr/pg0`, `time/iter`). */
const BOOKKEEPING_NAMESPACE = /^(lr|learning_rate|time|timing|perf|sys|system)[/.]/i;
/** Tokens beyond the results' own heuristic that mean "smaller is better" in a metric name. */
const EXTRA_MINIMIZE = /(^|[^a-z])(entropy|distance|regret|fid|bpc|bpd|cost)([^a-z]|$)/;

const ID_START = /^[a-z0-9]/;

/** A roadmap id from a name: lower case, anything but letters, digits, `_` and `-` becomes `-`. */
export function idFrom(name: string, max = 60): string | undefined {
  const id = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, max)
    .replace(/[-_]+$/, '');
  return id !== '' && ID_START.test(id) ? id : undefined;
}

/** The goal a metric name suggests: loss, error, rmse, mae, latency, perplexity, cross entropy ... minimise; else maximise. */
export function guessGoal(name: string): Goal {
  return defaultGoalOf(name) === 'minimize' || EXTRA_MINIMIZE.test(name.toLowerCase()) ? 'minimize' : 'maximize';
}

class Reader {
  private files = 0;
  private bytes = 0;
  truncated: string | undefined;
  constructor(
    private readonly fs: ProjectFs,
    private readonly limits: Required<Pick<DetectLimits, 'maxFilesRead' | 'maxBytesPerFile' | 'maxTotalBytes'>>,
  ) {}
  async read(path: string, maxBytes = this.limits.maxBytesPerFile): Promise<string | undefined> {
    if (this.files >= this.limits.maxFilesRead) {
      this.truncated ??= this.limits.maxFilesRead === 1 ? l10n.t('stopped reading after 1 file') : l10n.t('stopped reading after {0} files', this.limits.maxFilesRead);
      return undefined;
    }
    const left = this.limits.maxTotalBytes - this.bytes;
    if (left <= 0) {
      this.truncated ??= l10n.t('stopped reading after {0} bytes', this.limits.maxTotalBytes);
      return undefined;
    }
    this.files++;
    const text = await this.fs.read(path, Math.min(maxBytes, left, this.limits.maxBytesPerFile));
    if (text !== undefined) this.bytes += text.length;
    return text?.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

/** Looks at the project and returns what it found, each finding with its sources. Never throws on the project's content. */
export async function detectProject(input: DetectInput): Promise<ProjectFindings> {
  const limits = input.limits ?? {};
  const walk = await walkProject(input.fs, limits);
  const reader = new Reader(input.fs, {
    maxFilesRead: limits.maxFilesRead ?? 300,
    maxBytesPerFile: limits.maxBytesPerFile ?? 256 * 1024,
    maxTotalBytes: limits.maxTotalBytes ?? 8 * 1024 * 1024,
  });
  const files = new Set(walk.files);
  const dirs = new Set(walk.dirs);
  const dvc = await readDvcYaml(files, reader);

  const targets = await resultTargets(walk.files, walk.dirs, files, dirs, reader);
  const runs = targets.length > 0 ? await input.readRuns(targets) : [];
  const experimentNames = await mlflowExperimentNames(runs, files, reader);

  const findings: Finding[] = [
    ...metricFindings(runs),
    ...candidateFindings(runs, experimentNames),
    ...datasetFindings(walk.files, dvc),
    ...(await commandFindings(walk.files, dvc, reader)),
    ...(await decisionsFindings(walk.files, dirs, files, reader)),
    ...(await literatureFindings(walk.files, reader)),
  ];
  const truncated = [walk.truncated, reader.truncated].filter((t): t is string => t !== undefined).join('; ');
  return truncated ? { findings, truncated } : { findings };
}

// ---- results ----------------------------------------------------------------------------------------------------

async function resultTargets(
  fileList: readonly string[],
  dirList: readonly string[],
  files: ReadonlySet<string>,
  dirs: ReadonlySet<string>,
  reader: Reader,
): Promise<ResultTarget[]> {
  const targets: ResultTarget[] = [];
  const runDirs = dirList.filter((d) => files.has(joinPath(d, 'meta.yaml')) && dirs.has(joinPath(d, 'metrics')));
  const inRun = (p: string): boolean => runDirs.some((d) => p.startsWith(d + '/'));
  for (const d of runDirs) targets.push({ format: 'mlflow', paths: [d] });
  const hf = new Map<string, string[]>();
  for (const path of fileList) {
    if (inRun(path) || isDataPath(path)) continue;
    const name = baseOf(path).toLowerCase();
    const byName = formatByName(name);
    if (byName === undefined) continue;
    if (byName === 'huggingface') {
      if (/^checkpoint-\d+$/i.test(baseOf(dirOf(path)))) continue;
      const list = hf.get(dirOf(path)) ?? [];
      list.push(path);
      hf.set(dirOf(path), list);
      continue;
    }
    const resultsNamed = RESULTS_NAME.test(name.replace(/\.[^.]*$/, ''));
    if (byName === 'dvc' || byName === 'wandb') targets.push({ format: byName, paths: [path] });
    else if (byName === 'jsonl' || byName === 'csv') {
      if (resultsNamed) targets.push({ format: byName, paths: [path] });
    } else if (byName === 'json') {
      const head = await reader.read(path, resultsNamed ? 64 * 1024 : 4096);
      if (head === undefined) continue;
      if (resultsNamed) targets.push({ format: formatByHead(head), paths: [path] });
      else if (isOwnFormat(head)) targets.push({ format: 'mlroadmap', paths: [path] });
    }
  }
  for (const paths of hf.values()) targets.push({ format: 'huggingface', paths });
  return targets;
}

function isDataPath(path: string): boolean {
  return path.startsWith('data/') || path.includes('/data/');
}

/** Experiment names of MLflow runs, from `mlruns/<experiment>/meta.yaml`. */
async function mlflowExperimentNames(runs: readonly RunResult[], files: ReadonlySet<string>, reader: Reader): Promise<Map<string, { name: string; source: string }>> {
  const out = new Map<string, { name: string; source: string }>();
  for (const r of runs) {
    if (r.format !== 'mlflow') continue;
    const meta = joinPath(dirOf(r.source), 'meta.yaml');
    if (!files.has(meta) || out.has(dirOf(r.source))) continue;
    const text = await reader.read(meta, 16 * 1024);
    const name = text ? /^name:\s*['"]?([^'"\n]+?)['"]?\s*$/m.exec(text)?.[1] : undefined;
    if (name) out.set(dirOf(r.source), { name, source: meta });
  }
  return out;
}

function metricFindings(runs: readonly RunResult[]): MetricFinding[] {
  const byId = new Map<string, { names: string[]; sources: string[] }>();
  for (const run of runs) {
    for (const name of Object.keys(run.metrics)) {
      const base = baseMetricName(name);
      if (BOOKKEEPING.test(base) || BOOKKEEPING_NAMESPACE.test(name)) continue;
      const id = idFrom(base);
      if (id === undefined) continue;
      const entry = byId.get(id) ?? { names: [], sources: [] };
      if (!entry.names.includes(name)) entry.names.push(name);
      if (!entry.sources.includes(run.source)) entry.sources.push(run.source);
      byId.set(id, entry);
    }
  }
  return [...byId].map(([id, e]) => {
    // An id made from a name that is no valid id (`map50-b` from `metrics/mAP50(B)`) matches none of its names: the
    // metric keeps the name it is logged under (the held-out split's first).
    const loggedAs = findMetricName(e.names, id) === undefined ? findMetricName(e.names, baseMetricName(e.names[0])) : undefined;
    return { kind: 'metric', key: `metric:${id}`, id, goal: guessGoal(id), names: e.names, sources: e.sources, ...(loggedAs !== undefined ? { loggedAs } : {}) };
  });
}

/** The model a run is about: the candidate it names, its tool's run name, or a folder that is not generic. */
function runModelName(run: RunResult, experiments: ReadonlyMap<string, { name: string; source: string }>): { name: string; extra?: string } | undefined {
  if (run.candidate) return { name: run.candidate };
  if (run.format === 'mlflow') {
    if (run.runName && run.runName !== baseOf(run.source)) return { name: run.runName, extra: joinPath(run.source, 'tags/mlflow.runName') };
    const exp = experiments.get(dirOf(run.source));
    return exp && exp.name !== 'Default' ? { name: exp.name, extra: exp.source } : undefined;
  }
  if (run.format === 'wandb' && run.runName) return { name: run.runName };
  const folder = baseOf(run.format === 'huggingface' && !/\.json$/i.test(run.source) ? run.source : dirOf(run.source));
  return folder !== '' && !GENERIC_FOLDER.test(folder) ? { name: folder } : undefined;
}

function candidateFindings(runs: readonly RunResult[], experiments: ReadonlyMap<string, { name: string; source: string }>): CandidateFinding[] {
  const byId = new Map<string, { title: string; sources: string[]; results?: string; evaluated: boolean }>();
  for (const run of runs) {
    const named = runModelName(run, experiments);
    const id = named && idFrom(named.name);
    if (!named || !id) continue;
    const entry = byId.get(id) ?? { title: named.name, sources: [], evaluated: false };
    for (const s of [run.source, named.extra]) if (s !== undefined && !entry.sources.includes(s)) entry.sources.push(s);
    if (Object.keys(run.metrics).length > 0 && !entry.evaluated) {
      entry.evaluated = true;
      entry.results = run.source;
    }
    byId.set(id, entry);
  }
  return [...byId].map(([id, e]) => ({
    kind: 'candidate',
    key: `candidate:${id}`,
    id,
    title: e.title,
    evaluated: e.evaluated,
    ...(e.results !== undefined ? { results: e.results } : {}),
    baseline: BASELINE_NAME.test(e.title),
    sources: e.sources,
  }));
}

// ---- dataset -----------------------------------------------------------------------------------------------------

interface DvcStage {
  readonly name: string;
  readonly cmd?: string;
  readonly deps: readonly string[];
  readonly outs: readonly string[];
}

interface DvcInfo {
  readonly file: string;
  readonly stages: readonly DvcStage[];
}

async function readDvcYaml(files: ReadonlySet<string>, reader: Reader): Promise<DvcInfo | undefined> {
  if (!files.has('dvc.yaml')) return undefined;
  const text = await reader.read('dvc.yaml');
  if (text === undefined) return undefined;
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  const stagesNode = isObject(doc) ? doc.stages : undefined;
  if (!isObject(stagesNode)) return { file: 'dvc.yaml', stages: [] };
  const stages: DvcStage[] = [];
  for (const [name, s] of Object.entries(stagesNode)) {
    if (!isObject(s)) continue;
    const cmd = typeof s.cmd === 'string' ? s.cmd : Array.isArray(s.cmd) && s.cmd.every((c) => typeof c === 'string') ? s.cmd.join(' && ') : undefined;
    stages.push({ name, ...(cmd !== undefined ? { cmd: cmd.trim() } : {}), deps: pathList(s.deps), outs: pathList(s.outs) });
  }
  return { file: 'dvc.yaml', stages };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function pathList(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((item) => (typeof item === 'string' ? [item] : isObject(item) ? Object.keys(item) : [])).map((p) => p.replace(/^\.\//, ''));
}

const EVAL_STAGE = /^(evaluate|evaluation|eval|test|score|scoring|metrics)$/i;
const EVAL_DATA_NAME = /test|eval|valid|val\b|holdout|dev/i;

function datasetFindings(fileList: readonly string[], dvc: DvcInfo | undefined): DatasetFinding[] {
  const stage = dvc?.stages.find((s) => EVAL_STAGE.test(s.name));
  const stageData = stage?.deps.find((d) => d.startsWith('data/'));
  if (dvc && stage && stageData) {
    return [{ kind: 'dataset', key: `dataset:${stageData}`, path: stageData, why: l10n.t("a dependency of the dvc stage '{0}'", stage.name), sources: [dvc.file] }];
  }
  const dataFiles = fileList.filter((p) => p.startsWith('data/') && DATA_EXTENSIONS.test(p));
  const tracked = fileList.filter((p) => p.startsWith('data/') && p.endsWith('.dvc')).map((p) => ({ path: p.slice(0, -'.dvc'.length), source: p }));
  const evalFile = dataFiles.find((p) => EVAL_DATA_NAME.test(baseOf(p)));
  if (evalFile) return [{ kind: 'dataset', key: `dataset:${evalFile}`, path: evalFile, why: l10n.t('a data file named for evaluation'), sources: [evalFile] }];
  const evalTracked = tracked.find((t) => EVAL_DATA_NAME.test(baseOf(t.path)));
  if (evalTracked) return [{ kind: 'dataset', key: `dataset:${evalTracked.path}`, path: evalTracked.path, why: l10n.t('DVC-tracked, named for evaluation'), sources: [evalTracked.source] }];
  if (dataFiles.length > 0) {
    const why = dataFiles.length === 1 ? l10n.t('the only data file') : l10n.t('the first of {0} data files: check it is the evaluation set', dataFiles.length);
    return [{ kind: 'dataset', key: `dataset:${dataFiles[0]}`, path: dataFiles[0], why, sources: [dataFiles[0]] }];
  }
  if (tracked.length > 0) {
    const t = tracked[0];
    const why = tracked.length === 1 ? l10n.t('DVC-tracked') : l10n.t('the first of {0} DVC-tracked data: check it is the evaluation set', tracked.length);
    return [{ kind: 'dataset', key: `dataset:${t.path}`, path: t.path, why, sources: [t.source] }];
  }
  return [];
}

// ---- evaluation command -----------------------------------------------------------------------------------------

const CANDIDATE_FLAGS = ['--candidate', '--model', '--model-name', '--model_name', '--model-id', '--model_id', '--name', '--checkpoint', '--model-path', '--model_path'];
const RESULTS_FLAGS = ['--out', '--output', '--results', '--output-file', '--output_file', '--out-file', '--results-file', '--results_file', '--metrics', '--metrics-file', '--output-path', '--output_path'];
const DATASET_FLAGS = ['--dataset', '--data', '--test-data', '--test_data', '--eval-data', '--data-path', '--data_path', '--test-file', '--test_file'];
const CANDIDATE_VARS = ['CANDIDATE', 'MODEL', 'MODEL_NAME', 'NAME'];
const RESULTS_VARS = ['OUT', 'OUTPUT', 'RESULTS', 'RESULTS_FILE', 'METRICS', 'METRICS_FILE'];
const SCRIPT_NAMES = ['evaluate.py', 'eval.py'];
const MAKE_TARGET = /^(evaluate|evaluation|eval|score)\s*:(?!=)/m;

function quoteArg(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, '')}'`;
}

/** Flags a Python script declares with argparse (`add_argument`) or click (`option`). */
export function declaredFlags(source: string): string[] {
  const flags: string[] = [];
  const call = /(?:add_argument|option)\(\s*((?:['"][^'"]*['"]\s*,\s*)*['"][^'"]*['"])/g;
  for (let m = call.exec(source); m; m = call.exec(source)) {
    for (const s of m[1].matchAll(/['"]([^'"]*)['"]/g)) if (s[1].startsWith('-')) flags.push(s[1]);
  }
  return flags;
}

function todoFor(missing: readonly string[], where: string): string | undefined {
  if (missing.length === 0) return undefined;
  return `${where} takes no ${missing.join(' or ')} flag: put ${missing.map((m) => (m === 'candidate' ? '${candidate}' : '${results}')).join(' and ')} where it takes ${missing.length > 1 ? 'them' : 'it'}`;
}

async function scriptCommand(path: string, reader: Reader): Promise<CommandFinding | undefined> {
  const text = await reader.read(path);
  if (text === undefined) return undefined;
  const flags = declaredFlags(text);
  const candidate = CANDIDATE_FLAGS.find((f) => flags.includes(f));
  const results = RESULTS_FLAGS.find((f) => flags.includes(f));
  const dataset = DATASET_FLAGS.find((f) => flags.includes(f));
  const parts = ['${python}', quoteArg(path)];
  if (candidate) parts.push(candidate, '${candidate}');
  if (results) parts.push(results, '${results}');
  const todo = todoFor([...(candidate ? [] : ['candidate']), ...(results ? [] : ['results'])], path);
  return {
    kind: 'command',
    key: `command:${path}`,
    command: parts.join(' '),
    ...(dataset ? { datasetFlag: dataset } : {}),
    ...(todo ? { todo } : {}),
    sources: [path],
  };
}

function dvcCommand(dvc: DvcInfo): CommandFinding | undefined {
  const stage = dvc.stages.find((s) => EVAL_STAGE.test(s.name) && s.cmd);
  if (!stage?.cmd) return undefined;
  const tokens = stage.cmd.split(/\s+/);
  let candidate = false;
  let results = false;
  for (let i = 0; i < tokens.length - 1; i++) {
    const flag = tokens[i].split('=')[0];
    const inline = tokens[i].includes('=');
    const place = (value: string): void => {
      if (inline) tokens[i] = `${flag}=${value}`;
      else tokens[i + 1] = value;
    };
    if (!candidate && CANDIDATE_FLAGS.includes(flag)) {
      place('${candidate}');
      candidate = true;
    } else if (!results && RESULTS_FLAGS.includes(flag)) {
      place('${results}');
      results = true;
    }
  }
  const todo = todoFor([...(candidate ? [] : ['candidate']), ...(results ? [] : ['results'])], `the dvc stage '${stage.name}'`);
  return { kind: 'command', key: `command:dvc.yaml#${stage.name}`, command: tokens.join(' '), ...(todo ? { todo } : {}), sources: [dvc.file] };
}

async function makeCommand(path: string, reader: Reader): Promise<CommandFinding | undefined> {
  const text = await reader.read(path);
  const m = text !== undefined ? MAKE_TARGET.exec(text) : null;
  if (!text || !m) return undefined;
  const target = m[1];
  const recipe: string[] = [];
  for (const line of text.slice(m.index).split('\n').slice(1)) {
    if (!line.startsWith('\t') && line.trim() !== '') break;
    recipe.push(line);
  }
  const body = recipe.join('\n');
  const uses = (v: string): boolean => body.includes(`$(${v})`) || body.includes(`\${${v}}`);
  const candidate = CANDIDATE_VARS.find(uses);
  const results = RESULTS_VARS.find(uses);
  const parts = ['make', target];
  if (candidate) parts.push(`${candidate}=\${candidate}`);
  if (results) parts.push(`${results}=\${results}`);
  const todo = todoFor([...(candidate ? [] : ['candidate']), ...(results ? [] : ['results'])], `the make target '${target}'`);
  return { kind: 'command', key: `command:${path}#${target}`, command: parts.join(' '), ...(todo ? { todo: todo.replace(' flag', ' variable') } : {}), sources: [path] };
}

/** The one evaluation command: the one placing the most of `${candidate}` and `${results}`; scripts, then DVC, then make. */
async function commandFindings(fileList: readonly string[], dvc: DvcInfo | undefined, reader: Reader): Promise<CommandFinding[]> {
  const scripts = fileList.filter((p) => SCRIPT_NAMES.includes(baseOf(p))).sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  const options: CommandFinding[] = [];
  for (const s of scripts.slice(0, 3)) {
    const c = await scriptCommand(s, reader);
    if (c) options.push(c);
  }
  if (dvc) {
    const c = dvcCommand(dvc);
    if (c) options.push(c);
  }
  const makefile = ['Makefile', 'makefile', 'GNUmakefile'].find((n) => fileList.includes(n));
  if (makefile) {
    const c = await makeCommand(makefile, reader);
    if (c) options.push(c);
  }
  const placed = (c: CommandFinding): number => (c.command.includes('${candidate}') ? 1 : 0) + (c.command.includes('${results}') ? 1 : 0);
  const best = options.reduce<CommandFinding | undefined>((b, c) => (b === undefined || placed(c) > placed(b) ? c : b), undefined);
  return best ? [best] : [];
}

// ---- decisions ---------------------------------------------------------------------------------------------------

const ADR_FOLDERS = ['docs/adr', 'docs/decisions', 'doc/architecture/decisions', 'docs/architecture/decisions', 'doc/adr', 'doc/decisions', 'adr', 'decisions'];

async function decisionsFindings(fileList: readonly string[], dirs: ReadonlySet<string>, files: ReadonlySet<string>, reader: Reader): Promise<DecisionsFinding[]> {
  const records = (folder: string): string[] => fileList.filter((p) => dirOf(p) === folder && isRecordFileName(baseOf(p)));
  // Tools' own settings first: log4brains' adrFolder, adr-tools' .adr-dir.
  for (const [file, pattern] of [
    ['.log4brains.yml', /^\s*adrFolder:\s*['"]?([^'"#\n]+?)['"]?\s*(#.*)?$/m],
    ['.adr-dir', /^\s*(\S[^\n]*?)\s*$/m],
  ] as const) {
    if (!files.has(file)) continue;
    const text = await reader.read(file, 16 * 1024);
    const folder = text ? pattern.exec(text)?.[1]?.replace(/^\.\//, '').replace(/\/+$/, '') : undefined;
    if (folder && !folder.startsWith('/') && !folder.split('/').includes('..')) {
      return [{ kind: 'decisions', key: `decisions:${folder}`, folder, records: records(folder).length, sources: [file] }];
    }
  }
  for (const folder of ADR_FOLDERS) {
    if (!dirs.has(folder)) continue;
    const found = records(folder);
    if (found.length > 0) return [{ kind: 'decisions', key: `decisions:${folder}`, folder, records: found.length, sources: [found[0]] }];
  }
  return [];
}

// ---- literature --------------------------------------------------------------------------------------------------

const BIB_PLACES = ['', 'docs', 'doc', 'paper', 'papers'];
const LITERATURE_HEADING = /^(related work|references|literature|prior work|prior art|bibliography|papers|further reading)\b/i;

async function literatureFindings(fileList: readonly string[], reader: Reader): Promise<LiteratureFinding[]> {
  const out: LiteratureFinding[] = [];
  const ids = new Set<string>();
  const add = (id: string | undefined, entry: Omit<LiteratureFinding, 'kind' | 'key' | 'id'>): void => {
    if (id === undefined) return;
    let unique = id;
    for (let n = 2; ids.has(unique); n++) unique = `${id}-${n}`;
    ids.add(unique);
    out.push({ kind: 'literature', key: `literature:${unique}`, id: unique, ...entry });
  };
  const bibs = fileList.filter((p) => p.toLowerCase().endsWith('.bib') && BIB_PLACES.includes(dirOf(p)));
  for (const bib of bibs.slice(0, 3)) {
    const text = await reader.read(bib);
    if (text === undefined) continue;
    for (const e of parseBibtex(text)) {
      const title = e.fields.title;
      const url = e.fields.url ?? (e.fields.doi ? `https://doi.org/${e.fields.doi.replace(/^https?:\/\/(dx\.)?doi\.org\//, '')}` : undefined) ?? (e.fields.eprint && /arxiv/i.test(e.fields.archiveprefix ?? e.fields.eprinttype ?? '') ? `https://arxiv.org/abs/${e.fields.eprint}` : undefined);
      add(idFrom(e.key), { ...(title ? { title } : {}), ...(url && /^https?:\/\//.test(url) ? { url } : {}), sources: [bib] });
    }
  }
  const readme = fileList.find((p) => /^readme\.md$/i.test(p));
  if (readme) {
    const text = await reader.read(readme);
    const seen = new Set(out.map((l) => l.url).filter((u): u is string => u !== undefined));
    for (const link of text ? readmeLinks(text) : []) {
      if (seen.has(link.url)) continue;
      seen.add(link.url);
      const bare = link.title === link.url;
      const id = (bare ? undefined : idFrom(link.title, 40)) ?? idFrom(link.url.replace(/^https?:\/\/(www\.)?/, ''), 40);
      add(id, { ...(bare ? {} : { title: link.title }), url: link.url, sources: [readme] });
    }
  }
  return out;
}

interface BibEntry {
  readonly key: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** BibTeX entries (`@type{key, field = {value} | "value" | number, ...}`); @string, @comment and @preamble skipped. */
export function parseBibtex(text: string): BibEntry[] {
  const entries: BibEntry[] = [];
  const start = /@(\w+)\s*[{(]\s*([^,\s{}()]+)\s*,/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    if (/^(string|comment|preamble)$/i.test(m[1])) continue;
    let depth = 1;
    let i = start.lastIndex;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '{' || text[i] === '(') depth++;
      else if (text[i] === '}' || text[i] === ')') depth--;
    }
    const body = text.slice(start.lastIndex, i - 1);
    start.lastIndex = i;
    const fields: Record<string, string> = {};
    const field = /(\w+)\s*=\s*/g;
    for (let f = field.exec(body); f; f = field.exec(body)) {
      let j = field.lastIndex;
      let value: string;
      if (body[j] === '{') {
        let d = 0;
        const from = j;
        for (; j < body.length; j++) {
          if (body[j] === '{') d++;
          else if (body[j] === '}' && --d === 0) break;
        }
        value = body.slice(from + 1, j);
      } else if (body[j] === '"') {
        const end = body.indexOf('"', j + 1);
        value = body.slice(j + 1, end < 0 ? body.length : end);
        j = end < 0 ? body.length : end;
      } else {
        value = /^[^,\s]*/.exec(body.slice(j))?.[0] ?? '';
        j += value.length;
      }
      field.lastIndex = j + 1;
      fields[f[1].toLowerCase()] = value.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
    }
    entries.push({ key: m[2], fields });
  }
  return entries;
}

/** Links `[title](https://...)` and `<https://...>` in the sections of a Markdown README headed "Related work", "References" ... */
export function readmeLinks(markdown: string): { title: string; url: string }[] {
  const links: { title: string; url: string }[] = [];
  let level = 0;
  let inFence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      if (level > 0 && heading[1].length <= level) level = 0;
      if (level === 0 && LITERATURE_HEADING.test(heading[2].replace(/[*_`]/g, ''))) level = heading[1].length;
      continue;
    }
    if (level === 0) continue;
    for (const m of line.matchAll(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)|<(https?:\/\/[^>\s]+)>/g)) {
      const title = (m[1] ?? '').replace(/[*_`]/g, '').trim();
      const url = m[2] ?? m[3];
      links.push({ title: title || url, url });
    }
  }
  return links;
}

// Every diagnostic code parseRoadmap can report, with its severity and meaning (documented in docs/roadmap-format.md).
import type { Severity } from './model';

export interface DiagnosticCodeInfo {
  readonly code: string;
  readonly severity: Severity;
  readonly meaning: string;
}

export const PARSE_DIAGNOSTIC_CODES: readonly DiagnosticCodeInfo[] = [
  { code: 'yaml/syntax', severity: 'error', meaning: 'The text is not valid YAML (also duplicate keys); YAML warnings keep severity warning.' },
  { code: 'yaml/alias-limit', severity: 'error', meaning: 'More than 1,000 aliases are followed; the rest are ignored.' },
  { code: 'schema/empty', severity: 'error', meaning: 'The file holds no YAML document.' },
  { code: 'schema/type', severity: 'error', meaning: 'A value has the wrong type (text, number, list, mapping ...); the node is skipped.' },
  { code: 'schema/required', severity: 'error', meaning: 'A required key is missing or empty; a list item without its id is skipped.' },
  { code: 'schema/unknown-key', severity: 'warning', meaning: 'A key the format does not know; the nearest known key is suggested when close.' },
  { code: 'schema/enum', severity: 'error', meaning: 'A value outside its allowed set (status, kind, goal, verdict, stage, risk, confidence, phase, executor); lists them and suggests the nearest.' },
  { code: 'schema/version', severity: 'error', meaning: '`version` is not 1.' },
  { code: 'schema/minimum', severity: 'error', meaning: 'A number below its minimum (negative effort, compute or min_candidates; parallel or cpus below 1; negative gpus).' },
  { code: 'schema/pattern', severity: 'error', meaning: 'A Slurm value not in its form (mem, time, a partition or account name, an extra option, setup with a NUL); the value is left out.' },
  { code: 'schema/format', severity: 'warning', meaning: 'A date not written YYYY-MM-DD.' },
  { code: 'semantic/duplicate-id', severity: 'error', meaning: 'Two metrics, literature entries, candidates, reality checks or steps share an id.' },
  { code: 'semantic/parallel-high', severity: 'warning', meaning: '`evaluation.parallel` above 64: that many evaluations at once rarely fit one machine.' },
  { code: 'semantic/parallel-unused', severity: 'hint', meaning: '`evaluation.parallel` has no effect: every candidate runs on Slurm, where jobs run side by side anyway.' },
  { code: 'ref/unknown-literature', severity: 'error', meaning: 'A candidate\'s `based_on` names no literature entry.' },
  { code: 'ref/unknown-candidate', severity: 'error', meaning: 'A reality check\'s `candidate` or `evaluation.baseline` names no candidate.' },
  { code: 'ref/baseline-not-baseline', severity: 'warning', meaning: '`evaluation.baseline` names a candidate without `baseline: true`.' },
  { code: 'ref/unknown-metric', severity: 'error', meaning: 'A key of a candidate\'s `benefit.expected` names no metric.' },
  { code: 'ref/unknown-role', severity: 'error', meaning: 'A production track\'s `role` is not one of the roles.' },
  { code: 'path/outside-workspace', severity: 'error', meaning: 'A path (evaluation dataset/results, decisions, candidate results) is absolute or climbs out of the roadmap\'s folder with `..`.' },
  { code: 'internal/error', severity: 'error', meaning: 'A bug in the reader; please report it with the file.' },
];

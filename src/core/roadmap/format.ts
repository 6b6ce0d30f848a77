// The key set of `mlroadmap.yaml` format version 1, as data: the one description that the parser's
// schema walker, the JSON Schema (schemas/mlroadmap.schema.json) and the format documentation follow.
// Its texts (descriptions, forms) are getters that translate when read, for hovers and diagnostics in the display
// language; the JSON Schema is generated from them in English.
import * as l10n from '@vscode/l10n';
import {
  CANDIDATE_STATUSES,
  DEFAULT_DECISIONS_FOLDER,
  EXECUTORS,
  DEFAULT_MIN_CANDIDATES,
  GOALS,
  LEVELS,
  METRIC_KINDS,
  PHASES,
  REALITY_CHECK_KINDS,
  ROLE_NAMES,
  STAGES,
  STEP_STATUSES,
  VERDICTS,
} from './model';

interface BaseSpec {
  readonly description: string;
  readonly required?: boolean;
}

export interface StringSpec extends BaseSpec {
  readonly kind: 'string';
  readonly enum?: readonly string[];
  /** Diagnostic code for a value outside `enum` (default `schema/enum`). */
  readonly enumCode?: string;
  readonly default?: string;
  /** `date`: YYYY-MM-DD; `path`: relative to the roadmap's folder, may hold `${variables}`. */
  readonly format?: 'date' | 'path';
  /**
   * The form the text must have, as a regular expression source valid in JavaScript (with the `u` flag) and in JSON
   * Schema alike; a value that does not match is an error (`schema/pattern`) and is left out of the model.
   */
  readonly pattern?: string;
  /** The form in words, for the diagnostic and the hover (e.g. "a size like 32G or 4000M"). Given with `pattern`. */
  readonly form?: string;
}

export interface NumberSpec extends BaseSpec {
  readonly kind: 'number' | 'integer';
  readonly default?: number;
  readonly minimum?: number;
  /** The only accepted value (the format version); parse.ts reports other values as `schema/version`. */
  readonly const?: number;
}

export interface BooleanSpec extends BaseSpec {
  readonly kind: 'boolean';
  readonly default?: boolean;
}

export interface ObjectSpec extends BaseSpec {
  readonly kind: 'object';
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /** The model node carries its source range (a `Located` node). */
  readonly located?: boolean;
  /** When the key is absent, the model still holds the object with its defaults. */
  readonly createWhenAbsent?: boolean;
}

export interface ArraySpec extends BaseSpec {
  readonly kind: 'array';
  readonly items: FieldSpec;
  /** When the key is absent, the model holds an empty list. */
  readonly emptyWhenAbsent?: boolean;
}

/** A mapping with free keys (e.g. metric id -> expected value). */
export interface MapSpec extends BaseSpec {
  readonly kind: 'map';
  readonly keyDescription: string;
  readonly values: FieldSpec;
}

export type FieldSpec = StringSpec | NumberSpec | BooleanSpec | ObjectSpec | ArraySpec | MapSpec;

const step: ObjectSpec = {
  kind: 'object',
  located: true,
  get description() { return l10n.t('One step of a Discovery stage or a Production track.'); },
  fields: {
    id: { kind: 'string', required: true, get description() { return l10n.t('Unique id of the step in the whole file.'); } },
    title: { kind: 'string', get description() { return l10n.t('What the step is, in a few words.'); } },
    status: { kind: 'string', enum: STEP_STATUSES, default: 'todo', get description() { return l10n.t('Progress of the step.'); } },
    owner: { kind: 'string', get description() { return l10n.t('Who drives the step.'); } },
    notes: { kind: 'string', get description() { return l10n.t('Free notes: findings, links, why it is blocked or skipped.'); } },
  },
};

const steps: ArraySpec = { kind: 'array', items: step, emptyWhenAbsent: true, get description() { return l10n.t('The steps, in order.'); } };

const person: StringSpec = { kind: 'string', get description() { return l10n.t('A person (name or handle).'); } };

/** Slurm memory: a whole number with an optional unit K, M, G or T (sbatch `--mem`; no unit is megabytes). */
export const SLURM_MEM_PATTERN = '^[0-9]+[KMGTkmgt]?$';
/** Slurm time: `MM`, `MM:SS`, `HH:MM:SS`, `D-HH`, `D-HH:MM` or `D-HH:MM:SS` (sbatch `--time`). */
export const SLURM_TIME_PATTERN = '^([0-9]+-[0-9]{1,2}(:[0-9]{1,2}){0,2}|[0-9]+(:[0-9]{1,2}){0,2})$';
/** A partition or account name (or a comma-separated list of partitions): nothing a `#SBATCH` line could misread. */
export const SLURM_NAME_PATTERN = '^[A-Za-z0-9_.,-]+$';
/** One more sbatch option: starts with `-`, on one line (no control character, no line separator). */
export const SLURM_OPTION_PATTERN = '^-[^\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]*$';
/** Setup lines: any shell text, but no NUL character. */
export const SLURM_SETUP_PATTERN = '^[^\\x00]*$';

/** Options passed to sbatch: in `evaluation.slurm`, and per candidate (merged key by key over it). */
const slurm: ObjectSpec = {
  kind: 'object',
  located: true,
  get description() { return l10n.t('Options passed to sbatch when the evaluation runs on Slurm; every key optional.'); },
  fields: {
    partition: {
      kind: 'string',
      pattern: SLURM_NAME_PATTERN,
      get form() { return l10n.t('a partition name (letters, digits, _ . , -)'); },
      get description() { return l10n.t('Partition the job runs in (sbatch --partition); a comma-separated list lets Slurm pick the first free one.'); },
    },
    gpus: { kind: 'integer', minimum: 0, get description() { return l10n.t('GPUs per job (sbatch --gpus); 0 asks for none (a candidate can drop the evaluation\'s GPUs).'); } },
    cpus: { kind: 'integer', minimum: 1, get description() { return l10n.t('CPUs per task (sbatch --cpus-per-task).'); } },
    mem: {
      kind: 'string',
      pattern: SLURM_MEM_PATTERN,
      get form() { return l10n.t('a memory size: a whole number with an optional unit K, M, G or T (32G, 4000M)'); },
      get description() { return l10n.t('Memory per node (sbatch --mem), e.g. 32G or 4000M; a number without unit is megabytes.'); },
    },
    time: {
      kind: 'string',
      pattern: SLURM_TIME_PATTERN,
      get form() { return l10n.t('a Slurm time: MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS'); },
      get description() { return l10n.t('Wall-time limit (sbatch --time): MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS; quote it ("02:00:00").'); },
    },
    account: {
      kind: 'string',
      pattern: SLURM_NAME_PATTERN,
      get form() { return l10n.t('an account name (letters, digits, _ . , -)'); },
      get description() { return l10n.t('Account the job is charged to (sbatch --account).'); },
    },
    setup: {
      kind: 'string',
      pattern: SLURM_SETUP_PATTERN,
      get form() { return l10n.t('shell text without NUL characters'); },
      get description() { return l10n.t('Shell lines run in the job script before the command, e.g. source .venv/bin/activate (a | block for several lines).'); },
    },
    extra: {
      kind: 'array',
      items: {
        kind: 'string',
        pattern: SLURM_OPTION_PATTERN,
        get form() { return l10n.t('an sbatch option on one line, starting with - (--constraint=a100)'); },
        get description() { return l10n.t('One sbatch option, --name=value or --flag.'); },
      },
      get description() { return l10n.t('More sbatch options, one per item (e.g. [--constraint=a100, --qos=high]); a candidate\'s are added after the evaluation\'s.'); },
    },
  },
};

const executor: StringSpec = {
  kind: 'string',
  enum: EXECUTORS,
  get description() { return l10n.t('Where the evaluation runs: local (VS Code tasks on this machine, the default) or slurm (one sbatch job per candidate).'); },
};

export const ROADMAP_FORMAT: ObjectSpec = {
  kind: 'object',
  get description() { return l10n.t('An ML roadmap: Discovery in Design-Thinking stages, then Production tracks (mlroadmap.yaml, format version 1).'); },
  fields: {
    version: { kind: 'integer', required: true, const: 1, get description() { return l10n.t('Format version of this file. Always 1.'); } },
    project: {
      kind: 'object',
      required: true,
      located: true,
      createWhenAbsent: true,
      get description() { return l10n.t('The project: what problem it solves and for whom.'); },
      fields: {
        name: { kind: 'string', get description() { return l10n.t('Name of the project or model.'); } },
        problem: { kind: 'string', get description() { return l10n.t('The problem the customer has today, in their words.'); } },
        business_goal: { kind: 'string', get description() { return l10n.t('The measurable business outcome that defines success.'); } },
        deadline: { kind: 'string', format: 'date', get description() { return l10n.t('Date the model must ship by (YYYY-MM-DD).'); } },
        phase: { kind: 'string', enum: PHASES, default: 'discovery', get description() { return l10n.t('Current phase of the project.'); } },
      },
    },
    roles: {
      kind: 'object',
      createWhenAbsent: true,
      get description() { return l10n.t('Who plays which role: role -> list of people.'); },
      fields: {
        business_owners: { kind: 'array', items: person, get description() { return l10n.t('People who own the business problem and accept the result.'); } },
        ml_engineers: { kind: 'array', items: person, get description() { return l10n.t('People who build and evaluate the models.'); } },
        data_engineers: { kind: 'array', items: person, get description() { return l10n.t('People who build data and training pipelines.'); } },
        software_engineers: { kind: 'array', items: person, get description() { return l10n.t('People who build the serving layer and integrations.'); } },
      },
    },
    metrics: {
      kind: 'array',
      emptyWhenAbsent: true,
      get description() { return l10n.t('Metrics that define success, from offline model metrics to business outcomes.'); },
      items: {
        kind: 'object',
        located: true,
        get description() { return l10n.t('A metric with its goal and target.'); },
        fields: {
          id: { kind: 'string', required: true, get description() { return l10n.t('Unique metric id, used in candidates\' expected benefit and in result files.'); } },
          logged_as: { kind: 'string', get description() { return l10n.t('The name the evaluation writes this metric under when it is not the id (metrics/mAP50(B), eval/wer_clean): result files are matched by it first, exactly.'); } },
          kind: { kind: 'string', enum: METRIC_KINDS, get description() { return l10n.t('offline (computed on a dataset), online (measured on live traffic) or business (the customer\'s outcome).'); } },
          goal: { kind: 'string', enum: GOALS, default: 'maximize', get description() { return l10n.t('Whether higher or lower is better.'); } },
          target: { kind: 'number', get description() { return l10n.t('The value that counts as good enough.'); } },
          why: { kind: 'string', get description() { return l10n.t('Why this target: what the customer loses below it.'); } },
          measured_by: { kind: 'string', get description() { return l10n.t('How the metric is measured (dataset, A/B test, survey ...).'); } },
        },
      },
    },
    literature: {
      kind: 'array',
      emptyWhenAbsent: true,
      get description() { return l10n.t('Existing work reviewed before designing candidates: papers, blog posts, open-source models.'); },
      items: {
        kind: 'object',
        located: true,
        get description() { return l10n.t('One piece of existing work.'); },
        fields: {
          id: { kind: 'string', required: true, get description() { return l10n.t('Unique id, referred to by candidates\' based_on.'); } },
          title: { kind: 'string', get description() { return l10n.t('Title of the work.'); } },
          url: { kind: 'string', get description() { return l10n.t('Where to read it.'); } },
          takeaway: { kind: 'string', get description() { return l10n.t('What it teaches for this project.'); } },
        },
      },
    },
    candidates: {
      kind: 'array',
      emptyWhenAbsent: true,
      get description() { return l10n.t('Architecture options, baselines included, ranked by cost and benefit.'); },
      items: {
        kind: 'object',
        located: true,
        get description() { return l10n.t('An architecture option.'); },
        fields: {
          id: { kind: 'string', required: true, get description() { return l10n.t('Unique candidate id; `${candidate}` in evaluation paths and commands.'); } },
          title: { kind: 'string', get description() { return l10n.t('Short description of the architecture.'); } },
          baseline: { kind: 'boolean', default: false, get description() { return l10n.t('A simple reference model (majority class, linear model ...) every other candidate must beat.'); } },
          based_on: {
            kind: 'array',
            items: { kind: 'string', get description() { return l10n.t('A literature id.'); } },
            get description() { return l10n.t('Literature ids this candidate builds on.'); },
          },
          novel_because: { kind: 'string', get description() { return l10n.t('Why nothing in the literature applies, when based_on is empty.'); } },
          cost: {
            kind: 'object',
            get description() { return l10n.t('What trying the candidate costs.'); },
            fields: {
              effort_days: { kind: 'number', minimum: 0, get description() { return l10n.t('Person-days to prototype and evaluate.'); } },
              compute_hours: { kind: 'number', minimum: 0, get description() { return l10n.t('Compute hours (GPU or CPU) to train and evaluate.'); } },
              risk: { kind: 'string', enum: LEVELS, get description() { return l10n.t('Risk that it does not work or cannot ship.'); } },
            },
          },
          benefit: {
            kind: 'object',
            get description() { return l10n.t('What the candidate is expected to bring.'); },
            fields: {
              expected: {
                kind: 'map',
                get keyDescription() { return l10n.t('A metric id.'); },
                values: { kind: 'number', get description() { return l10n.t('Expected value of the metric.'); } },
                get description() { return l10n.t('Expected value per metric id.'); },
              },
              confidence: { kind: 'string', enum: LEVELS, get description() { return l10n.t('Confidence in the expected values.'); } },
            },
          },
          status: { kind: 'string', enum: CANDIDATE_STATUSES, default: 'idea', get description() { return l10n.t('Where the candidate stands.'); } },
          skip_reason: { kind: 'string', get description() { return l10n.t('Why a higher-ranked candidate was passed over.'); } },
          decision: { kind: 'string', get description() { return l10n.t('Number of the architecture decision record about this candidate (e.g. 0002).'); } },
          results: { kind: 'string', format: 'path', get description() { return l10n.t('Results file of this candidate, overriding evaluation.results.'); } },
          executor: { kind: 'string', enum: EXECUTORS, get description() { return l10n.t('Where this candidate\'s evaluation runs, overriding evaluation.executor: local or slurm.'); } },
          slurm: { kind: 'object', located: true, fields: slurm.fields, get description() { return l10n.t('Slurm options of this candidate, merged key by key over evaluation.slurm (extra is added after the evaluation\'s).'); } },
        },
      },
    },
    evaluation: {
      kind: 'object',
      located: true,
      get description() { return l10n.t('The automated end-to-end evaluation pipeline.'); },
      fields: {
        command: { kind: 'string', get description() { return l10n.t('Command that evaluates one candidate; may use ${candidate}, ${results} and ${dataset}.'); } },
        dataset: { kind: 'string', format: 'path', get description() { return l10n.t('Evaluation dataset, relative to this file.'); } },
        results: { kind: 'string', format: 'path', get description() { return l10n.t('Where the command writes results, relative to this file; may use ${candidate}.'); } },
        baseline: { kind: 'string', get description() { return l10n.t('Id of the baseline candidate that every other candidate is compared with.'); } },
        shell: { kind: 'boolean', default: false, get description() { return l10n.t('Run the command through a shell (pipes, redirections). Off by default.'); } },
        executor,
        parallel: {
          kind: 'integer',
          minimum: 1,
          get description() { return l10n.t('Local executor: how many candidates evaluate at once, each in its own task (default 1).'); },
        },
        slurm,
      },
    },
    reality_checks: {
      kind: 'array',
      emptyWhenAbsent: true,
      get description() { return l10n.t('Checks of a candidate in real conditions, beyond offline metrics.'); },
      items: {
        kind: 'object',
        located: true,
        get description() { return l10n.t('A check in real conditions.'); },
        fields: {
          id: { kind: 'string', required: true, get description() { return l10n.t('Unique reality-check id.'); } },
          kind: { kind: 'string', enum: REALITY_CHECK_KINDS, get description() { return l10n.t('How the candidate meets real users.'); } },
          candidate: { kind: 'string', get description() { return l10n.t('Id of the candidate checked.'); } },
          date: { kind: 'string', format: 'date', get description() { return l10n.t('Date of the check (YYYY-MM-DD).'); } },
          verdict: { kind: 'string', enum: VERDICTS, default: 'planned', get description() { return l10n.t('Outcome of the check.'); } },
          notes: { kind: 'string', get description() { return l10n.t('What was learned.'); } },
        },
      },
    },
    discovery: {
      kind: 'array',
      emptyWhenAbsent: true,
      get description() { return l10n.t('Design-Thinking stages of Discovery, in order.'); },
      items: {
        kind: 'object',
        located: true,
        get description() { return l10n.t('A Design-Thinking stage.'); },
        fields: {
          stage: { kind: 'string', required: true, enum: STAGES, get description() { return l10n.t('Which stage.'); } },
          steps,
        },
      },
    },
    production: {
      kind: 'array',
      emptyWhenAbsent: true,
      get description() { return l10n.t('Production tracks, run in parallel by different roles.'); },
      items: {
        kind: 'object',
        located: true,
        get description() { return l10n.t('A Production track.'); },
        fields: {
          track: { kind: 'string', required: true, get description() { return l10n.t('Name of the track (e.g. training-pipeline).'); } },
          role: { kind: 'string', enum: ROLE_NAMES, enumCode: 'ref/unknown-role', get description() { return l10n.t('Role that owns the track.'); } },
          steps,
        },
      },
    },
    decisions: {
      kind: 'string',
      format: 'path',
      default: DEFAULT_DECISIONS_FOLDER,
      get description() { return l10n.t('Folder of the architecture decision records, relative to this file.'); },
    },
    settings: {
      kind: 'object',
      located: true,
      createWhenAbsent: true,
      get description() { return l10n.t('Tuning of the pitfall checks.'); },
      fields: {
        min_candidates: {
          kind: 'integer',
          minimum: 0,
          default: DEFAULT_MIN_CANDIDATES,
          get description() { return l10n.t('Minimum number of non-baseline candidates before one is chosen.'); },
        },
      },
    },
    acknowledged: {
      kind: 'array',
      emptyWhenAbsent: true,
      get description() { return l10n.t('Pitfall findings the team has looked at and accepted.'); },
      items: {
        kind: 'object',
        located: true,
        get description() { return l10n.t('An accepted finding.'); },
        fields: {
          code: { kind: 'string', required: true, get description() { return l10n.t('Diagnostic code, e.g. pitfall/one-architecture.'); } },
          target: { kind: 'string', get description() { return l10n.t('Id of the node the finding is about; absent: every finding of that code.'); } },
          reason: { kind: 'string', required: true, get description() { return l10n.t('Why the finding is accepted.'); } },
        },
      },
    },
    overrides: {
      kind: 'array',
      emptyWhenAbsent: true,
      get description() { return l10n.t('Phase gates passed over on purpose.'); },
      items: {
        kind: 'object',
        located: true,
        get description() { return l10n.t('A phase change made although its gate did not pass.'); },
        fields: {
          from: { kind: 'string', required: true, enum: PHASES, get description() { return l10n.t('Phase left.'); } },
          to: { kind: 'string', required: true, enum: PHASES, get description() { return l10n.t('Phase entered.'); } },
          date: { kind: 'string', format: 'date', get description() { return l10n.t('Date of the change (YYYY-MM-DD).'); } },
          reason: { kind: 'string', required: true, get description() { return l10n.t('Why the gate was passed over.'); } },
          decision: { kind: 'string', get description() { return l10n.t('Number of the decision record about it.'); } },
        },
      },
    },
  },
};

/** Every key path of the format, e.g. `candidates[].cost.risk` (map values as `expected{}`), in spec order. */
export function formatKeyPaths(spec: FieldSpec = ROADMAP_FORMAT, prefix = ''): string[] {
  switch (spec.kind) {
    case 'object':
      return Object.entries(spec.fields).flatMap(([key, child]) => {
        const path = prefix ? `${prefix}.${key}` : key;
        return [path, ...formatKeyPaths(child, path)];
      });
    case 'array':
      return formatKeyPaths(spec.items, `${prefix}[]`);
    case 'map':
      return formatKeyPaths(spec.values, `${prefix}{}`);
    default:
      return [];
  }
}

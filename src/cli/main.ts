// `mlroadmap` command-line tool: the same core as the extension, for CI and terminals.
// Each subcommand lives in its own file and returns its exit code:
// 0 success, 1 findings (errors, failed gate, unreadable records), 2 usage error or unreadable input.
import { runCheck } from './check';
import { runResults } from './results';
import { runDecisions } from './decisions';
import { runScaffold } from './scaffold';
import { runInit } from './init';
import { runReport } from './report';
import { runEvaluate, runJobs } from './evaluate';
import type { CliIo } from './io';
import { nodeIo } from './io';

const USAGE = `Usage: mlroadmap <command> [options]

Commands:
  init [--dir <folder>] [--yes] [--json] [--name <text>] [--problem <text>]
                                                                 write mlroadmap.yaml from what the project holds
  check [mlroadmap.yaml] [--json] [--gate production|shipped]   check the roadmap and its pitfalls
  results <file-or-folder>... [--json]                           summarise result files
  decisions [folder] [--json]                                    list architecture decision records
  report [mlroadmap.yaml] --out <file> [--format html|md] [--since <git ref>]
                                                                 write the Discovery report (one offline page)
  evaluate [candidate…|--all] [--executor local|slurm] [--wait] [--json] [--python <interpreter>]
                                                                 run evaluations here or as Slurm jobs; record results
  jobs [--json]                                                  list the roadmap's Slurm jobs
  scaffold <dumb|sklearn|pytorch> --dir <folder> --dataset <csv> --target <column>
           [--task classification|regression] [--name <id>] [--roadmap <mlroadmap.yaml>]
                                                                 write a runnable baseline
`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'init':
      return runInit(rest, io);
    case 'check':
      return runCheck(rest, io);
    case 'results':
      return runResults(rest, io);
    case 'decisions':
      return runDecisions(rest, io);
    case 'scaffold':
      return runScaffold(rest, io);
    case 'report':
      return runReport(rest, io);
    case 'evaluate':
      return runEvaluate(rest, io);
    case 'jobs':
      return runJobs(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.out(USAGE);
      return 0;
    default:
      io.err(command ? `mlroadmap: unknown command '${command}'\n\n${USAGE}` : USAGE);
      return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), nodeIo()).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`mlroadmap: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(2);
    },
  );
}

// What a CLI subcommand may touch: output streams and the working directory. Tests pass a recording IO.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly cwd: string;
}

export function nodeIo(): CliIo {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    cwd: process.cwd(),
  };
}

/** An IO that records what a command printed, for tests. */
export function memoryIo(cwd: string): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (t) => void stdout.push(t), err: (t) => void stderr.push(t), cwd, stdout, stderr };
}

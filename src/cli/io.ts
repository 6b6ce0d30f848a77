// What a CLI subcommand may touch: output streams and the working directory. Tests pass a recording IO.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly cwd: string;
  /** True when a person can answer questions (stdin and stdout are terminals). */
  readonly interactive?: boolean;
  /** Asks one question and returns the answer line. */
  ask?(question: string): Promise<string>;
}

export function nodeIo(): CliIo {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    cwd: process.cwd(),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    ask: async (question) => {
      const { createInterface } = await import('node:readline/promises');
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
  };
}

/** An IO that records what a command printed, for tests. */
export function memoryIo(cwd: string): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (t) => void stdout.push(t), err: (t) => void stderr.push(t), cwd, stdout, stderr };
}

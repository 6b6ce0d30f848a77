// Reading a finished job's output: its last lines (shown with a failure) and the Python traceback in it (shown in
// Problems, the way the `$mlroadmap-python` problem matcher shows a local run's).

/** The last `count` non-empty lines of a log, each cut to `width` characters. */
export function lastLines(text: string, count = 5, width = 300): string[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.slice(-count).map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
}

export interface TracebackProblem {
  /** As the traceback names it: absolute, or relative to the job's working folder. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** The exception line (`ValueError: bad value`). */
  readonly message: string;
}

const FRAME = /^\s*File "(.+)", line (\d+)(?:, in .*)?$/;
const EXCEPTION = /^(\w+(?:Error|Exception|Exit|Interrupt)\b.*)$/;

/**
 * The innermost frame of each traceback in a log, with its exception line; frames in the Python installation
 * (`<frozen …>`, site-packages, the standard library) are passed over for the innermost frame of the user's code.
 */
export function pythonTracebacks(text: string): TracebackProblem[] {
  const problems: TracebackProblem[] = [];
  let frames: { file: string; line: number }[] | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('Traceback (most recent call last):')) {
      frames = [];
      continue;
    }
    if (!frames) continue;
    const frame = FRAME.exec(line);
    if (frame) {
      frames.push({ file: frame[1], line: Number(frame[2]) });
      continue;
    }
    const exception = EXCEPTION.exec(line);
    if (exception) {
      const own = frames.filter((f) => !isLibraryFrame(f.file));
      const innermost = own[own.length - 1] ?? frames[frames.length - 1];
      if (innermost) problems.push({ ...innermost, message: exception[1] });
      frames = undefined;
    }
  }
  return problems;
}

function isLibraryFrame(file: string): boolean {
  return file.startsWith('<') || /[\\/](site|dist)-packages[\\/]/.test(file) || /[\\/]lib[\\/]python3(\.\d+)?[\\/]/.test(file);
}

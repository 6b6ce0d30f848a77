// Collects a file's problems, keeping the first few so a file of garbage cannot fill memory.
import * as l10n from '@vscode/l10n';
import type { ResultProblem } from './types';

export const MAX_PROBLEMS_PER_FILE = 100;

export class ProblemList {
  private readonly items: ResultProblem[] = [];
  private dropped = 0;
  private droppedErrors = 0;

  constructor(private readonly source: string) {}

  /** `source` overrides the list's file, for runs read from several files (MLflow). */
  error(message: string, line?: number, source = this.source): void {
    this.push({ source, message, severity: 'error', ...(line !== undefined ? { line } : {}) });
  }

  warning(message: string, line?: number): void {
    this.push({ source: this.source, message, severity: 'warning', ...(line !== undefined ? { line } : {}) });
  }

  private push(p: ResultProblem): void {
    if (this.items.length < MAX_PROBLEMS_PER_FILE) this.items.push(p);
    else {
      this.dropped++;
      if (p.severity === 'error') this.droppedErrors++;
    }
  }

  get hasErrors(): boolean {
    return this.droppedErrors > 0 || this.items.some((p) => p.severity === 'error');
  }

  /** The problems, with one closing entry counting those not kept. */
  list(): ResultProblem[] {
    if (this.dropped === 0) return [...this.items];
    return [
      ...this.items,
      { source: this.source, message: l10n.t('... and {0} more problems not listed', this.dropped), severity: this.droppedErrors > 0 ? 'error' : 'warning' },
    ];
  }
}

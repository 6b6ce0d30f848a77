// What a bench file returns: one row per figure. The runner fails when a row's ratio exceeds its limit.
export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** A dimensionless comparison measured in the same run (e.g. reader time / baseline time). */
  readonly ratio?: number;
  /** The largest acceptable ratio. */
  readonly limit?: number;
}

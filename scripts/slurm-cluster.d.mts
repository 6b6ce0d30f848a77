// Types of scripts/slurm-cluster.mjs for its TypeScript callers (the bench).
export interface ClusterStart {
  /** True when this call started the daemons (then the caller stops them). */
  readonly started: boolean;
  /** True when the daemons are the ones this script recorded. */
  readonly owned: boolean;
  readonly host: string;
  readonly nodeState: string;
}
export function startCluster(options?: { quiet?: boolean }): Promise<ClusterStart>;
export function stopCluster(options?: { quiet?: boolean }): Promise<{ stopped: string[] }>;
export function withTestCluster<T>(body: () => T | Promise<T>): Promise<T>;

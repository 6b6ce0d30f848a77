// An in-memory project for Initialize Roadmap's detector: path -> content, folders implied; it counts reads.
import type { ProjectFs } from '../../../src/core/init';

export function memoryFs(files: Record<string, string>): ProjectFs & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async list(dir) {
      const prefix = dir === '' ? '' : dir + '/';
      const names = new Map<string, 'file' | 'dir'>();
      for (const p of Object.keys(files)) {
        if (!p.startsWith(prefix)) continue;
        const rest = p.slice(prefix.length).split('/');
        names.set(rest[0], rest.length > 1 ? 'dir' : 'file');
      }
      return [...names].map(([name, kind]) => ({ name, kind }));
    },
    async read(p, maxBytes) {
      reads.push(p);
      return files[p]?.slice(0, maxBytes);
    },
  };
}

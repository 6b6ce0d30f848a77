// The project detector's inputs for a workspace folder: node:fs when the folder is on disk (bounded reads, and the
// result readers), else `vscode.workspace.fs` for listing and reading (no result files read: the readers need a disk).
import * as vscode from 'vscode';
import type { DetectInput } from '../core/init/detect';
import { nodeDetectInput } from '../core/init/node';
import type { ProjectEntry, ProjectFs } from '../core/init/project-fs';

function workspaceProjectFs(root: vscode.Uri): ProjectFs {
  const uriOf = (path: string): vscode.Uri => (path === '' ? root : vscode.Uri.joinPath(root, ...path.split('/')));
  return {
    async list(dir: string): Promise<readonly ProjectEntry[]> {
      try {
        const entries = await vscode.workspace.fs.readDirectory(uriOf(dir));
        return entries.flatMap(([name, type]): ProjectEntry[] =>
          type & vscode.FileType.Directory ? [{ name, kind: 'dir' }] : type & vscode.FileType.File ? [{ name, kind: 'file' }] : [],
        );
      } catch {
        return [];
      }
    },
    async read(path: string, maxBytes: number): Promise<string | undefined> {
      try {
        const uri = uriOf(path);
        // readFile reads whole files: refuse those far over the bound rather than read them.
        if ((await vscode.workspace.fs.stat(uri)).size > Math.max(maxBytes, 1024 * 1024)) return undefined;
        const bytes = (await vscode.workspace.fs.readFile(uri)).subarray(0, maxBytes);
        return bytes.includes(0) ? undefined : new TextDecoder().decode(bytes);
      } catch {
        return undefined;
      }
    },
  };
}

export function detectInputFor(folder: vscode.Uri): DetectInput {
  if (folder.scheme === 'file') return nodeDetectInput(folder.fsPath);
  return { fs: workspaceProjectFs(folder), readRuns: async () => [] };
}

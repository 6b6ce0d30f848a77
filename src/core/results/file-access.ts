// Reading files defensively: refuse binaries, directories and files too large to read whole, with clear messages.
import * as l10n from '@vscode/l10n';
import { promises as fsp } from 'node:fs';

export const SNIFF_BYTES = 1024;

export type TextRead = { ok: true; text: string } | { ok: false; message: string };

/** True when a failed file operation failed because the file is not there. */
export function isNotFound(e: unknown): boolean {
  return (e as NodeJS.ErrnoException)?.code === 'ENOENT';
}

/** A message for a failed file operation, without a stack trace. */
export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return l10n.t('file not found');
    case 'EACCES':
    case 'EPERM':
      return l10n.t('permission denied');
    case 'EISDIR':
      return l10n.t('is a folder, not a file');
    default:
      return err instanceof Error ? err.message : String(e);
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return l10n.t('{0} MB', (n / (1024 * 1024)).toFixed(1));
  if (n >= 1024) return l10n.t('{0} KB', (n / 1024).toFixed(1));
  return l10n.t('{0} B', n);
}

/** True when the bytes contain a NUL: text formats never do. */
export function looksBinary(head: Uint8Array | string): boolean {
  if (typeof head === 'string') return head.indexOf('\u0000') >= 0;
  return head.indexOf(0) >= 0;
}

/** What a reader says of a file that looks binary. */
export function binaryMessage(): string {
  return l10n.t('looks binary (NUL bytes in its first KB): not a results file; refused');
}

/** The first `bytes` bytes of a file (fewer if the file is shorter). */
export async function readHead(path: string, bytes = SNIFF_BYTES): Promise<Buffer> {
  const fh = await fsp.open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Read a whole text file, refusing folders, binaries and files over `maxBytes`. Never throws. */
export async function readWholeText(path: string, maxBytes: number): Promise<TextRead> {
  try {
    const st = await fsp.stat(path);
    if (st.isDirectory()) return { ok: false, message: l10n.t('is a folder, not a file') };
    if (st.size > maxBytes) {
      return { ok: false, message: l10n.t('is {0}, over the {1} limit for files read whole; refused', formatBytes(st.size), formatBytes(maxBytes)) };
    }
    const buf = await fsp.readFile(path);
    if (looksBinary(buf.subarray(0, SNIFF_BYTES))) return { ok: false, message: binaryMessage() };
    let text = buf.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch (e) {
    return { ok: false, message: describeFsError(e) };
  }
}

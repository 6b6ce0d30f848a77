// Line-level view of a markdown record: offsets, front matter span and fenced code blocks,
// so readers and editors can look at the prose only and edit with exact offsets.

export interface Line {
  /** 0-based line index. */
  readonly index: number;
  /** Offset of the first character of the line. */
  readonly offset: number;
  /** The text without its line break. */
  readonly text: string;
  /** Inside a ``` or ~~~ fenced block (the fence lines included). */
  readonly inFence: boolean;
}

export interface MarkdownLines {
  readonly lines: readonly Line[];
  /** Line indexes of the opening and closing `---` of a front matter block at the very top. */
  readonly frontMatter?: { readonly open: number; readonly close: number };
  /** The line break the file uses. */
  readonly eol: '\n' | '\r\n';
}

const FENCE_RE = /^\s{0,3}(`{3,}|~{3,})/;

/** A line that opens or closes a fenced code block. */
export function isFenceLine(text: string): boolean {
  return FENCE_RE.test(text);
}

export function splitLines(text: string): MarkdownLines {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const raw = text.split('\n');
  const lines: Line[] = [];
  let offset = 0;
  let fence: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const withCr = raw[i];
    const t = withCr.endsWith('\r') ? withCr.slice(0, -1) : withCr;
    const m = FENCE_RE.exec(t);
    let inFence = fence !== undefined;
    if (m) {
      if (fence === undefined) {
        fence = m[1][0];
        inFence = true;
      } else if (m[1][0] === fence) {
        fence = undefined;
        inFence = true;
      }
    }
    lines.push({ index: i, offset, text: t, inFence });
    offset += withCr.length + 1;
  }
  let frontMatter: MarkdownLines['frontMatter'];
  if (lines.length > 0 && lines[0].text.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l.text));
    if (close > 0) frontMatter = { open: 0, close };
  }
  return { lines, frontMatter, eol };
}

/** The `# Title` line: the first level-1 heading after the front matter, outside code blocks. */
export function titleLine(md: MarkdownLines): Line | undefined {
  const from = md.frontMatter ? md.frontMatter.close + 1 : 0;
  return md.lines.find((l) => l.index >= from && !l.inFence && /^#\s/.test(l.text));
}

/** The header area: the lines between the title and the first `##` heading, outside code blocks. */
export function headerLines(md: MarkdownLines, title: Line | undefined = titleLine(md)): Line[] {
  if (!title) return [];
  const out: Line[] = [];
  for (const l of md.lines.slice(title.index + 1)) {
    if (!l.inFence && /^##\s/.test(l.text)) break;
    if (!l.inFence) out.push(l);
  }
  return out;
}

/** The Nygard `## Status` section: its heading and the lines up to the next `#` or `##` heading (code blocks included). */
export function statusSection(md: MarkdownLines): { heading: Line; body: Line[] } | undefined {
  const from = md.frontMatter ? md.frontMatter.close + 1 : 0;
  const heading = md.lines.find((l) => l.index >= from && !l.inFence && /^##\s+Status\s*:?\s*#*\s*$/i.test(l.text));
  if (!heading) return undefined;
  const body: Line[] = [];
  for (const l of md.lines.slice(heading.index + 1)) {
    if (!l.inFence && /^#{1,2}\s/.test(l.text)) break;
    body.push(l);
  }
  return { heading, body };
}

/** Removes `<!-- ... -->` comments that open and close on the line. */
export function stripComments(s: string): string {
  return s.replace(/<!--.*?-->/g, '');
}

/** Removes markdown emphasis and code marks around plain words (`**Accepted**` -> `Accepted`). */
export function stripEmphasis(s: string): string {
  return s.replace(/[*_`]+/g, '').trim();
}

/** Undoes the backslash escapes of ASCII punctuation that the writer adds. */
export function unescapeMarkdown(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Backslash-escapes the characters that would change the meaning of a markdown heading or list item. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>#|{}]/g, (c) => '\\' + c);
}

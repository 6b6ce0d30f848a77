// The theme's colours for what CSS cannot paint (canvas charts): read from the --vscode-* variables VS Code sets on
// <html>, and read again when the theme changes (VS Code swaps the body's vscode-light / vscode-dark /
// vscode-high-contrast class and the variables with it).

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export interface ThemeColours {
  readonly kind: ThemeKind;
  readonly foreground: string;
  readonly muted: string;
  readonly grid: string;
  readonly background: string;
  readonly focus: string;
  /** Series colours, distinguishable in the theme (VS Code's chart palette). */
  readonly series: readonly string[];
  readonly passed: string;
  readonly failed: string;
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}

export function themeKind(): ThemeKind {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  return c.contains('vscode-light') ? 'light' : 'dark';
}

export function themeColours(): ThemeColours {
  const kind = themeKind();
  const dark = kind === 'dark' || kind === 'high-contrast';
  return {
    kind,
    foreground: cssVar('--vscode-foreground', dark ? '#cccccc' : '#3b3b3b'),
    muted: cssVar('--vscode-descriptionForeground', dark ? '#9d9d9d' : '#717171'),
    grid: cssVar('--vscode-editorWidget-border', dark ? '#454545' : '#c8c8c8'),
    background: cssVar('--vscode-editor-background', dark ? '#1f1f1f' : '#ffffff'),
    focus: cssVar('--vscode-focusBorder', '#0078d4'),
    series: ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow'].map((v, i) =>
      cssVar(v, ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'][i]),
    ),
    passed: cssVar('--vscode-testing-iconPassed', '#73c991'),
    failed: cssVar('--vscode-testing-iconFailed', '#f14c4c'),
  };
}

/** Calls `redraw` with the new colours whenever VS Code changes the theme; returns a function that stops it. */
export function onThemeChange(redraw: (colours: ThemeColours) => void): () => void {
  const observer = new MutationObserver(() => redraw(themeColours()));
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

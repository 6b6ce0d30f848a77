export type L10nEntry = string | { message: string; comment: string[] };
export const BUNDLE: string;
export function l10nSources(): { path: string; contents: string }[];
export function extractBundle(): Promise<Record<string, L10nEntry>>;
export function bundleText(bundle: Record<string, L10nEntry>): string;

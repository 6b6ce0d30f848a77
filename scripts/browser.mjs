// Launches Debian's Chromium headless through playwright-core (no browser download).
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './vscode-env.mjs';

/** A headless Chromium with a fresh profile; returns { browser, context }. */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS, // Playwright gives every launch a fresh temporary profile
  });
  const context = await browser.newContext({ viewport });
  return { browser, context };
}

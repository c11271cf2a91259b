/**
 * Debian's Chromium, driven by playwright-core, for the browser tests (the
 * build no longer uses a browser: its PDF is typeset with Typst). Nothing downloads a browser: install it with
 * `sudo apt-get install chromium`, or set CHROMIUM_PATH to another Chromium.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export const CHROMIUM_HINT = `install Debian's Chromium (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium executable`;

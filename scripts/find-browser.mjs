// Finds the system browsers the project drives (no browser downloads): used by `npm start`, `npm test`,
// the e2e harness and the Firefox smoke test.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CHROMIUM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const FIREFOX = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];
const FIREFOX_NAMES = ['firefox-esr', 'firefox'];

/** How to get Chromium, for error messages (the e2e suite fails with it rather than skipping). */
export const CHROMIUM_INSTALL_HINT =
  'No Chromium/Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; macOS: ' +
  '`brew install --cask chromium`) or set CHROME_PATH to a Chrome/Chromium executable.';

function onPath(names) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (!dir) continue;
    for (const name of names) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
  }
  return undefined;
}

/** Chromium/Chrome: CHROME_PATH, usual install places, PATH; undefined when none. */
export function findChromiumPath() {
  const env = process.env.CHROME_PATH;
  if (env) return existsSync(env) ? env : undefined;
  return CHROMIUM.find((p) => existsSync(p)) ?? onPath(CHROMIUM_NAMES);
}

/** Firefox: FIREFOX_PATH, usual install places, PATH; undefined when none. */
export function findFirefox() {
  const env = process.env.FIREFOX_PATH;
  if (env) return existsSync(env) ? env : undefined;
  return FIREFOX.find((p) => existsSync(p)) ?? onPath(FIREFOX_NAMES);
}

#!/usr/bin/env node
// `npm start`: builds the extension, then opens Chromium/Chrome with it loaded on a bundled demo UN document
// (General Assembly resolution 77/176, demo/), like `web-ext run` does for Firefox.
//
// The demo is shown at a real UN address (https://www.un.org/__fixtures__/demo/…, in the content-script
// matches) whose answer the launcher supplies from the bundled file, so it works offline and shows exactly
// what a user sees on a UN site. Other pages load normally: browse to https://undocs.org/A/RES/77/176 too.
//
// Flags: --no-build (reuse dist/chrome). Env: CHROME_PATH to pick the browser.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_URL, renderDemoPage } from './demo-page.mjs';
import { CHROMIUM_INSTALL_HINT, findChromiumPath } from './find-browser.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist', 'chrome');

const HOW_TO_LOAD = `To try it by hand in Chrome/Chromium:
  1. open chrome://extensions and switch on "Developer mode";
  2. "Load unpacked" and choose ${DIST};
  3. open a UN page, e.g. https://undocs.org/A/RES/77/176, and hover a citation.
In Firefox: about:debugging → This Firefox → "Load Temporary Add-on…" → ${join(ROOT, 'dist', 'firefox', 'manifest.json')}.`;

if (!process.argv.includes('--no-build')) {
  console.log('Building the extension (npm run build)…');
  const r = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!existsSync(join(DIST, 'manifest.json'))) {
  console.error(`${DIST} is missing; run npm run build.`);
  process.exit(1);
}

const hasDisplay =
  process.platform === 'darwin' ||
  process.platform === 'win32' ||
  !!process.env.DISPLAY ||
  !!process.env.WAYLAND_DISPLAY;
if (!hasDisplay) {
  console.log(`\nNo display found (DISPLAY and WAYLAND_DISPLAY are unset), so no browser window can open here.
The extension is built in ${DIST}.
${HOW_TO_LOAD}
On a Linux machine without a desktop you can still watch it run under a virtual display: xvfb-run -a npm start`);
  process.exit(0);
}

const executablePath = findChromiumPath();
if (!executablePath) {
  console.error(`${CHROMIUM_INSTALL_HINT}\n${HOW_TO_LOAD}`);
  process.exit(1);
}

const profile = mkdtempSync(join(tmpdir(), 'uncl-start-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: false,
  viewport: null,
  // Playwright's automation banner is noise in a demo.
  ignoreDefaultArgs: ['--enable-automation'],
  args: [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), // Chromium refuses to run as root otherwise
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    `--disable-extensions-except=${DIST}`,
    `--load-extension=${DIST}`,
    '--window-size=1280,900',
  ],
});
const demo = renderDemoPage();
await context.route(DEMO_URL, (route) =>
  route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: demo }),
);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(DEMO_URL);
const worker =
  context.serviceWorkers()[0] ??
  (await context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(() => undefined));
console.log(`\nUN Citation Lens is running in ${executablePath}${worker ? ` (extension id ${new URL(worker.url()).host})` : ''}.
Demo: General Assembly resolution 77/176 at ${DEMO_URL}
Hover a citation for its card; right-click one for "Trace citation"; click the toolbar icon to search.
Close the browser window (or press Ctrl+C) to stop.`);

let closing = false;
const cleanUp = async () => {
  if (closing) return;
  closing = true;
  await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
  process.exit(0);
};
context.on('close', cleanUp);
process.on('SIGINT', cleanUp);
process.on('SIGTERM', cleanUp);

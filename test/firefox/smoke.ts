/**
 * Headless Firefox smoke test of dist/firefox (run by `npm test` when Firefox is installed; alone:
 * `npm run build && npm run test:firefox`).
 *
 * puppeteer-core drives Firefox over WebDriver BiDi and installs the build as a temporary add-on
 * (`browser.installExtension`), no Xvfb, no geckodriver. The fixture page must be on a host in the manifest's
 * content-script matches: Firefox resolves `www.un.org` to 127.0.0.1 for this profile only
 * (`network.dns.localDomains`), so `http://www.un.org:<port>/…` reaches the local fixture server and nothing
 * goes to the network.
 *
 * Checks: the add-on installs; the content script marks "resolution 73/195" on the page (so the event-page
 * background, the same code as Chrome's worker, loaded); hovering it shows a card whose text came from the
 * background's index. Exits 1 on failure.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findFirefox } from '../../scripts/find-browser.mjs';
import { ROOT, startFixtureServer } from '../e2e/harness';

const DIST = join(ROOT, 'dist', 'firefox');
const HOST = 'www.un.org';
const PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>smoke</title>
<p id="t">Recalling its resolution 73/195 of 19 December 2018 on the Global Compact for Safe, Orderly and Regular Migration.</p>`;

async function main(): Promise<void> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('Firefox not found: apt-get install firefox-esr, or set FIREFOX_PATH');
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`${DIST} missing: run npm run build`);
  const server = await startFixtureServer({});
  server.add('smoke.html', PAGE);
  const port = new URL(server.origin).port;
  const t0 = Date.now();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    extraPrefsFirefox: {
      'network.dns.localDomains': HOST,
      'dom.security.https_first': false,
      'dom.security.https_only_mode': false,
      'network.stricttransportsecurity.preloadlist': false,
      // The test add-on's host permissions are granted without a prompt.
      'extensions.originControls.grantByDefault': true,
    },
  });
  const errors: string[] = [];
  try {
    const id = await browser.installExtension(DIST);
    console.log(`installed ${id} in ${Date.now() - t0} ms`);
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://${HOST}:${port}/smoke.html`);
    const mark = await page.waitForSelector('[data-un-key="A/RES/73/195"]', { timeout: 15_000 });
    if (!mark) throw new Error('content script did not mark resolution 73/195');
    console.log('content script marked A/RES/73/195');
    await mark.hover();
    // The card lives in a shadow root; its text must come from the background's index (the date of 73/195).
    const card = await page.waitForFunction(
      () => {
        for (const el of document.querySelectorAll('*')) {
          const text = el.shadowRoot?.textContent ?? '';
          if (text.includes('73/195') && /2018/.test(text)) return text.slice(0, 200);
        }
        return false;
      },
      { timeout: 10_000 },
    );
    console.log(`card: ${String(await card.jsonValue()).replace(/\s+/g, ' ')}`);
    if (errors.length) throw new Error(`console errors:\n${errors.join('\n')}`);
    console.log(`firefox smoke ok in ${Date.now() - t0} ms`);
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}

main().catch((e) => {
  console.error(`firefox smoke FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

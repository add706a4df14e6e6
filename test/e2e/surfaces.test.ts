/**
 * Every extension page as the user meets it, in an English and an Arabic browser, in the light and the dark
 * scheme: the trace view in Chrome's REAL side panel (opened the way a reader opens it: Shift+Enter on a
 * search result, a key press being the gesture the side panel needs), the options page, and the PDF viewer on
 * a UN resolution. (The toolbar popup: toolbar-popup.test.ts.) For each: nothing sticks out sideways, the
 * Arabic page reads right to left, the page follows the colour scheme, and the screenshots go to
 * test-results/screenshots/surface-<surface>-<lang>-<scheme>.png.
 *
 * Playwright does not list a side panel among a context's pages; a client attached over the DevTools protocol
 * (`connectOverCDP`) sees every page target, the panel included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTestPdfs } from '../../scripts/make-test-pdfs.mjs';
import { FIXTURES, type Harness, launchExtension, waitFor } from './harness';
import { scanned } from './page-mentions';
import { expectUnclipped, freePort, layout, shoot } from './surfaces';
import { unPdfUrl } from './viewer-open';

const SEED = 'pages/seed-a-res-77-176.html';

let pdfDir: string;
beforeAll(() => {
  pdfDir = mkdtempSync(join(tmpdir(), 'uncl-surfaces-'));
  makeTestPdfs(pdfDir);
});
afterAll(() => {
  if (pdfDir) rmSync(pdfDir, { recursive: true, force: true });
});

/** What differs between the two browsers: the words the checks look for. */
interface Language {
  locale: 'en' | 'ar';
  dir: 'ltr' | 'rtl';
  traceTitle: string;
  options: string;
  recalls: RegExp;
}

const LANGUAGES: Language[] = [
  {
    locale: 'en',
    dir: 'ltr',
    traceTitle: 'Trace citation',
    options: 'UN Citation Lens: options',
    recalls: /^What it recalls/,
  },
  {
    locale: 'ar',
    dir: 'rtl',
    traceTitle: 'تتبّع الإشارة',
    options: 'UN Citation Lens: الخيارات',
    recalls: /^ما تشير إليه الوثيقة/,
  },
];

describe.each(LANGUAGES)('$locale browser', (lang) => {
  let h: Harness;
  let port: number;
  let cdp: Browser | undefined;
  let seed: Page;
  let tabId: number;

  beforeAll(async () => {
    port = await freePort();
    h = await launchExtension({
      locale: lang.locale,
      args: [`--remote-debugging-port=${port}`],
      roots: { '': FIXTURES, 'pdf-gen/': pdfDir },
    });
    seed = await h.newPage(h.unUrl(SEED));
    await scanned(seed, 15_000);
    tabId = await h.activeTabId(seed);
  });
  afterAll(async () => {
    await cdp?.close();
    await h?.close();
  });

  test('the browser runs in the language', async () => {
    const ui = await (await h.worker()).evaluate(() => chrome.i18n.getUILanguage());
    expect(ui, 'Chromium runs in the locale (Debian: apt-get install chromium-l10n)').toMatch(
      new RegExp(`^${lang.locale}`),
    );
    // The name Chrome shows for the extension, in the side panel's header too: the product's one name.
    const self = await (await h.worker()).evaluate(() => chrome.management.getSelf());
    // (Chrome wraps it in direction marks in a right-to-left UI.)
    expect(self.shortName.replace(/[\u200e\u200f\u202a-\u202e]/g, '')).toBe('UN Citation Lens');
  });

  test('the trace view in the real side panel', async () => {
    // The reader's way in: the popup's search, Shift+Enter on a result (opened as a page of the seed's tab).
    const popup = await h.newPage(h.extUrl(`src/popup/index.html?tab=${tabId}`));
    await waitFor(() => popup.evaluate(() => document.body.dataset.page === 'listed'), 15_000, 'the popup');
    await popup.locator('#search input').pressSequentially('77/176');
    await waitFor(
      () =>
        popup
          .locator('#search')
          .evaluate((e) => e.dataset.query === '77/176' && e.dataset.state !== 'searching'),
      15_000,
      'the search',
    );
    await popup.keyboard.press('Shift+Enter');
    // The side panel belongs to the seed's tab: it shows when that tab is active.
    await seed.bringToFront();
    await popup.close();
    const panelPath = '/src/trace/index.html';
    const found = await waitFor(
      async () => {
        const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
          url: string;
        }[];
        if (!targets.some((t) => t.url.includes(panelPath))) return undefined;
        await cdp?.close();
        cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
        return cdp
          .contexts()
          .flatMap((c) => c.pages())
          .find((p) => p.url().includes(panelPath));
      },
      15_000,
      'the side panel',
    );
    if (!found) throw new Error('no side panel');
    const panel: Page = found;
    // It is the side panel (Chrome lists it as one), not a tab.
    const contexts = await (await h.worker()).evaluate(async () =>
      (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).map(
        (c) => c.documentUrl ?? '',
      ),
    );
    expect(contexts.some((u) => u.includes(panelPath))).toBe(true);
    await waitFor(
      () =>
        panel.evaluate(() => document.body.dataset.state === 'traced' && document.body.dataset.facts === '1'),
      20_000,
      'the trace',
    );
    expect(await panel.evaluate(() => document.documentElement.dir)).toBe(lang.dir);
    expect(await panel.title()).toBe(`A/RES/77/176 — ${lang.traceTitle} — UN Citation Lens`);
    expect(await panel.getByRole('heading', { name: lang.recalls }).count()).toBe(1);
    const l = await layout(panel);
    // Chrome's side panel is narrow (320 px and up): the view must fit it.
    expect(l.width).toBeLessThan(700);
    expectUnclipped(l, `side panel (${lang.locale})`, 300);
    await shoot(h, panel, `surface-side-panel-${lang.locale}`);
    // Further down: the series over the years, every year dated and named.
    await panel.locator('#series').scrollIntoViewIfNeeded();
    expectUnclipped(await layout(panel), `side panel, series (${lang.locale})`, 300);
    await shoot(h, panel, `surface-side-panel-series-${lang.locale}`);
  });

  test('the options page', async () => {
    const page = await h.newPage(h.extUrl('src/options/index.html'));
    await waitFor(() => page.locator('#un-sites li').count(), 10_000, 'the site list');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang.dir);
    expect(await page.title()).toBe(lang.options);
    expectUnclipped(await layout(page), `options (${lang.locale})`);
    await shoot(h, page, `surface-options-${lang.locale}`, { fullPage: true });
    // A narrow window (a phone-width tab, a tiled window) must not cut the page either.
    await page.setViewportSize({ width: 420, height: 800 });
    expectUnclipped(await layout(page), `options at 420 px (${lang.locale})`);
    await page.close();
  });

  test('the PDF viewer on a UN resolution', async () => {
    // A UN PDF address, which the browser's redirect takes to the viewer.
    const page = await h.newPage(unPdfUrl(h, 'pdf-gen/a-res-77-176.pdf'));
    await waitFor(
      () => page.evaluate(() => document.documentElement.dataset.viewerState === 'ready'),
      30_000,
      'the viewer',
    );
    await waitFor(() => page.locator('.page').first().getAttribute('data-annotated'), 20_000, 'page 1');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang.dir);
    expect(await page.title()).toBe('A/RES/77/176 — UN Citation Lens');
    expect(await page.locator('#trace-doc').isVisible()).toBe(true);
    expectUnclipped(await layout(page), `viewer (${lang.locale})`);
    await shoot(h, page, `surface-viewer-${lang.locale}`);
    // The same at a narrow window: the toolbar wraps, the page fits the width.
    await page.setViewportSize({ width: 700, height: 800 });
    await page.locator('#zoom').selectOption('page-width');
    expectUnclipped(await layout(page), `viewer at 700 px (${lang.locale})`);
    await shoot(h, page, `surface-viewer-narrow-${lang.locale}`);
    await page.close();
  });

  test('the PDF viewer when the PDF is not there: the message, nothing to act on', async () => {
    const page = await h.newPage(unPdfUrl(h, 'pdf-gen/gone.pdf'));
    await waitFor(
      () => page.evaluate(() => document.documentElement.dataset.viewerState === 'error'),
      20_000,
      'the message',
    );
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang.dir);
    expect(await page.locator('#message').textContent()).toContain('404');
    expect(await page.locator('#trace-doc').isVisible()).toBe(false);
    expectUnclipped(await layout(page), `viewer message (${lang.locale})`);
    await shoot(h, page, `surface-viewer-404-${lang.locale}`);
    await page.close();
  });

  test('no console errors', () => {
    // The 404 of the missing PDF is the browser's own log line.
    h.expectNoErrors([/404|Failed to load resource|Unexpected server response/]);
  });
});

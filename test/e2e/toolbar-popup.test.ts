/**
 * The popup as the user meets it: the REAL toolbar popup (`chrome.action.openPopup()` from the worker, the
 * popup window Chromium sizes from its content), not the popup page opened as a tab. Its size is asserted
 * before and after typing and with a card open, nothing in it may be clipped, and screenshots in light and
 * dark, English and Arabic, go to test-results/screenshots/toolbar-popup-*.png.
 *
 * Playwright does not list an action popup among a context's pages; a second client attached over the
 * DevTools protocol (`connectOverCDP`) sees every page target, the popup included.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, launchExtension, waitFor } from './harness';
import { scanned } from './page-mentions';
import { expectUnclipped, freePort, layout, searchPopup, shoot as shootPage } from './surfaces';

/** The popup's own colours: white, and Wikimedia's dark grey in the dark scheme. */
const BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(32, 33, 34)' };

/** Screenshots of the popup in both schemes, `toolbar-popup-<name>-<scheme>.png`. */
function shoot(s: Session, popup: Page, name: string): Promise<string[]> {
  return shootPage(s.h, popup, `toolbar-popup-${name}`, { expected: BACKGROUND });
}

const SEED = 'pages/seed-a-res-77-176.html';

interface Session {
  h: Harness;
  port: number;
  /** The DevTools client of the last popup opened (a client lists the pages present when it connects). */
  cdp?: Browser;
}

async function start(locale?: string): Promise<Session> {
  const port = await freePort();
  const h = await launchExtension({
    args: [`--remote-debugging-port=${port}`],
    ...(locale ? { locale } : {}),
  });
  const page = await h.newPage(h.unUrl(SEED));
  await scanned(page, 15_000);
  await h.activeTabId(page);
  return { h, port };
}

/** Clicks the toolbar button, as far as a script can: the worker opens the action popup of the active tab. */
async function openToolbarPopup(s: Session): Promise<Page> {
  const popupUrl = s.h.extUrl('src/popup/index.html');
  const isPopup = (p: Page) => p.url().startsWith(popupUrl);
  await s.cdp?.close();
  await (await s.h.worker()).evaluate(() => chrome.action.openPopup());
  const popup = await waitFor(
    async () => {
      const list = await fetch(`http://127.0.0.1:${s.port}/json/list`);
      const targets = (await list.json()) as { url: string }[];
      if (!targets.some((t) => t.url.startsWith(popupUrl))) return undefined;
      s.cdp = await chromium.connectOverCDP(`http://127.0.0.1:${s.port}`);
      return s.cdp
        .contexts()
        .flatMap((c) => c.pages())
        .find(isPopup);
    },
    15_000,
    'the toolbar popup',
  );
  if (!popup) throw new Error('no toolbar popup');
  await waitFor(
    () => popup.evaluate(() => document.body.dataset.page === 'listed'),
    15_000,
    'the popup list',
  );
  return popup;
}

/** The number of lines a card value takes: one word per line is the collapse users saw. */
function linesOf(popup: Page, text: string): Promise<number> {
  return popup.locator('#detail-card .card').evaluate((card, wanted) => {
    const root = card.getRootNode() as Document | ShadowRoot;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeValue?.trim() !== wanted) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }
    return -1;
  }, text);
}

describe('the real toolbar popup (English)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await start();
  });
  afterAll(async () => {
    await s?.cdp?.close();
    await s?.h.close();
  });

  test('opens at full width with nothing clipped, and stays so after typing and with a card open', async () => {
    const popup = await openToolbarPopup(s);
    expectUnclipped(await layout(popup), 'on opening', 400);
    expect(await popup.getByRole('heading', { name: /^On this page/ }).isVisible()).toBe(true);
    await shoot(s, popup, 'en-list');

    await searchPopup(popup, '73/195');
    await popup.locator('#detail-card .card[data-key="A/RES/73/195"]:not([data-status="loading"])').waitFor();
    expectUnclipped(await layout(popup), 'with the card of 73/195 open', 400);
    // The card's facts come from the bundled index, each on one line at this width.
    const card = (await popup.locator('#detail-card .card').textContent()) ?? '';
    expect(card).toContain('Global Compact for Safe, Orderly and Regular Migration');
    expect(await linesOf(popup, 'General Assembly')).toBe(1);
    await shoot(s, popup, 'en-card');
    s.h.expectNoErrors();
  });
});

describe('the real toolbar popup (Arabic browser)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await start('ar');
  });
  afterAll(async () => {
    await s?.cdp?.close();
    await s?.h.close();
  });

  test('reads right to left at full width, nothing clipped, before and after a search', async () => {
    const ui = await (await s.h.worker()).evaluate(() => chrome.i18n.getUILanguage());
    expect(ui, 'Chromium runs in Arabic (Debian: apt-get install chromium-l10n)').toMatch(/^ar/);
    const popup = await openToolbarPopup(s);
    expect(await popup.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expectUnclipped(await layout(popup), 'on opening (ar)', 400);
    await shoot(s, popup, 'ar-list');
    await searchPopup(popup, '73/195');
    await popup.locator('#detail-card .card[data-key="A/RES/73/195"]:not([data-status="loading"])').waitFor();
    expectUnclipped(await layout(popup), 'with a card open (ar)', 400);
    await shoot(s, popup, 'ar-card');
    s.h.expectNoErrors();
  });
});

/**
 * Card fields a reader can use, in real Chromium with the built extension and the real index: the hover card of
 * a GA resolution (its session and years, its agenda items by number and title, its meeting record and agenda as
 * links), of a Security Council resolution (its year; the library's description labelled a subject, never the
 * title nor copied as one), and of the Universal Declaration (each link once); the popup's "On this page" names a
 * named instrument by its name, never by its key. Screenshots of the cards in light, dark and an Arabic UI.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setCardLang } from './card-lang-setting';
import { CARD, CARD_HOST, shadowCall, shadowCardFacts, shadowClick, shadowWait } from './closed-shadow';
import { type Harness, launchExtension, waitFor } from './harness';
import { GLOBAL_COMPACT } from './index-facts';
import { hoverMention, indexOf, pageCitations, scanned } from './page-mentions';

const SEED = 'pages/seed-a-res-77-176.html';
const SC_PAGE = 'pages/dev-111-sc-res-2259-2015-en.html';

let h: Harness;

beforeAll(async () => {
  h = await launchExtension();
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.un.org' });
});

afterAll(async () => {
  h?.expectNoErrors();
  await h?.close();
});

async function open(harness: Harness, path: string): Promise<Page> {
  const page = await harness.newPage(harness.unUrl(path));
  await scanned(page, 20_000);
  return page;
}

/** Hovers the first mention of `key` (of `kind`) and waits for the card to show what the index answered. */
async function hoverCard(harness: Harness, page: Page, key: string, kind: string): Promise<void> {
  await hoverMention(page, indexOf(await pageCitations(harness, page), key, 0, kind));
  await shadowWait(page, CARD_HOST, `${CARD}[data-key="${key}"]:not([data-status="loading"])`, 10_000);
  // Past the card's 120 ms fade-in, so a screenshot shows it as a reader does.
  await page.waitForTimeout(200);
}

/** The open card's links as [label, href]. */
async function cardLinks(page: Page): Promise<[string, string][]> {
  return (
    (await shadowCall<[string, string][]>(
      page,
      CARD_HOST,
      CARD,
      `function () { return [...this.querySelectorAll('ul.links a')].map((a) => [a.textContent, a.href]); }`,
    )) ?? []
  );
}

/** The open card's title line, or null when it shows none. */
function cardTitle(page: Page): Promise<string | null | undefined> {
  return shadowCall<string | null>(
    page,
    CARD_HOST,
    CARD,
    `function () { return this.querySelector('.title')?.textContent ?? null; }`,
  );
}

describe('hover cards', () => {
  let seed: Page;
  beforeAll(async () => {
    seed = await open(h, SEED);
  });

  test('a GA resolution: its session, agenda items by number and title, meeting record and agenda as links', async () => {
    await hoverCard(h, seed, GLOBAL_COMPACT.key, 'resolution');
    const facts = await shadowCardFacts(seed);
    expect(facts.Session).toBe('73rd session (2018–2019)');
    // Two items share one label: the facts list keeps both lines.
    const agenda = await shadowCall<string[]>(
      seed,
      CARD_HOST,
      `${CARD} dl.facts`,
      `function () { return [...this.querySelectorAll('dt')].filter((dt) => dt.textContent === 'Agenda item').map((dt) => dt.nextElementSibling.textContent); }`,
    );
    expect(agenda).toEqual([
      'Item 14: Integrated and coordinated implementation of and follow-up to the outcomes of the major United Nations …',
      'Item 119: Follow-up to the outcome of the Millennium Summit',
    ]);
    // The meeting record is a link, not a line of text.
    expect(facts.Meeting).toBeUndefined();
    const links = await cardLinks(seed);
    expect(links).toContainEqual([
      `Meeting record ${GLOBAL_COMPACT.meeting}`,
      'https://undocs.org/en/A/73/PV.60',
    ]);
    expect(links).toContainEqual(['Agenda A/73/251', 'https://undocs.org/en/A/73/251']);
    await h.screenshot(seed, 'card-fields-ga-light');
    await seed.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(seed, 'card-fields-ga-dark');
    await seed.emulateMedia({ colorScheme: 'light' });
    await seed.keyboard.press('Escape');
  });

  test('the Universal Declaration: each link once, labelled apart', async () => {
    await hoverCard(h, seed, 'A/RES/217(III)', 'instrument');
    const links = await cardLinks(seed);
    const labels = links.map(([l]) => l);
    const urls = links.map(([, u]) => u);
    expect(new Set(labels).size).toBe(labels.length);
    expect(new Set(urls).size).toBe(urls.length);
    expect(labels.filter((l) => /Digital Library/.test(l))).toEqual(['UN Digital Library (all parts)']);
    expect(labels).toContain('Meeting record A/PV.183');
    await h.screenshot(seed, 'card-fields-udhr');
    await seed.keyboard.press('Escape');
  });

  test('a Security Council resolution: its year, and the library description as a subject, never copied as a title', async () => {
    const page = await open(h, SC_PAGE);
    await hoverCard(h, page, 'S/RES/1970(2011)', 'resolution');
    const facts = await shadowCardFacts(page);
    expect(facts.Session).toBe('2011');
    expect(facts['Subject (as catalogued)']).toBe(
      'On establishment of a Security Council Committee to monitor implementation of the arms embargo against the Libyan Arab Jamahiriya',
    );
    expect(await cardTitle(page)).toBeNull();
    await h.screenshot(page, 'card-fields-sc');
    await shadowClick(page, CARD_HOST, `${CARD} button.copy-un`);
    await waitFor(
      async () =>
        /Copied/.test(
          (await shadowCall<string>(
            page,
            CARD_HOST,
            `${CARD} .copied`,
            'function () { return this.textContent; }',
          )) ?? '',
        ),
      3000,
      'copied',
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'Security Council resolution 1970 (2011) of 26 February 2011',
    );
    await page.close();
  });
});

test('the popup’s "On this page" names a named instrument by its name, never its key', async () => {
  const page = await open(h, SEED);
  const tabId = await h.activeTabId(page);
  const popup = await h.newPage(h.extUrl(`src/popup/index.html?tab=${tabId}`));
  await waitFor(() => popup.evaluate(() => document.body.dataset.page === 'listed'), 15_000, 'the popup');
  const row = popup.locator('.page-row[data-key="instrument:ICPD Programme of Action"]');
  expect(await row.count()).toBe(1);
  await row.scrollIntoViewIfNeeded();
  expect(await row.locator('button.jump').textContent()).toBe('ICPD Programme of Action');
  expect(await row.locator('.title').textContent()).toBe(
    'Programme of Action of the International Conference on Population and Development',
  );
  // No text a reader sees or hears in the list carries the index's key syntax.
  const shown = await popup
    .locator('.page-group')
    .evaluateAll((els) =>
      els.flatMap((e) => [
        e.textContent ?? '',
        ...[...e.querySelectorAll('[aria-label]')].map((x) => x.getAttribute('aria-label') ?? ''),
      ]),
    );
  expect(shown.length).toBeGreaterThan(0);
  for (const s of shown) expect(s).not.toMatch(/instrument:/);
  await h.screenshot(popup, 'card-fields-popup-on-this-page');
  await popup.close();
  await page.close();
});

test('the cards in an Arabic UI', async () => {
  const ar = await launchExtension({ locale: 'ar' });
  try {
    // The card follows the page's language by default (test/e2e/card-language.test.ts); a reader of an Arabic
    // browser who wants Arabic cards on English pages chooses the browser's language.
    await setCardLang(ar, 'browser', 'ar');
    const page = await open(ar, SEED);
    await hoverCard(ar, page, GLOBAL_COMPACT.key, 'resolution');
    const facts = await shadowCardFacts(page);
    expect(facts['الدورة']).toBe('الدورة 73 (2018–2019)');
    // The item's title is the source's English, marked as English (its language named after it).
    expect(Object.entries(facts)).toContainEqual([
      'بند جدول الأعمال',
      expect.stringMatching(/^البند 119: Follow-up to the outcome of the Millennium Summit/),
    ]);
    expect((await cardLinks(page)).map(([l]) => l)).toContain('محضر الجلسة A/73/PV.60');
    await ar.screenshot(page, 'card-fields-ga-arabic-ui');
    await page.keyboard.press('Escape');
    const sc = await open(ar, SC_PAGE);
    await hoverCard(ar, sc, 'S/RES/1970(2011)', 'resolution');
    expect((await shadowCardFacts(sc))['الدورة']).toBe('2011');
    await ar.screenshot(sc, 'card-fields-sc-arabic-ui');
  } finally {
    await ar.close();
  }
});

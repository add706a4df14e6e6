/**
 * The toolbar popup in real Chromium with the built extension and the real index: search as you type by
 * symbol (any spelling), bare number and title words in several languages; keyboard use (arrows,
 * Enter opens, Shift+Enter traces in the side panel, Ctrl+C copies); the citations found on the current
 * tab; "off for this site"; the options link; accessibility roles; no console errors.
 *
 * The popup page is opened as a tab with `?tab=<id>` naming the page it reports on (a real popup takes
 * the active tab; a test cannot click the toolbar button headless).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { titleAsWritten } from '../../src/card/library-title';
import { CHANNEL } from '../../src/shared/protocol';
import { CARD, CARD_HOST, shadowClick, shadowWait } from './closed-shadow';
import { type Harness, launchExtension, waitFor } from './harness';
import { drawn, hoverMention, indexOf, pageCitations, scanned } from './page-mentions';
import { searchPopup } from './surfaces';

let h: Harness;
let page: Page;
let tabId: number;
let popup: Page;

const SEED = 'pages/seed-a-res-77-176.html';

/** The addresses of the open Chrome side panels, as the worker sees them. */
function sidePanelUrls(): Promise<string[]> {
  return h.serviceWorker.evaluate(async () =>
    (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).map(
      (c) => c.documentUrl ?? '',
    ),
  );
}

/** Types a query into the popup's search field and waits for its answer (the keys of the results). */
async function search(query: string): Promise<string[]> {
  // The field is named for assistive technology; the shared helper types into the same combobox.
  expect(await popup.getByRole('combobox', { name: 'Search UN citations' }).count()).toBe(1);
  return searchPopup(popup, query);
}

/** Text of the card shown for the active result (it renders in an open shadow root; locators pierce it). */
async function cardText(): Promise<string> {
  return (await popup.locator('#detail-card .card').textContent()) ?? '';
}

beforeAll(async () => {
  h = await launchExtension();
  page = await h.newPage(h.unUrl(SEED));
  await scanned(page, 15_000);
  tabId = await h.activeTabId(page);
  popup = await h.newPage(h.extUrl(`src/popup/index.html?tab=${tabId}`));
  await waitFor(() => popup.evaluate(() => document.body.dataset.page === 'listed'), 15_000, 'the popup');
});

afterAll(async () => {
  await h?.close();
});

describe('accessibility', () => {
  test('a labelled combobox controls a labelled listbox of options through aria-activedescendant', async () => {
    await search('73/195');
    const input = popup.getByRole('combobox', { name: 'Search UN citations' });
    expect(await input.getAttribute('aria-autocomplete')).toBe('list');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    const listId = await input.getAttribute('aria-controls');
    const list = popup.getByRole('listbox', { name: 'Search results' });
    expect(await list.getAttribute('id')).toBe(listId);
    const active = await input.getAttribute('aria-activedescendant');
    const option = popup.locator(`#${active}`);
    expect(await option.getAttribute('role')).toBe('option');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    // Focus stays in the field; the options are not tab stops.
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    // With the field cleared, the page list is back, and its controls have names.
    await popup.keyboard.press('Escape');
    for (const name of [/^Show A\/RES\/73\/195 on the page \(1 of \d+\)$/, /^Trace A\/RES\/73\/195$/]) {
      expect(await popup.getByRole('button', { name }).count()).toBeGreaterThan(0);
    }
    expect(await popup.getByRole('link', { name: 'Options' }).count()).toBe(1);
    expect(await popup.getByRole('heading', { name: /^On this page/ }).count()).toBe(1);
  });
});

describe('search as you type over the real index', () => {
  // [typed, the key of the first result]
  const spellings: [string, string][] = [
    ['a/res/73/195', 'A/RES/73/195'],
    ['73/195', 'A/RES/73/195'],
    ['resolution 77/176', 'A/RES/77/176'],
    ['S/RES/2334(2016)', 'S/RES/2334(2016)'],
    ['2334 (2016)', 'S/RES/2334(2016)'],
    ['E/CN.4/1998/53/Add.2', 'E/CN.4/1998/53/Add.2'],
    ['217 A (III)', 'A/RES/217(III)'],
    ['UNTS I-27531', 'UNTS I-27531'],
  ];
  test.each(spellings)('symbol "%s" → %s, with its card', async (typed, key) => {
    const keys = await search(typed);
    expect(keys[0]).toBe(key);
    // The active result's card is the hover card's: heading and, for a known key, the index's title.
    await popup.locator(`#detail-card .card[data-key="${key}"]:not([data-status="loading"])`).waitFor();
    const card = await h.request<{ known: boolean; entry?: { title?: string } }>(popup, 'lookup', {
      key,
      lang: 'en',
    });
    // As the card writes it (the catalogue's spaced colon " : " read as an English colon).
    if (card.entry?.title) expect(await cardText()).toContain(titleAsWritten(card.entry.title, 'en'));
  });

  test('a bare number finds the resolutions with that number', async () => {
    expect(await search('2334')).toContain('S/RES/2334(2016)');
    const keys = await search('195');
    expect(keys.length).toBeGreaterThan(1);
    for (const k of keys) expect(k).toMatch(/\/195\b|^A\/RES\/195\(/);
  });

  // Title words of "International migration and development" (A/RES/77/176) in four UN languages.
  test.each([
    ['en', 'international migration development'],
    ['fr', 'migrations internationales et développement'],
    ['es', 'migración internacional y desarrollo'],
    ['ru', 'международная миграция и развитие'],
  ])('title words (%s): "%s"', async (_lang, words) => {
    const keys = await search(words);
    expect(keys).toContain('A/RES/77/176');
    expect(keys).toContain('A/RES/75/226');
  });

  test('a query with no answer says so', async () => {
    expect(await search('zzqxv')).toEqual([]);
    expect(await popup.locator('#search-status').textContent()).toMatch(/Nothing in the index matches/);
    expect(await popup.getByRole('combobox').getAttribute('aria-expanded')).toBe('false');
  });
});

describe('keyboard', () => {
  test('arrows move the active option and its card; Escape clears', async () => {
    const keys = await search('international migration development');
    expect(keys.length).toBeGreaterThan(2);
    const input = popup.getByRole('combobox');
    const activeKey = async () => {
      const id = await input.getAttribute('aria-activedescendant');
      return id ? popup.locator(`#${id}`).getAttribute('data-key') : null;
    };
    expect(await activeKey()).toBe(keys[0]);
    await popup.keyboard.press('ArrowDown');
    expect(await activeKey()).toBe(keys[1]);
    await popup.locator(`#detail-card .card[data-key="${keys[1]}"]`).waitFor();
    await popup.keyboard.press('ArrowUp');
    await popup.keyboard.press('ArrowUp'); // wraps to the last
    expect(await activeKey()).toBe(keys[keys.length - 1]);
    expect(await popup.locator('[role="option"][aria-selected="true"]').count()).toBe(1);
    await popup.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');
    await waitFor(
      async () => (await popup.locator('[role="option"]').count()) === 0,
      3000,
      'the list to empty',
    );
  });

  test('Ctrl+C copies the active result’s citation in UN style (pasted back to check the clipboard)', async () => {
    await search('73/195');
    await popup.locator('#detail-card .card[data-key="A/RES/73/195"]:not([data-status="loading"])').waitFor();
    await popup.keyboard.press('Control+KeyC');
    await waitFor(
      async () => /Copied/.test((await popup.locator('#detail-status').textContent()) ?? ''),
      3000,
      'copy',
    );
    const copied = (await popup.locator('#detail-status').textContent())!.replace(/^Copied: /, '');
    expect(copied).toMatch(/^General Assembly resolution 73\/195 of 19 December 2018/);
    expect(copied).toContain('Global Compact for Safe, Orderly and Regular Migration');
    // Paste into the (cleared) field: what reached the clipboard is what the status says.
    await popup.keyboard.press('Control+A');
    await popup.keyboard.press('Backspace');
    await popup.keyboard.press('Control+KeyV');
    expect(await popup.getByRole('combobox').inputValue()).toBe(copied);
  });

  test('Enter opens the active result’s document on undocs.org in a new tab', async () => {
    // undocs.org is answered locally: the test checks where the extension sends the reader, offline.
    await h.context.route('https://undocs.org/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>undocs</title>' }),
    );
    await search('S/RES/2334 (2016)');
    await popup
      .locator('#detail-card .card[data-key="S/RES/2334(2016)"]:not([data-status="loading"])')
      .waitFor();
    const opened = h.context.waitForEvent('page', { timeout: 10_000 });
    const asked = h.context.waitForEvent('request', {
      predicate: (r) => r.url().startsWith('https://undocs.org/'),
      timeout: 10_000,
    });
    await popup.keyboard.press('Enter');
    const doc = await opened;
    expect((await asked).url()).toBe('https://undocs.org/en/S/RES/2334(2016)');
    await doc.close();
    await h.context.unroute('https://undocs.org/**');
  });

  test('Shift+Enter traces the active result in Chrome’s side panel, which marks the page', async () => {
    await popup.bringToFront();
    await search('73/195');
    await popup.keyboard.press('Shift+Enter');
    // The side panel belongs to the page's tab: it shows (and loads) when that tab is active.
    await page.bringToFront();
    const panels = await waitFor(
      () =>
        sidePanelUrls()
          .then((all) => all.filter((u) => u.includes('/src/trace/')))
          .then((urls) => (urls.length > 0 ? urls : undefined)),
      10_000,
      'a side panel context',
    );
    expect(panels).toHaveLength(1);
    const url = new URL(panels?.[0] ?? '');
    expect(url.pathname).toBe('/src/trace/index.html');
    expect(url.searchParams.get('key')).toBe('A/RES/73/195');
    expect(Number(url.searchParams.get('tab'))).toBe(tabId);
    // The view in the panel told the page which key it traces; the page highlights each of its mentions.
    const surfaces = (await pageCitations(h, page))
      .filter((m) => m.key === 'A/RES/73/195')
      .map((m) => m.surface);
    await waitFor(
      async () => (await drawn(page, 'traced')).map((d) => d.text).join('|') === surfaces.join('|'),
      10_000,
      'the page to highlight the traced mentions',
    );
    await popup.bringToFront();
  });

  test('the open side panel follows the next trace request', async () => {
    await search('2334 (2016)');
    await popup.keyboard.press('Shift+Enter');
    await page.bringToFront();
    // The worker sets the panel's path for the tab; Chrome loads the view for the new key.
    const panels = await waitFor(
      () =>
        sidePanelUrls()
          .then((all) => all.map((u) => decodeURIComponent(u)))
          .then((urls) => (urls.some((u) => u.includes('key=S/RES/2334(2016)')) ? urls : undefined)),
      10_000,
      'a panel tracing S/RES/2334(2016)',
    );
    expect((panels ?? []).filter((u) => u.includes('key=A/RES/73/195'))).toEqual([]);
    await popup.bringToFront();
  });
});

describe('citations on the current tab', () => {
  test('grouped by kind, keys the index does not know apart, counts as on the page', async () => {
    await popup.reload();
    await waitFor(
      () => popup.evaluate(() => document.body.dataset.page === 'listed'),
      15_000,
      'the page list',
    );
    const reply = (await popup.evaluate(
      ([c, id]) =>
        chrome.tabs.sendMessage(id, { channel: c, type: 'pageCitations', payload: {} }, { frameId: 0 }),
      [CHANNEL, tabId] as const,
    )) as { ok: true; value: { mentions: { key: string; kind: string }[] } };
    const mentions = reply.value.mentions;
    expect(mentions.length).toBeGreaterThan(20);
    expect(await popup.locator('#page-count').textContent()).toBe(`(${mentions.length})`);

    const rows = await popup.locator('.page-row').evaluateAll((els) =>
      els.map((e) => ({
        key: (e as HTMLElement).dataset.key!,
        kind: (e as HTMLElement).dataset.kind!,
        times: e.querySelector('.times')?.textContent ?? '',
        unresolved: Boolean(e.closest('.unresolved')),
        group: e.closest('.page-group')?.querySelector('h3')?.textContent ?? '',
      })),
    );
    // Every (kind, key) of the page is one row, with the page's count.
    const expected = new Map<string, number>();
    for (const m of mentions)
      expected.set(`${m.kind} ${m.key}`, (expected.get(`${m.kind} ${m.key}`) ?? 0) + 1);
    expect(rows).toHaveLength(expected.size);
    for (const r of rows) expect(r.times).toBe(`×${expected.get(`${r.kind} ${r.key}`)}`);
    // Known keys sit under their kind; unknown ones (by the index's own answer) under "Not in the index".
    const keys = [...new Set(rows.map((r) => r.key))];
    const known = new Map<string, boolean>();
    for (const key of keys)
      known.set(key, (await h.request<{ known: boolean }>(popup, 'lookup', { key })).known);
    for (const r of rows) {
      expect(r.unresolved).toBe(!known.get(r.key));
      if (!r.unresolved)
        expect(r.group).toMatch(/^(Resolutions|Decisions|Documents|Treaties|UN publications|Instruments) \(/);
    }
    expect(rows.find((r) => r.key === 'A/RES/58/208' && r.kind === 'resolution')?.group).toMatch(
      /^Resolutions/,
    );
  });

  test('a row’s button scrolls the page to the mention and highlights it, then to the next one', async () => {
    // The row of the key the page cites most (the seed names the Global Compact, 73/195, several times).
    const counts = await popup.locator('.page-row').evaluateAll((els) =>
      els.map((e) => {
        const d = (e as HTMLElement).dataset;
        return { key: d.key!, kind: d.kind!, n: Number(e.querySelector('.times')?.textContent?.slice(1)) };
      }),
    );
    const { key, kind, n } = [...counts].sort((a, b) => b.n - a.n)[0]!;
    expect(n).toBeGreaterThan(1);
    const row = popup.locator(`.page-row[data-key="${key}"][data-kind="${kind}"]`);
    await row.getByRole('button', { name: `Show ${key} on the page (1 of ${n})` }).click();
    const first = (await pageCitations(h, page)).find((m) => m.key === key && m.kind === kind)!;
    await waitFor(
      async () => (await drawn(page, 'flash')).map((d) => d.text).join() === first.surface,
      5000,
      'the highlighted mention',
    );
    // The same button now goes to the second mention.
    expect(await row.getByRole('button', { name: `Show ${key} on the page (2 of ${n})` }).count()).toBe(1);
  });
});

describe('site switch and options', () => {
  test('"Annotate citations on www.un.org" turns the site off and on again (settings in storage)', async () => {
    const toggle = popup.getByRole('checkbox', { name: 'Annotate citations on www.un.org' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.press('Space');
    const off = await waitFor(
      () =>
        popup.evaluate(async () => {
          const s = (await chrome.storage.sync.get('settings')).settings as
            | { disabledSites?: string[] }
            | undefined;
          return s?.disabledSites?.includes('www.un.org') ? s.disabledSites : undefined;
        }),
      5000,
      'the setting to be stored',
    );
    expect(off).toContain('www.un.org');
    await toggle.press('Space');
    await waitFor(
      () =>
        popup.evaluate(async () => {
          const s = (await chrome.storage.sync.get('settings')).settings as { disabledSites?: string[] };
          return !s.disabledSites?.includes('www.un.org');
        }),
      5000,
      'the site to be on again',
    );
  });

  test('a site switched off from a card: the popup says so and turns it back on in one click', async () => {
    // What the reader does: "Off for this site" on a hover card (its shadow root is closed: closed-shadow.ts).
    // Every highlight goes.
    await page.bringToFront();
    // The previous test switched the site off and on again: wait for the page to be scanned again.
    const listed = await waitFor(
      async () => {
        const list = await pageCitations(h, page);
        return list.some((m) => m.key === 'A/RES/73/195' && m.kind === 'resolution') ? list : undefined;
      },
      10_000,
      'the page to be scanned again',
    );
    await hoverMention(page, indexOf(listed!, 'A/RES/73/195', 0, 'resolution'));
    await shadowWait(page, CARD_HOST, `${CARD}[role="dialog"]`, 10_000);
    await shadowClick(page, CARD_HOST, `${CARD} button.site-off`);
    await waitFor(async () => (await drawn(page)).length === 0, 5000, 'the highlights to go');
    await page.mouse.move(0, 0);

    const fresh = await h.newPage(h.extUrl(`src/popup/index.html?tab=${tabId}`));
    await waitFor(() => fresh.evaluate(() => document.body.dataset.page === 'off'), 15_000, 'the off state');
    // Not "No UN citations found on this page": the reader is told why, and the way back.
    expect(await fresh.locator('#site-off').textContent()).toMatch(
      /^\s*Citations are off on www\.un\.org\.\s*Turn on\s*$/,
    );
    expect(await fresh.locator('#page-status').textContent()).toBe('');
    await h.screenshot(fresh, 'popup-site-off');
    expect(await fresh.getByRole('checkbox', { name: 'Annotate citations on www.un.org' }).isChecked()).toBe(
      false,
    );
    await fresh.getByRole('button', { name: 'Turn on' }).click();
    await waitFor(
      () => fresh.evaluate(() => document.body.dataset.page === 'listed'),
      15_000,
      'the page list',
    );
    expect(await fresh.locator('#site-off').isVisible()).toBe(false);
    expect(await fresh.getByRole('checkbox', { name: 'Annotate citations on www.un.org' }).isChecked()).toBe(
      true,
    );
    // The page is highlighted again.
    await waitFor(
      async () => (await pageCitations(h, page)).some((m) => m.key === 'A/RES/73/195'),
      10_000,
      'the citations back',
    );
    expect((await drawn(page)).length).toBeGreaterThan(0);
    await fresh.close();
  });

  test('the Options link opens the options page', async () => {
    const opened = h.context.waitForEvent('page', { timeout: 10_000 });
    await popup.getByRole('link', { name: 'Options' }).press('Enter');
    const options = await opened;
    await options.waitForLoadState();
    expect(options.url()).toBe(h.extUrl('src/options/index.html'));
    await options.close();
  });
});

test('no console errors from any extension context', () => {
  h.expectNoErrors();
});

/**
 * The trace view and the "Trace citation" menu handler in real Chromium with the built extension and the
 * real index: A/RES/77/176 and what it recalls (grouped by where the citations stand), its series, an
 * older resolution and what cites it (counts from the data), where the current page cites the item (jump
 * buttons that scroll to and highlight each mention), the registered context-menu listener exercised on a
 * selection, a link, a selection without a citation and the page itself, keyboard use, accessibility, and
 * no console errors.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Trace } from '../../src/core/index/types';
import { CHANNEL } from '../../src/shared/protocol';
import { type Harness, launchExtension, waitFor } from './harness';
import { MIGRATION_77_176, SETTLEMENTS_2334 } from './index-facts';
import { drawn, hoverMention, pageCitations, scanned } from './page-mentions';

let h: Harness;
let page: Page;
let tabId: number;
let ext: Page;

const SEED = 'pages/seed-a-res-77-176.html';

/** The mentions the seed page's content script reports. */
async function pageMentions(): Promise<{ key: string; index: number; surface: string }[]> {
  const r = (await ext.evaluate(
    ([c, id]) =>
      chrome.tabs.sendMessage(id, { channel: c, type: 'pageCitations', payload: {} }, { frameId: 0 }),
    [CHANNEL, tabId] as const,
  )) as { ok: true; value: { mentions: { key: string; index: number; surface: string }[] } };
  return r.value.mentions;
}

/** Waits until the trace view has settled (traced with titles painted, or a message shown). */
async function settled(view: Page): Promise<string> {
  const state = await waitFor(
    () =>
      view.evaluate(() => {
        const s = document.body.dataset.state;
        if (s === 'traced') return document.body.dataset.facts === '1' ? s : undefined;
        return s === 'no-citation' || s === 'error' ? s : undefined;
      }),
    20_000,
    'the trace view',
  );
  return state ?? '';
}

async function openView(search: string): Promise<Page> {
  const view = await h.newPage(h.extUrl(`src/trace/index.html${search}`));
  await settled(view);
  return view;
}

/** Rows of a section: key, ×count, placement badges, title. */
async function rows(view: Page, section: string) {
  return view.locator(`#${section} .edge[data-key]`).evaluateAll((els) =>
    els.map((e) => ({
      key: (e as HTMLElement).dataset.key!,
      count: Number((e as HTMLElement).dataset.count),
      times: e.querySelector('.times')?.textContent ?? '',
      badges: [...e.querySelectorAll('.badge')].map((b) => b.className.replace(/^badge placement-/, '')),
      title: e.querySelector('.title')?.textContent ?? '',
    })),
  );
}

beforeAll(async () => {
  h = await launchExtension();
  page = await h.newPage(h.unUrl(SEED));
  await scanned(page, 15_000);
  tabId = await h.activeTabId(page);
  ext = await h.newPage(h.extUrl('src/options/index.html'));
});

afterAll(async () => {
  await h?.close();
});

describe('A/RES/77/176 traced', () => {
  let view: Page;
  let trace: Trace;
  beforeAll(async () => {
    trace = await h.request<Trace>(ext, 'trace', { key: 'A/RES/77/176' });
    view = await openView(`?key=A%2FRES%2F77%2F176&tab=${tabId}`);
  });

  test('the item is shown as its card', async () => {
    const card = view.locator('#item-card .card');
    expect(await card.getAttribute('data-key')).toBe('A/RES/77/176');
    expect(await card.getAttribute('data-status')).toBe('known');
    expect(await card.locator('.heading').textContent()).toBe('General Assembly resolution 77/176');
    expect(await card.locator('.title').textContent()).toBe(MIGRATION_77_176.title);
  });

  test('what it recalls: the resolutions of its text, where they stand, with counts from the index', async () => {
    const shown = await rows(view, 'recalls');
    // Exactly the index's edges, each with its count and placements.
    expect(shown.map((r) => r.key).sort()).toEqual(trace.recalls.map((e) => e.key).sort());
    for (const e of trace.recalls) {
      const r = shown.find((x) => x.key === e.key)!;
      expect(r.count).toBe(e.count);
      expect(r.times).toBe(`×${e.count}`);
      expect(r.badges.sort()).toEqual([...e.placements].sort());
    }
    expect(await view.locator('#recalls-h .count').textContent()).toBe(`(${trace.counts.recalls})`);
    // Its preamble recalls the series 58/208 … 75/226 and the other resolutions it names there.
    const preamble = await view
      .locator('#recalls .placement-preamble .edge')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key));
    for (const n of [
      '58/208',
      '59/241',
      '60/227',
      '61/208',
      '63/225',
      '65/170',
      '67/219',
      '69/229',
      '71/237',
      '73/241',
      '75/226',
      '68/4',
      '60/206',
      '62/156',
      '64/166',
      '66/172',
      '68/179',
      '69/167',
      '70/147',
      '72/179',
      '74/148',
      '76/172',
      '62/270',
      '70/1',
      '69/313',
    ]) {
      expect(preamble).toContain(`A/RES/${n}`);
    }
    // The Global Compact (73/195) and the Progress Declaration (76/266) stand in operative paragraphs.
    const operative = await view
      .locator('#recalls .placement-operative .edge')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key));
    expect(operative).toEqual(expect.arrayContaining(['A/RES/73/195', 'A/RES/76/266']));
    // Titles come from the index (a row of a known resolution is named).
    const gcm = (await rows(view, 'recalls')).find((r) => r.key === 'A/RES/73/195');
    expect(gcm?.title).toBe('Global Compact for Safe, Orderly and Regular Migration');
  });

  test('its series over the years: previous and next resolution on the same subject', async () => {
    const series = trace.series!;
    expect(series.keys).toContain('A/RES/77/176');
    const i = series.keys.indexOf('A/RES/77/176');
    expect(await view.locator('#series a[rel="prev"]').textContent()).toBe(series.keys[i - 1]);
    expect(await view.locator('#series a[rel="next"]').textContent()).toBe(series.keys[i + 1]);
    expect(await view.locator('#series [aria-current="true"]').getAttribute('data-key')).toBe('A/RES/77/176');
    expect(await view.locator('#series .series-list li').count()).toBe(series.keys.length);
    expect(await view.locator('#series .summary').textContent()).toBe(series.title);
  });

  test('every year of the series has its date and a title as the index writes it', async () => {
    const shown = await view.locator('#series .series-list li').evaluateAll((els) =>
      els.map((e) => ({
        key: (e as HTMLElement).dataset.key!,
        date: e.querySelector('.date')?.textContent ?? '',
        title: e.querySelector('.title')?.textContent ?? '',
      })),
    );
    // The older members are known from what later resolutions say of them ("resolution 58/208 of 23 December
    // 2003 on international migration and development"): the date is that one, the title the series' own.
    expect(shown.find((r) => r.key === 'A/RES/58/208')).toEqual({
      key: 'A/RES/58/208',
      date: '2003-12-23',
      title: 'International migration and development',
    });
    for (const r of shown) {
      expect(r.date, `${r.key} date`).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(r.title, `${r.key} title`).toMatch(/^\p{Lu}/u);
    }
  });

  test('the view names itself and the product in its title', async () => {
    expect(await view.title()).toBe('A/RES/77/176 — Trace citation — UN Citation Lens');
  });

  test('where the current page cites it: the page is the document itself', async () => {
    expect(await view.locator('#on-page .summary').textContent()).toMatch(
      /^This page is the document itself\./,
    );
  });

  test('sections are labelled regions and headings', async () => {
    for (const name of [/^What it recalls/, /^What cites it/, /^Series over the years/]) {
      expect(await view.getByRole('region', { name }).count()).toBe(1);
      expect(await view.getByRole('heading', { name }).count()).toBe(1);
    }
    expect(await view.getByRole('combobox', { name: 'Trace another citation' }).count()).toBe(1);
  });

  test('keyboard: Tab reaches a recalled resolution and Enter traces it', async () => {
    await view.bringToFront();
    await view.locator('body').focus();
    let focused = '';
    for (let i = 0; i < 40 && !focused.includes('key=A/RES/58/208'); i++) {
      await view.keyboard.press('Tab');
      focused = decodeURIComponent(
        await view.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href ?? ''),
      );
    }
    expect(focused).toContain('key=A/RES/58/208');
    await view.keyboard.press('Enter');
    await view.waitForURL(/key=A%2FRES%2F58%2F208/);
    await settled(view);
    expect(await view.locator('#item-card .card').getAttribute('data-key')).toBe('A/RES/58/208');
    const older = await h.request<Trace>(ext, 'trace', { key: 'A/RES/58/208' });
    expect((await rows(view, 'cited-by')).map((r) => r.key).sort()).toEqual(
      older.citedBy.map((e) => e.key).sort(),
    );
    await view.close();
  });
});

describe('an older resolution: what cites it', () => {
  test('A/RES/41/128 (Declaration on the Right to Development, 1986): every citing text, counts from the data', async () => {
    const trace = await h.request<Trace>(ext, 'trace', { key: 'A/RES/41/128' });
    expect(trace.citedBy.length).toBeGreaterThan(40);
    const view = await openView('?key=A/RES/41/128');
    expect(await view.locator('#cited-by-h .count').textContent()).toBe(`(${trace.counts.citedBy})`);
    const total = trace.citedBy.reduce((n, e) => n + e.count, 0);
    expect(await view.locator('#cited-by .summary').textContent()).toMatch(
      new RegExp(`^${trace.citedBy.length} documents, ${total} citations`),
    );
    // A long list starts short; "Show all" (keyboard) lists the rest and moves focus into it.
    expect((await rows(view, 'cited-by')).length).toBeLessThan(trace.citedBy.length);
    await view.getByRole('button', { name: `Show all ${trace.citedBy.length}` }).press('Enter');
    const shown = await rows(view, 'cited-by');
    expect(shown.map((r) => r.key).sort()).toEqual(trace.citedBy.map((e) => e.key).sort());
    for (const e of trace.citedBy) expect(shown.find((r) => r.key === e.key)?.count).toBe(e.count);
    // Most cited first.
    for (let i = 1; i < shown.length; i++)
      expect(shown[i - 1]!.count).toBeGreaterThanOrEqual(shown[i]!.count);
    expect(await view.evaluate(() => document.activeElement?.closest('#cited-by') !== null)).toBe(true);
    await view.close();
  });
});

describe('where the current page cites the item', () => {
  test('a jump button per mention scrolls the page to it and highlights it; the page marks the traced key', async () => {
    // The key the seed page cites most often.
    const mentions = await pageMentions();
    const byKey = new Map<string, typeof mentions>();
    for (const m of mentions) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
    const [key, mine] = [...byKey].sort((a, b) => b[1].length - a[1].length)[0]!;
    expect(mine.length).toBeGreaterThan(1);
    const view = await openView(`?key=${encodeURIComponent(key)}&tab=${tabId}`);
    expect(await view.locator('#on-page-h .count').textContent()).toBe(`(${mine.length})`);
    expect(await view.locator('#on-page .summary').textContent()).toBe(
      `Cited ${mine.length} times on the page; each button scrolls to that mention.`,
    );
    const jumps = view.locator('#on-page .jumps button');
    expect(await jumps.count()).toBe(mine.length);
    expect(await jumps.nth(1).getAttribute('data-index')).toBe(String(mine[1]!.index));
    expect(await jumps.nth(1).getAttribute('aria-label')).toBe(
      `Show “${mine[1]!.surface}” on the page (2 of ${mine.length})`,
    );
    await jumps.nth(1).press('Enter');
    await waitFor(
      async () => (await drawn(page, 'flash')).map((d) => d.text).join() === mine[1]!.surface,
      5000,
      'the highlight',
    );
    // traceOpened reached the page: each of its mentions of the key is highlighted.
    await waitFor(
      async () => (await drawn(page, 'traced')).length === mine.length,
      5000,
      'the traced highlights',
    );
    await view.close();
  });
});

test('a key the page cites once: "Cited once", not "Cited 1 times"', async () => {
  const mentions = await pageMentions();
  const once = mentions.find((m) => m.key && mentions.filter((x) => x.key === m.key).length === 1);
  expect(once).toBeDefined();
  const view = await openView(`?key=${encodeURIComponent(once!.key)}&tab=${tabId}`);
  expect(await view.locator('#on-page .summary').textContent()).toBe(
    'Cited once on the page; the button scrolls to that mention.',
  );
  await view.close();
});

describe('the "Trace citation" context-menu handler', () => {
  type Api = { onMenuClick: (i: unknown, t?: chrome.tabs.Tab) => Promise<string> | undefined };

  /** Calls the REGISTERED listener with a realistic OnClickData for the seed page's tab; returns the view. */
  async function click(info: Record<string, unknown>): Promise<Page> {
    const opened = h.context.waitForEvent('page', { timeout: 10_000 });
    const surface = await h.serviceWorker.evaluate(
      async ([data, id]) => {
        const api = (globalThis as unknown as { __unCitationLens: Api }).__unCitationLens;
        if (!chrome.contextMenus.onClicked.hasListener(api.onMenuClick as never)) return 'not registered';
        const tab = await chrome.tabs.get(id);
        // No user gesture from a test: Chrome refuses the side panel and the handler opens a tab instead.
        return api.onMenuClick({ menuItemId: 'trace-citation', editable: false, ...data }, tab);
      },
      [{ pageUrl: page.url(), ...info }, tabId] as const,
    );
    expect(surface).toBe('tab');
    const view = await opened;
    await view.waitForURL(/\/src\/trace\/index\.html/);
    await settled(view);
    return view;
  }

  test('on a selection in running text: traces its first citation, offers the others, marks the page', async () => {
    const view = await click({
      selectionText: 'Recalling its resolutions 58/208 of 23 December 2003, 59/241 of 22 December 2004',
    });
    expect(new URL(view.url()).searchParams.get('tab')).toBe(String(tabId));
    expect(await view.evaluate(() => document.body.dataset.key)).toBe('A/RES/58/208');
    expect(await view.locator('#item-card .card .heading').textContent()).toBe(
      'General Assembly resolution 58/208',
    );
    expect(await view.locator('#selection-keys a').allTextContents()).toEqual(['A/RES/59/241']);
    const surfaces = (await pageCitations(h, page))
      .filter((m) => m.key === 'A/RES/58/208')
      .map((m) => m.surface);
    await waitFor(
      async () => (await drawn(page, 'traced')).map((d) => d.text).join('|') === surfaces.join('|'),
      5000,
      'the page to highlight 58/208',
    );
    await view.close();
  });

  test('on a link to a UN document: traces the linked symbol', async () => {
    const view = await click({ linkUrl: 'https://undocs.org/en/S/RES/2334(2016)' });
    expect(await view.evaluate(() => document.body.dataset.key)).toBe('S/RES/2334(2016)');
    expect(await view.locator('#item-card .card .heading').textContent()).toMatch(
      /Security Council resolution 2334 \(2016\)/,
    );
    // The Council adopts no titles: the library's description is a labelled subject, not the title line.
    expect(await view.locator('#item-card .card .title').count()).toBe(0);
    expect(await view.locator('#item-card .card dl.facts').textContent()).toContain(SETTLEMENTS_2334.subject);
    await view.close();
  });

  test('on a selection with no citation: a clear message and a search prefilled with it', async () => {
    const view = await click({ selectionText: 'the Global Compact' });
    expect(await view.evaluate(() => document.body.dataset.state)).toBe('no-citation');
    expect(await view.getByRole('status').first().textContent()).toMatch(
      /^No UN citation was recognized in “the Global Compact”/,
    );
    const input = view.getByRole('combobox', { name: 'Trace another citation' });
    expect(await input.inputValue()).toBe('the Global Compact');
    expect(await view.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await waitFor(async () => (await view.locator('[role="option"]').count()) > 0, 10_000, 'results');
    const keys = await view
      .locator('[role="option"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key));
    const at = keys.indexOf('A/RES/73/195'); // the Global Compact for Safe, Orderly and Regular Migration
    expect(at).toBeGreaterThanOrEqual(0);
    // Arrows to it, Enter traces it in the same view.
    for (let i = 0; i < at; i++) await view.keyboard.press('ArrowDown');
    expect(await view.locator('[role="option"][aria-selected="true"]').getAttribute('data-key')).toBe(
      'A/RES/73/195',
    );
    await view.keyboard.press('Enter');
    await view.waitForURL(/key=A%2FRES%2F73%2F195/);
    await settled(view);
    expect(await view.evaluate(() => document.body.dataset.key)).toBe('A/RES/73/195');
    await view.close();
  });

  test('on the page itself: traces the document the page is (its identity)', async () => {
    const view = await click({});
    expect(await view.evaluate(() => document.body.dataset.key)).toBe(MIGRATION_77_176.key);
    expect(await view.locator('#item-card .card .title').textContent()).toBe(MIGRATION_77_176.title);
    await view.close();
  });

  test('on an annotated citation (no selection, no link): traces the citation under the right-click', async () => {
    await page.bringToFront();
    // A drawn citation outside any link (on a link Chrome's click data carries the link itself).
    const listed = await pageCitations(h, page);
    const outside = await page.evaluate(() => {
      const view = window as Window & { CSS: { highlights: Map<string, Set<AbstractRange>> } };
      const ranges: Range[] = [];
      for (const [n, set] of view.CSS.highlights)
        if (n.startsWith('un-cite-mark-')) for (const r of set) ranges.push(r as Range);
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      return ranges.map(
        (r) =>
          !r.commonAncestorContainer.parentElement?.closest('a') && !r.cloneContents().querySelector('a'),
      );
    });
    const index = listed.findIndex((m, i) => outside[i] && m.key !== 'A/RES/77/176');
    const key = listed[index]?.key;
    expect(key).toBeTruthy();
    await hoverMention(page, index);
    const box = (await drawn(page))[index]!.box!;
    // The contextmenu event the page sees before Chrome's menu.
    await page.mouse.click(box.x + Math.min(6, box.width / 2), box.y + box.height / 2, { button: 'right' });
    await page.keyboard.press('Escape');
    const view = await click({});
    expect(await view.evaluate(() => document.body.dataset.key)).toBe(key);
    await view.close();
  });
});

test('no console errors from any extension context', () => {
  h.expectNoErrors();
});

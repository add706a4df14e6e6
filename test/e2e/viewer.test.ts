/**
 * The PDF viewer in real Chromium, on PDFs made in this setup from real UN text (scripts/make-test-pdfs.mjs:
 * A/RES/77/176 with footnotes, running heads, job numbers, hyphenation and a symbol broken across lines; SC
 * resolution 2223 (2015); a text-less "scan"). Only local fixtures: the PDFs are served by the harness's server.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTestPdfs } from '../../scripts/make-test-pdfs.mjs';
import { findCitations } from '../../src/core/find';
import { defaultInstrumentMatcher } from '../../src/core/instruments/default-gazetteer';
import { readDev } from '../corpus';
import { shadowClick, shadowWait } from './closed-shadow';
import { FIXTURES, type Harness, launchExtension, startFixtureServer, waitFor } from './harness';
import { cardFacts, MIGRATION_58_208 } from './index-facts';
import { openChosen, settled, unPdfUrl } from './viewer-open';

interface Expected {
  identity: string;
  pages: number;
  furniture: string[];
  mentions: { kind: string; key: string; surface: string }[];
}

let h: Harness;
let dir: string;
const expected = new Map<string, Expected>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uncl-pdf-'));
  for (const m of makeTestPdfs(dir)) {
    if (m.expected) expected.set(m.name, JSON.parse(readFileSync(m.expected, 'utf8')) as Expected);
  }
  h = await launchExtension({ roots: { '': FIXTURES, 'pdf-gen/': dir } });
  // The worker builds its redirect rules when the extension installs; a navigation before them reaches the
  // browser's own PDF viewer (on a loaded machine, the first test's did).
  await waitFor(
    async () =>
      (await (await h.worker()).evaluate(() => chrome.declarativeNetRequest.getDynamicRules())).some(
        (r) => r.action.type === 'redirect',
      ),
    20_000,
    'the redirect rules',
  );
});

afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Goes to the PDF at a UN address, as a reader does: the browser's redirect opens it in the viewer. */
async function openPdf(name: string): Promise<Page> {
  const page = await h.newPage(unPdfUrl(h, `pdf-gen/${name}.pdf`));
  await settled(page);
  return page;
}

interface PageMarks {
  /** (kind, key) of each mention that starts on the page (its head mark). */
  pairs: string[];
  /** Text of every mark on the page. */
  marked: string[];
}

/**
 * Scrolls every page into view until it is rendered and annotated, and reads its marks then (pages far from
 * the viewport give their canvas and text layer back, so the marks are read page by page).
 */
async function annotateAll(page: Page): Promise<PageMarks[]> {
  const n = await page.locator('.page').count();
  const out: PageMarks[] = [];
  for (let i = 0; i < n; i++) {
    const el = page.locator('.page').nth(i);
    await el.scrollIntoViewIfNeeded();
    await waitFor(() => el.getAttribute('data-annotated'), 20_000, `page ${i + 1} annotated`);
    out.push(
      await el.evaluate((p) => ({
        pairs: [...p.querySelectorAll<HTMLElement>('.textLayer un-cite[data-un-head]')].map(
          (m) => `${m.dataset.unKind} ${m.dataset.unKey}`,
        ),
        marked: [...p.querySelectorAll('.textLayer un-cite')].map((m) => m.textContent ?? ''),
      })),
    );
  }
  return out;
}

/** The text the zoom box shows (its selected choice). */
function zoomShown(page: Page): Promise<string> {
  return page.locator('#zoom').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
}

const multiset = (xs: string[]) =>
  xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());

describe('viewer on A/RES/77/176 (7 pages, footnotes, running heads)', () => {
  let page: Page;
  let pairs: string[];
  let marks: PageMarks[];
  beforeAll(async () => {
    page = await openPdf('a-res-77-176');
    marks = await annotateAll(page);
    pairs = marks.flatMap((m) => m.pairs);
  });

  test('opens, reads its identity from the masthead, annotates the first page', async () => {
    expect(await page.evaluate(() => document.documentElement.dataset.viewerState)).toBe('ready');
    expect(await page.locator('#identity-key').textContent()).toBe('A/RES/77/176');
    expect(marks[0]!.pairs.length).toBeGreaterThan(20);
  });

  test('nothing is added and nothing lost against the finder on the same text as plain text', () => {
    // The viewer uses the finder with the shipped gazetteer; the plain text gets the same (default) gazetteer.
    const gold = multiset(expected.get('a-res-77-176')!.mentions.map((m) => `${m.kind} ${m.key}`));
    const text = readDev('seed-a-res-77-176.txt');
    const plain = multiset(
      findCitations(text, { gazetteer: defaultInstrumentMatcher() }).mentions.map(
        (m) => `${m.kind} ${m.key}`,
      ),
    );
    const got = multiset(pairs);
    // Added: more than both the gold and the plain-text reading allow (running heads, job numbers, markers).
    const extra = [...got].filter(([k, n]) => n > Math.max(gold.get(k) ?? 0, plain.get(k) ?? 0));
    expect(extra).toEqual([]);
    // Lost: a true mention (in the gold) that the plain-text reading finds and the PDF reading does not.
    const missing = [...plain]
      .map(([k, n]): [string, number] => [k, Math.min(n, gold.get(k) ?? 0) - (got.get(k) ?? 0)])
      .filter(([, n]) => n > 0);
    expect(missing).toEqual([]);
    expect(pairs.some((p) => p.endsWith(' A/RES/77/176'))).toBe(false);
    expect(pairs.length).toBeGreaterThanOrEqual(40);
  });

  test('a symbol broken across lines ("FCCC/CP/2015/10/Add." + "1") is one mention over two text-layer spans', async () => {
    await page.locator('.page').nth(1).scrollIntoViewIfNeeded();
    await waitFor(() => page.locator('.page').nth(1).getAttribute('data-annotated'), 20_000, 'page 2');
    const pieces = await page.evaluate(() => {
      const head = document.querySelector<HTMLElement>(
        'un-cite[data-un-key="FCCC/CP/2015/10/Add.1"][data-un-head]',
      );
      if (!head) return [];
      return [...document.querySelectorAll<HTMLElement>(`un-cite[data-un-id="${head.dataset.unId}"]`)].map(
        (m) => m.textContent,
      );
    });
    expect(pieces).toEqual(['FCCC/CP/2015/10/Add.', '1']);
  });

  test('page furniture is in the text layer but never marked', async () => {
    const marked = marks.flatMap((m) => m.marked).join(' ');
    expect(marked).not.toMatch(/22-28767|\d\/7\b/);
    const layerText = await page.locator('.page').nth(1).locator('.textLayer').textContent();
    expect(layerText).toContain('22-28767');
  });

  test('hovering a citation shows its card', async () => {
    await page.locator('.page').first().scrollIntoViewIfNeeded();
    const mark = page.locator('un-cite[data-un-key="A/RES/58/208"][data-un-head]');
    await mark.hover();
    const card = page.locator('un-cite-card .card');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await card.getAttribute('data-key')).toBe('A/RES/58/208');
    expect(await card.locator('.heading').textContent()).toContain('58/208');
    // What the index knows of it (the subject its citing texts give), so the viewer reached the worker's index.
    await waitFor(async () => (await card.getAttribute('data-status')) === 'known', 10_000, 'known');
    expect((await cardFacts(card))['On (as cited)']).toBe(MIGRATION_58_208.subject);
  });

  test('keyboard: a citation is a focus stop and Enter opens its card', async () => {
    await page.keyboard.press('Escape');
    await page.locator('un-cite[data-un-key="A/RES/59/241"][data-un-head]').focus();
    await page.keyboard.press('Enter');
    const card = page.locator('un-cite-card .card');
    await waitFor(
      async () => (await card.getAttribute('data-key')) === 'A/RES/59/241',
      10_000,
      'card for 59/241',
    );
    await page.keyboard.press('Escape');
  });

  test('find in page finds text across line breaks and hyphenation', async () => {
    await page.locator('#find').fill('achievements of the Millennium');
    await page.locator('#find').press('Enter');
    await waitFor(
      async () => /1 of 1/.test((await page.locator('#find-count').textContent()) ?? ''),
      10_000,
      'find',
    );
    expect(await page.locator('un-find-hit.current').count()).toBeGreaterThan(0);
    await page.locator('#find').fill('FCCC/CP/2015/10/Add.1');
    await page.locator('#find').press('Enter');
    await waitFor(
      async () => /1 of 1/.test((await page.locator('#find-count').textContent()) ?? ''),
      10_000,
      'find 2',
    );
  });

  test('page navigation and zoom', async () => {
    // The later page with the most citations: after the zoom its marks must be back.
    const target = marks.reduce(
      (best, m, i) => (i > 0 && m.pairs.length > marks[best]!.pairs.length ? i : best),
      1,
    );
    const slot = page.locator('.page').nth(target);
    await page.locator('#page-number').fill(String(target + 1));
    await page.locator('#page-number').press('Enter');
    await waitFor(() => slot.getAttribute('data-annotated'), 10_000, 'target page annotated');
    const top = await slot.evaluate((e) => Math.round(e.getBoundingClientRect().top));
    expect({ target, top: Math.abs(top) < 400 }).toEqual({ target, top: true });
    await page.locator('#next-page').click();
    await waitFor(
      async () =>
        (await page.locator('#page-number').inputValue()) === String(Math.min(target + 2, marks.length)),
      5_000,
      'next page',
    );
    await page.locator('#prev-page').click();
    await waitFor(
      async () => (await page.locator('#page-number').inputValue()) === String(target + 1),
      5_000,
      'previous page',
    );
    const before = await page
      .locator('.page')
      .first()
      .evaluate((e) => e.getBoundingClientRect().width);
    // "Page width" fills the 1280-px window; 100 % is the PDF's own 595 pt = 595 CSS px.
    await page.locator('#zoom').selectOption('1');
    const after = await page
      .locator('.page')
      .first()
      .evaluate((e) => e.getBoundingClientRect().width);
    expect(before).toBeGreaterThan(1000);
    expect(Math.round(after)).toBe(595);
    await page.locator('#zoom-in').click();
    const bigger = await page
      .locator('.page')
      .first()
      .evaluate((e) => e.getBoundingClientRect().width);
    expect(Math.round(bigger)).toBe(654); // floor(595 × 1.1): + steps 100 % → 110 %
    expect(await zoomShown(page)).toBe('110%');
    await waitFor(
      async () => (await slot.locator('un-cite[data-un-head]').count()) === marks[target]!.pairs.length,
      10_000,
      'the same marks after zoom',
    );
  });

  test('the zoom box always shows the zoom: "Page width" with its scale, every step of − and + as a percentage', async () => {
    await page.locator('#zoom').selectOption('page-width');
    // 1280-px window: the page fills 1280 − 48 px of 595 pt, 207 %.
    expect(await zoomShown(page)).toBe('Page width (207%)');
    for (const [button, shown] of [
      ['#zoom-in', '250%'],
      ['#zoom-in', '300%'],
      ['#zoom-in', '400%'],
      ['#zoom-in', '500%'],
      ['#zoom-in', '500%'], // the largest zoom: + changes nothing, and the box still says so
      ['#zoom-out', '400%'],
    ] as const) {
      await page.locator(button).click();
      await waitFor(
        async () => (await zoomShown(page)) === shown,
        5_000,
        `zoom box "${shown}" after ${button}`,
      );
      const scale = await page.evaluate(
        () => (globalThis as unknown as { __unViewer: { scale: number } }).__unViewer.scale,
      );
      expect(`${Math.round(scale * 100)}%`).toBe(shown);
    }
    await page.locator('#zoom').selectOption('page-width');
  });

  test('"Off for this document" on a card can be undone from the notice it leaves', async () => {
    const mark = page.locator('.page').first().locator('un-cite[data-un-head]').first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    const card = page.locator('.card[role="dialog"]');
    await card.waitFor({ timeout: 10_000 });
    const off = card.locator('button.site-off');
    // The viewer switches one document off, and its button says so (not "Off for this site").
    expect(await off.textContent()).toBe('Off for this document');
    await off.click();
    expect(await page.evaluate(() => document.body.classList.contains('citations-off'))).toBe(true);
    const toast = page.locator('un-cite-toast .toast');
    await toast.waitFor({ timeout: 5_000 });
    expect(await toast.locator('.toast-text').textContent()).toBe('Citations are off in this document.');
    // The Undo button has the focus: Enter undoes at once.
    expect(
      await toast
        .locator('button.undo')
        .evaluate(
          (b) => b.getRootNode() instanceof ShadowRoot && (b.getRootNode() as ShadowRoot).activeElement === b,
        ),
    ).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.body.classList.contains('citations-off'))).toBe(false);
    expect(await page.locator('un-cite-toast').count()).toBe(0);
    await page.mouse.move(0, 0);
  });

  test('the original is one click away', async () => {
    expect(await page.locator('#original').getAttribute('href')).toBe(
      unPdfUrl(h, 'pdf-gen/a-res-77-176.pdf'),
    );
  });
});

test('viewer on S/RES/2223 (2015): annotated keys match the gold exactly', async () => {
  const page = await openPdf('s-res-2223-2015');
  const marks = await annotateAll(page);
  expect(await page.locator('#identity-key').textContent()).toBe('S/RES/2223(2015)');
  const gold = expected.get('s-res-2223-2015')!.mentions.map((m) => `${m.kind} ${m.key}`);
  expect(marks.flatMap((m) => m.pairs).sort()).toEqual([...gold].sort());
  await page.close();
});

test('a PDF without a text layer says so and links the original', async () => {
  const page = await openPdf('scan');
  expect(await page.evaluate(() => document.documentElement.dataset.viewerState)).toBe('no-text');
  expect(await page.locator('#message').textContent()).toMatch(/no text layer/);
  expect(await page.locator('#message a').getAttribute('href')).toBe(unPdfUrl(h, 'pdf-gen/scan.pdf'));
  // The pages are there (zoom and paging work); find has no text to search.
  expect(await page.locator('#zoom-in').isDisabled()).toBe(false);
  expect(await page.locator('#find').isDisabled()).toBe(true);
  await page.close();
});

test('"Open with citations" on an undocs.org landing page opens the framed PDF in the viewer', async () => {
  // With "open UN PDFs in the viewer" off: on (the default), the page would go to the viewer by itself.
  const sw = await h.worker();
  await sw.evaluate(() => chrome.storage.sync.set({ settings: { version: 2, openPdfsInViewer: false } }));
  const landing = await h.newPage(h.unUrl('pdf/landing.html', 'undocs.org'));
  // The control's shadow root is closed (closed-shadow.ts reads it as DevTools does).
  await shadowWait(landing, 'un-cite-open-pdf', 'button', 20_000);
  const opened = h.context.waitForEvent('page', { timeout: 20_000 });
  await shadowClick(landing, 'un-cite-open-pdf', 'button');
  const viewer = await opened;
  await viewer.waitForLoadState('domcontentloaded');
  const url = new URL(viewer.url());
  expect(url.href.startsWith(h.extUrl('src/viewer/index.html'))).toBe(true);
  expect(url.searchParams.get('file')).toBe('https://documents.un.org/__fixtures__/pdf-gen/a-res-77-176.pdf');
  await viewer.close();
  await landing.close();
  await sw.evaluate(() => chrome.storage.sync.remove('settings'));
});

test('on a Digital Library record the control offers the file in the page language', async () => {
  const record = await h.newPage(h.unUrl('pdf/dl-record.html', 'digitallibrary.un.org'));
  const button = await shadowWait(record, 'un-cite-open-pdf', 'button', 20_000);
  expect(button.attrs['data-file']).toBe(
    'https://digitallibrary.un.org/record/3999254/files/A_RES_77_176-FR.pdf',
  );
  await record.close();
});

test('with "open UN PDFs in the viewer" on, the landing page turns into the viewer by itself', async () => {
  const sw = await h.worker();
  await sw.evaluate(() =>
    (globalThis as unknown as { chrome: typeof chrome }).chrome.storage.sync.set({
      settings: { version: 2, openPdfsInViewer: true },
    }),
  );
  try {
    const page = await h.newPage(h.unUrl('pdf/landing.html', 'undocs.org'));
    await waitFor(
      () => page.url().startsWith(h.extUrl('src/viewer/index.html')),
      20_000,
      'viewer in the same tab',
    );
    expect(new URL(page.url()).searchParams.get('file')).toBe(
      'https://documents.un.org/__fixtures__/pdf-gen/a-res-77-176.pdf',
    );
    await page.close();
  } finally {
    await sw.evaluate(() =>
      (globalThis as unknown as { chrome: typeof chrome }).chrome.storage.sync.remove('settings'),
    );
  }
});

test('right-click "Open with citations" on a PDF link: registered, listening, opens the viewer', async () => {
  const sw = await h.worker();
  const pdf = h.server.url('pdf-gen/s-res-2223-2015.pdf');
  const check = await sw.evaluate(async () => {
    const api = (globalThis as unknown as { __unCitationLens: Record<string, unknown> }).__unCitationLens;
    const id = api.VIEWER_MENU_ID as string;
    const c = (globalThis as unknown as { chrome: typeof chrome }).chrome;
    const update = (menuId: string) =>
      new Promise<string>((ok) =>
        c.contextMenus.update(menuId, {}, () => ok(c.runtime.lastError?.message ?? 'ok')),
      );
    return {
      registered: await update(id),
      control: await update('no-such-item'),
      listening: c.contextMenus.onClicked.hasListener(api.onViewerMenuClick as never),
    };
  });
  expect(check.registered).toBe('ok');
  expect(check.control).toMatch(/Cannot find menu item/);
  expect(check.listening).toBe(true);
  const viewer = await openChosen(h, pdf);
  await waitFor(
    () => viewer.evaluate(() => document.documentElement.dataset.viewerState === 'ready'),
    30_000,
  );
  expect(await viewer.locator('#identity-key').textContent()).toBe('S/RES/2223(2015)');
  await viewer.close();
});

/** Opens the viewer on `file` and waits for it to give up; returns the page. */
async function openFailing(file: string): Promise<Page> {
  // Addresses off the UN sites: the viewer fetches them only when the user chose them from a link's menu.
  const page = await openChosen(h, file);
  await waitFor(() => page.evaluate(() => document.documentElement.dataset.viewerState === 'error'), 20_000);
  return page;
}

/** What the message box offers: its links and buttons by their text. */
function offers(page: Page): Promise<string[]> {
  return page.locator('#message a, #message button').allTextContents();
}

/** With no document, nothing that needs one is offered: no "Trace citation", pages, zoom and find disabled. */
async function expectNothingToAct(page: Page): Promise<void> {
  expect(await page.locator('#trace-doc').isVisible()).toBe(false);
  for (const id of [
    'prev-page',
    'next-page',
    'page-number',
    'zoom-out',
    'zoom',
    'zoom-in',
    'find',
    'find-next',
  ])
    expect(await page.locator(`#${id}`).isDisabled(), `#${id} disabled`).toBe(true);
}

test('a PDF that is not there (404) says so, and offers nothing that could not help', async () => {
  const page = await openFailing(h.server.url('pdf-gen/missing.pdf'));
  expect(await page.locator('#message').textContent()).toBe(
    'There is no PDF at this address (the server answered 404: not found). The link may be wrong, or the document may have moved.',
  );
  // Not the permission button (the server answered: permission is not what is missing), not "Try again".
  expect(await offers(page)).toEqual([]);
  await expectNothingToAct(page);
  await page.close();
});

test('a file that is not a PDF says so and links the original', async () => {
  const html = h.server.url('pages/seed-a-res-77-176.html');
  const page = await openFailing(html);
  expect(await page.locator('#message').textContent()).toMatch(
    /^This file is not a PDF, so the viewer cannot show it\./,
  );
  expect(await offers(page)).toEqual(['Open the original']);
  expect(await page.locator('#message a').getAttribute('href')).toBe(html);
  await expectNothingToAct(page);
  await page.close();
});

test('a server that does not answer: "could not be downloaded" and "Try again", not a permission', async () => {
  // A port nobody listens on (the fixture server's, closed again).
  const gone = await startFixtureServer();
  const url = gone.url('doc.pdf');
  await gone.close();
  const page = await openFailing(url);
  expect(await page.locator('#message').textContent()).toMatch(
    /^The PDF could not be downloaded: the server did not answer\. Check the connection and try again\./,
  );
  expect(await offers(page)).toEqual(['Open the original', 'Try again']);
  await expectNothingToAct(page);
  await page.close();
  // The failed requests themselves are logged by the browser (404, refused connection); anything else is a
  // real error.
  h.expectNoErrors([
    /404|Failed to load resource|Missing PDF|Unexpected server response|CORS policy|Failed to fetch|ERR_CONNECTION_REFUSED|Invalid PDF/,
  ]);
});

/**
 * Where UN PDFs open, in real Chromium, doing what the user does: a navigation (page.goto, a click on a link)
 * to a UN PDF address lands in the viewer with its marks, and the browser's own PDF viewer never gets the
 * document (the redirect happens before the request leaves: the server never sees a document request for it);
 * the toolbar's way out opens the browser's viewer and the next visit to that site stays there (no loop) until
 * the options page takes the site off the list; the option off means no redirect; a viewer address with a
 * non-UN file fetches nothing unless the user chose that file from a link's menu.
 *
 * UN addresses are answered in the browser from local fixtures (Playwright routing, as the harness does for
 * `__fixtures__` paths), here at the addresses the UN really uses; every request that reaches the routing
 * is logged with its resource type, which is how "the browser's viewer did not load it" is seen.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTestPdfs } from '../../scripts/make-test-pdfs.mjs';
import { FIXTURES, type Harness, launchExtension, waitFor } from './harness';
import { shoot } from './surfaces';
import { openChosen, settled } from './viewer-open';

const ODS = 'https://documents.un.org/doc/undoc/gen/n22/760/32/pdf/n2276032.pdf';
const SYMBOL = 'https://documents.un.org/api/symbol/access?s=S/RES/2223(2015)&l=en&t=pdf';
const SYMBOL_WORD = 'https://documents.un.org/api/symbol/access?s=A/RES/77/176&l=en&t=doc';
const DL_FILE = 'https://digitallibrary.un.org/record/3999254/files/A_RES_77_176-EN.pdf';
/** A UN PDF address whose server answers with an HTML page (a moved document, an error page). */
const NOT_A_PDF = 'https://documents.un.org/doc/undoc/gen/n99/999/99/pdf/n9999999.pdf';

let h: Harness;
let dir: string;
/** Requests that reached the (routed) UN servers: address and resource type (`document` = a tab loading it). */
const seen: { url: string; type: string }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uncl-open-'));
  makeTestPdfs(dir);
  h = await launchExtension({ roots: { '': FIXTURES, 'pdf-gen/': dir } });
  const pdf = (name: string) => ({ contentType: 'application/pdf', body: readFileSync(join(dir, name)) });
  const answers = new Map<string, { contentType: string; body: Buffer | string }>([
    [ODS, pdf('a-res-77-176.pdf')],
    [SYMBOL, pdf('s-res-2223-2015.pdf')],
    [DL_FILE, pdf('a-res-77-176.pdf')],
    [SYMBOL_WORD, { contentType: 'application/msword', body: 'not a PDF: a Word file' }],
    [
      NOT_A_PDF,
      { contentType: 'text/html', body: '<!doctype html><title>Moved</title><p>This document moved.' },
    ],
  ]);
  await h.context.route(/^https:\/\/(?:documents|digitallibrary)\.un\.org\/(?:doc|api|record)\//, (route) => {
    const req = route.request();
    seen.push({ url: req.url(), type: req.resourceType() });
    const a = answers.get(req.url());
    return a
      ? route.fulfill({ status: 200, ...a })
      : route.fulfill({ status: 404, contentType: 'text/plain', body: 'none' });
  });
  // The worker installs the rules when the extension is installed; a user's first click comes later than this.
  await rulesSettle(true);
});

afterAll(async () => {
  h?.expectNoErrors([/Failed to load resource|Invalid PDF|ERR_ABORTED/]);
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const viewerPage = () => h.extUrl('src/viewer/index.html');
const documentLoads = (url: string) => seen.filter((r) => r.url === url && r.type === 'document').length;

/** Waits for the tab to be in the viewer, and for the viewer to show its first page with its marks. */
async function inViewerWithMarks(page: Page): Promise<number> {
  await waitFor(() => page.url().startsWith(viewerPage()), 20_000, 'the viewer');
  expect(await settled(page)).toBe('ready');
  const first = page.locator('.page').first();
  await waitFor(() => first.getAttribute('data-annotated'), 20_000, 'page 1 annotated');
  return first.locator('.textLayer un-cite[data-un-head]').count();
}

/** The settings as stored (what the options page and the worker read). */
function stored(): Promise<{ openPdfsInViewer?: boolean; browserPdfSites?: string[] }> {
  return h.serviceWorker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings ?? {});
}

/** Waits until the browser's redirect rules say `on` (some rules) or off (none), excluding `excluded`. */
async function rulesSettle(on: boolean, excluded: string[] = []): Promise<void> {
  await waitFor(
    async () => {
      const rules = await (await h.worker()).evaluate(() => chrome.declarativeNetRequest.getDynamicRules());
      if (!on) return rules.length === 0;
      const redirects = rules.filter((r) => r.action.type === 'redirect');
      return (
        redirects.length > 0 &&
        redirects.every(
          (r) => JSON.stringify(r.condition.excludedRequestDomains ?? []) === JSON.stringify(excluded),
        )
      );
    },
    10_000,
    `redirect rules ${on ? 'on' : 'off'} excluding [${excluded}]`,
  );
}

describe('a navigation to a UN PDF opens the viewer, by default', () => {
  test('documents.un.org /doc/undoc/… : the viewer with marks, and the browser never loads the PDF as a page', async () => {
    const page = await h.newPage(ODS);
    const marks = await inViewerWithMarks(page);
    expect(marks).toBeGreaterThan(20);
    expect(await page.locator('#identity-key').textContent()).toBe('A/RES/77/176');
    // The viewer has the original address, verbatim.
    expect(new URL(page.url()).search).toBe(`?url=${ODS}`);
    expect(documentLoads(ODS)).toBe(0);
    // The viewer itself fetched it.
    expect(seen.some((r) => r.url === ODS && r.type !== 'document')).toBe(true);
    await page.close();
  });

  test('a click on a documents.un.org symbol link (api/symbol/access, t=pdf) in a page', async () => {
    h.server.add(
      'pages/pdf-links.html',
      `<!doctype html><meta charset="utf-8"><title>Links</title><p><a id="sym" href="${SYMBOL}">S/RES/2223 (2015)</a></p>`,
    );
    const page = await h.newPage(h.unUrl('pages/pdf-links.html'));
    await page.click('#sym');
    expect(await inViewerWithMarks(page)).toBeGreaterThan(0);
    expect(await page.locator('#identity-key').textContent()).toBe('S/RES/2223(2015)');
    expect(new URL(page.url()).search).toBe(`?url=${SYMBOL}`);
    expect(documentLoads(SYMBOL)).toBe(0);
    await page.close();
  });

  test('a Digital Library file', async () => {
    const page = await h.newPage(DL_FILE);
    expect(await inViewerWithMarks(page)).toBeGreaterThan(20);
    expect(documentLoads(DL_FILE)).toBe(0);
    await page.close();
  });

  test('the symbol address asking for a Word file is not a PDF: not redirected', async () => {
    const page = await h.newPage();
    await page.goto(SYMBOL_WORD).catch(() => {}); // a download ends the navigation
    expect(documentLoads(SYMBOL_WORD)).toBe(1);
    expect(page.url().startsWith(viewerPage())).toBe(false);
    await page.close();
  });
});

describe("the way out to the browser's PDF viewer", () => {
  test('is in the toolbar, opens the original address, and the next visit to that site stays there', async () => {
    const page = await h.newPage(ODS);
    await inViewerWithMarks(page);
    const wayOut = page.locator('.toolbar #original');
    expect(await wayOut.isVisible()).toBe(true);
    expect(await wayOut.textContent()).toBe("Open in the browser's PDF viewer");
    const before = documentLoads(ODS);
    await wayOut.click();
    // The tab loads the PDF itself this time (the browser's viewer, or its download in a headless browser).
    await waitFor(() => documentLoads(ODS) > before, 20_000, 'the PDF loaded as a page');
    expect((await stored()).browserPdfSites).toEqual(['documents.un.org']);
    await rulesSettle(true, ['documents.un.org']);
    await page.waitForTimeout(500); // a redirect back (the loop this guards against) would happen by now
    expect(page.url().startsWith(viewerPage())).toBe(false);
    await page.close();

    // The next visit to that site: no viewer. Another UN site (the Digital Library) still opens in it.
    const next = await h.newPage();
    await next.goto(SYMBOL).catch(() => {});
    expect(documentLoads(SYMBOL)).toBe(1);
    expect(next.url().startsWith(viewerPage())).toBe(false);
    await next.goto(DL_FILE);
    await waitFor(() => next.url().startsWith(viewerPage()), 20_000, 'the viewer for the Digital Library');
    await next.close();
  });

  test('the options page lists the site, and removing it brings the viewer back', async () => {
    const options = await h.newPage(h.extUrl('src/options/index.html'));
    const item = options.locator('#browser-pdf-sites li', { hasText: 'documents.un.org' });
    await waitFor(() => item.isVisible(), 10_000, 'the site in the options');
    await item.scrollIntoViewIfNeeded();
    await shoot(h, options, 'options-browser-pdf-sites');
    await item
      .getByRole('button', { name: 'Open PDFs from documents.un.org in the citation viewer again' })
      .click();
    await waitFor(async () => (await stored()).browserPdfSites?.length === 0, 10_000, 'the list emptied');
    expect(await options.locator('#browser-pdf-sites li').textContent()).toMatch(/^None/);
    await rulesSettle(true, []);
    await options.close();
    const page = await h.newPage(ODS);
    await inViewerWithMarks(page);
    await page.close();
  });
});

describe('the way out in a new tab, as a reader opens links', () => {
  // A Ctrl-click used to be left to the browser: the new tab asked for the UN address, and the redirect sent it
  // straight back to the viewer.
  test('Ctrl-click opens the PDF at its own address in a new tab, remembers nothing, and this tab stays', async () => {
    const page = await h.newPage(DL_FILE);
    await inViewerWithMarks(page);
    /** The browser's tabs (the extension's view of them: a tab that failed to load still shows its address). */
    const tabs = () =>
      h.serviceWorker.evaluate(async () =>
        (await chrome.tabs.query({})).map((t) => ({ id: t.id, url: t.url ?? '' })),
      );
    const count = (await tabs()).length;
    await page.locator('.toolbar #original').click({ modifiers: ['Control'] });
    // The new tab asks for the file at its own address. (The test's routing does not reach a tab the extension
    // opens, so here the request goes to the network and fails; a redirect would have shown the viewer.)
    await waitFor(async () => (await tabs()).length > count, 20_000, 'a new tab');
    await waitFor(
      async () => (await tabs()).some((t) => t.url === DL_FILE),
      20_000,
      'a tab at the PDF’s address',
    );
    await page.waitForTimeout(500); // a redirect back would happen by now
    const all = await tabs();
    expect(all.filter((t) => t.url === DL_FILE)).toHaveLength(1);
    expect(all.filter((t) => t.url === page.url())).toHaveLength(1); // the viewer's own tab, still there
    expect(page.url().startsWith(viewerPage())).toBe(true);
    expect((await stored()).browserPdfSites ?? []).toEqual([]);
    await rulesSettle(true, []);
    const opened = all.find((t) => t.url === DL_FILE)!;
    await h.serviceWorker.evaluate((id) => chrome.tabs.remove(id!), opened.id);
    await page.close();
  });
});

test('with the option off (its checkbox on the options page), UN PDFs are not redirected', async () => {
  const options = await h.newPage(h.extUrl('src/options/index.html'));
  const box = options.locator('#open-pdfs');
  await waitFor(() => box.isChecked(), 10_000, 'the option on by default');
  await box.uncheck();
  await waitFor(async () => (await stored()).openPdfsInViewer === false, 10_000, 'the option saved');
  await rulesSettle(false);
  const before = documentLoads(ODS);
  const page = await h.newPage();
  await page.goto(ODS).catch(() => {});
  expect(documentLoads(ODS)).toBe(before + 1);
  await page.waitForTimeout(500);
  expect(page.url().startsWith(viewerPage())).toBe(false);
  await page.close();
  await box.check();
  await rulesSettle(true, []);
  await options.close();
});

describe('the viewer fetches only UN PDFs unless the user chose the file', () => {
  let server: Server;
  let hits: string[];
  let origin: string;
  beforeAll(async () => {
    hits = [];
    const body = readFileSync(join(dir, 's-res-2223-2015.pdf'));
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/pdf', 'access-control-allow-origin': '*' });
      res.end(body);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  test.each([
    ['?file=', 'file', (f: string) => `?file=${encodeURIComponent(f)}`],
    ['?url=', 'url', (f: string) => `?url=${f}`],
  ])(
    'a typed or page-supplied viewer address (%s) with a non-UN file: refused, nothing fetched',
    async (_, name, q) => {
      const file = `${origin}/elsewhere.pdf`;
      const page = await h.newPage(`${viewerPage()}${q(file)}`);
      expect(await settled(page)).toBe('refused');
      expect(await page.locator('#message').textContent()).toContain(
        `${new URL(origin).host} is not a United Nations site`,
      );
      expect(await page.locator('#message a').getAttribute('href')).toBe(file);
      await page.waitForTimeout(300);
      expect(hits).toEqual([]);
      await shoot(h, page, `viewer-refused-${name}`);
      await page.close();
    },
  );

  test('the same kind of file chosen with "Open with citations" on its link opens', async () => {
    const file = `${origin}/chosen.pdf`;
    const page = await openChosen(h, file);
    expect(await inViewerWithMarks(page)).toBeGreaterThan(0);
    expect(hits).toContain('/chosen.pdf');
    // Reloading the viewer keeps it open (the choice lasts the session), another file is still refused.
    await page.reload();
    expect(await settled(page)).toBe('ready');
    await page.goto(`${viewerPage()}?file=${encodeURIComponent(`${origin}/other.pdf`)}`);
    expect(await settled(page)).toBe('refused');
    expect(hits).not.toContain('/other.pdf');
    await page.close();
  });
});

test('a UN address that is not a PDF: the viewer says so, and "Open the original" reaches it without coming back', async () => {
  const page = await h.newPage(NOT_A_PDF);
  await waitFor(() => page.url().startsWith(viewerPage()), 20_000, 'the viewer');
  expect(await settled(page)).toBe('error');
  expect(await page.locator('#message').textContent()).toMatch(/^This file is not a PDF/);
  const link = page.locator('#message a', { hasText: 'Open the original' });
  expect(await link.getAttribute('href')).toBe(NOT_A_PDF);
  const opened = h.context.waitForEvent('page', { timeout: 20_000 });
  await link.click();
  const original = await opened;
  await original.waitForLoadState('domcontentloaded');
  await original.waitForTimeout(500);
  expect(original.url()).toBe(NOT_A_PDF);
  expect(documentLoads(NOT_A_PDF)).toBe(1);
  await original.close();
  await page.close();
});

test('a page that frames the viewer gets an empty frame: nothing fetched, no way out to click unseen', async () => {
  const before = seen.filter((r) => r.url === ODS).length;
  h.server.add(
    'pages/frames-viewer.html',
    `<!doctype html><meta charset="utf-8"><title>Frame</title><iframe id="f" src="${viewerPage()}?url=${ODS}"></iframe>`,
  );
  const page = await h.newPage(h.unUrl('pages/frames-viewer.html'));
  const frame = (await waitFor(
    () => page.frames().find((f) => f.url().startsWith(viewerPage())),
    10_000,
    'the framed viewer',
  ))!;
  await frame.waitForLoadState('load');
  await page.waitForTimeout(1000);
  expect(await frame.evaluate(() => document.documentElement.dataset.viewerState ?? 'none')).toBe('none');
  expect(await frame.locator('#original').count()).toBe(0);
  expect(seen.filter((r) => r.url === ODS).length).toBe(before);
  await page.close();
});

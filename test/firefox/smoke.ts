/**
 * Headless Firefox smoke test of dist/firefox (run by `npm test`; alone: `npm run build && npm run test:firefox`).
 *
 * puppeteer-core drives the system Firefox over WebDriver BiDi and installs the build as a temporary add-on
 * (`browser.installExtension`): no Xvfb, no geckodriver. The add-on gets a fixed moz-extension UUID
 * (`extensions.webextensions.uuids`) so that the test can open one of its own pages. The fixture page must be
 * on a host in the manifest's content-script matches: Firefox resolves `www.un.org` to 127.0.0.1 for this
 * profile only (`network.dns.localDomains`), so `http://www.un.org:<port>/…` reaches the local fixture server
 * and nothing goes to the network.
 *
 * Each check is one test; they run in order and a check that cannot run because an earlier one failed counts
 * as failed, so the count is the same on every run. The checks:
 *   1. the add-on installs;
 *   2. a `ping` from the add-on's options page comes back from the real background script (the event page,
 *      the same code as Chrome's worker) with the built version;
 *   3. a `lookup` through the same channel answers from the bundled index: the title of A/RES/73/195 in data/;
 *   4. the content script highlights "resolution 73/195" on a UN page whose text has neither title nor vote
 *      (a range of its `un-cite-mark-*` entry in the page's `CSS.highlights`: the page's DOM gets no element);
 *   5. the real pointer dwelling on that range opens a card whose title is that title (it can only come from
 *      the index);
 *   6. the card shows the recorded vote from data/;
 *   7. with the card open, the page's DOM as its own scripts see it is the page's: the attributes of `<html>` and
 *      `body.innerHTML` are those of the page's HTML parsed without the extension (the extension keeps its state
 *      in its content script's world; its only node, the card's host, is outside `<body>`);
 *   8. no console error on the page;
 *   9. a navigation to a UN PDF address (documents.un.org, resolved locally too, served over HTTPS with a
 *      certificate made for the run: {@link startPdfServer}) lands in the add-on's viewer by the
 *      declarativeNetRequest redirect, which opens the file and annotates its first page.
 * The card lives in a CLOSED shadow root, which no page script (puppeteer's `evaluate`, `pierce/` selectors)
 * can enter; WebDriver BiDi can: a node serialized with `includeShadowTree: 'all'` carries its shadow root,
 * closed or not, and that root can be passed back as an argument (see {@link readCard}).
 * It prints `firefox smoke: N passed, M failed` and writes test-results/firefox-smoke.json (read by
 * scripts/test.mjs); exits 1 when any check failed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from '../../scripts/find-browser.mjs';
import { CHANNEL } from '../../src/shared/protocol';
import { FIXTURES, ROOT, startFixtureServer } from '../e2e/harness';
import { GLOBAL_COMPACT } from '../e2e/index-facts';

// An absolute path: Firefox's webExtension.install refuses a relative one.
const DIST = join(ROOT, 'dist', 'firefox');
/** Where scripts/test.mjs reads the counts. */
const SMOKE_REPORT = join(ROOT, 'test-results', 'firefox-smoke.json');
const HOST = 'www.un.org';
/** Where the UN publishes PDFs: a navigation there must land in the add-on's viewer (declarativeNetRequest). */
const PDF_HOST = 'documents.un.org';
const PDF_PATH = '/doc/undoc/gen/n26/000/00/pdf/smoke.pdf';
/** A fixed moz-extension UUID for the add-on (any valid UUID; Firefox otherwise picks a random one). */
const UUID = '5b0f6a5e-3c1d-4d0e-9a57-1e2f3a4b5c6d';
// The page cites the resolution by number only: the title and the vote on the card cannot come from it.
const SENTENCE = 'Recalling its resolution 73/195 of 19 December 2018,';
const PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>smoke</title><p id="t">${SENTENCE}</p>`;

interface Reply<T> {
  ok: boolean;
  value?: T;
  error?: { code: string; message?: string };
}

/** What the content script's card shows, read from its shadow root. */
interface CardSeen {
  status: string;
  title: string;
  facts: Record<string, string>;
}

interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

const checks: Check[] = [];
const NAMES = [
  'the add-on installs',
  'ping: a protocol round trip through the background script',
  'lookup answers from the bundled index (title of A/RES/73/195)',
  'the content script highlights resolution 73/195 on a UN page',
  'the hover card shows the title from the index',
  'the hover card shows the recorded vote from the index',
  "the page's <html> attributes and body are unchanged, card open",
  'no console errors on the page',
  'a UN PDF address opens in the viewer (redirect), its first page drawn and annotated',
] as const;

function record(name: (typeof NAMES)[number], ok: boolean, detail?: string): void {
  checks.push({ name, ok, ...(detail ? { detail } : {}) });
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${name}${detail ? `: ${detail}` : ''}`);
}

/** Sends a protocol message from an extension page, as the popup and the trace view do. */
async function send<T>(page: Page, type: string, payload: unknown): Promise<Reply<T>> {
  return page.evaluate(
    async (c, t, p) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      try {
        return await api.runtime.sendMessage({ channel: c, type: t, payload: p });
      } catch (e) {
        // No receiver (the background did not start) rejects: that is a failed round trip, not a crash.
        return { ok: false, error: { code: 'no-receiver', message: String(e) } };
      }
    },
    CHANNEL,
    type,
    payload,
  ) as Promise<Reply<T>>;
}

/** A node as WebDriver BiDi serializes it (only what is read here). */
interface BidiNode {
  type: string;
  sharedId?: string;
  value?: { localName?: string; shadowRoot?: BidiNode | null };
}

/** The part of puppeteer's BiDi objects used to send a raw command (public getters, untyped). */
interface BidiInternals {
  connection: { send(method: string, params: object): Promise<{ result: BidiEvaluated }> };
}

/** `script.callFunction`'s answer: a value, or the exception the function threw. */
interface BidiEvaluated {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/** Calls a function in the page's main realm over WebDriver BiDi and returns its serialized value. */
async function bidiCall(
  browser: Browser,
  page: Page,
  params: object,
): Promise<{ type: string; value?: unknown }> {
  const { connection } = browser as unknown as BidiInternals;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const { result } = await connection.send('script.callFunction', {
    awaitPromise: false,
    target: { context },
    resultOwnership: 'none',
    ...params,
  });
  if (result.type !== 'success' || !result.result) throw new Error(result.exceptionDetails?.text);
  return result.result;
}

/**
 * The card's status, title and facts once it has an answer (not "loading"); null while there is none. The
 * extension's hosts are children of `<html>` named `un-cite-card-<random>`; their closed shadow roots are
 * reached through BiDi (the host serialized with every shadow tree), then read by a function given the root.
 */
async function readCard(browser: Browser, page: Page): Promise<CardSeen | null> {
  const hosts = await bidiCall(browser, page, {
    functionDeclaration: `() => [...document.documentElement.children].filter((e) => e.localName.startsWith('un-cite-card'))`,
    serializationOptions: { maxDomDepth: 0, maxObjectDepth: 1, includeShadowTree: 'all' },
  });
  const roots = ((hosts.value as BidiNode[] | undefined) ?? [])
    .map((h) => h.value?.shadowRoot?.sharedId)
    .filter((id): id is string => !!id);
  for (const sharedId of roots) {
    const result = await bidiCall(browser, page, {
      functionDeclaration: `(root) => {
        const card = root.querySelector('.card');
        if (!card || card.dataset.status === 'loading') return '';
        const facts = {};
        for (const dt of card.querySelectorAll('dl.facts dt')) facts[dt.textContent ?? ''] = dt.nextElementSibling?.textContent ?? '';
        return JSON.stringify({ status: card.dataset.status ?? '', title: card.querySelector('.title')?.textContent ?? '', facts });
      }`,
      arguments: [{ sharedId }],
    });
    const json = result.value as string | undefined;
    if (json) return JSON.parse(json) as CardSeen;
  }
  return null;
}

/** The viewport point on the first highlighted mention whose text contains `text`, or null when none is drawn. */
function mentionPoint(text: string): { x: number; y: number } | null {
  const view = window as Window & { CSS: { highlights: Map<string, Set<AbstractRange>> } };
  for (const [name, set] of view.CSS.highlights) {
    if (!name.startsWith('un-cite-mark-')) continue;
    for (const r of set) {
      const range = r as Range;
      const box = range.getClientRects()[0];
      if (box && range.toString().includes(text))
        return { x: box.x + Math.min(6, box.width / 2), y: box.y + box.height / 2 };
    }
  }
  return null;
}

/**
 * Opens a page of the add-on. Firefox loads it, but puppeteer's BiDi navigation never reports the load of a
 * moz-extension: page (it waits until its timeout), so the load is awaited by asking the page itself.
 */
async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `moz-extension://${UUID}/${path}`;
  page.goto(url).catch(() => {}); // see above: settles late or never, the page is loaded anyway
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const ready = await page
      .evaluate((u) => location.href === u && document.readyState === 'complete', url)
      .catch(() => false);
    if (ready) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not load within 15 s`);
}

async function run(browser: Browser, port: string, pdfPort: string): Promise<void> {
  const version = (JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { version: string })
    .version;
  const id = await browser.installExtension(DIST);
  record(NAMES[0], true, id);

  const ext = await openExtensionPage(browser, 'src/options/index.html');
  const ping = await send<{ indexLoaded: boolean; version: string }>(ext, 'ping', {});
  record(
    NAMES[1],
    ping.ok && ping.value?.version === version,
    ping.ok ? `version ${ping.value?.version}` : JSON.stringify(ping.error),
  );
  const lookup = await send<{ known: boolean; entry?: { title?: string } }>(ext, 'lookup', {
    key: GLOBAL_COMPACT.key,
    lang: 'en',
  });
  const title = lookup.value?.entry?.title;
  record(
    NAMES[2],
    lookup.ok && lookup.value?.known === true && title === GLOBAL_COMPACT.title,
    lookup.ok ? `title ${JSON.stringify(title)}` : JSON.stringify(lookup.error),
  );
  await ext.close();

  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`http://${HOST}:${port}/smoke.html`);
  // Nothing in the page says when the scan is done (no attribute, no element): the mention must be drawn soon.
  let point: { x: number; y: number } | null = null;
  for (const end = Date.now() + 15_000; !point && Date.now() < end; ) {
    point = await page.evaluate(mentionPoint, 'resolution 73/195').catch(() => null);
    if (!point) await new Promise((r) => setTimeout(r, 100));
  }
  record(NAMES[3], !!point, point ? undefined : 'no highlight within 15 s');
  if (!point) throw new Error('no highlight to hover');

  // The real pointer, as a user's: the card opens after the dwell.
  await page.mouse.move(point.x, point.y);
  let card: CardSeen | null = null;
  for (const end = Date.now() + 10_000; !card && Date.now() < end; )
    card = await readCard(browser, page).then(
      (c) => c ?? new Promise<null>((r) => setTimeout(() => r(null), 100)),
    );
  record(
    NAMES[4],
    card?.title === GLOBAL_COMPACT.title,
    card ? `status ${card.status}, title ${JSON.stringify(card.title)}` : 'no card within 10 s',
  );
  record(NAMES[5], card?.facts.Adoption === GLOBAL_COMPACT.adoption, JSON.stringify(card?.facts.Adoption));
  const dom = await page.evaluate((src) => {
    // No named helper in here: tsx would wrap it in a `__name` call the page does not have.
    const [own, now] = [new DOMParser().parseFromString(src, 'text/html'), document].map((d) =>
      JSON.stringify({
        root: [...d.documentElement.attributes].map((a) => [a.name, a.value]),
        body: d.body.innerHTML,
      }),
    );
    // The extension's own state (its lens of the document) is in its content script's world, not the page's.
    const leaked = (document as unknown as Record<symbol, unknown>)[
      Symbol.for('un-citation-lens/document-lens')
    ];
    return { same: own === now && leaked === undefined, now };
  }, PAGE);
  record(NAMES[6], !!card && dom.same, dom.same ? undefined : dom.now);
  record(NAMES[7], errors.length === 0, errors.join(' | ') || undefined);

  // A navigation to a UN PDF address: Firefox's declarativeNetRequest redirects it to the add-on's viewer (a web
  // accessible page), which opens the file and marks the first page.
  const pdf = `https://${PDF_HOST}:${pdfPort}${PDF_PATH}`;
  const tab = await browser.newPage();
  tab.goto(pdf).catch(() => {}); // BiDi does not report the load of a moz-extension: page (see openExtensionPage)
  const viewer = `moz-extension://${UUID}/src/viewer/index.html?url=${pdf}`;
  let seen = '';
  let state = '';
  let page1: string | undefined;
  const done = () => state.startsWith('error') || (state.startsWith('ready') && page1 !== undefined);
  for (const end = Date.now() + 30_000; Date.now() < end && !done(); ) {
    await new Promise((r) => setTimeout(r, 200));
    const now = await tab
      .evaluate(() => ({
        href: location.href,
        state:
          `${document.documentElement.dataset.viewerState ?? ''} ${document.getElementById('message')?.textContent ?? ''}`.trim(),
        // Set once page 1 has its text layer and its marks (its number of mentions, maybe 0).
        page1: document.querySelector<HTMLElement>('.page')?.dataset.annotated,
      }))
      .catch(() => ({ href: '', state: '', page1: undefined }));
    seen = now.href || seen;
    state = now.state;
    page1 = seen === viewer ? now.page1 : undefined;
  }
  record(
    NAMES[8],
    seen === viewer && state === 'ready' && page1 !== undefined,
    `at ${seen}, viewer ${state}, page 1 annotated: ${page1 ?? 'no'}`,
  );
}

/**
 * The UN PDF server, over HTTPS: Firefox's default CSP of MV3 extension pages has `upgrade-insecure-requests`,
 * so the viewer fetches `https://` whatever the address said (as documents.un.org is anyway). The certificate is
 * made for this run (openssl) and accepted by the session (`acceptInsecureCerts`). It serves one real UN
 * report (test/fixtures/pdf/README.md) at {@link PDF_PATH}.
 */
async function startPdfServer(): Promise<{ server: HttpsServer; certDir: string }> {
  const certDir = mkdtempSync(join(tmpdir(), 'uncl-smoke-tls-'));
  const [key, cert] = [join(certDir, 'key.pem'), join(certDir, 'cert.pem')];
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${PDF_HOST}`].concat([
      '-addext',
      `subjectAltName=DNS:${PDF_HOST}`,
      '-keyout',
      key,
      '-out',
      cert,
    ]),
    { stdio: 'ignore' },
  );
  const pdf = readFileSync(join(FIXTURES, 'pdf', 'a-81-6-sect-8-part-a.pdf'));
  const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const found = req.url === PDF_PATH;
    res.writeHead(found ? 200 : 404, { 'content-type': found ? 'application/pdf' : 'text/plain' });
    res.end(found ? pdf : 'not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, certDir };
}

async function main(): Promise<void> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('Firefox not found: apt-get install firefox-esr, or set FIREFOX_PATH');
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`${DIST} missing: run npm run build`);
  const addonId = (
    JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: { gecko: { id: string } };
    }
  ).browser_specific_settings.gecko.id;
  const server = await startFixtureServer({});
  server.add('smoke.html', PAGE);
  const tls = await startPdfServer();
  const t0 = Date.now();
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      acceptInsecureCerts: true,
      // Lets WebDriver BiDi open the add-on's own page (moz-extension:) to send protocol messages from it.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.dns.localDomains': `${HOST},${PDF_HOST}`,
        'dom.security.https_first': false,
        'dom.security.https_only_mode': false,
        'network.stricttransportsecurity.preloadlist': false,
        // The test add-on's host permissions are granted without a prompt.
        'extensions.originControls.grantByDefault': true,
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: UUID }),
      },
    });
    await run(browser, new URL(server.origin).port, String((tls.server.address() as AddressInfo).port));
  } catch (e) {
    console.error(`firefox smoke stopped: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
    tls.server.close();
    rmSync(tls.certDir, { recursive: true, force: true });
  }
  // Checks that did not get to run (a launch or install failure, no mark to hover) count as failed.
  for (const name of NAMES.slice(checks.length)) record(name, false, 'not run');
  const passed = checks.filter((c) => c.ok).length;
  const failed = checks.length - passed;
  mkdirSync(dirname(SMOKE_REPORT), { recursive: true });
  writeFileSync(SMOKE_REPORT, `${JSON.stringify({ passed, failed, checks }, null, 1)}\n`);
  console.log(`firefox smoke: ${passed} passed, ${failed} failed (${Date.now() - t0} ms)`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();

/**
 * The e2e harness: real Chromium with the built extension (dist/chrome) loaded, a local fixture server, and
 * error collection from every extension context. Every e2e file uses it:
 *
 *   const h = await launchExtension();            // in beforeAll
 *   const page = await h.newPage(h.unUrl('pages/seed.html'));   // a fixture page on a UN host (see below)
 *   ...
 *   h.expectNoErrors();                          // "no console errors from any extension context"
 *   await h.close();                             // in afterAll
 *
 * Fixture pages and the content script. The shipped manifest only matches UN hosts. Rather than a test-only
 * build with `http://127.0.0.1/*` added, the harness serves fixtures AT a UN address: requests to
 * `https://<UN host>/__fixtures__/<path>` are intercepted in the browser (Playwright routing) and answered
 * from the fixture server's files, so the content script runs by its REAL match patterns on the same build
 * that ships. Nothing reaches the network. The same files are also served over plain HTTP at
 * `http://127.0.0.1:<port>/<path>` (`h.server.url(path)`) for things that need a real server (a PDF fetched
 * by the viewer, a page the content script must NOT touch).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_INSTALL_HINT, findChromiumPath } from '../../scripts/find-browser.mjs';
import { CHANNEL } from '../../src/shared/protocol';
import { UN_SITES } from '../../src/shared/settings';

/** Repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The Chrome build the harness loads. */
export const DIST_CHROME = join(ROOT, 'dist', 'chrome');
/** Default fixture root: `test/fixtures` (pages/, pdf/ ... are served under their folder names). */
export const FIXTURES = join(ROOT, 'test', 'fixtures');
/** Where screenshots go unless a path is given. */
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
/** The UN host fixture pages are served at by default (in the manifest's content-script matches). */
export const DEFAULT_UN_HOST = 'www.un.org';
/** Path prefix under which UN-host URLs are answered from fixtures. */
export const FIXTURE_PREFIX = '/__fixtures__/';

/** Flags for a quiet, deterministic, offline Chromium. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How to get a browser, for the failure message (the e2e suite never skips silently). */
export const INSTALL_HINT = CHROMIUM_INSTALL_HINT;

/**
 * The Chromium executable: `CHROME_PATH`, else the first known install location, else `chromium`/
 * `google-chrome` on PATH. Throws with {@link INSTALL_HINT} when none exists.
 */
export function findChromium(): string {
  const found = findChromiumPath();
  if (found) return found;
  const env = process.env.CHROME_PATH;
  throw new Error(env ? `CHROME_PATH=${env} does not exist. ${INSTALL_HINT}` : INSTALL_HINT);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A fixture response. */
export interface FixtureResponse {
  status: number;
  contentType: string;
  body: Buffer | string;
}

/** The local fixture server: files from its roots plus pages added at run time. */
export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Absolute 127.0.0.1 URL of a fixture path (`pages/seed.html`). */
  url(path: string): string;
  /** Serves `body` at `path` from now on (ad-hoc pages built in a test). */
  add(path: string, body: string | Buffer, contentType?: string): void;
  /** Resolves a fixture path to a response (404 when nothing is there). */
  resolve(path: string): FixtureResponse;
  close(): Promise<void>;
}

/**
 * Starts the fixture server on 127.0.0.1 (a free port). `roots` maps URL prefixes to folders; the default
 * serves `test/fixtures` at `/`. Later-added pages win over files. Paths cannot escape their root.
 */
export async function startFixtureServer(
  roots: Record<string, string> = { '': FIXTURES },
): Promise<FixtureServer> {
  const added = new Map<string, FixtureResponse>();
  const clean = (p: string) => decodeURIComponent(p.split(/[?#]/)[0] ?? '').replace(/^\/+/, '');
  const lookup = (path: string): FixtureResponse => {
    const rel = clean(path);
    const hit = added.get(rel);
    if (hit) return hit;
    if (rel === 'favicon.ico') return { status: 204, contentType: 'image/x-icon', body: '' };
    // Longest prefix first, so a specific root ("pdf/" → a temp dir) beats the default one.
    const prefixes = Object.keys(roots).sort((a, b) => b.length - a.length);
    for (const prefix of prefixes) {
      if (!rel.startsWith(prefix)) continue;
      const base = resolve(roots[prefix] ?? '');
      const file = normalize(join(base, rel.slice(prefix.length)));
      if (file !== base && !file.startsWith(base + sep)) continue;
      if (existsSync(file) && statSync(file).isFile()) {
        return {
          status: 200,
          contentType: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          body: readFileSync(file),
        };
      }
    }
    return { status: 404, contentType: 'text/plain', body: `no fixture at ${rel}` };
  };
  const server: Server = createServer((req, res) => {
    const r = lookup(req.url ?? '/');
    // CORS open: extension pages (the viewer) fetch fixtures cross-origin, as they would a UN PDF.
    res.writeHead(r.status, { 'content-type': r.contentType, 'access-control-allow-origin': '*' });
    res.end(r.body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\/+/, '')}`,
    add(path, body, contentType) {
      const ct = contentType ?? TYPES[extname(path).toLowerCase()] ?? 'text/html; charset=utf-8';
      added.set(clean(path), { status: 200, contentType: ct, body });
    },
    resolve: lookup,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** One error seen in any context. */
export interface CollectedError {
  /** `console` (console.error in a page, extension page, content script or the worker) or `weberror` (uncaught). */
  source: 'console' | 'weberror';
  /** URL of the context or of the script location. */
  url: string;
  text: string;
}

/** Options of {@link launchExtension}. */
export interface LaunchOptions {
  /** Built extension to load (default dist/chrome). */
  dist?: string;
  /** Headless (default true unless HEADED=1). Headed needs a display (xvfb-run). */
  headless?: boolean;
  /** Fixture roots for the server (see {@link startFixtureServer}). */
  roots?: Record<string, string>;
  /** Extra Chromium flags. */
  args?: string[];
  /** Viewport of new pages (default 1280×800). */
  viewport?: { width: number; height: number };
  /** UI locale (`--lang`), e.g. `fr` to test localized strings. */
  locale?: string;
}

/** A running browser with the extension. */
export interface Harness {
  context: BrowserContext;
  /** The extension's service worker (re-read with {@link Harness.worker} after a restart). */
  serviceWorker: Worker;
  extensionId: string;
  server: FixtureServer;
  /** Errors collected so far from every context. */
  errors: CollectedError[];
  /** `chrome-extension://<id>/<path>`. */
  extUrl(path: string): string;
  /** A UN-host URL answered from fixtures: `https://www.un.org/__fixtures__/<path>` (content script runs). */
  unUrl(path: string, host?: string): string;
  /** The current service worker (waits for one when the browser restarted it). */
  worker(): Promise<Worker>;
  /** Opens a page (optionally navigating to `url`) with the harness viewport. */
  newPage(url?: string): Promise<Page>;
  /** Saves a PNG: a bare name goes to test-results/screenshots/<name>.png; a path is used as is. */
  screenshot(page: Page, nameOrPath: string, options?: { fullPage?: boolean }): Promise<string>;
  /** Brings `page` to the front and returns its tab id (tab URLs are hidden without the tabs permission). */
  activeTabId(page: Page): Promise<number>;
  /** A protocol request sent from an extension page (as the popup or trace view sends it): its value, or a throw. */
  request<T>(from: Page, type: string, payload: unknown): Promise<T>;
  /**
   * Asserts no errors were collected (optionally ignoring texts matching `ignore`), with a readable list of
   * what was seen. Call it at the end of a file, or after a step that must be clean.
   */
  expectNoErrors(ignore?: RegExp[]): void;
  /** Drops errors seen so far (e.g. after a step that provokes an expected error). */
  clearErrors(): void;
  close(): Promise<void>;
}

/** The UN hosts the harness can serve fixtures at: the sites the extension is on by default (bare
 * `ohchr.org` aside: its pages live at www.ohchr.org). */
export const UN_HOSTS = UN_SITES.filter((h) => h !== 'ohchr.org');

/**
 * Launches Chromium with the extension (persistent context in a fresh user-data dir: extensions need one),
 * waits for its service worker, starts the fixture server and wires error collection.
 */
export async function launchExtension(options: LaunchOptions = {}): Promise<Harness> {
  const dist = options.dist ?? DIST_CHROME;
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`${dist}/manifest.json missing: run \`npm run build\` (or the e2e globalSetup) first`);
  }
  const executablePath = findChromium();
  const server = await startFixtureServer(options.roots);
  const profile = mkdtempSync(join(tmpdir(), 'uncl-profile-'));
  // Load a private copy: the checkout's dist/ may be rebuilt (new chunk hashes) while a suite runs, and a
  // running extension whose files vanish fails with "Failed to fetch dynamically imported module".
  const extension = join(profile, 'extension');
  await copyBuild(dist, extension);
  const viewport = options.viewport ?? { width: 1280, height: 800 };
  const headless = options.headless ?? process.env.HEADED !== '1';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport,
    // Chromium on Linux takes its UI language (chrome.i18n) from the environment; --lang is for Windows.
    ...(options.locale ? { env: { ...process.env, LANGUAGE: options.locale }, locale: options.locale } : {}),
    args: [
      ...CHROMIUM_FLAGS,
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      ...(options.args ?? []),
    ],
  });
  const errors: CollectedError[] = [];
  context.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    errors.push({ source: 'console', url: loc.url || msg.page()?.url() || '', text: msg.text() });
  });
  context.on('weberror', (e) => {
    errors.push({
      source: 'weberror',
      url: e.page()?.url() ?? '',
      text: String(e.error()?.stack ?? e.error()),
    });
  });
  // Fixture pages at UN addresses: answered in the browser, never from the network.
  for (const host of UN_HOSTS) {
    await context.route(`https://${host}${FIXTURE_PREFIX}**`, async (route) => {
      const path = new URL(route.request().url()).pathname.slice(FIXTURE_PREFIX.length);
      const r = server.resolve(path);
      await route.fulfill({ status: r.status, contentType: r.contentType, body: r.body });
    });
  }
  const worker = async (): Promise<Worker> => {
    const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return existing ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  };
  const serviceWorker = await worker();
  const extensionId = new URL(serviceWorker.url()).host;
  const h: Harness = {
    context,
    serviceWorker,
    extensionId,
    server,
    errors,
    extUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\/+/, '')}`,
    unUrl: (path, host = DEFAULT_UN_HOST) => `https://${host}${FIXTURE_PREFIX}${path.replace(/^\/+/, '')}`,
    worker,
    async newPage(url) {
      const page = await context.newPage();
      if (url) await page.goto(url);
      return page;
    },
    async activeTabId(page) {
      await page.bringToFront();
      const id = await h.serviceWorker.evaluate(
        async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
      );
      if (id === undefined) throw new Error('no active tab');
      return id;
    },
    async request<T>(from: Page, type: string, payload: unknown): Promise<T> {
      const reply = (await from.evaluate(
        ([c, t, p]) => chrome.runtime.sendMessage({ channel: c, type: t, payload: p }),
        [CHANNEL, type, payload] as const,
      )) as { ok: boolean; value?: T; error?: unknown };
      if (!reply.ok) throw new Error(`${type} failed: ${JSON.stringify(reply.error)}`);
      return reply.value as T;
    },
    async screenshot(page, nameOrPath, opts) {
      const file = /[/\\]/.test(nameOrPath)
        ? resolve(ROOT, nameOrPath)
        : join(SCREENSHOTS, `${nameOrPath}.png`);
      mkdirSync(dirname(file), { recursive: true });
      await page.screenshot({ path: file, fullPage: opts?.fullPage ?? false });
      return file;
    },
    expectNoErrors(ignore = []) {
      const left = errors.filter((e) => !ignore.some((re) => re.test(e.text)));
      if (left.length > 0) {
        const list = left
          .map((e) => `  [${e.source}] ${e.url}\n    ${e.text.split('\n').join('\n    ')}`)
          .join('\n');
        throw new Error(`${left.length} error(s) from extension contexts/pages:\n${list}`);
      }
    },
    clearErrors() {
      errors.length = 0;
    },
    async close() {
      await context.close().catch(() => {});
      await server.close();
      rmSync(profile, { recursive: true, force: true }); // the profile and the extension copy
    },
  };
  return h;
}

/** Copies a build, retrying while another process is rewriting it (files vanish mid-copy). */
async function copyBuild(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      rmSync(to, { recursive: true, force: true });
      cpSync(from, to, { recursive: true });
      return;
    } catch (e) {
      if (attempt >= 10 || (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** Polls `fn` until it returns a truthy value or `timeoutMs` passes; returns the value or throws. */
export async function waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

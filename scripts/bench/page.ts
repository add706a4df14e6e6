/**
 * Content-script figures for `npm run bench -- --json`, in real Chromium with the built extension (dist/chrome,
 * rebuilt when missing or older than its sources). Sizes in KB = 10^3 bytes, MB = 10^6 bytes of UTF-8 (scripts/lib/timing.ts).
 * - `content_script_kb`: minified bytes the content script loads at start: the manifest's loader, the chunk it
 *   imports and every chunk reachable by static imports. Chunks behind a dynamic `import()` (the hover card,
 *   loaded on the first hover) are not at start and are reported apart as `content_card_chunk_kb`.
 *
 * The 2 MB page: 2 MB of HTML made of the development corpus's real UN texts (test/fixtures/corpus/dev, six
 * languages) repeated as paragraphs, about 16 000 paragraphs, served at a UN address so the content script runs
 * by its real match patterns. Each figure is the median of {@link RUNS} loads (a new tab each, same browser).
 * - `page_2mb_total_ms`: from the content script starting to scan to the scan being complete (the whole document
 *   read, every mention found, those near the viewport drawn; only those are drawn, the rest as the page scrolls
 *   to them). Both times come from the tab's `pageCitations` reply (`scan.startedAt`, `scan.idleAt`, the page's
 *   `performance.now()` clock): the bench asks it every half second, as the e2e tests do, and nothing in the
 *   page's DOM says anything.
 * - `page_2mb_long_tasks`: main-thread tasks over 50 ms (Long Tasks API entries, observed from the document's
 *   creation) that run, at least in part, between the page's DOMContentLoaded end (before the content script
 *   starts: it is injected at document_idle, after that) and the scan being complete. Goal 0. What counts as
 *   ours: every such task on the page's main thread, whatever runs in it — the scanner's slices, the answers
 *   to `pageCitations`, and the browser's style and paint passes for the highlights we add (a paint that grows
 *   with the ranges drawn is ours even though no script of ours runs in it; that is why only the ranges near the
 *   viewport are drawn). The page without the extension has none after load.
 *   `page_2mb_long_tasks_max` is the worst load; `page_2mb_long_tasks_before_scan` counts those of them that
 *   ended before the scanner started (Chromium's first layout of the 2 MB page, the content script's loading):
 *   the window opens early so that nothing of the extension's escapes, and this says how much of the count is
 *   not the scan's. The bench checks its instrument on the first load: a 70 ms task run in the content
 *   script's world must appear as a long task, or the bench fails (a 0 from a blind observer would be a lie).
 * - `page_2mb_scan_longest_slice_ms`: the scanner's longest slice as the scanner measures it
 *   (`performance.now()` around each slice, reported in the `pageCitations` reply's `scan`): its JavaScript,
 *   without the layout the browser does afterwards. Goal ≤ 50. `page_2mb_scan_longest_slice_max_ms`: the worst
 *   load; `page_2mb_scan_slices`: how many slices ran.
 * - `page_2mb_mentions`: every mention found on that page, drawn yet or not (mentions near the viewport are
 *   drawn first): the length of the `pageCitations` reply's list.
 *
 * The hostile pages (test/e2e/hostile-pages.ts, the pages of the e2e responsiveness test), one load each:
 * `pre_10mb` (a 10 MB `<pre>` of "A/A/…"), `dense_200kb` (one `<p>` of 200 KB dense with citations) and
 * `nodes_200k` (200 000 text nodes). For each: `page_<name>_long_tasks` (tasks over 50 ms from the page's load
 * event to the scan being complete: before load the browser is still parsing and laying out a page that big,
 * with or without the extension), `page_<name>_scan_longest_slice_ms` (the scanner's own clock) and
 * `page_<name>_mentions`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import type { PageScan } from '../../src/shared/protocol.ts';
import { DIST_CHROME, type Harness, launchExtension, waitFor } from '../../test/e2e/harness.ts';
import { dense200kb, nodes200k, pre10mb } from '../../test/e2e/hostile-pages.ts';
import { pageCitationsReply, scanned } from '../../test/e2e/page-mentions.ts';
import { KB, MB, median, round } from '../lib/timing.ts';
import { ensureChromeBuild } from './lib/chrome-build.ts';
import type { Targets } from './lib/figures.ts';
import { devTexts } from './lib/ga-sample.ts';

const RUNS = 5;
/** The page's size: 2 MB of UTF-8 HTML. */
const TARGET_BYTES = 2 * MB;
const PAGE = 'bench/page-2mb.html';
/** The duration of the calibration task run in the content script's world (over the 50 ms line). */
const CALIBRATION_MS = 70;

/** Goals of this bench (printed with the figures by scripts/bench.ts). */
export const targets: Targets = {
  page_2mb_long_tasks: { max: 0 },
  page_2mb_scan_longest_slice_ms: { max: 50 },
  page_pre_10mb_long_tasks: { max: 0 },
  page_pre_10mb_scan_longest_slice_ms: { max: 50 },
  page_dense_200kb_long_tasks: { max: 0 },
  page_dense_200kb_scan_longest_slice_ms: { max: 50 },
  page_nodes_200k_long_tasks: { max: 0 },
  page_nodes_200k_scan_longest_slice_ms: { max: 50 },
};

/** Bytes of a chunk and of every chunk it imports statically (`import … from "./x.js"`, `import "./x.js"`). */
export function staticClosure(file: string, seen = new Set<string>()): number {
  if (seen.has(file) || !existsSync(file)) return 0;
  seen.add(file);
  const src = readFileSync(file, 'utf8');
  let bytes = statSync(file).size;
  for (const m of src.matchAll(
    /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g,
  )) {
    bytes += staticClosure(normalize(join(dirname(file), m[1]!)), seen);
  }
  return bytes;
}

/** What the manifest's content scripts load at start, and the lazily loaded card chunk. */
export function contentScriptSizes(dist = DIST_CHROME): { start: number; card: number } {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const seen = new Set<string>();
  let start = 0;
  for (const js of manifest.content_scripts?.flatMap((c) => c.js ?? []) ?? []) {
    const loader = join(dist, js);
    start += staticClosure(loader, seen);
    // crxjs's loader imports the real entry with a dynamic import of a runtime URL, at start.
    for (const m of readFileSync(loader, 'utf8').matchAll(/getURL\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) {
      start += staticClosure(join(dist, m[1]!), seen);
    }
  }
  const cardFile = readdirSync(join(dist, 'assets')).find((f) => /^card-host-.*\.js$/.test(f));
  const card = cardFile ? staticClosure(join(dist, 'assets', cardFile), new Set(seen)) : 0;
  return { start, card };
}

/** 2 MB of real UN text as an HTML page of paragraphs. */
export function bigPage(): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paras = devTexts().flatMap((t) =>
    t
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => `<p>${esc(l)}</p>`),
  );
  const head =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>2 MB</title></head><body>\n';
  const tail = '\n</body></html>';
  const out: string[] = [];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; ; i++) {
    const p = paras[i % paras.length]!;
    const bytes = Buffer.byteLength(p) + 1;
    if (size + bytes > TARGET_BYTES) break;
    out.push(p);
    size += bytes;
  }
  return `${head}${out.join('\n')}${tail}`;
}

/** What the init script records in every page: long tasks. */
interface Recorded {
  longTasks: { start: number; duration: number }[];
  domContentLoaded: number;
}

/** Installed before any page script: a long-task observer from the document's creation. */
function record(): void {
  const w = window as unknown as { __bench: { longTasks: { start: number; duration: number }[] } };
  w.__bench = { longTasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

async function recorded(page: Page): Promise<Recorded> {
  // Let the observer deliver the last entries.
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    const w = window as unknown as { __bench: Omit<Recorded, 'domContentLoaded'> };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { ...w.__bench, domContentLoaded: nav?.domContentLoadedEventEnd ?? 0 };
  });
}

/** Long tasks that run (at least in part) in [from, to]. */
function countLong(r: Recorded, from: number, to: number): number {
  return r.longTasks.filter((t) => t.start + t.duration > from && t.start < to).length;
}

/** The content script's `pageCitations` reply for `page`, asked from the service worker as the popup asks. */
async function pageCitations(h: Harness, page: Page): Promise<{ mentions: unknown[]; scan?: PageScan }> {
  const reply = await pageCitationsReply(h, page);
  if (!reply.ok || !reply.value) throw new Error(`pageCitations failed: ${JSON.stringify(reply.error)}`);
  return reply.value;
}

/**
 * Runs a {@link CALIBRATION_MS} task in the content script's isolated world (found through the DevTools
 * protocol) and returns how many long tasks the page's observer saw meanwhile: at least 1 when the instrument works.
 */
async function calibrate(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const world = await waitFor(
      () => contexts.find((c) => c.origin.startsWith('chrome-extension://')),
      5000,
      "the content script's world",
    );
    const before = await page.evaluate(
      () => (window as unknown as { __bench: Recorded }).__bench.longTasks.length,
    );
    // A timer, so that the busy loop is a task of its own, as the scanner's slices are.
    await cdp.send('Runtime.evaluate', {
      contextId: world!.id,
      expression: `setTimeout(() => { const t0 = performance.now(); while (performance.now() - t0 < ${CALIBRATION_MS}); }, 0)`,
    });
    await page.waitForTimeout(CALIBRATION_MS + 300);
    return page.evaluate(
      (n) => (window as unknown as { __bench: Recorded }).__bench.longTasks.length - n,
      before,
    );
  } finally {
    await cdp.detach();
  }
}

export default async function (): Promise<Record<string, number>> {
  await ensureChromeBuild();
  const sizes = contentScriptSizes();
  const h = await launchExtension();
  try {
    const html = bigPage();
    h.server.add(PAGE, html);
    await h.context.addInitScript(record);
    const totals: number[] = [];
    const longTasks: number[] = [];
    const beforeScan: number[] = [];
    const slices: number[] = [];
    const longestSlices: number[] = [];
    const mentions: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await h.newPage(h.unUrl(PAGE));
      const scan = await scanned(page, 300_000, 500);
      const r = await recorded(page);
      const from = r.domContentLoaded;
      const to = scan.idleAt!;
      if (!(from > 0 && scan.startedAt >= from))
        throw new Error(`the scan did not start after DOMContentLoaded (${scan.startedAt}, ${from})`);
      totals.push(to - scan.startedAt);
      longTasks.push(countLong(r, from, to));
      beforeScan.push(countLong(r, from, to) - countLong(r, scan.startedAt, to));
      // The page's own account, asked after the span measured (the reply lists thousands of mentions).
      const reply = await pageCitations(h, page);
      if (!reply.scan)
        throw new Error(
          'the pageCitations reply has no `scan`: dist/chrome is older than the source, run `npm run build`',
        );
      if (!reply.scan.idle) throw new Error('the scan said idle, then not (nothing changed the page)');
      slices.push(reply.scan.slices);
      longestSlices.push(reply.scan.longestSliceMs);
      mentions.push(reply.mentions.length);
      if (i === 0) {
        const seen = await calibrate(page);
        if (seen < 1)
          throw new Error(
            `a ${CALIBRATION_MS} ms task in the content script's world gave no long-task entry: the observer is blind`,
          );
      }
      await page.close();
    }
    const hostile: Record<string, number> = {};
    for (const [name, build] of [
      ['pre_10mb', pre10mb],
      ['dense_200kb', dense200kb],
      ['nodes_200k', nodes200k],
    ] as const) {
      h.server.add(`bench/${name}.html`, build());
      const page = await h.newPage();
      await page.goto(h.unUrl(`bench/${name}.html`), { waitUntil: 'load', timeout: 300_000 });
      const scan = await scanned(page, 300_000, 500);
      const r = await recorded(page);
      const loaded = await page.evaluate(
        () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
      );
      const reply = await pageCitations(h, page);
      if (!reply.scan?.idle) throw new Error(`${name}: the scan said idle, then not`);
      hostile[`page_${name}_long_tasks`] = countLong(r, Math.max(loaded, scan.startedAt), scan.idleAt!);
      hostile[`page_${name}_scan_longest_slice_ms`] = round(reply.scan.longestSliceMs, 1);
      hostile[`page_${name}_mentions`] = reply.mentions.length;
      await page.close();
    }
    return {
      ...hostile,
      content_script_kb: round(sizes.start / KB, 1),
      content_card_chunk_kb: round(sizes.card / KB, 1),
      page_2mb_bytes: Buffer.byteLength(html),
      page_2mb_total_ms: Math.round(median(totals)),
      page_2mb_long_tasks: median(longTasks),
      page_2mb_long_tasks_max: Math.max(...longTasks),
      page_2mb_long_tasks_before_scan: median(beforeScan),
      page_2mb_scan_longest_slice_ms: round(median(longestSlices), 1),
      page_2mb_scan_longest_slice_max_ms: round(Math.max(...longestSlices), 1),
      page_2mb_scan_slices: median(slices),
      page_2mb_mentions: median(mentions),
    };
  } finally {
    await h.close();
  }
}

/**
 * "Responsive on any page", measured in real Chromium: the main-thread tasks over 50 ms while the content script
 * scans (Long Tasks API, from the moment it starts until it is idle) on pages built to hurt it: ~2 MB of real UN
 * text, a 10 MB `<pre>` of "A/A/A/…" with no break to cut windows at, one 200 KB `<p>` dense with citations, and
 * a page of 200 000 text nodes. The same page with the extension off (the fixture server's own host is not a
 * site the extension runs on) gives the browser's own long tasks (parsing, layout) for comparison. Also: a
 * page that mutates faster than the debounce still gets its late citation scanned.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEV } from '../corpus';
import { type Harness, launchExtension, waitFor } from './harness';
import { dense200kb, nodes200k, hostilePage as page, pre10mb } from './hostile-pages';
import { pageCitations } from './page-mentions';

const LONG_TASK_MS = 50;
/**
 * Long tasks allowed while scanning: none of ours, but a test machine shared by several jobs can stretch one
 * 25 ms slice past the line now and then (wrapping citations in elements gave 5 to 14 here, up to 370 ms).
 */
const ALLOWED = 1;

let h: Harness;

beforeAll(async () => {
  h = await launchExtension();
  // Long tasks, and when the content script started scanning (its marker on <html>), recorded from the start.
  await h.context.addInitScript(() => {
    const w = window as unknown as { __lt: { start: number; duration: number }[]; __scanFrom?: number };
    w.__lt = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__lt.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver(() => {
      if (w.__scanFrom === undefined && document.documentElement.hasAttribute('data-un-citation-lens'))
        w.__scanFrom = performance.now();
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-un-citation-lens'] });
  });
});

afterAll(async () => {
  await h?.close();
});

/** ~2 MB of real UN text as paragraphs (the dev corpus, repeated), as scripts/bench/page.ts builds it. */
function realText2mb(): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paras = readdirSync(DEV)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(DEV, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => `<p>${esc(l)}</p>`),
    );
  const out: string[] = [];
  for (let i = 0, size = 0; size < 2 * 1024 * 1024; i++) {
    out.push(paras[i % paras.length]!);
    size += out.at(-1)!.length + 1;
  }
  return page(out.join('\n'));
}

interface Measure {
  /**
   * Long tasks that started after the scan started and after the page's load event (before it, the browser's
   * own parsing and first layout of a huge page run too, with or without the extension: see `beforeLoad`).
   */
  over50: number;
  longest: number;
  /** Long tasks between the scan's start and the load event (ms each). */
  beforeLoad: number[];
  mentions: number;
  scanMs: number;
}

/** Loads `name` on a UN host (extension on), waits for the scan to be idle, and reads the long tasks. */
async function measure(name: string, html: string): Promise<Measure> {
  h.server.add(`pages/${name}`, html);
  const p = await h.newPage();
  await p.goto(h.unUrl(`pages/${name}`), { waitUntil: 'load', timeout: 120_000 });
  await p.waitForSelector('html[data-un-citation-lens="idle"]', { timeout: 150_000 });
  // The last slice's long task (if any) is reported after it ends.
  await p.waitForTimeout(300);
  const r = await p.evaluate((line) => {
    const w = window as unknown as { __lt: { start: number; duration: number }[]; __scanFrom: number };
    const loaded = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
      .loadEventEnd;
    const from = Math.max(w.__scanFrom, loaded);
    const ours = w.__lt.filter((t) => t.start >= from);
    return {
      over50: ours.filter((t) => t.duration > line).length,
      longest: Math.max(0, ...ours.map((t) => t.duration)),
      beforeLoad: w.__lt
        .filter((t) => t.start >= w.__scanFrom && t.start < loaded && t.duration > line)
        .map((t) => Math.round(t.duration)),
      scanMs: performance.now() - w.__scanFrom,
    };
  }, LONG_TASK_MS);
  const mentions = (await pageCitations(h, p)).length;
  await p.close();
  return { ...r, mentions };
}

/**
 * The same page where the extension does not run, watched as long as the scan took: the browser's own long tasks
 * after load (garbage collection, late layout), for comparison.
 */
async function baseline(name: string, ms: number): Promise<number> {
  const p = await h.newPage();
  await p.goto(h.server.url(`pages/${name}`), { waitUntil: 'load', timeout: 120_000 });
  await p.waitForTimeout(Math.max(1000, ms));
  const longest = await p.evaluate(() => {
    const w = window as unknown as { __lt: { start: number; duration: number }[] };
    const loaded = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return Math.max(0, ...w.__lt.filter((t) => t.start >= loaded.loadEventEnd).map((t) => t.duration));
  });
  await p.close();
  return longest;
}

function report(what: string, m: Measure, without: number): void {
  console.log(
    `${what}: ${m.over50} tasks > ${LONG_TASK_MS} ms while scanning after load (longest ${m.longest.toFixed(0)} ms; without the extension ${without.toFixed(0)} ms after load; before load, with the browser loading: [${m.beforeLoad.join(', ')}] ms), ${m.mentions} mentions, idle after ${(m.scanMs / 1000).toFixed(1)} s`,
  );
}

test('2 MB of real UN text', async () => {
  const m = await measure('resp-2mb.html', realText2mb());
  report('2 MB real text', m, await baseline('resp-2mb.html', m.scanMs));
  expect(m.mentions).toBeGreaterThan(1000);
  expect(m.over50).toBeLessThanOrEqual(ALLOWED);
}, 300_000);

test('a 10 MB <pre> of "A/A/A/…" (no line or word break to cut windows at)', async () => {
  const m = await measure('resp-pre-10mb.html', pre10mb());
  report('10 MB pre', m, await baseline('resp-pre-10mb.html', m.scanMs));
  expect(m.over50).toBeLessThanOrEqual(ALLOWED);
}, 300_000);

test('one 200 KB <p> dense with citations', async () => {
  const m = await measure('resp-dense.html', dense200kb());
  report('200 KB dense p', m, await baseline('resp-dense.html', m.scanMs));
  // Every one of them is listed, marked or not (the tab protocol's contract).
  expect(m.mentions).toBeGreaterThan(20_000);
  // Slices stay under SLICE_MS, but a frame that adds ranges to a highlight costs Chromium time in proportion to
  // all the ranges drawn so far (22 000 at once: a 440 ms frame): 0 long tasks on a quiet machine, up to three
  // (the last batches) on a busy one. Drawing only the ranges near the viewport would remove them.
  expect(m.over50).toBeLessThanOrEqual(3);
}, 300_000);

test('a page of 200 000 text nodes', async () => {
  const m = await measure('resp-200k.html', nodes200k());
  report('200 000 text nodes', m, await baseline('resp-200k.html', m.scanMs));
  expect(m.mentions).toBe(100);
  // Here each change of a highlight costs Chromium a style and paint pass over the whole document (100–170 ms,
  // measured with the Long Animation Frames API; none of it script): the mentions are drawn in at most three
  // batches (those in view, one after DRAW_MAX_WAIT_MS, the rest when the scan is idle).
  expect(m.over50).toBeLessThanOrEqual(3);
}, 300_000);

test('a page that mutates every 10 ms still gets its late citation scanned', async () => {
  h.server.add(
    'pages/resp-ticker.html',
    page(`<p id="ticker">0</p><p id="news">Markets opened.</p><script>
      let n = 0;
      setInterval(() => { document.getElementById('ticker').textContent = String(++n); }, 10);
      setTimeout(() => {
        document.getElementById('news').textContent = 'The Council adopted resolution 2720 (2023) today.';
      }, 1500);
    </script>`),
  );
  const p = await h.newPage(h.unUrl('pages/resp-ticker.html'));
  const found = await waitFor(
    async () => (await pageCitations(h, p)).find((m) => m.key === 'S/RES/2720(2023)'),
    8000,
    'the late citation on the ticker page',
  );
  expect(found?.surface).toContain('2720 (2023)');
  await p.close();
}, 30_000);

test('no errors from any context', () => {
  h.expectNoErrors();
});

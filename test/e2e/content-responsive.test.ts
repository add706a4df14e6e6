/**
 * "Responsive on any page", measured in real Chromium: the main-thread tasks over 50 ms while the content script
 * scans (Long Tasks API, from the moment it starts until it is idle, as the tab's `pageCitations` reply times
 * them) on pages built to hurt it: ~2 MB of real UN
 * text, a 10 MB `<pre>` of "A/A/A/…" with no break to cut windows at, one 200 KB `<p>` dense with citations, and
 * a page of 200 000 text nodes. The same page with the extension off (the fixture server's own host is not a
 * site the extension runs on) gives the browser's own long tasks (parsing, layout) for comparison. Also: a
 * page that mutates faster than the debounce still gets its late citation scanned.
 *
 * What counts as ours: every task over 50 ms on the page's main thread in that window, whatever runs in it: the
 * scanner's slices, and also the style and paint passes the browser runs for our highlights (the cost that grows
 * with the ranges drawn, which is why only those near the viewport are). Scrolling a dense page, which moves the
 * drawn ranges, is measured the same way against the page without the extension.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEV } from '../corpus';
import { type Harness, launchExtension, waitFor } from './harness';
import { dense200kb, nodes200k, hostilePage as page, pre10mb } from './hostile-pages';
import { pageCitations, scanned } from './page-mentions';

const LONG_TASK_MS = 50;
/**
 * Long tasks allowed while scanning: none of ours, but a test machine shared by several jobs can stretch one
 * 25 ms slice past the line now and then (wrapping citations in elements gave 5 to 14 here, up to 370 ms;
 * drawing all 22 000 ranges of the dense paragraph, 1 to 3 of 340–500 ms).
 */
const ALLOWED = 1;

let h: Harness;

beforeAll(async () => {
  h = await launchExtension();
  // Long tasks, recorded from the document's start (the scan's own start and end come from its pageCitations reply).
  await h.context.addInitScript(() => {
    const w = window as unknown as { __lt: { start: number; duration: number }[] };
    w.__lt = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__lt.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
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
  // Asked every half second: each reply lists every mention found so far, which costs the page a little too.
  const scan = await scanned(p, 150_000, 500);
  // The last slice's long task (if any) is reported after it ends.
  await p.waitForTimeout(300);
  const r = await p.evaluate(
    ([line, scanFrom, idleAt]) => {
      const w = window as unknown as { __lt: { start: number; duration: number }[] };
      const loaded = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
        .loadEventEnd;
      const from = Math.max(scanFrom, loaded);
      const ours = w.__lt.filter((t) => t.start >= from);
      return {
        over50: ours.filter((t) => t.duration > line).length,
        longest: Math.max(0, ...ours.map((t) => t.duration)),
        beforeLoad: w.__lt
          .filter((t) => t.start >= scanFrom && t.start < loaded && t.duration > line)
          .map((t) => Math.round(t.duration)),
        scanMs: idleAt - scanFrom,
      };
    },
    [LONG_TASK_MS, scan.startedAt, scan.idleAt!] as const,
  );
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
  // Every one of them is listed, drawn or not (the tab protocol's contract).
  expect(m.mentions).toBeGreaterThan(20_000);
  // Only the few hundred near the viewport are drawn: Chromium's paint of the paragraph stays short.
  expect(m.over50).toBeLessThanOrEqual(ALLOWED);
}, 300_000);

test('the dense paragraph: only the mentions near the viewport are drawn, and scrolling draws the others', async () => {
  h.server.add('pages/resp-dense-scroll.html', dense200kb());
  const p = await h.newPage(h.unUrl('pages/resp-dense-scroll.html'));
  await scanned(p, 150_000, 500);
  const listed = (await pageCitations(h, p)).length;
  /** Ranges in the mark highlight now, and whether one covers the text at the bottom of the view. */
  const now = () =>
    p.evaluate(() => {
      const view = window as Window & { CSS: { highlights: Map<string, Set<AbstractRange>> } };
      const ranges: Range[] = [];
      for (const [n, set] of view.CSS.highlights)
        if (n.startsWith('un-cite-mark-')) for (const r of set) ranges.push(r as Range);
      const pos = document.caretPositionFromPoint(innerWidth / 2, innerHeight - 20);
      const atBottom = !!pos && ranges.some((r) => r.comparePoint(pos.offsetNode, pos.offset) === 0);
      return { drawn: ranges.length, atBottom, lt: (window as unknown as { __lt: unknown[] }).__lt.length };
    });
  const top = await now();
  expect(listed).toBeGreaterThan(20_000);
  // The lines within a viewport height or two of the view (a few thousand mentions in this paragraph), not all.
  expect(top.drawn).toBeGreaterThan(50);
  expect(top.drawn).toBeLessThan(listed / 4);
  // The user scrolls down the paragraph with the wheel: the mentions there are drawn, and those left behind go.
  for (let i = 0; i < 40; i++) {
    await p.mouse.wheel(0, 400);
    await p.waitForTimeout(30);
  }
  const scrolledAt = await p.evaluate(() => scrollY);
  const after = (await waitFor(
    async () => {
      const n = await now();
      return n.atBottom ? n : undefined;
    },
    5000,
    'the mentions at the bottom of the view drawn after scrolling',
  ))!;
  expect(scrolledAt).toBeGreaterThan(10_000);
  expect(after.drawn).toBeLessThan(listed / 4);
  // No long task while scrolling and redrawing (the browser's paint of the drawn ranges is counted as ours).
  await p.waitForTimeout(300);
  const during = await p.evaluate(
    ([from, line]) =>
      (window as unknown as { __lt: { duration: number }[] }).__lt
        .slice(from)
        .filter((t) => t.duration > line).length,
    [top.lt, LONG_TASK_MS] as const,
  );
  console.log(
    `dense paragraph: ${top.drawn} ranges drawn at the top, ${after.drawn} after scrolling ${scrolledAt} px, ${during} long tasks meanwhile`,
  );
  expect(during).toBeLessThanOrEqual(ALLOWED);
  await p.close();
}, 300_000);

test('a page of 200 000 text nodes', async () => {
  const m = await measure('resp-200k.html', nodes200k());
  report('200 000 text nodes', m, await baseline('resp-200k.html', m.scanMs));
  expect(m.mentions).toBe(100);
  // The limit it had before. A CDP trace of this page shows what is left, none of it the scanner's own work over
  // budget: a pre-paint pass over all 200 000 nodes when the first mention is drawn (150–200 ms under tracing,
  // 50–60 ms without), and V8's incremental marking of the DOM wrappers the walk creates, run inside a slice.
  // The bench (npm run bench) counts 0 on a quiet machine; an e2e run on a loaded one saw 2 to 5 (50–130 ms).
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

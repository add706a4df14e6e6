/**
 * Content-script figures for `npm run bench -- --json`, in real Chromium with the built extension (dist/chrome,
 * built when missing):
 * - `content_script_kb`: minified bytes the content script loads at start (/1024): the manifest's loader, the
 *   chunk it imports and every chunk reachable by static imports. Chunks behind a dynamic `import()` (the hover
 *   card, loaded on the first hover) are not at start and are reported apart as `content_card_chunk_kb`.
 * - `page_2mb_total_ms`: on a page of ~2 MB of real UN text (the seed resolution and the dev corpus repeated as
 *   paragraphs), from the content script starting to scan to the scan being idle (every citation marked).
 * - `page_2mb_longest_task_ms`: the longest main-thread task (Long Tasks API) in that span, which includes the
 *   finder's first call (its regular expressions are compiled then) and the layout our marks cause.
 * - `page_2mb_longest_layout_ms`: the longest style+layout phase of an animation frame in that span (Long
 *   Animation Frames API): Chromium re-laying out the 2 MB page after a slice's marks. (LoAF does not attribute
 *   content-script time, so script time is not split out.)
 * - `page_2mb_marks`: mentions marked on that page. Median of 3 loads for the timings.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { build } from 'vite';
import { DIST_CHROME, launchExtension, ROOT } from '../../test/e2e/harness.ts';

const RUNS = 3;
const TARGET_BYTES = 2 * 1024 * 1024;
const SHARED_DEV = join(ROOT, '..', 'shared', 'corpus', 'dev');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

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

/** ~2 MB of real UN text as an HTML page of paragraphs. */
function bigPage(): string {
  const texts = readdirSync(SHARED_DEV)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(SHARED_DEV, f), 'utf8'));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paras = texts.flatMap((t) =>
    t
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => `<p>${esc(l)}</p>`),
  );
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const p = paras[i % paras.length]!;
    out.push(p);
    size += p.length + 1;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>2 MB</title></head><body>\n${out.join('\n')}\n</body></html>`;
}

export default async function (): Promise<Record<string, number>> {
  if (!existsSync(join(DIST_CHROME, 'manifest.json'))) {
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'warn' });
  }
  const sizes = contentScriptSizes();
  const h = await launchExtension();
  try {
    h.server.add('bench/page-2mb.html', bigPage());
    // Records long tasks and the moments the content script starts and finishes (its attribute on <html>).
    await h.context.addInitScript(() => {
      const w = window as unknown as {
        __lt: { start: number; duration: number }[];
        __loaf: { start: number; script: number; layout: number }[];
        __scan: Record<string, number>;
      };
      w.__lt = [];
      w.__loaf = [];
      w.__scan = {};
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__lt.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
      // Long Animation Frames split a long frame into script time and style/layout time.
      type Loaf = PerformanceEntry & { styleAndLayoutStart: number; scripts: { duration: number }[] };
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as Loaf[]) {
            w.__loaf.push({
              start: e.startTime,
              script: Math.max(0, ...e.scripts.map((x) => x.duration)),
              layout: e.styleAndLayoutStart > 0 ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
            });
          }
        }).observe({ type: 'long-animation-frame', buffered: true });
      } catch {
        // No LoAF in this browser: the split figures stay 0.
      }
      new MutationObserver(() => {
        const v = document.documentElement.getAttribute('data-un-citation-lens');
        if (v && w.__scan[v] === undefined) w.__scan[v] = performance.now();
        // Observing the document (not documentElement, which the parser has not created yet) catches <html>.
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-un-citation-lens'] });
    });
    const totals: number[] = [];
    const longest: number[] = [];
    const layouts: number[] = [];
    let marks = 0;
    for (let i = 0; i < RUNS; i++) {
      const page = await h.newPage(h.unUrl('bench/page-2mb.html'));
      await page.waitForSelector('html[data-un-citation-lens="idle"]', { timeout: 300_000 });
      // Let the observer deliver the last entries.
      await page.waitForTimeout(200);
      const r = await page.evaluate(() => {
        const w = window as unknown as {
          __lt: { start: number; duration: number }[];
          __loaf: { start: number; script: number; layout: number }[];
          __scan: Record<string, number>;
        };
        const from = w.__scan.scanning ?? 0;
        const to = w.__scan.idle ?? performance.now();
        const inSpan = w.__lt.filter((t) => t.start + t.duration >= from && t.start <= to);
        const frames = w.__loaf.filter((f) => f.start >= from && f.start <= to);
        return {
          total: to - from,
          longest: Math.max(0, ...inSpan.map((t) => t.duration)),
          layout: Math.max(0, ...frames.map((f) => f.layout)),
          // Mentions are drawn as CSS highlights (src/content/page-marks.ts): the ranges of the mark layer.
          marks: [...(CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights]
            .filter(([name]) => name.startsWith('un-cite-mark-'))
            .reduce((n, [, set]) => n + set.size, 0),
        };
      });
      totals.push(r.total);
      longest.push(r.longest);
      layouts.push(r.layout);
      marks = r.marks;
      await page.close();
    }
    return {
      content_script_kb: Math.round((sizes.start / 1024) * 10) / 10,
      content_card_chunk_kb: Math.round((sizes.card / 1024) * 10) / 10,
      page_2mb_total_ms: Math.round(median(totals)),
      page_2mb_longest_task_ms: Math.round(median(longest)),
      page_2mb_longest_layout_ms: Math.round(median(layouts)),
      page_2mb_marks: marks,
    };
  } finally {
    await h.close();
  }
}

#!/usr/bin/env node
/**
 * Records what pdf.js (the version the viewer bundles) reports for a PDF's pages: `getTextContent().items` and
 * the page box, page by page, as JSON. pdf.js does not run under Node 20, so the viewer's text building is
 * unit-tested on such recordings (test/fixtures/pdf/*.items.json) and end-to-end in Chromium.
 *
 * Usage: `node scripts/record-pdf-items.mjs FILE.pdf [PAGES] > FILE.items.json` (needs Chromium; no network).
 * PAGES picks pages to record, 1-based: "1-3,7,12-13" (default: every page). Each recorded page says its number
 * (`page`); only the fields the viewer's text builder reads are kept, so a few pages of a long report stay small.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

const [pdfPath, range] = process.argv.slice(2);
if (!pdfPath || (range !== undefined && !/^\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*$/.test(range))) {
  console.error('usage: node scripts/record-pdf-items.mjs FILE.pdf [PAGES, e.g. 1-3,7]');
  process.exit(2);
}
/** The 1-based pages of `range` ("1-3,7"), or undefined for all. */
const wanted = range?.split(',').flatMap((part) => {
  const [a, b = a] = part.split('-').map(Number);
  return Array.from({ length: b - a + 1 }, (_, k) => a + k);
});
const dist = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'build');
const files = {
  '/pdf.mjs': join(dist, 'pdf.min.mjs'),
  '/pdf.worker.mjs': join(dist, 'pdf.worker.min.mjs'),
  '/doc.pdf': pdfPath,
};
const page = `<script type="module">import * as p from "/pdf.mjs"; p.GlobalWorkerOptions.workerSrc = "/pdf.worker.mjs"; window.pdfjs = p;</script>`;
const server = createServer((q, r) => {
  if (q.url === '/') return r.writeHead(200, { 'content-type': 'text/html' }).end(page);
  const f = files[q.url ?? ''];
  if (!f) return r.writeHead(404).end();
  r.writeHead(200, { 'content-type': q.url.endsWith('.pdf') ? 'application/pdf' : 'text/javascript' });
  r.end(readFileSync(f));
}).listen(0, '127.0.0.1');
await new Promise((ok) => server.on('listening', ok));
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => window.pdfjs);
  const pages = await tab.evaluate(async (wanted) => {
    const round = (x) => Math.round(x * 100) / 100;
    const doc = await window.pdfjs.getDocument({ url: '/doc.pdf' }).promise;
    const out = [];
    const numbers = wanted ?? Array.from({ length: doc.numPages }, (_, k) => k + 1);
    for (const n of numbers) {
      if (n < 1 || n > doc.numPages) throw new Error(`page ${n} is not in 1-${doc.numPages}`);
      const p = await doc.getPage(n);
      const { items } = await p.getTextContent();
      out.push({
        ...(wanted ? { page: n } : {}),
        view: p.view,
        items: items.map((i) => ({
          str: i.str,
          transform: i.transform.map(round),
          width: round(i.width),
          height: round(i.height),
          ...(i.hasEOL ? { hasEOL: true } : {}),
        })),
      });
    }
    return { pdfjs: window.pdfjs.version, ...(wanted ? { numPages: doc.numPages } : {}), pages: out };
  }, wanted);
  process.stdout.write(`${JSON.stringify(pages)}\n`);
} finally {
  await browser.close();
  server.close();
}

#!/usr/bin/env node
/**
 * Records what pdf.js (the version the viewer bundles) reports for a PDF's pages: `getTextContent().items` and
 * the page box, page by page, as JSON. pdf.js does not run under Node 20, so the viewer's text building is
 * unit-tested on such recordings (test/fixtures/pdf/*.items.json) and end-to-end in Chromium.
 *
 * Usage: `node scripts/record-pdf-items.mjs FILE.pdf > FILE.items.json` (needs Chromium; no network).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

const pdfPath = process.argv[2];
if (!pdfPath) {
  console.error('usage: node scripts/record-pdf-items.mjs FILE.pdf');
  process.exit(2);
}
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
  const pages = await tab.evaluate(async () => {
    const round = (x) => Math.round(x * 100) / 100;
    const doc = await window.pdfjs.getDocument({ url: '/doc.pdf' }).promise;
    const out = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const p = await doc.getPage(n);
      const { items } = await p.getTextContent();
      out.push({
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
    return { pdfjs: window.pdfjs.version, pages: out };
  });
  process.stdout.write(`${JSON.stringify(pages)}\n`);
} finally {
  await browser.close();
  server.close();
}

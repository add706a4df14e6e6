/**
 * PDF viewer figure for `npm run bench -- --json`: `pdf_first_page_ms`, from opening the viewer
 * (`viewer/index.html?file=…`, the page's navigation start) to its first page annotated (text layer rendered and
 * citations marked), in real Chromium with the built extension, on the 7-page A/RES/77/176 PDF made from the
 * seed text. Median of 5 cold opens (a new tab each, same browser). Also: the fastest open, the part after the
 * viewer's script starts (what the viewer's own code costs, without page and pdf.js loading), and how many
 * mentions the first page has. Needs dist/chrome (rebuilt when missing or older than its sources) and ghostscript for the PDF.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, launchExtension, waitFor } from '../../test/e2e/harness.ts';
import { makeTestPdfs } from '../make-test-pdfs.mjs';
import { ensureChromeBuild } from './lib/chrome-build.ts';
import type { Targets } from './lib/figures.ts';

/** The first page of a UN PDF drawn with its marks within a second. */
export const targets: Targets = { pdf_first_page_ms: { max: 1000 } };

const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export default async function (): Promise<Record<string, number>> {
  await ensureChromeBuild();
  const dir = mkdtempSync(join(tmpdir(), 'uncl-bench-pdf-'));
  makeTestPdfs(dir);
  const h = await launchExtension({ roots: { '': FIXTURES, 'pdf-gen/': dir } });
  try {
    const url = h.extUrl(
      `src/viewer/index.html?file=${encodeURIComponent(h.server.url('pdf-gen/a-res-77-176.pdf'))}`,
    );
    const times: number[] = [];
    const own: number[] = [];
    let marks = 0;
    for (let i = 0; i < RUNS; i++) {
      const page = await h.newPage(url);
      const ms = await waitFor(
        () => page.evaluate(() => document.documentElement.dataset.firstPageMs),
        60_000,
        'first page annotated',
      );
      times.push(Number(ms));
      // The viewer's own share: from its script starting (after the page and pdf.js are loaded and parsed).
      own.push(
        await page.evaluate(
          (first) => first - (performance.getEntriesByName('viewer:start')[0]?.startTime ?? 0),
          Number(ms),
        ),
      );
      marks = await page.locator('.page').first().locator('un-cite[data-un-head]').count();
      await page.close();
    }
    return {
      pdf_first_page_ms: Math.round(median(times)),
      pdf_first_page_ms_min: Math.round(Math.min(...times)),
      pdf_first_page_from_script_ms: Math.round(median(own)),
      pdf_first_page_mentions: marks,
    };
  } finally {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

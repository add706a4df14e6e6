/**
 * PDF viewer figures for `npm run bench -- --json`, in real Chromium with the built extension. Each open is what
 * a reader does: a navigation to the PDF's UN address (documents.un.org, answered from local files by the
 * harness), which the extension's redirect rules send to the viewer; times are from that navigation's start.
 *
 * - `pdf_first_page_ms`: to the first page drawn with its marks (text layer rendered and citations marked), on
 *   the 7-page A/RES/77/176 PDF made from the seed text. Median of 5 cold opens (a new tab each, same browser).
 *   Also: the fastest open, the part after the viewer's script starts (what the viewer's own code costs, without
 *   page and pdf.js loading), and how many mentions the first page has.
 * - `pdf_all_pages_ms`: to the LAST page of a real 50-page UN report (A/81/6 (Sect. 8)/Part A, as published on
 *   ODS: test/fixtures/pdf/README.md) drawn with its marks. The viewer draws a page only when it comes near the
 *   viewport (and gives far pages' canvas and text layer back), so the bench scrolls to each page in turn as soon
 *   as the one before has its text layer and marks: the time a reader would need, scrolling as fast as the
 *   viewer can follow, before every page has been shown annotated. Median of 3 opens; with the mentions marked
 *   over all pages and the page count.
 *
 * Needs dist/chrome (rebuilt when missing or older than its sources) and ghostscript for the generated PDF.
 */

import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURES, type Harness, launchExtension, waitFor } from '../../test/e2e/harness.ts';
import { settled, unPdfUrl } from '../../test/e2e/viewer-open.ts';
import { makeTestPdfs } from '../make-test-pdfs.mjs';
import { ensureChromeBuild } from './lib/chrome-build.ts';
import type { Targets } from './lib/figures.ts';

/** The first page of a UN PDF drawn with its marks within a second. */
export const targets: Targets = { pdf_first_page_ms: { max: 1000 } };

const FIRST_PAGE_RUNS = 5;
const ALL_PAGES_RUNS = 3;
/** The 50-page report, committed with its provenance. */
const REPORT = 'a-81-6-sect-8-part-a.pdf';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Opens a UN PDF address in a new tab and waits until the viewer has it open (or gave up). */
async function openAtUnAddress(h: Harness, path: string): Promise<Page> {
  const page = await h.newPage(unPdfUrl(h, path));
  const state = await settled(page, 60_000);
  if (state === 'error' || state === 'refused')
    throw new Error(`the viewer could not open ${path}: ${state}`);
  return page;
}

/**
 * Scrolls to every page in turn, each as soon as the one before has its marks, and returns the time from the
 * navigation's start to the last page annotated, the mentions over all pages and the page count.
 */
function scrollThroughAll(page: Page): Promise<{ ms: number; mentions: number; pages: number }> {
  return page.evaluate(async () => {
    const pages = [...document.querySelectorAll<HTMLElement>('#viewer .page')];
    if (pages.length === 0) throw new Error('no pages');
    let mentions = 0;
    for (const el of pages) {
      el.scrollIntoView({ block: 'start' });
      if (el.dataset.annotated === undefined) {
        await new Promise<void>((done) => {
          const seen = new MutationObserver(() => {
            if (el.dataset.annotated === undefined) return;
            seen.disconnect();
            done();
          });
          seen.observe(el, { attributes: true, attributeFilter: ['data-annotated'] });
        });
      }
      // The text layer and its marks are there now (the page may be given back later, far from the view).
      if (!el.querySelector('.textLayer')) throw new Error(`page ${el.dataset.page} has no text layer`);
      mentions += Number(el.dataset.annotated);
    }
    return { ms: performance.now(), mentions, pages: pages.length };
  });
}

export default async function (): Promise<Record<string, number>> {
  await ensureChromeBuild();
  const dir = mkdtempSync(join(tmpdir(), 'uncl-bench-pdf-'));
  makeTestPdfs(dir);
  copyFileSync(join(FIXTURES, 'pdf', REPORT), join(dir, REPORT));
  const h = await launchExtension({ roots: { '': FIXTURES, 'pdf-gen/': dir } });
  try {
    // The worker installs the redirect rules when the extension is installed.
    await waitFor(
      () =>
        h.serviceWorker.evaluate(
          async () => (await chrome.declarativeNetRequest.getDynamicRules()).length > 0,
        ),
      10_000,
      'the redirect rules',
    );
    const times: number[] = [];
    const own: number[] = [];
    let marks = 0;
    for (let i = 0; i < FIRST_PAGE_RUNS; i++) {
      const page = await openAtUnAddress(h, 'pdf-gen/a-res-77-176.pdf');
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
    const all: { ms: number; mentions: number; pages: number }[] = [];
    for (let i = 0; i < ALL_PAGES_RUNS; i++) {
      const page = await openAtUnAddress(h, `pdf-gen/${REPORT}`);
      all.push(await scrollThroughAll(page));
      await page.close();
    }
    return {
      pdf_first_page_ms: Math.round(median(times)),
      pdf_first_page_ms_min: Math.round(Math.min(...times)),
      pdf_first_page_from_script_ms: Math.round(median(own)),
      pdf_first_page_mentions: marks,
      pdf_all_pages_ms: Math.round(median(all.map((r) => r.ms))),
      pdf_all_pages_mentions: all[0]!.mentions,
      pdf_all_pages_page_count: all[0]!.pages,
    };
  } finally {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Highlights on the printed glyphs: a UN resolution printed to PDF by Chromium with justified paragraphs
 * (test/fixtures/pdf/printed, scripts/make-printed-pdfs.mjs), in English, Arabic and Chinese, opened in the
 * extension's viewer. The text layer draws the PDF's text in a browser font, stretched to each item's width; a
 * mark must still sit on the ink of its citation on the rendered page, not a few characters off. Each mark's
 * edges are compared with the ink of the page's canvas: where the citation stands between spaces, the edge of
 * its run of glyphs (ink with no word-sized gap) must be within 2 CSS px of the mark's edge.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURES, type Harness, launchExtension, SCREENSHOTS, waitFor } from './harness';
import { settled, unPdfUrl } from './viewer-open';

let h: Harness;

beforeAll(async () => {
  h = await launchExtension({ roots: { '': FIXTURES } });
});

afterAll(async () => {
  await h?.close();
});

/** Goes to the printed PDF at a UN address, as a reader does (the viewer fetches no other unless chosen). */
async function openPrinted(name: string): Promise<Page> {
  const page = await h.newPage(unPdfUrl(h, `pdf/printed/${name}.pdf`));
  await settled(page);
  const first = page.locator('.page').first();
  await waitFor(() => first.getAttribute('data-annotated'), 20_000, `${name} page 1 annotated`);
  // The canvas is painted after the marks, and then the text layer takes the PDF's fonts (text-layer.ts).
  await page.waitForFunction(() => document.querySelector('.page .textLayer')?.hasAttribute('data-un-fonts'));
  return page;
}

/** One line of one mention: the marks' union and the ink edges of the glyph runs at its two ends. */
interface EdgeCheck {
  key: string;
  text: string;
  left?: { mark: number; ink: number };
  right?: { mark: number; ink: number };
}

/**
 * Measures, in the page, every mark line of page 1 against the canvas ink. An edge is measured only where the
 * citation's visual neighbour on that side is a space or the line's end (a glued parenthesis or comma would
 * belong to the same run of ink).
 */
function measure(page: Page): Promise<EdgeCheck[]> {
  return page.evaluate(() => {
    const slot = document.querySelector<HTMLElement>('.page')!;
    const canvas = slot.querySelector('canvas')!;
    const cr = canvas.getBoundingClientRect();
    const sx = canvas.width / cr.width;
    const sy = canvas.height / cr.height;
    const img = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const inkAt = (x: number, top: number, bottom: number): boolean => {
      const cx = Math.round((x - cr.left) * sx);
      if (cx < 0 || cx >= canvas.width) return false;
      for (let y = Math.round((top - cr.top) * sy); y <= Math.round((bottom - cr.top) * sy); y++) {
        const o = (y * canvas.width + cx) * 4;
        const d = img.data;
        if (d[o + 3]! > 0 && d[o]! + d[o + 1]! + d[o + 2]! < 3 * 150) return true;
      }
      return false;
    };
    // A word gap: a seventh of the line's box (a space is about a fifth; glyphs inside a word, or unjoined
    // Arabic letters, are closer).
    const gap = (height: number) => Math.max(2, height / 7);
    /** Walks from x in direction dir over ink whose gaps are narrower than a word gap; returns the run's end. */
    const runEnd = (x: number, dir: 1 | -1, top: number, bottom: number, g: number): number => {
      let end = x;
      let blank = 0;
      for (let p = x; Math.abs(p - x) < 400; p += dir * 0.5) {
        if (inkAt(p, top, bottom)) {
          end = p;
          blank = 0;
        } else {
          blank += 0.5;
          if (blank > g) break;
        }
      }
      return end;
    };
    const neighbour = (mark: Element, dir: 1 | -1): string | null => {
      const span =
        mark.closest('.textLayer > span, .textLayer span[role="presentation"]') ?? mark.parentElement!;
      const r = document.createRange();
      r.selectNodeContents(span);
      if (dir < 0) r.setEndBefore(mark);
      else r.setStartAfter(mark);
      const s = r.toString();
      if (s) return dir < 0 ? s.at(-1)! : s[0]!;
      let sib = dir < 0 ? span.previousElementSibling : span.nextElementSibling;
      while (sib && sib.tagName === 'BR') sib = dir < 0 ? sib.previousElementSibling : sib.nextElementSibling;
      if (!sib) return null;
      const a = span.getBoundingClientRect();
      const b = sib.getBoundingClientRect();
      if (Math.abs(a.top + a.height / 2 - (b.top + b.height / 2)) > a.height / 2) return null;
      if (dir < 0 ? a.left - b.right > 2 : b.left - a.right > 2) return null; // a gap: nothing glued
      const t = sib.textContent ?? '';
      return (dir < 0 ? t.at(-1) : t[0]) ?? null;
    };
    const byId = new Map<string, HTMLElement[]>();
    for (const m of slot.querySelectorAll<HTMLElement>('.textLayer un-cite')) {
      const id = m.dataset.unId!;
      byId.set(id, [...(byId.get(id) ?? []), m]);
    }
    const out: EdgeCheck[] = [];
    for (const marks of byId.values()) {
      const pieces = marks.flatMap((m) => [...m.getClientRects()].map((r) => ({ m, r })));
      const lines: { m: HTMLElement; r: DOMRect }[][] = [];
      for (const p of pieces) {
        const line = lines.find(
          (l) => Math.abs(l[0]!.r.top + l[0]!.r.height / 2 - (p.r.top + p.r.height / 2)) < p.r.height / 2,
        );
        if (line) line.push(p);
        else lines.push([p]);
      }
      for (const line of lines) {
        const left = line.reduce((a, b) => (b.r.left < a.r.left ? b : a));
        const right = line.reduce((a, b) => (b.r.right > a.r.right ? b : a));
        const top = Math.min(...line.map((p) => p.r.top));
        const height = Math.max(...line.map((p) => p.r.bottom)) - top;
        // The band of the glyphs' bodies, clear of the lines above and below.
        const bandTop = top + height * 0.3;
        const bandBottom = top + height * 0.75;
        const g = gap(height);
        const check: EdgeCheck = {
          key: marks[0]!.dataset.unKey!,
          text: line.map((p) => p.m.textContent).join('|'),
        };
        // Full-width CJK punctuation draws its ink in one half of its box: its box edge is not its ink edge.
        const wide = /[\u3000-\u303f\uff00-\uffef]/;
        const ln = neighbour(left.m, -1);
        if ((ln === null || /\s/.test(ln)) && !wide.test(left.m.textContent?.[0] ?? '')) {
          // The first ink at or after the mark's left edge, then back over the run it belongs to.
          let x = left.r.left;
          while (x < left.r.right && !inkAt(x, bandTop, bandBottom)) x += 0.5;
          check.left = { mark: left.r.left, ink: runEnd(x, -1, bandTop, bandBottom, g) };
        }
        const rn = neighbour(right.m, 1);
        if ((rn === null || /\s/.test(rn)) && !wide.test(right.m.textContent?.at(-1) ?? '')) {
          let x = right.r.right;
          while (x > right.r.left && !inkAt(x, bandTop, bandBottom)) x -= 0.5;
          check.right = { mark: right.r.right, ink: runEnd(x, 1, bandTop, bandBottom, g) };
        }
        out.push(check);
      }
    }
    return out;
  });
}

/**
 * A mark may cut its citation's glyphs by at most 2 px, and reach at most 5 px (a fifth of the line, under a
 * space) into the blank beside them: a glyph's box is wider than its ink by its side bearings.
 */
const CUT = 2;
const SPILL = 5;

describe.each([
  ['en', 'en-a-res-75-172'],
  ['ar', 'ar-a-res-75-172'],
  ['zh', 'zh-a-res-75-172'],
])('printed justified PDF (%s): marks on the ink of their citations', (lang, name) => {
  let page: Page;
  let checks: EdgeCheck[];
  beforeAll(async () => {
    page = await openPrinted(name);
    checks = await measure(page);
  });

  test('every measured mark edge is within 2 px of its glyphs', async () => {
    // cut > 0: the mark's edge inside the ink; cut < 0: the mark reaches into the blank beside it.
    const edges = checks.flatMap((c) => [
      ...(c.left ? [{ key: c.key, text: c.text, side: 'left', cut: c.left.mark - c.left.ink }] : []),
      ...(c.right ? [{ key: c.key, text: c.text, side: 'right', cut: c.right.ink - c.right.mark }] : []),
    ]);
    const cut = Math.max(0, ...edges.map((e) => e.cut));
    const spill = Math.max(0, ...edges.map((e) => -e.cut));
    const mean = edges.reduce((s, e) => s + Math.abs(e.cut), 0) / (edges.length || 1);
    console.log(
      `printed ${lang}: ${checks.length} mark lines, ${edges.length} edges measured; glyphs cut by at most ${cut.toFixed(1)} px, blank reached at most ${spill.toFixed(1)} px, mean |offset| ${mean.toFixed(1)} px`,
    );
    // Enough of the page is measured for the test to mean something.
    expect(edges.length).toBeGreaterThanOrEqual(lang === 'zh' ? 4 : 10);
    expect(edges.filter((e) => e.cut > CUT || -e.cut > SPILL)).toEqual([]);
  });

  test('screenshot of the first page with its marks', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, `viewer-printed-${lang}.png`);
    await page.locator('.page').first().screenshot({ path: file });
    expect(checks.length).toBeGreaterThan(0);
  });
});

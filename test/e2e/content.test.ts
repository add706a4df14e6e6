/**
 * The content script in real Chromium on real UN text (test/fixtures/pages, generated from test/fixtures/corpus):
 * what the tab lists (`pageCitations`) matches the gold, every listed mention is drawn (a highlight range whose
 * text is the mention's), the page's DOM is untouched, and a second scan adds nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findCitations } from '../../src/core/find';
import { defaultInstrumentMatcher } from '../../src/core/instruments/default-gazetteer';
import { readDev } from '../corpus';
import { FIXTURES, type Harness, launchExtension, waitFor } from './harness';
import { drawn, pageCitations, scanned } from './page-mentions';

const PAGES = join(FIXTURES, 'pages');

interface Expected {
  source: string;
  language: string;
  mentions: { kind: string; key: string }[] | null;
}

let h: Harness;

beforeAll(async () => {
  h = await launchExtension();
});

afterAll(async () => {
  await h?.close();
});

/** Opens a fixture page at a UN address and waits until the content script says it is idle. */
async function openScanned(harness: Harness, name: string): Promise<Page> {
  const page = await harness.newPage(harness.unUrl(`pages/${name}`));
  await scanned(page);
  return page;
}

/**
 * (kind, key, text) of every mention the tab lists, in page order, after checking that each one is drawn: the
 * highlight ranges, in page order, carry the listed surfaces one for one.
 */
async function marks(page: Page): Promise<{ kind: string; key: string; text: string }[]> {
  const listed = await pageCitations(h, page);
  const ranges = await drawn(page);
  expect(ranges.map((r) => r.text)).toEqual(listed.map((m) => m.surface));
  return listed.map((m) => ({ kind: m.kind, key: m.key, text: m.surface }));
}

/** Multiset comparison: how many of `want` are in `got` (each counted once). */
function overlap(got: string[], want: string[]): number {
  const bag = new Map<string, number>();
  for (const g of got) bag.set(g, (bag.get(g) ?? 0) + 1);
  let hit = 0;
  for (const w of want) {
    const n = bag.get(w) ?? 0;
    if (n > 0) {
      hit++;
      bag.set(w, n - 1);
    }
  }
  return hit;
}

const pair = (m: { kind: string; key: string }) => `${m.kind} ${m.key}`;

describe('seed resolution A/RES/77/176 as a UN web page', () => {
  test('marks match the gold', async () => {
    const page = await openScanned(h, 'seed-a-res-77-176.html');
    const got = await marks(page);
    const expected = JSON.parse(
      readFileSync(join(PAGES, 'seed-a-res-77-176.expected.json'), 'utf8'),
    ) as Expected;
    const want = expected.mentions!.map(pair);
    const gotPairs = got.map(pair);
    const hit = overlap(gotPairs, want);
    const recall = hit / want.length;
    const precision = gotPairs.length ? hit / gotPairs.length : 0;
    console.log(
      `seed page: ${got.length} marks, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.85);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    // Every linked resolution number of the page is drawn once scrolled into view (only mentions near the
    // viewport are drawn): a highlight range covers the link's text.
    const linked = await page.evaluate(async () => {
      const view = window as Window & { CSS: { highlights: Map<string, Set<AbstractRange>> } };
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const out: boolean[] = [];
      for (const a of document.querySelectorAll('a[href^="https://undocs.org/"]')) {
        a.scrollIntoView({ block: 'center' });
        for (let i = 0; i < 6; i++) await frame();
        const ranges: Range[] = [];
        for (const [n, set] of view.CSS.highlights)
          if (n.startsWith('un-cite-mark-')) for (const r of set) ranges.push(r as Range);
        out.push(ranges.some((r) => r.intersectsNode(a.firstChild ?? a)));
      }
      return out;
    });
    expect(linked.filter(Boolean).length).toBeGreaterThanOrEqual(linked.length - 1);
    await page.close();
  });

  test('the DOM is the page’s and a second scan adds nothing', async () => {
    const page = await openScanned(h, 'seed-a-res-77-176.html');
    const html = readFileSync(join(PAGES, 'seed-a-res-77-176.html'), 'utf8');
    const same = await page.evaluate((src) => {
      const fresh = new DOMParser().parseFromString(src, 'text/html');
      return fresh.body.innerHTML === document.body.innerHTML;
    }, html);
    expect(same).toBe(true);
    const before = (await pageCitations(h, page)).length;
    // Trigger the observer with a harmless change elsewhere, then compare.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'No citation here.';
      document.body.append(p);
    });
    await page.waitForTimeout(700);
    expect((await pageCitations(h, page)).length).toBe(before);
    expect(await drawn(page)).toHaveLength(before);
    await page.close();
  });

  test('dynamic content is scanned (debounced MutationObserver)', async () => {
    const page = await openScanned(h, 'seed-a-res-77-176.html');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      // A sentence of the seed resolution (operative paragraph), added after load as a dynamic page would.
      p.append('Takes note of the report of the Secretary-General (', 'A/77/236', ')');
      document.body.append(p);
    });
    const late = await waitFor(
      async () =>
        (await pageCitations(h, page)).find((m) => m.key === 'A/77/236' && m.surface === 'A/77/236'),
      5000,
      'late paragraph scanned',
    );
    expect(late?.kind).toBe('document');
    expect((await drawn(page)).map((d) => d.text)).toContain('A/77/236');
    await page.close();
  });
});

test('a citation that starts inside an inline element and ends outside it is one mention, drawn across both', async () => {
  // Seed resolution wording, with the emphasis a page might put on the operative verb phrase.
  h.server.add(
    'pages/split-inline.html',
    '<!doctype html><html lang="en"><body><p id="p"><b>Recalling its resolution</b> 60/206 of 22 December 2005 on the facilitation and reduction of the cost of transfer of migrant remittances,</p></body></html>',
  );
  const page = await openScanned(h, 'split-inline.html');
  const listed = await pageCitations(h, page);
  expect(listed.map((m) => [m.key, m.surface])).toEqual([['A/RES/60/206', 'its resolution 60/206']]);
  // One range from inside <b> to after it; the page's elements and text nodes are as the page made them.
  expect((await drawn(page)).map((d) => d.text)).toEqual(['its resolution 60/206']);
  const dom = await page.evaluate(() => {
    const p = document.getElementById('p')!;
    return { html: p.innerHTML, nodes: p.childNodes.length };
  });
  expect(dom.html).toBe(
    '<b>Recalling its resolution</b> 60/206 of 22 December 2005 on the facilitation and reduction of the cost of transfer of migrant remittances,',
  );
  expect(dom.nodes).toBe(2);
  await page.close();
});

describe('dev corpus pages: the content script finds what the finder finds on the same text', () => {
  const files = readdirSync(PAGES).filter((f) => /^dev-.*\.html$/.test(f));
  test.each(files)('%s', async (file) => {
    const name = file.replace(/^dev-|\.html$/g, '');
    const text = readDev(`${name}.txt`)
      .split('\n')
      .filter((l) => l.trim())
      .join('\n');
    const page = await openScanned(h, file);
    const got = (await marks(page)).map(pair).sort();
    const lang = (await page.evaluate(() => document.documentElement.lang)) as 'en';
    // A citation the text file breaks over two lines lands in two paragraphs on the page: not one citation there.
    const gazetteer = defaultInstrumentMatcher();
    const node = findCitations(text, lang === 'en' ? { gazetteer } : { lang, gazetteer })
      .mentions.filter((m) => !m.surface.includes('\n'))
      .map((m) => pair(m))
      .sort();
    expect(got).toEqual(node);
    await page.close();
  });
});

test('no errors from any context', () => {
  h.expectNoErrors();
});

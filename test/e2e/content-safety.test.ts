/**
 * "Never break a page": forms, editors, SVG, templates, scripts and open shadow roots keep their text and
 * values; the page's listeners still fire; a same-origin iframe is annotated too; a 20 MB page keeps its text
 * and stays responsive while it is scanned.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Harness, launchExtension, waitFor } from './harness';
import { drawn, pageCitations, scanned } from './page-mentions';

let h: Harness;
let page: Page;

/** Everything the extension must not touch, read from the live page. */
async function snapshot(p: Page) {
  return p.evaluate(() => {
    const shadow = document.getElementById('shadow-host')?.shadowRoot;
    return {
      input: (document.getElementById('input') as HTMLInputElement).value,
      textarea: (document.getElementById('textarea') as HTMLTextAreaElement).value,
      select: document.getElementById('select')?.innerHTML,
      button: document.getElementById('button')?.innerHTML,
      editor: document.getElementById('editor')?.innerHTML,
      svg: document.getElementById('svg')?.innerHTML,
      shadow: shadow?.innerHTML,
      template: (document.getElementById('tpl') as HTMLTemplateElement).innerHTML,
      scripts: [...document.scripts].map((s) => s.textContent),
      style: document.querySelector('style')?.textContent,
      label: document.querySelector('label')?.innerHTML,
    };
  });
}

beforeAll(async () => {
  h = await launchExtension();
  page = await h.newPage(h.unUrl('pages/page-safety.html'));
  await scanned(page);
});

afterAll(async () => {
  await h?.close();
});

test('ordinary text is found and drawn, nothing else is', async () => {
  // The resolution number and the instrument it adopted (the Global Compact) are both mentions; the report in the
  // link is one. Forms, editors, SVG, templates, scripts and the shadow root give none.
  const listed = await pageCitations(h, page);
  expect(listed.map((m) => `${m.kind} ${m.key}`)).toEqual([
    'resolution A/RES/73/195',
    'instrument A/RES/73/195',
    'document A/77/236',
  ]);
  expect((await drawn(page)).map((d) => d.text)).toEqual(listed.map((m) => m.surface));
});

test('forms, editors, SVG, templates, scripts, styles and shadow roots are untouched', async () => {
  const html = await (await fetch(h.server.url('pages/page-safety.html'))).text();
  // The same page parsed without the extension (scripts do not run in DOMParser; shadow root built by hand).
  const expected = await page.evaluate((src) => {
    const d = new DOMParser().parseFromString(src, 'text/html');
    return {
      input: (d.getElementById('input') as HTMLInputElement).value,
      textarea: (d.getElementById('textarea') as HTMLTextAreaElement).value,
      select: d.getElementById('select')?.innerHTML,
      button: d.getElementById('button')?.innerHTML,
      editor: d.getElementById('editor')?.innerHTML,
      svg: d.getElementById('svg')?.innerHTML,
      shadow:
        '<p>Recalling its resolution 62/270 of 20 June 2008 on the Global Forum on Migration and Development</p>',
      template: (d.getElementById('tpl') as HTMLTemplateElement).innerHTML,
      scripts: [...d.scripts].map((s) => s.textContent),
      style: d.querySelector('style')?.textContent,
      label: d.querySelector('label')?.innerHTML,
    };
  }, html);
  expect(await snapshot(page)).toEqual(expected);
});

test('the page’s listeners and links still work', async () => {
  await page.click('#lnk');
  await page.click('#button');
  const counts = await page.evaluate(() => {
    const w = window as unknown as { clicks: number; buttonClicks: number };
    return [w.clicks, w.buttonClicks];
  });
  expect(counts).toEqual([1, 1]);
  expect(new URL(page.url()).hash).toBe('#clicked');
  // Typing into the editor still edits it (no mark appears inside editable content).
  await page.click('#editor');
  await page.keyboard.press('End');
  await page.keyboard.type(' and resolution 60/227');
  await page.waitForTimeout(800);
  const inEditor = await page.evaluate(() => {
    const view = window as Window & { CSS: { highlights: Map<string, Set<AbstractRange>> } };
    const editor = document.getElementById('editor')!;
    let n = 0;
    for (const [name, set] of view.CSS.highlights)
      if (name.startsWith('un-cite-mark-')) for (const r of set) if (editor.contains(r.startContainer)) n++;
    return n;
  });
  expect(inEditor).toBe(0);
  expect(await page.locator('#editor').textContent()).toContain('and resolution 60/227');
});

test('a same-origin iframe is annotated', async () => {
  const frame = page.frame({ url: /page-safety-frame\.html$/ })!;
  const inFrame = await waitFor(
    async () => {
      const texts = (await drawn(frame)).map((d) => d.text);
      return texts.length > 0 ? texts : undefined;
    },
    10_000,
    'iframe drawn',
  );
  expect(inFrame).toEqual(['its resolution 60/206']);
});

test('a 20 MB page keeps its text and stays responsive while it is scanned', async () => {
  // Real UN sentences (A/RES/77/176) repeated to 20 MB in paragraphs.
  const para =
    '<p>Recalling its resolutions 58/208 of 23 December 2003, 59/241 of 22 December 2004 and 60/227 of 23 December 2005 on international migration and development, and its resolution 68/4 of 3 October 2013,</p>\n';
  const count = Math.ceil((20 * 1024 * 1024) / para.length);
  h.server.add(
    'pages/big-20mb.html',
    `<!doctype html><html lang="en"><body>${para.repeat(count)}</body></html>`,
  );
  const big = await h.newPage();
  // Chromium itself takes a while to parse and lay out 20 MB; the test is about the scan, not the load event.
  await big.goto(h.unUrl('pages/big-20mb.html'), { waitUntil: 'domcontentloaded', timeout: 150_000 });
  const length0 = await big.evaluate(() => document.body.textContent!.length);
  // The first drawn mention of the page (one pass over the ranges: there are many).
  const first = () =>
    big.evaluate(() => {
      const view = window as Window & { CSS: { highlights: Map<string, Set<AbstractRange>> } };
      let best: Range | undefined;
      for (const [name, set] of view.CSS.highlights) {
        if (!name.startsWith('un-cite-mark-')) continue;
        for (const r of set)
          if (!best || (r as Range).compareBoundaryPoints(Range.START_TO_START, best) < 0) best = r as Range;
      }
      return best?.toString();
    });
  await waitFor(first, 60_000, 'first mentions drawn on the 20 MB page');
  // Responsive while scanning: a round trip into the page answers quickly.
  const t0 = Date.now();
  await big.evaluate(() => 1);
  expect(Date.now() - t0).toBeLessThan(2000);
  expect(await big.evaluate(() => document.body.textContent!.length)).toBe(length0);
  expect(await first()).toBe('its resolutions 58/208');
  await big.close();
}, 180_000);

test('no errors from any context', () => {
  h.expectNoErrors();
});

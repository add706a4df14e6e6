/**
 * "The page's DOM stays the page's", in real Chromium: `document.body.innerHTML` and the attributes of `<html>`
 * are the same with and without the extension on the fixture pages, also after hovering a citation and opening
 * its card (the extension keeps its state in its own world, not in an attribute); a page script that keeps
 * references to its text nodes updates them, removes and inserts around them, sees no exception and the right
 * text, and the changed block is scanned again (its old citation gone, the new one found).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CARD, CARD_HOST, shadowWait } from './closed-shadow';
import { FIXTURES, type Harness, launchExtension, waitFor } from './harness';
import { drawn, hoverMention, pageCitations, scanned } from './page-mentions';

let h: Harness;

beforeAll(async () => {
  h = await launchExtension();
});

afterAll(async () => {
  await h?.close();
});

/** What the page's own scripts see of its DOM: the attributes of `<html>`, and the body's HTML. */
async function pageDom(p: Page): Promise<{ root: string[][]; body: string }> {
  return p.evaluate(() => ({
    root: [...document.documentElement.attributes].map((a) => [a.name, a.value]),
    body: document.body.innerHTML,
  }));
}

/** The page's DOM where the extension does not run (the fixture server's own host is not a UN site). */
async function domWithout(path: string): Promise<{ root: string[][]; body: string }> {
  const p = await h.newPage(h.server.url(path));
  await p.waitForLoadState('load');
  const dom = await pageDom(p);
  await p.close();
  return dom;
}

const pages = readdirSync(join(FIXTURES, 'pages')).filter((f) => /^(seed|dev|ar)-.*\.html$/.test(f));

test.each(pages)(
  '%s: <html> attributes and body.innerHTML are the same with and without the extension, card open',
  async (file) => {
    const path = `pages/${file}`;
    const without = await domWithout(path);
    const page = await h.newPage(h.unUrl(path));
    await scanned(page);
    expect(await pageDom(page)).toEqual(without);
    if ((await drawn(page)).length > 0) {
      await hoverMention(page, 0);
      await shadowWait(page, CARD_HOST, CARD);
      expect(await pageDom(page)).toEqual(without);
    }
    await page.close();
  },
);

test('a page that sets the attribute the extension once used on <html> is still scanned', async () => {
  // The guard against a second lens on one document lives in the content script's world: a page cannot forge it.
  h.server.add(
    'pages/forged-marker.html',
    `<!doctype html><html lang="en" data-un-citation-lens="idle"><body>
      <p>Recalling its resolution 73/195 of 19 December 2018,</p>
    </body></html>`,
  );
  const page = await h.newPage(h.unUrl('pages/forged-marker.html'));
  await scanned(page);
  expect((await pageCitations(h, page)).map((m) => m.key)).toEqual(['A/RES/73/195']);
  expect((await drawn(page)).map((d) => d.text)).toEqual(['its resolution 73/195']);
  // And the page's world does not see the guard that the content script's world keeps on the document.
  expect(
    await page.evaluate(
      () =>
        (document as unknown as Record<symbol, unknown>)[Symbol.for('un-citation-lens/document-lens')] ===
        undefined,
    ),
  ).toBe(true);
  await page.close();
});

test('a page script that holds its text nodes updates them, removes and inserts around them, untroubled', async () => {
  h.server.add(
    'pages/held-nodes.html',
    `<!doctype html><html lang="en"><body>
      <p id="p">Recalling its resolution 73/195 of 19 December 2018, on migration,</p>
      <p id="q">Takes note of the report of the Secretary-General (<a id="a" href="#">A/77/236</a>) on the matter.</p>
      <script>
        // Held before the extension runs, as a framework's virtual DOM would hold them.
        window.held = { p: document.getElementById('p').firstChild, q: document.getElementById('q') };
      </script>
    </body></html>`,
  );
  const page = await h.newPage(h.unUrl('pages/held-nodes.html'));
  await scanned(page);
  expect((await pageCitations(h, page)).map((m) => m.key)).toEqual(['A/RES/73/195', 'A/77/236']);
  const result = await page.evaluate(() => {
    const w = window as unknown as { held: { p: Text; q: HTMLElement } };
    const errors: string[] = [];
    const tryIt = (f: () => void) => {
      try {
        f();
      } catch (e) {
        errors.push(String(e));
      }
    };
    const p = document.getElementById('p')!;
    tryIt(() => {
      w.held.p.nodeValue = 'Updated text: recalling its resolution 70/1 of 25 September 2015,';
    });
    const q = w.held.q;
    const link = document.getElementById('a')!;
    const lead = q.firstChild!;
    tryIt(() => q.removeChild(lead));
    tryIt(() => q.insertBefore(document.createTextNode('Welcomes the report '), link));
    tryIt(() => link.firstChild!.replaceWith(document.createTextNode('A/78/1')));
    return { errors, p: p.textContent, q: q.textContent, sameNode: p.firstChild === w.held.p };
  });
  expect(result.errors).toEqual([]);
  expect(result.sameNode).toBe(true);
  expect(result.p).toBe('Updated text: recalling its resolution 70/1 of 25 September 2015,');
  expect(result.q).toBe('Welcomes the report A/78/1) on the matter.');
  // Both blocks are scanned again: the old citations are gone, the new ones found and drawn.
  const keys = await waitFor(
    async () => {
      const k = (await pageCitations(h, page)).map((m) => m.key);
      return k.includes('A/RES/70/1') && k.includes('A/78/1') ? k : undefined;
    },
    5000,
    'the changed blocks scanned again',
  );
  expect(keys).toEqual(['A/RES/70/1', 'A/78/1']);
  expect((await drawn(page)).map((d) => d.text)).toEqual(['its resolution 70/1', 'A/78/1']);
  await page.close();
});

test('no errors from any context', () => {
  h.expectNoErrors();
});

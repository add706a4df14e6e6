/**
 * A Treaty Series citation's card names the instrument its volume names. The Treaty Series registers a treaty's
 * protocols under the treaty's own number, so "Ibid., vol. 1642, No. 14668" is the Second Optional Protocol to
 * the International Covenant on Civil and Political Rights (registered as I-14668, vol. 1642), not the Covenant
 * (I-14668, vol. 999). The page is real text: General Assembly resolution 79/179 (the GA sample in
 * test/fixtures/corpus), its preamble with its footnotes as a UN page prints them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readGaSample } from '../corpus';
import { CARD, CARD_HOST, shadowQuery, shadowWait } from './closed-shadow';
import { type Harness, launchExtension } from './harness';
import { hoverMention, pageCitations, scanned } from './page-mentions';

const SYMBOL = 'A/RES/79/179';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function resolutionPage(): string {
  const doc = readGaSample('en').find((d) => d.symbol === SYMBOL);
  if (!doc) throw new Error(`${SYMBOL} is not in the GA sample`);
  const paras = doc.preamble.map((p) => `<p>${esc(p)}</p>`).join('\n');
  const notes = doc.footnotes.map((f) => `<li value="${esc(f.marker)}">${esc(f.text)}</li>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${SYMBOL}</title></head>
<body><h1>${SYMBOL}</h1>\n${paras}\n<hr><ol class="footnotes">\n${notes}\n</ol></body></html>`;
}

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await launchExtension();
  h.server.add('pages/treaty-card.html', resolutionPage());
  page = await h.newPage(h.unUrl('pages/treaty-card.html'));
  await scanned(page);
});

afterAll(async () => {
  await h?.close();
});

/** Hovers the mention whose surface holds `volume` and returns the open card's title and text. */
async function cardOfVolume(volume: string): Promise<{ title: string; text: string }> {
  const list = await pageCitations(h, page);
  const index = list.findIndex((m) => m.key === 'UNTS I-14668' && m.surface.includes(volume));
  expect(index, `a mention of No. 14668 in vol. ${volume}`).toBeGreaterThanOrEqual(0);
  await page.mouse.move(5, 5);
  await hoverMention(page, index);
  await shadowWait(page, CARD_HOST, `${CARD}:not([data-status="loading"])`, 8000);
  const title = (await shadowQuery(page, CARD_HOST, `${CARD} .title`))?.text ?? '';
  const text = (await shadowQuery(page, CARD_HOST, CARD))?.text ?? '';
  return { title, text };
}

describe('Treaty Series identity on a card', () => {
  test('"Ibid., vol. 1642, No. 14668" opens the card of the Second Optional Protocol, not of the Covenant', async () => {
    const { title, text } = await cardOfVolume('1642');
    expect(title).toMatch(
      /^Second Optional Protocol to the International Covenant on Civil and Political Rights/,
    );
    expect(text).toContain('1642');
    expect(text).not.toContain('vol. 999');
    h.expectNoErrors();
  });
});

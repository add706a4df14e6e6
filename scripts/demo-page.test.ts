import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { htmlToText } from '../src/cli/cite';
import { findCitations } from '../src/core/find';
import { defaultInstrumentMatcher } from '../src/core/instruments/default-gazetteer';
import { readDocument, renderDemoPage } from './demo-page.mjs';

// The demo page must read as the document it shows: the same citations as the plain text of A/RES/77/176
// (the seed of the development corpus), footnotes at the end, paragraphs whole across the printed page breaks.
const CORPUS = join(import.meta.dirname, '..', 'test', 'fixtures', 'corpus', 'dev');
const html = renderDemoPage();
const pageText = htmlToText(html);
const gazetteer = defaultInstrumentMatcher();
const bag = (text: string) =>
  findCitations(text, { lang: 'en', gazetteer })
    .mentions.map((m) => `${m.kind} ${m.key}`)
    .sort();

describe('demo page (A/RES/77/176)', () => {
  test('finds every citation the seed text has, no more and no fewer', () => {
    const seed = readFileSync(join(CORPUS, 'seed-a-res-77-176.txt'), 'utf8');
    const found = bag(pageText);
    expect(found).toEqual(bag(seed));
    const gold = JSON.parse(readFileSync(join(CORPUS, 'seed-a-res-77-176.gold.json'), 'utf8')) as {
      mentions: { kind: string; key: string }[];
    };
    for (const m of gold.mentions) expect(found).toContain(`${m.kind} ${m.key}`);
    // The footnotes that were broken by Markdown escapes, and the Ibid. that repeats one of them.
    expect(found).toContain('resolution A/RES/217(III)');
    expect(found.filter((k) => k === 'resolution A/RES/2200(XXI)')).toHaveLength(2);
  });

  test('shows no Markdown escapes or markup as text', () => {
    expect(pageText).not.toMatch(/\\[()[\]*_]/);
    expect(pageText).not.toMatch(/\[[^\]]*\]\(#\)|<sup>|\*[A-Z]/);
    expect(pageText).toContain('Resolution 217 A (III).');
  });

  test('footnotes come after the text, once each, in order, each linked from its marker', () => {
    const { footnotes } = readDocument(
      readFileSync(join(import.meta.dirname, '..', 'demo', 'a-res-77-176.source.md'), 'utf8'),
    );
    expect(footnotes.map((f: { n: number }) => f.n)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    const notesAt = html.indexOf('<section class="footnotes"');
    expect(notesAt).toBeGreaterThan(html.lastIndexOf('18. <em>Decides</em>'));
    for (let n = 1; n <= 22; n++) {
      expect(html).toContain(`<li value="${n}" id="fn${n}">`);
      expect(html.indexOf(`href="#fn${n}"`)).toBeLessThan(notesAt);
    }
  });

  test('a paragraph broken by a page of footnotes reads as one paragraph; operative paragraphs stand apart', () => {
    expect(html).toMatch(
      /<p>Recalling its resolutions 58\/208[^\n]*and the declaration on the occasion of the twenty-fifth[^\n]*<\/p>\n/,
    );
    expect(html).toContain(
      'sustainable development, with due regard for social, economic and environmental dimensions, and should be addressed in a balanced manner',
    );
    for (let n = 1; n <= 18; n++) expect(html).toMatch(new RegExp(`<p class="op">${n}\\. `));
    expect(html.match(/<p class="sub">\([a-p]\) /g)).toHaveLength(16);
  });
});

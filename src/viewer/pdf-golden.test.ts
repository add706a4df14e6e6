/**
 * Golden test on real pdf.js output: test/fixtures/pdf/a-res-77-176.items.json is what pdf.js 6.5.438 reported
 * in Chromium for the 7-page PDF of A/RES/77/176 (scripts/make-test-pdfs.mjs, recorded with
 * scripts/record-pdf-items.mjs). Built into text and scanned page by page, the PDF must read as the plain text
 * of the same resolution reads: the same citations, none from page furniture or footnote markers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { viewerFind as find } from '../../scripts/lib/pdf-gold';
import { readDev } from '../../test/corpus';
import { readDocument } from './annotate';
import type { TextItemLike } from './pdf-text';

const root = join(import.meta.dirname, '../..');
const recorded = JSON.parse(
  readFileSync(join(root, 'test/fixtures/pdf/a-res-77-176.items.json'), 'utf8'),
) as {
  pages: { view: number[]; items: TextItemLike[] }[];
};
const plainText = readDev('seed-a-res-77-176.txt');

// Read as the viewer reads it: page 1 first, its masthead symbol for the running heads of the others.
const { texts: built, identity, annotations } = readDocument(recorded.pages, find);
const texts = built.map((t) => t!);

const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());

describe('A/RES/77/176 as pdf.js reads it', () => {
  test('identity from the masthead; every running head and footer left out of the text', () => {
    expect(identity.key).toBe('A/RES/77/176');
    expect(texts.slice(1).map((t) => t.furniture.map((f) => f.role))).toEqual(
      texts.slice(1).map(() => ['running-head', 'furniture']),
    );
    for (const t of texts) expect(t.text).not.toMatch(/22-28767|\*2228767\*/);
  });

  test('22 footnotes, in order, each on the page of its marker', () => {
    const notes = texts.flatMap((t) => t.footnotes.map((f) => f.label));
    expect(notes).toEqual(Array.from({ length: 22 }, (_, i) => String(i + 1)));
    texts.forEach((t) => {
      expect(t.markers.map((m) => m.label)).toEqual(t.footnotes.map((f) => f.label));
    });
  });

  test('body paragraphs read as in the plain text (markers out, hyphens and cut symbols joined)', () => {
    const body = texts.map((t) => t.text.slice(0, t.bodyEnd)).join(' ');
    for (const sentence of [
      'Commission on Population and Development resolutions 2006/2 of 10 May 2006, 2008/1 of 11 April 2008,',
      'the achievements of the Millennium Development Goals',
      'the Sendai Framework for Disaster Risk Reduction 2015–2030',
    ]) {
      expect(body).toContain(sentence);
    }
    const notes = texts.map((t) => t.text.slice(t.bodyEnd)).join(' ');
    expect(notes).toContain('Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision 1/CP.21.');
    expect(notes).toContain('Ibid., 2008, Supplement No. 5 (E/2008/25), chap. I, sect. B.');
  });

  test('the same citations as the plain text, page by page', () => {
    const pdf = annotations.flatMap((a) => a!.mentions.map((m) => `${m.kind} ${m.key}`));
    const plain = find(plainText, {}).mentions.map((m) => `${m.kind} ${m.key}`);
    expect([...count(pdf)].sort()).toEqual([...count(plain)].sort());
  });
});

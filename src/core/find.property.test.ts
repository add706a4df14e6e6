import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCitations } from './find';

/** Pieces of real citation text, so that random strings often contain near-citations. */
const PIECES = [
  'resolution ',
  'résolution ',
  'resolución ',
  'резолюции ',
  '第',
  '号决议',
  'قرار ',
  'its ',
  'General Assembly ',
  'Ibid.',
  '同上，',
  'United Nations, Treaty Series, vol. ',
  'No. ',
  'A/RES/',
  'S/RES/',
  'A/',
  'E/CN.4/',
  '73/195',
  '2334 (2016)',
  '217 A (III)',
  ' of 19 December 2018',
  ', ',
  ' and ',
  '、',
  '\n',
  '\u00AD',
  '\u00A0',
  '（',
  '）',
  '٧٣',
  '/',
  '(',
  ')',
  '1',
  '-',
];

const citationish = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 40 })
  .map((a) => a.join(''));
const anyText = fc.oneof(citationish, fc.string({ unit: 'binary', maxLength: 200 }));

describe('findCitations properties', () => {
  it('never throws; offsets map back to the surface; sorted; never overlapping', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { mentions } = findCitations(text);
        let prev: { offset: number; end: number; kind: string } | undefined;
        for (const m of mentions) {
          expect(text.slice(m.offset, m.end)).toBe(m.surface);
          expect(m.end).toBeGreaterThan(m.offset);
          // Only the numbers inside one expanded range share a span (same kind, same offsets).
          const shared = prev && prev.offset === m.offset && prev.end === m.end && prev.kind === m.kind;
          if (!shared) expect(m.offset).toBeGreaterThanOrEqual(prev?.end ?? 0);
          prev = m;
        }
      }),
      { numRuns: 400 },
    );
  });
  it('scanning twice gives the same result', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(findCitations(text)).toEqual(findCitations(text));
      }),
      { numRuns: 200 },
    );
  });
  it('identity spans map back to the text', () => {
    fc.assert(
      fc.property(citationish, (text) => {
        for (const s of findCitations(`A/RES/77/176\n${text}`).identity.spans) {
          expect(`A/RES/77/176\n${text}`.slice(s.offset, s.end)).toBe(s.surface);
        }
      }),
      { numRuns: 200 },
    );
  });
});

import { expect, test } from 'vitest';
import { findInPages, findPattern } from './find-text';
import { buildPageText } from './pdf-text';
import { layout } from './test-layout';

// A/RES/77/176 as its PDF breaks it: a hyphenated word and a symbol cut at a line end.
const page = buildPageText(
  layout([
    { runs: ['in a balanced and integrated manner, and to building upon the achievem-'], y: 700 },
    { runs: ['ents of the Millennium Development Goals, as adopted in FCCC/CP/2015/10/Add.'], y: 688 },
    { runs: ['1, decision 1/CP.21, and the Paris Agreement'], y: 676 },
  ]),
  { pageHeight: 842, pageNumber: 2 },
);

test.each([
  ['achievements of the Millennium', 1],
  ['ACHIEVEMENTS   of   the', 1],
  ['FCCC/CP/2015/10/Add.1', 1],
  ['decision 1/CP.21', 1],
  ['Paris Agreement', 1],
  ['(CP', 0],
  ['Kyoto Protocol', 0],
])('find %s → %i', (query, n) => {
  expect(findInPages([undefined, page], query).length).toBe(n);
});

test('hits carry their page; an empty query finds nothing; regex characters are literal', () => {
  expect(findInPages([undefined, page], 'Agreement')[0]?.page).toBe(1);
  expect(findInPages([page], '   ')).toEqual([]);
  expect(findPattern('1/CP.21')?.test('1/CPX21')).toBe(false);
});

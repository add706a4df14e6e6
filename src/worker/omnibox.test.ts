import { expect, test, vi } from 'vitest';

vi.mock('../shared/browser', () => ({ browser: {}, t: (n: string) => n }));
const { documentUrl, omniboxTarget } = await import('./omnibox');

const getURL = (p: string) => `chrome-extension://id/${p}`;

test.each([
  ['73/195', 'https://undocs.org/en/A/RES/73/195'],
  ['resolution 73/195', 'https://undocs.org/en/A/RES/73/195'],
  ['a/res/77/176', 'https://undocs.org/en/A/RES/77/176'],
  ['2334 (2016)', 'https://undocs.org/en/S/RES/2334(2016)'],
  ['E/CN.4/1998/53/Add.2', 'https://undocs.org/en/E/CN.4/1998/53/Add.2'],
])('"un %s" opens the document', (typed, url) => {
  expect(omniboxTarget(typed, getURL)).toBe(url);
});

test('the link language follows the reader', () => {
  expect(omniboxTarget('73/195', getURL, 'fr')).toBe('https://undocs.org/fr/A/RES/73/195');
});

test('words open the trace view search instead', () => {
  expect(omniboxTarget('international migration', getURL)).toBe(
    'chrome-extension://id/src/trace/index.html?q=international+migration',
  );
});

test('keys without a document symbol do not go to undocs.org', () => {
  expect(documentUrl('UNTS I-30822')).toBeUndefined();
  expect(documentUrl('Sales No. 95.XIII.18')).toBeUndefined();
  expect(documentUrl('CPD res 2006/2')).toBeUndefined();
  expect(documentUrl('A/RES/217(III)')).toBe('https://undocs.org/en/A/RES/217(III)');
});

import { describe, expect, test, vi } from 'vitest';

vi.mock('../shared/browser', () => ({
  browser: {},
  chromeSidePanel: () => undefined,
  firefoxSidebar: () => undefined,
  t: (n: string) => n,
}));
const { keyFromUrl, traceTargetFromClick } = await import('./trace');

describe('keyFromUrl: links to UN documents as they appear on UN pages', () => {
  test.each([
    ['https://undocs.org/en/A/RES/73/195', 'A/RES/73/195'],
    ['https://undocs.org/A/RES/77/176', 'A/RES/77/176'],
    ['https://undocs.org/fr/S/RES/2334(2016)', 'S/RES/2334(2016)'],
    ['https://undocs.org/en/A/77/445/Add.2', 'A/77/445/Add.2'],
    ['https://docs.un.org/en/E/2006/25', 'E/2006/25'],
    ['https://undocs.org/Home/Mobile?FinalSymbol=A%2FRES%2F77%2F176', undefined],
    ['https://documents.un.org/doc/undoc/gen/n22/757/64/pdf/n2275764.pdf', undefined],
    ['https://documents.un.org/symbol-explorer?s=A/RES/70/1&i=A/RES/70/1_8496262', 'A/RES/70/1'],
    ['https://www.un.org/en/about-us', undefined],
    ['https://undocs.org/en/', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, key) => {
    expect(keyFromUrl(url)).toBe(key);
  });
});

describe('traceTargetFromClick', () => {
  test('a link to a UN document wins over the selection', () => {
    expect(
      traceTargetFromClick(
        { linkUrl: 'https://undocs.org/en/A/RES/73/195', selectionText: 'resolution 70/1' },
        4,
      ),
    ).toEqual({ key: 'A/RES/73/195', tabId: 4 });
  });

  test.each([
    ['resolution 73/195', 'A/RES/73/195'],
    ['General Assembly resolution 76/266', 'A/RES/76/266'],
    ['  73/195  ', 'A/RES/73/195'],
    ['resolution 2334 (2016)', 'S/RES/2334(2016)'],
    ['A/77/445/Add.2', 'A/77/445/Add.2'],
  ])('a selection that reads as a key: %s', (selectionText, key) => {
    expect(traceTargetFromClick({ selectionText }, 9)).toEqual({ key, tabId: 9 });
  });

  test('a selection without a citation becomes a search', () => {
    expect(traceTargetFromClick({ selectionText: 'the protection of migrants' })).toEqual({
      query: 'the protection of migrants',
    });
  });

  test('a link elsewhere with no selection traces the page (the view asks the tab)', () => {
    expect(
      traceTargetFromClick({ linkUrl: 'https://example.org/x', pageUrl: 'https://www.un.org/' }, 12),
    ).toEqual({
      tabId: 12,
    });
  });
});

/**
 * The omnibox keyword "un" (registered by the worker): what Enter opens for what the reader typed after
 * "un ". A key opens its document on undocs.org; a key without a document, or free text, opens the trace view.
 */
import { describe, expect, test, vi } from 'vitest';

// The worker module reaches the browser only through the seam; its pure target function needs none of it.
vi.mock('../../../src/shared/browser', () => ({ browser: {}, t: (name: string) => name }));
const { omniboxTarget } = await import('../../../src/worker/omnibox');

const getURL = (p: string) => `chrome-extension://id/${p}`;

describe('omnibox "un …" + Enter', () => {
  test.each([
    ['73/195', 'en', 'https://undocs.org/en/A/RES/73/195'],
    ['resolution 77/176', 'en', 'https://undocs.org/en/A/RES/77/176'],
    ['S/RES/2334 (2016)', 'en', 'https://undocs.org/en/S/RES/2334(2016)'],
    ['2334 (2016)', 'fr', 'https://undocs.org/fr/S/RES/2334(2016)'],
    ['E/CN.4/1998/53/Add.2', 'es', 'https://undocs.org/es/E/CN.4/1998/53/Add.2'],
    ['217 A (III)', 'en', 'https://undocs.org/en/A/RES/217(III)'],
  ] as const)('"un %s" (%s) opens the document', (typed, lang, url) => {
    expect(omniboxTarget(typed, getURL, lang)).toBe(url);
  });

  test('a Treaty Series key has no document symbol: it opens the trace view on the key', () => {
    const url = new URL(omniboxTarget('UNTS I-30822', getURL, 'en'));
    expect(url.pathname).toBe('/src/trace/index.html');
    expect(url.searchParams.get('key')).toBe('UNTS I-30822');
  });

  test('free text opens the trace view with it as the search', () => {
    const url = new URL(omniboxTarget('  international migration ', getURL, 'en'));
    expect(url.pathname).toBe('/src/trace/index.html');
    expect(url.searchParams.get('q')).toBe('international migration');
  });
});

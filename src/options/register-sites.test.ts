import { describe, expect, test, vi } from 'vitest';

// The seam is the only browser dependency; these functions are pure.
vi.mock('../shared/browser', () => ({ browser: {} }));
const { hostFromInput, originsFor } = await import('./register-sites');

describe('hostFromInput', () => {
  test.each([
    ['example.org', 'example.org'],
    ['https://Www.Refworld.org/legal/resolution/unga/1955/en/10282', 'www.refworld.org'],
    ['  unscr.com ', 'unscr.com'],
    ['http://malaysiaunsc.kln.gov.my/index.php', 'malaysiaunsc.kln.gov.my'],
    ['ftp://example.org', null],
    ['localhost', null],
    ['', null],
    ['not a host', null],
  ])('%j → %j', (input, want) => {
    expect(hostFromInput(input)).toBe(want);
  });
});

test('a host gives one match pattern for http and https', () => {
  expect(originsFor('unscr.com')).toEqual(['*://unscr.com/*']);
});

import { describe, expect, test } from 'vitest';
import { parseTraceParams, TRACE_PAGE, tracePagePath, traceSearch } from './trace-page';

describe('trace page URL', () => {
  test.each([
    ['?key=A%2FRES%2F77%2F176&tab=12', { key: 'A/RES/77/176', tabId: 12 }],
    ['?q=resolution+73%2F195&tab=3', { query: 'resolution 73/195', tabId: 3 }],
    ['?key=&q=%20%20&tab=x', {}],
    ['', {}],
  ])('%s', (search, expected) => {
    expect(parseTraceParams(search)).toEqual(expected);
    // What the view writes back reads the same.
    expect(parseTraceParams(traceSearch(expected))).toEqual(expected);
  });

  test('tracePagePath encodes the target for the trace page', () => {
    expect(tracePagePath({ key: 'S/RES/2334(2016)', tabId: 3 })).toBe(
      `${TRACE_PAGE}?key=S%2FRES%2F2334%282016%29&tab=3`,
    );
    expect(tracePagePath({ query: 'migrant remittances' })).toBe(`${TRACE_PAGE}?q=migrant+remittances`);
    expect(tracePagePath({})).toBe(TRACE_PAGE);
    const url = new URL(`chrome-extension://x/${tracePagePath({ key: 'A/RES/77/176' })}`);
    expect(url.searchParams.get('key')).toBe('A/RES/77/176');
    // The page reads back what the worker, omnibox and popup write.
    expect(parseTraceParams(url.search)).toEqual({ key: 'A/RES/77/176' });
  });
});

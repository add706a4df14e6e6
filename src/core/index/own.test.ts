import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildIndex } from '../../../scripts/lib/build-index';
import type { CitationIndex } from './citation-index';
import { loadIndex } from './index';
import { own } from './own';

const PROTO_NAMES = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', 'isPrototypeOf'];

describe('own', () => {
  test('a table answers only for its own keys', () => {
    const table = JSON.parse('{"A/RES/73/195": 1, "__proto__": 2}') as Record<string, number>;
    expect(own(table, 'A/RES/73/195')).toBe(1);
    expect(own(table, '__proto__')).toBe(2);
    for (const name of PROTO_NAMES.filter((n) => n !== '__proto__')) expect(own(table, name)).toBeUndefined();
  });
});

// The real index, built from the committed data/ tables and served from memory as the worker's fetch would.
describe('keys named like Object.prototype members are ordinary strings in the index', () => {
  let index: CitationIndex;
  beforeAll(async () => {
    const files = buildIndex(join(import.meta.dirname, '..', '..', '..', 'data')).files;
    index = await loadIndex(async (path) => {
      const v = files.get(path);
      if (v === undefined) throw new Error(`404 ${path}`);
      return typeof v === 'string'
        ? v
        : (v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength) as ArrayBuffer);
    });
  }, 120_000);

  test.each(PROTO_NAMES)('"%s": search, lookup and trace answer as for any unknown word', async (name) => {
    const hits = await index.search(name);
    expect(Array.isArray(hits)).toBe(true);
    for (const h of hits) expect(typeof h.key).toBe('string');
    const card = await index.lookup(name);
    expect(card.known).toBe(false);
    expect(card.entry).toBeUndefined();
    const trace = await index.trace(name);
    expect(trace.counts).toEqual({ recalls: 0, citedBy: 0, series: 0 });
  });

  test('a real query still finds its resolution (the guard changes no answer)', async () => {
    const hits = await index.search('International migration and development');
    expect(hits.map((h) => h.key)).toContain('A/RES/77/176');
    expect((await index.lookup('A/RES/77/176')).entry?.date).toBe('2022-12-14');
  });
});

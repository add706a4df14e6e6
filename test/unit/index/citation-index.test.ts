import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../../scripts/lib/build-index.ts';
import {
  INDEX_LAYOUT,
  IndexError,
  loadIndex,
  type ManifestIndex,
  openIndex,
  shardOf,
} from '../../../src/core/index/index.ts';
import type { IndexFetcher } from '../../../src/core/index/types.ts';

// Built once from the committed data/ tables (real rows), served from memory as the worker's fetch would.
let files: Map<string, Uint8Array | string>;
let index: ManifestIndex;
const bytes = (v: Uint8Array | string): ArrayBuffer => {
  const u = typeof v === 'string' ? new TextEncoder().encode(v) : v;
  return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
};
const memory =
  (overrides: Record<string, Uint8Array | string> = {}): IndexFetcher =>
  async (path) => {
    const v = overrides[path] ?? files.get(path);
    if (v === undefined) throw new Error(`404 ${path}`);
    return bytes(v);
  };

beforeAll(async () => {
  files = buildIndex(join(import.meta.dirname, '../../../data')).files;
  index = await loadIndex(memory());
}, 120_000);

describe('lookup (real rows)', () => {
  it('GA 77/176: title, date, session, titles in other languages, undocs link', async () => {
    const card = await index.lookup('A/RES/77/176');
    expect(card.known).toBe(true);
    expect(card.entry?.title).toBe('International migration and development');
    expect(card.entry?.date).toBe('2022-12-14');
    expect(card.entry?.session).toBe('77');
    expect(card.entry?.titles?.fr).toBe('Migrations internationales et développement');
    expect(card.links).toContainEqual({ label: 'undocs', url: 'https://undocs.org/en/A/RES/77/176' });
  });

  it('accepts any spelling of the key', async () => {
    expect((await index.lookup('a/res/77/176')).entry?.date).toBe('2022-12-14');
    expect((await index.lookup('resolution 77/176')).key).toBe('A/RES/77/176');
  });

  it('SC 2334 (2016): date, votes 14-0-1, Digital Library record', async () => {
    const card = await index.lookup('S/RES/2334 (2016)', 'fr');
    expect(card.key).toBe('S/RES/2334(2016)');
    expect(card.entry?.date).toBe('2016-12-23');
    expect(card.entry?.votes).toMatchObject({ yes: 14, no: 0, abstain: 1 });
    expect(card.links).toContainEqual({
      label: 'digital-library',
      url: 'https://digitallibrary.un.org/record/853446',
    });
    expect(card.links[0]?.url).toBe('https://undocs.org/fr/S/RES/2334(2016)');
  });

  it('old-style GA, HRC, ECOSOC and MTDSG entries', async () => {
    expect((await index.lookup('217 A (III)')).entry?.date).toBe('1948-12-10');
    expect((await index.lookup('A/HRC/RES/51/3')).entry?.date).toBe('2022-10-06');
    // "Adopted as orally revised by a recorded vote (34 to 2, with 11 abstentions), 39th meeting, 29 September 2016"
    expect((await index.lookup('A/HRC/RES/33/14')).entry?.votes).toMatchObject({
      yes: 34,
      no: 2,
      abstain: 11,
    });
    expect((await index.lookup('E/RES/2021/1')).entry?.title).toBe(
      'Working arrangements for the 2021 session of the Economic and Social Council',
    );
    const crc = await index.lookup('MTDSG IV-11');
    expect(crc.entry?.title).toBe('Convention on the Rights of the Child');
    expect(crc.entry?.date).toBe('1989-11-20');
    expect(crc.entry?.place).toBe('New York');
  });

  it('Treaty Series entry mined from footnotes, with titles per language and the volume link', async () => {
    const card = await index.lookup('UNTS I-27531');
    expect(card.entry?.title).toBe('Convention on the Rights of the Child');
    expect(card.entry?.titles?.zh).toBe('儿童权利公约');
    expect(card.entry?.volumes).toContain(1577);
    expect(card.links.some((l) => l.label === 'unts' && l.url.includes('v1577'))).toBe(true);
  });

  it('an instrument known only to the gazetteer gets a card with its titles (Paris Agreement)', async () => {
    const card = await index.lookup('UNTS I-54113');
    expect(card.entry?.title).toBe('Paris Agreement');
    expect(card.entry?.titles?.fr).toBe('Accord de Paris');
    expect((await index.search('Accord de Paris'))[0]?.key).toBe('UNTS I-54113');
  });

  it('a resolution missing from the tables gets the date and subject its citing text gives, marked derived', async () => {
    const card = await index.lookup('A/RES/60/206');
    const fact = card.entry?.derived?.find((d) => d.date);
    expect(fact?.date).toBe('2005-12-22');
    expect(fact?.source).toMatch(/^A\/RES\/7\d\//);
    expect(fact?.subject).toContain('cost of transfer of migrant remittances');
  });

  it('an unknown key gives a card derived from the key alone', async () => {
    const card = await index.lookup('A/RES/99/1');
    expect(card.known).toBe(false);
    expect(card.session).toBe('99');
    expect(card.years).toEqual([2044, 2045]);
    expect(card.links[0]?.url).toBe('https://undocs.org/en/A/RES/99/1');
  });
});

describe('trace', () => {
  it('77/176 recalls its predecessors 58/208 … 75/226 and sits in the migration series', async () => {
    const t = await index.trace('A/RES/77/176');
    const recalled = t.recalls.map((e) => e.key);
    for (const k of [
      '58/208',
      '59/241',
      '60/227',
      '61/208',
      '63/225',
      '65/170',
      '67/219',
      '69/229',
      '71/237',
      '73/241',
      '75/226',
    ])
      expect(recalled).toContain(`A/RES/${k}`);
    expect(t.recalls.find((e) => e.key === 'A/RES/58/208')?.placements).toContain('preamble');
    expect(t.counts.recalls).toBe(t.recalls.length);
    // The series reaches back before session 74 through the subject citing texts give.
    expect(t.series?.title).toBe('International migration and development');
    expect(t.series?.keys.slice(0, 3)).toEqual(['A/RES/58/208', 'A/RES/59/241', 'A/RES/60/227']);
    expect(t.series?.keys).toEqual(expect.arrayContaining(['A/RES/75/226', 'A/RES/77/176', 'A/RES/79/217']));
    expect(t.series?.keys).not.toContain('A/RES/60/206');
  });

  it('summaries give titles and dates of a trace neighbourhood from one file', async () => {
    const t = await index.trace('A/RES/77/176');
    const s = await index.summaries(t.recalls.map((e) => e.key));
    expect(s.get('A/RES/75/226')).toEqual({
      title: 'International migration and development',
      date: '2020-12-21',
    });
    // Known only from citing texts: the subject they give and the date they write.
    expect(s.get('A/RES/58/208')?.date).toBe('2003-12-23');
    expect(s.has('E/2006/25')).toBe(false);
  });

  it('cited-by: 75/226 is cited by 77/176', async () => {
    const t = await index.trace('A/RES/75/226');
    expect(t.citedBy.map((e) => e.key)).toContain('A/RES/77/176');
  });

  it('a treaty is cited by the texts whose footnotes give its Treaty Series number', async () => {
    const t = await index.trace('UNTS I-27531');
    expect(t.counts.citedBy).toBeGreaterThan(100);
    expect(t.citedBy.filter((e) => e.placements.includes('footnote')).length).toBeGreaterThan(100);
  });

  it('SC resolutions recall earlier ones (gold texts): 834 (1993) recalls 696 (1991)', async () => {
    const t = await index.trace('S/RES/834(1993)');
    expect(t.recalls.map((e) => e.key)).toContain('S/RES/696(1991)');
  });
});

describe('search', () => {
  it.each([
    ['2334 (2016)', 'S/RES/2334(2016)'],
    ['S/RES/2334(2016)', 'S/RES/2334(2016)'],
    ['a/res/73/195', 'A/RES/73/195'],
    ['73/195', 'A/RES/73/195'],
    ['E/CN.4/1998/53/Add.2', 'E/CN.4/1998/53/Add.2'],
  ])('key spelling %s → %s', async (q, key) => {
    const hits = await index.search(q);
    expect(hits[0]?.key).toBe(key);
    expect(hits[0]?.match).toBe('key');
  });

  it.each([
    ['international migration development', 'A/RES/77/176'],
    ['Migrations internationales et développement', 'A/RES/77/176'],
    ['Convention relative aux droits de l’enfant', 'UNTS I-27531'],
    ['儿童权利公约', 'UNTS I-27531'],
    ['cessation of Israeli settlement', 'S/RES/2334(2016)'],
    ['Конвенция о правах ребенка', 'UNTS I-27531'],
    ['اتفاقية حقوق الطفل', 'UNTS I-27531'],
    ['migratoin developement', 'A/RES/77/176'],
    ['internat migrat develop', 'A/RES/77/176'],
    ['2334', 'S/RES/2334(2016)'],
  ])('title words %s find %s', async (q, key) => {
    const hits = await index.search(q, 50);
    expect(hits.map((h) => h.key)).toContain(key);
    expect(hits.every((h) => h.match === 'text')).toBe(true);
  });

  it('ranks the exact title first and gives the title in the query script', async () => {
    const [first] = await index.search('Migración internacional y desarrollo', 5);
    expect(first?.title).toMatch(
      /International migration and development|Migración internacional y desarrollo/,
    );
    const ru = await index.search('Международная миграция и развитие', 5);
    expect(ru[0]?.title).toBe('Международная миграция и развитие');
  });

  it('finds nothing for words no title has, and a corrupt search file is a typed error', async () => {
    expect(await index.search('zzqxv wqqz')).toEqual([]);
    const broken = await loadIndex(
      memory({ 'search/latin-docs.json.gz': new Uint8Array([31, 139, 8, 0, 1, 2]) }),
    );
    await expect(broken.search('migration')).rejects.toMatchObject({ name: 'IndexError', code: 'corrupt' });
  });
});

describe('errors are typed, never a dead index', () => {
  const shardOf77 = async () => {
    const { shardOf } = await import('../../../src/core/index/keys.ts');
    return `shards/${shardOf('A/RES/77/176', index.manifest.shards)}.json.gz`;
  };

  it('a truncated shard gives IndexError corrupt, and other shards still answer', async () => {
    const path = await shardOf77();
    const broken = await loadIndex(memory({ [path]: (files.get(path) as Uint8Array).slice(0, 500) }));
    await expect(broken.lookup('A/RES/77/176')).rejects.toMatchObject({
      name: 'IndexError',
      code: 'corrupt',
      path,
    });
    const { shardOf } = await import('../../../src/core/index/keys.ts');
    const other = ['S/RES/2334(2016)', 'A/RES/73/195', 'UNTS I-27531', 'A/RES/217(III)'].find(
      (k) => `shards/${shardOf(k, index.manifest.shards)}.json.gz` !== path,
    );
    expect((await broken.lookup(other!)).known).toBe(true);
    // The failure is not cached for ever: a later call retries and fails the same typed way.
    await expect(broken.lookup('A/RES/77/176')).rejects.toBeInstanceOf(IndexError);
  });

  it('a missing file gives IndexError missing; a wrong format gives version', async () => {
    const path = await shardOf77();
    const fetcher: IndexFetcher = async (p) => {
      if (p === path) throw new Error('net::ERR_FILE_NOT_FOUND');
      return bytes(files.get(p)!);
    };
    const err = await (await loadIndex(fetcher)).lookup('A/RES/77/176').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexError);
    expect((err as IndexError).code).toBe('missing');
    await expect(loadIndex(memory({ 'manifest.json': '{"format":0,"counts":{}}' }))).rejects.toMatchObject({
      code: 'version',
    });
    await expect(loadIndex(memory({ 'manifest.json': '\u0000garbage' }))).rejects.toBeInstanceOf(IndexError);
  });
});

describe('a fetcher that hands over a stream (the worker gives a fetch’s body)', () => {
  const streamOf = (v: Uint8Array | string) => new Blob([bytes(v)]).stream();
  const streaming =
    (overrides: Record<string, Uint8Array | string> = {}): IndexFetcher =>
    async (path) => {
      const v = overrides[path] ?? files.get(path);
      if (v === undefined) throw new Error(`404 ${path}`);
      return path.endsWith('.json') ? (typeof v === 'string' ? v : new TextDecoder().decode(v)) : streamOf(v);
    };

  it('inflates a gzip shard as it arrives: the same card as from bytes', async () => {
    const opened = await loadIndex(streaming());
    expect(await opened.lookup('A/RES/77/176', 'fr')).toEqual(await index.lookup('A/RES/77/176', 'fr'));
    expect(await opened.search('migration', 5)).toEqual(await index.search('migration', 5));
  });

  it('a truncated or garbled stream is IndexError corrupt, not a bare TypeError', async () => {
    const path = `shards/${shardOf('A/RES/77/176', INDEX_LAYOUT.shards)}.json.gz`;
    const whole = files.get(path) as Uint8Array;
    for (const broken of [whole.slice(0, 500), new Uint8Array([31, 139, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8])]) {
      const opened = await loadIndex(streaming({ [path]: broken }));
      await expect(opened.lookup('A/RES/77/176')).rejects.toMatchObject({
        name: 'IndexError',
        code: 'corrupt',
        path,
      });
    }
  });
});

describe('openIndex: the shipped index, opened without its manifest (the worker’s)', () => {
  function logged(overrides: Record<string, Uint8Array | string> = {}) {
    const log: string[] = [];
    const inner = memory(overrides);
    const fetcher: IndexFetcher = async (path) => {
      log.push(path);
      return inner(path);
    };
    return { log, fetcher };
  }
  const shard77 = `shards/${shardOf('A/RES/77/176', INDEX_LAYOUT.shards)}.json.gz`;

  it('the built index is laid out as the reader expects', () => {
    const manifest = JSON.parse(files.get('manifest.json') as string) as Record<string, unknown>;
    expect(manifest).toMatchObject({ ...INDEX_LAYOUT });
  });

  it('opening reads nothing; a cold lookup reads one file, its key’s shard, and answers as loadIndex’s', async () => {
    const { log, fetcher } = logged();
    const opened = openIndex(fetcher);
    expect(log).toEqual([]);
    const card = await opened.lookup('resolution 77/176', 'fr');
    expect(log).toEqual([shard77]);
    expect(card).toEqual(await index.lookup('A/RES/77/176', 'fr'));
    await opened.lookup('A/RES/77/176');
    expect(log).toEqual([shard77]); // kept for the worker's life
    expect(await opened.trace('A/RES/77/176')).toEqual(await index.trace('A/RES/77/176'));
    expect(await opened.search('migration', 5)).toEqual(await index.search('migration', 5));
  });

  it('a shard of another format, or another shard in its place, is a typed error, not a wrong card', async () => {
    const wrong = (v: Record<string, unknown>) => new Uint8Array(gzipSync(JSON.stringify(v)));
    const real = JSON.parse(gunzipSync(files.get(shard77) as Uint8Array).toString('utf8')) as Record<
      string,
      unknown
    >;
    const other = (real.shard as number) === 0 ? 1 : 0;
    await expect(
      openIndex(memory({ [shard77]: wrong({ ...real, format: 0 }) })).lookup('A/RES/77/176'),
    ).rejects.toMatchObject({ name: 'IndexError', code: 'version' });
    await expect(
      openIndex(memory({ [shard77]: wrong({ ...real, shard: other }) })).lookup('A/RES/77/176'),
    ).rejects.toMatchObject({ name: 'IndexError', code: 'corrupt', path: shard77.replace(/\.gz$/, '') });
  });

  it('a missing shard fails its lookups as IndexError missing; other shards still answer', async () => {
    const fetcher: IndexFetcher = async (path) => {
      if (path === shard77) throw new IndexError('missing', path, 'not shipped');
      return memory()(path);
    };
    const opened = openIndex(fetcher);
    await expect(opened.lookup('A/RES/77/176')).rejects.toMatchObject({
      name: 'IndexError',
      code: 'missing',
    });
    const other = ['S/RES/2334(2016)', 'A/RES/73/195', 'UNTS I-27531'].find(
      (k) => `shards/${shardOf(k, INDEX_LAYOUT.shards)}.json.gz` !== shard77,
    );
    expect((await opened.lookup(other!)).known).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { normTitle, SHARDS, seriesTitle } from '../../../scripts/lib/build-index.ts';
import { buildShards } from '../../../scripts/lib/build-index-graph.ts';
import { shardOf } from '../../../src/core/index/keys.ts';
import { own } from '../../../src/core/index/own.ts';
import type { IndexEntry, ShardRecord } from '../../../src/core/index/types.ts';

// Titles from combined/ga_resolutions_combined.csv and untreaties-zmjones/index.csv.
describe('seriesTitle groups near-same titles of one recurring item', () => {
  it.each([
    [
      'Report of the International Law Commission on the work of its seventy-third session',
      'Report of the International Law Commission on the work of its fifty-fourth session',
    ],
    ['International migration and development', 'International Migration and Development'],
    [
      'Third United Nations Decade for the Eradication of Poverty (2018–2027)',
      'Second United Nations Decade for the Eradication of Poverty (2008–2017)',
    ],
  ])('%s ≈ %s', (a, b) => {
    expect(seriesTitle(a)).toBe(seriesTitle(b));
  });

  it.each([
    ['International migration and development', 'Protection of migrants'],
    ['Oceans and the law of the sea', 'Sustainable fisheries'],
  ])('%s ≠ %s', (a, b) => {
    expect(seriesTitle(a)).not.toBe(seriesTitle(b));
  });

  it('treaty titles keep ordinals and years (normTitle)', () => {
    expect(
      normTitle('Second Optional Protocol to the International Covenant on Civil and Political Rights'),
    ).not.toBe(normTitle('Optional Protocol to the International Covenant on Civil and Political Rights'));
    expect(normTitle('International Coffee Agreement, 1968')).not.toBe(
      normTitle('International Coffee Agreement, 1976'),
    );
    expect(normTitle('The Convention on the Rights of the Child')).toBe(
      normTitle('Convention on the rights of the child'),
    );
  });
});

describe('shards store keys spelled like Object.prototype members as keys', () => {
  it('"__proto__" and "constructor" entries survive JSON and are read back as their own records', () => {
    const entries = new Map<string, IndexEntry>(
      ['__proto__', 'constructor', 'A/RES/77/176'].map((key) => [
        key,
        { key, kind: 'document', body: 'OTHER', title: `title of ${key}` },
      ]),
    );
    const shards = buildShards(entries, { out: new Map(), inn: new Map(), edgeCount: 0, dropped: 0 });
    const back = shards.map((s) => JSON.parse(JSON.stringify(s)) as Record<string, ShardRecord>);
    for (const key of entries.keys()) {
      const shard = back[shardOf(key, SHARDS)]!;
      expect(own(shard, key)?.entry.title).toBe(`title of ${key}`);
    }
    // Nothing inherited is taken for a record.
    expect(own(back[shardOf('toString', SHARDS)]!, 'toString')).toBeUndefined();
  });
});

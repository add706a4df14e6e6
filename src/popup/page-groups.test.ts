import { describe, expect, test } from 'vitest';
import { readDev } from '../../test/corpus';
import type { Kind } from '../core/mention';
import type { PageMention } from '../shared/protocol';
import { groupPageCitations, uniqueKeys } from './page-groups';

// The gold mentions of General Assembly resolution 77/176 (the dev corpus), as a content script would
// report them: page order, an index each.
const gold = JSON.parse(readDev('seed-a-res-77-176.gold.json')) as {
  mentions: { surface: string; kind: Kind; key: string; offset: number }[];
};
const mentions: PageMention[] = gold.mentions.map((m, index) => ({
  ...m,
  end: m.offset + m.surface.length,
  index,
}));

const row = (data: ReturnType<typeof groupPageCitations>, kind: Kind, key: string) =>
  data.groups.find((g) => g.kind === kind)?.items.find((i) => i.key === key);

describe('groupPageCitations on the mentions of A/RES/77/176', () => {
  const data = groupPageCitations(mentions);

  test('one row per cited key and kind, every mention counted once', () => {
    const rows = data.groups.flatMap((g) => g.items);
    expect(data.total).toBe(gold.mentions.length);
    expect(rows.reduce((n, r) => n + r.indices.length, 0)).toBe(gold.mentions.length);
    expect(new Set(rows.map((r) => `${r.kind} ${r.key}`)).size).toBe(rows.length);
  });

  test('groups follow the kinds of the spec, rows the page order', () => {
    expect(data.groups.map((g) => g.kind)).toEqual([
      'resolution',
      'decision',
      'document',
      'treaty',
      'sales',
      'instrument',
    ]);
    const resolutions = data.groups[0]!.items.map((r) => r.key);
    expect(resolutions.slice(0, 3)).toEqual(['A/RES/58/208', 'A/RES/59/241', 'A/RES/60/227']);
  });

  test('repeated citations fold into one row with every page index, in order', () => {
    const gcm = row(data, 'instrument', 'A/RES/73/195');
    expect(gcm?.indices).toHaveLength(5);
    expect(gcm?.indices).toEqual([...(gcm?.indices ?? [])].sort((a, b) => a - b));
    expect(row(data, 'resolution', 'A/RES/2200(XXI)')?.indices).toHaveLength(2);
    expect(row(data, 'instrument', 'A/RES/70/1')?.indices).toHaveLength(3); // the 2030 Agenda, by title
  });

  test('the UDHR named by title and cited as 217 A (III) stay separate rows', () => {
    expect(row(data, 'instrument', 'A/RES/217(III)')?.indices).toHaveLength(1);
    expect(row(data, 'resolution', 'A/RES/217(III)')?.indices).toHaveLength(1);
  });
});

describe('resolved and unresolved keys', () => {
  test('keys the index does not know are listed apart', () => {
    const known = new Map([
      ['CPD res 2006/2', false],
      ['A/RES/58/208', true],
    ]);
    const data = groupPageCitations(mentions, known);
    expect(data.unresolved.map((r) => r.key)).toEqual(['CPD res 2006/2']);
    expect(row(data, 'resolution', 'CPD res 2006/2')).toBeUndefined();
    expect(row(data, 'resolution', 'A/RES/58/208')?.resolved).toBe(true);
  });

  test('without the index, the content script’s own flags decide; the index wins when both speak', () => {
    const flagged = mentions.map((m) => (m.kind === 'sales' ? { ...m, resolved: false } : m));
    expect(groupPageCitations(flagged).unresolved.map((r) => r.key)).toEqual(['Sales No. 95.XIII.18']);
    const overruled = groupPageCitations(flagged, new Map([['Sales No. 95.XIII.18', true]]));
    expect(overruled.unresolved).toEqual([]);
  });
});

test('uniqueKeys keeps the order of first appearance', () => {
  const keys = uniqueKeys(mentions);
  expect(keys[0]).toBe('A/77/445/Add.2');
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys).toContain('UNFCCC dec 1/CP.21');
});

import { describe, expect, test } from 'vitest';
import mined from '../../../data/gazetteer/mined.json' with { type: 'json' };
import seed from '../../../data/gazetteer/seed.json' with { type: 'json' };
import { LANGS } from '../mention.ts';
import { defaultGazetteer } from './default-gazetteer.ts';
import {
  GazetteerError,
  instrumentId,
  isValidInstrumentKey,
  mergeGazetteers,
  parseGazetteer,
} from './gazetteer.ts';
import { foldedTokens, headWordOf } from './matcher.ts';

describe('parseGazetteer', () => {
  test.each([
    ['not an array', { key: 'A/RES/70/1' }, /expected an array/],
    ['entry not an object', ['A/RES/70/1'], /\[0\]: expected an object/],
    ['malformed key', [{ key: 'A/RES/70/1 ', name: 'x', titles: {} }], /\[0\]: malformed key/],
    ['resolution key with a space', [{ key: 'A/RES/217 (III)', name: 'x', titles: {} }], /malformed key/],
    ['UNTS key without part', [{ key: 'UNTS 27531', name: 'x', titles: {} }], /malformed key/],
    ['missing name', [{ key: 'UNTS I-27531', titles: {} }], /"name" must be a non-empty string/],
    [
      'titles as an array',
      [{ key: 'UNTS I-27531', name: 'CRC', titles: ['x'] }],
      /"titles" must be an object/,
    ],
    [
      'unknown language',
      [{ key: 'UNTS I-27531', name: 'CRC', titles: { de: ['Kinderrechtskonvention'] } }],
      /unknown language "de"/,
    ],
    [
      'title not a string',
      [{ key: 'UNTS I-27531', name: 'CRC', titles: { en: [42] } }],
      /titles\.en must be an array/,
    ],
    ['title too short', [{ key: 'UNTS I-27531', name: 'CRC', titles: { en: ['CRC'] } }], /4\+ chars/],
  ])('%s', (_name, json, message) => {
    expect(() => parseGazetteer(json, 'test.json')).toThrow(GazetteerError);
    expect(() => parseGazetteer(json, 'test.json')).toThrow(message);
  });

  test('accepts every key form the spec gives an instrument', () => {
    for (const key of [
      'A/RES/217(III)',
      'A/RES/70/1',
      'A/RES/3201(S-VI)',
      'A/RES/ES-10/1',
      'UNTS I-54113',
      'UNTS II-965',
      'LNTS 1234',
      'instrument:UN Charter',
      'block:Special Committee',
    ]) {
      expect(isValidInstrumentKey(key), key).toBe(true);
    }
  });
});

describe('mergeGazetteers', () => {
  test('same key: union of titles, first name wins, no duplicates', () => {
    const merged = mergeGazetteers(
      [{ key: 'UNTS I-27531', name: 'CRC', titles: { en: ['Convention on the Rights of the Child'] } }],
      [
        {
          key: 'UNTS I-27531',
          name: 'other',
          titles: {
            en: ['Convention on the Rights of the Child'],
            fr: ['Convention relative aux droits de l’enfant'],
          },
        },
        {
          key: 'A/RES/70/1',
          name: '2030 Agenda',
          titles: { en: ['2030 Agenda for Sustainable Development'] },
        },
      ],
    );
    expect(merged).toEqual([
      {
        key: 'UNTS I-27531',
        name: 'CRC',
        titles: {
          en: ['Convention on the Rights of the Child'],
          fr: ['Convention relative aux droits de l’enfant'],
        },
      },
      { key: 'A/RES/70/1', name: '2030 Agenda', titles: { en: ['2030 Agenda for Sustainable Development'] } },
    ]);
  });
});

describe('shipped gazetteer files', () => {
  test.each([
    ['seed.json', seed],
    ['mined.json', mined],
  ])('%s parses, keys are well-formed and each instrument (key and volume) is listed once', (name, json) => {
    const entries = parseGazetteer(json, name);
    expect(entries.length).toBeGreaterThan(20);
    expect(new Set(entries.map((e) => instrumentId(e))).size).toBe(entries.length);
  });

  test('every title has a head word or a Chinese bracket, so the matcher can anchor it', () => {
    for (const e of defaultGazetteer) {
      for (const lang of LANGS) {
        for (const t of e.titles[lang] ?? []) {
          if (lang === 'zh') expect(t, `${e.key} ${t}`).toMatch(/^《.+》$/);
          else if (!e.key.startsWith('block:'))
            expect(headWordOf(t, lang) ?? t, `${e.key} ${lang}`).not.toBe(t);
        }
      }
    }
  });

  test('no folded title is claimed by two keys', () => {
    const owner = new Map<string, string>();
    for (const e of defaultGazetteer) {
      for (const lang of LANGS) {
        for (const t of e.titles[lang] ?? []) {
          const id = `${lang}:${foldedTokens(t).join(' ')}`;
          const other = owner.get(id);
          expect(other === undefined || other === e.key, `${id} is ${other} and ${e.key}`).toBe(true);
          owner.set(id, e.key);
        }
      }
    }
  });

  test('the core instruments the corpus cites are there in all six languages', () => {
    for (const key of [
      'A/RES/217(III)',
      'UNTS I-14668',
      'UNTS I-27531',
      'UNTS I-54113',
      'A/RES/70/1',
      'A/RES/73/195',
    ]) {
      const e = defaultGazetteer.find((x) => x.key === key);
      expect(e, key).toBeDefined();
      for (const lang of LANGS) expect(e!.titles[lang]?.length, `${key} ${lang}`).toBeGreaterThan(0);
    }
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { footnoteCitation, footnoteKey, mineGazetteer, namedInstrument } from './mine-gazetteer.ts';

describe('footnoteKey: footnotes that are exactly one citation (texts_<lang>.jsonl.gz)', () => {
  test.each([
    ['United Nations, Treaty Series, vol. 1577, No. 27531.', 'UNTS I-27531'],
    ['Nations Unies, Recueil des Traités, vol. 1577, no 27531.', 'UNTS I-27531'],
    ['Naciones Unidas, Treaty Series, vol. 1577, núm. 27531.', 'UNTS I-27531'],
    ['联合国，《条约汇编》，第1577卷，第27531号。', 'UNTS I-27531'],
    ['() United Nations, Treaty Series, vol. 2515, No. 44910.', 'UNTS I-44910'],
    ['United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.', 'UNTS I-39574'],
    ['Ibid., vol. 1522, No. 26369.', 'UNTS I-26369'],
    ['Resolution 70/1.', 'A/RES/70/1'],
    ['Resolution 69/313, annex.', 'A/RES/69/313'],
    ['Resolution 217 A (III).', 'A/RES/217(III)'],
    ['Résolution 69/283, annexe II.', 'A/RES/69/283'],
    ['第69/313号决议，附件。', 'A/RES/69/313'],
    ['() القرار 70/1.', 'A/RES/70/1'],
    // More than one citation, or not a citation of the instrument itself: no key.
    ['United Nations, Treaty Series, vol. 75, Nos. 970–973.', null],
    ['See resolution 2200 A (XXI), annex.', null],
    ['Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision 1/CP.21.', null],
    ['Resolution S-24/2, annex.', null],
  ])('%s', (foot, key) => {
    expect(footnoteKey(foot)).toBe(key);
  });
});

describe('mineGazetteer', () => {
  // Real paragraphs (A/RES/77/211, 79/175, 79/179, 79/188), footnotes inlined as in the data.
  const crc = 'United Nations, Treaty Series, vol. 1577, No. 27531.';
  const records = [
    {
      symbol: 'A/RES/77/211',
      preamble: [
        `Noting also that States parties should implement the Convention on the Rights of the Child ${crc} in relation to the digital environment,`,
        crc,
      ],
      operative: [],
    },
    {
      symbol: 'A/RES/79/179',
      preamble: [
        `Reaffirming the Universal Declaration of Human Rights, Resolution 217 A (III). the International Covenant on Civil and Political Rights, See resolution 2200 A (XXI), annex. the Convention on the Rights of the Child ${crc} and the International Convention on the Elimination of All Forms of Racial Discrimination,`,
        'Resolution 217 A (III).',
        'See resolution 2200 A (XXI), annex.',
        crc,
      ],
      operative: [],
    },
    {
      symbol: 'A/RES/79/188',
      preamble: [
        `Recalling the Universal Declaration of Human Rights, Resolution 217 A (III). the International Covenant on Economic, Social and Cultural Rights, See resolution 2200 A (XXI), annex. the Convention on the Rights of the Child ${crc} and all other relevant international and regional treaties,`,
        'Resolution 217 A (III).',
        'See resolution 2200 A (XXI), annex.',
        crc,
      ],
      operative: [],
    },
  ];

  test('keys the title before each footnote, trimmed to the title, across documents', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mine-'));
    mkdirSync(join(dir, 'unxml-akn4un'));
    const jsonl = records.map((r) => JSON.stringify({ body: 'GA', lang: 'en', ...r })).join('\n');
    writeFileSync(join(dir, 'unxml-akn4un', 'texts_en.jsonl.gz'), gzipSync(jsonl));
    const entries = mineGazetteer(dir, { langs: ['en'], minDocs: 2 });
    expect(entries).toEqual([
      {
        key: 'A/RES/217(III)',
        name: 'Universal Declaration of Human Rights',
        titles: { en: ['Universal Declaration of Human Rights'] },
      },
      {
        key: 'UNTS I-27531',
        name: 'Convention on the Rights of the Child',
        titles: { en: ['Convention on the Rights of the Child'] },
      },
    ]);
  });
});

describe('a Treaty Series footnote names the instrument its volume holds', () => {
  test.each([
    ['United Nations, Treaty Series, vol. 999, No. 14668.', 'UNTS I-14668', [999]],
    ['Ibid., vol. 1642, No. 14668.', 'UNTS I-14668', [1642]],
    ['联合国，《条约汇编》，第2171卷，第27531号。', 'UNTS I-27531', [2171]],
    [
      'United Nations, Treaty Series, vols. 1577, 2171 and 2173, No. 27531.',
      'UNTS I-27531',
      [1577, 2171, 2173],
    ],
  ])('%s', (foot, key, volumes) => {
    expect(footnoteCitation(foot)).toEqual({ key, volumes });
  });

  // Own volumes from untc-registrations: ICCPR 999, CRC 1577, UNFCCC 1771, UNCLOS 1833-1835.
  test.each([
    ['UNTS I-14668', [999], [999], { key: 'UNTS I-14668' }],
    ['UNTS I-14668', [1642], [999], { key: 'UNTS I-14668', volume: 1642 }],
    ['UNTS I-30822', [2303], [1771], { key: 'UNTS I-30822', volume: 2303 }],
    ['UNTS I-31363', [1833, 1834, 1835], [1833, 1834, 1835], { key: 'UNTS I-31363' }],
    // The CRC and its protocols in one footnote: a title there is no one instrument's.
    ['UNTS I-27531', [1577, 2171, 2173], [1577], null],
    // "vol. 1717" for the UNFCCC (vol. 1771): an older volume is a misprint, not a protocol.
    ['UNTS I-30822', [1717], [1771], null],
  ])('%s vols. %j (own %j)', (key, volumes, own, named) => {
    expect(namedInstrument(key, volumes, own)).toEqual(named);
  });

  test('the Kyoto Protocol is mined under its volume, the UNFCCC under the number', () => {
    // Paragraphs of A/RES/74/219 and 75/217 as the export inlines their footnotes; no registrations beside
    // them, so the lowest volume cited (1771) is the Convention's own.
    const unfccc = 'United Nations, Treaty Series, vol. 1771, No. 30822.';
    const kyoto = 'Ibid., vol. 2303, No. 30822.';
    const recs = [
      ['A/RES/74/219', 'Recalling', 'and the'],
      ['A/RES/75/217', 'Reaffirming', 'as well as the'],
    ].map(([symbol, lead, and]) => ({
      symbol,
      preamble: [
        `${lead} the United Nations Framework Convention on Climate Change, ${unfccc} ${and} Kyoto Protocol, ${kyoto} and their objectives,`,
        unfccc,
        kyoto,
      ],
      operative: [],
    }));
    const dir = mkdtempSync(join(tmpdir(), 'mine-'));
    mkdirSync(join(dir, 'unxml-akn4un'));
    const jsonl = recs.map((r) => JSON.stringify({ body: 'GA', lang: 'en', ...r })).join('\n');
    writeFileSync(join(dir, 'unxml-akn4un', 'texts_en.jsonl.gz'), gzipSync(jsonl));
    expect(mineGazetteer(dir, { langs: ['en'], minDocs: 2 })).toEqual([
      {
        key: 'UNTS I-30822',
        name: 'United Nations Framework Convention on Climate Change',
        titles: { en: ['United Nations Framework Convention on Climate Change'] },
      },
      { key: 'UNTS I-30822', name: 'Kyoto Protocol', titles: { en: ['Kyoto Protocol'] }, volume: 2303 },
    ]);
  });
});

/**
 * Treaty identity, end to end on the committed data/: the index built from it, looked up as the worker does,
 * and the card the reader sees (title, volume fact, links and their labels, every copy format). Facts from
 * untc-registrations/registrations.csv (I-14668 vol. 999, I-14531 vol. 993, I-27531 vol. 1577) and the
 * AKN4UN footnotes ("vol. 1642, No. 14668", "vol. 2171/2173, No. 27531").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCardModel } from '../../../src/card/view-model.ts';
import { type ManifestIndex, resolveInstrument } from '../../../src/core/index/index.ts';
import type { Card } from '../../../src/core/index/types.ts';
import { workerValidators } from '../../../src/shared/protocol.ts';
import { tEn } from '../i18n.ts';
import { openBuiltIndex } from './built-index.ts';

let index: ManifestIndex;

beforeAll(async () => {
  index = (await openBuiltIndex()).index;
}, 120_000);

/** The card a reader sees for a treaty mention, as the content script builds it from the worker's answer. */
function cardOf(card: Card, volume?: number) {
  return buildCardModel(
    {
      key: card.key,
      kind: 'treaty',
      ...(volume ? { volume } : {}),
      lookup: { status: 'ok', card },
      occurrence: { index: 1, total: 1 },
      linkLang: 'en',
      pageLang: 'en',
    },
    tEn,
  );
}

describe('a Treaty Series number holds the treaty and the instruments registered under it', () => {
  it('ICCPR without a volume is the Covenant itself, vol. 999, not its Second Optional Protocol', async () => {
    const card = await index.lookup('UNTS I-14668');
    expect(card.instrument).toMatchObject({
      match: 'treaty',
      volumes: [999],
      title: 'International Covenant on Civil and Political Rights',
      date: '1966-12-16',
      registered: '1976-03-23',
    });
    const model = cardOf(card);
    expect(model.title).toBe('International Covenant on Civil and Political Rights');
    expect(model.links.map((l) => [l.label, l.url])).toEqual([
      ['Treaty Series, vol. 999', 'https://treaties.un.org/doc/Publication/UNTS/Volume%20999/v999.pdf'],
      [
        'Status of the treaty (MTDSG)',
        'https://treaties.un.org/pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-4&chapter=4&lang=en',
      ],
    ]);
    expect(model.citation.un).toBe(
      'International Covenant on Civil and Political Rights (16 December 1966, United Nations, Treaty Series, vol. 999, No. 14668)',
    );
    expect(model.citation.bibtex).toContain('volume = {999}');
    expect(JSON.parse(model.citation.csl)[0]).toMatchObject({ volume: '999', number: '14668' });
  });

  it('"vol. 1642, No. 14668" is the Second Optional Protocol, and every format copies it', async () => {
    const card = await index.lookup('UNTS I-14668', 'en', 1642);
    expect(card.instrument?.match).toBe('instrument');
    const model = cardOf(card, 1642);
    expect(model.title).toBe(
      'Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at the abolition of the death penalty',
    );
    expect(model.facts).toContainEqual({ label: 'Volume', value: 'vol. 1642' });
    // Its own volume, and the MTDSG page of the Protocol (IV-12), not the Covenant's (IV-4).
    expect(model.links.map((l) => l.label)).toEqual([
      'Treaty Series, vol. 1642',
      'Status of the treaty (MTDSG)',
    ]);
    expect(model.links[1]?.url).toContain('mtdsg_no=IV-12&');
    expect(model.citation.un).toContain('Second Optional Protocol');
    expect(model.citation.un).toContain('vol. 1642, No. 14668');
    // The Covenant's date is not the Protocol's: none is shown rather than the wrong one.
    expect(model.citation.un).not.toContain('1966');
  });

  it('"vol. 999" names the Covenant', async () => {
    const card = await index.lookup('UNTS I-14668', 'fr', 999);
    expect(card.instrument?.match).toBe('treaty');
    expect(card.instrument?.titles?.fr).toBe('Pacte international relatif aux droits civils et politiques');
  });

  it("ICESCR is vol. 993; the footnotes' vol. 2922 (its Optional Protocol) is an instrument under it", async () => {
    const card = await index.lookup('UNTS I-14531');
    expect(card.instrument?.title).toBe('International Covenant on Economic, Social and Cultural Rights');
    expect(card.instrument?.volumes).toEqual([993]);
    expect(card.links.filter((l) => l.label === 'unts').map((l) => l.volume)).toEqual([993]);
    expect(card.entry?.instruments?.map((i) => i.volumes)).toContainEqual([2922]);
  });

  it('CRC: one link per instrument, labelled with the volume it opens', async () => {
    const itself = cardOf(await index.lookup('UNTS I-27531'));
    expect(itself.title).toBe('Convention on the Rights of the Child');
    expect(itself.links.map((l) => [l.label, l.url])).toEqual([
      ['Treaty Series, vol. 1577', 'https://treaties.un.org/doc/Publication/UNTS/Volume%201577/v1577.pdf'],
      [
        'Status of the treaty (MTDSG)',
        'https://treaties.un.org/pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-11&chapter=4&lang=en',
      ],
    ]);
    const opac = cardOf(await index.lookup('UNTS I-27531', 'en', 2173), 2173);
    expect(opac.title).toBe(
      'Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict',
    );
    expect(opac.links.map((l) => [l.label, l.url])).toEqual([
      ['Treaty Series, vol. 2173', 'https://treaties.un.org/doc/Publication/UNTS/Volume%202173/v2173.pdf'],
      [
        'Status of the treaty (MTDSG)',
        'https://treaties.un.org/pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-11-b&chapter=4&lang=en',
      ],
    ]);
    const opsc = await index.lookup('UNTS I-27531', 'en', 2171);
    expect(opsc.instrument?.title).toMatch(/^Optional Protocol .* on the sale of children/);
    // Every link of every CRC card opens the volume its label names.
    for (const m of [itself, opac, cardOf(opsc, 2171)])
      for (const l of m.links.filter((x) => x.label.startsWith('Treaty Series')))
        expect(l.url).toContain(`v${/vol\. (\d+)/.exec(l.label)?.[1]}.pdf`);
  });

  it('UNCLOS spans vols. 1833-1835: three links, each labelled by its volume, and the copies cite all three', async () => {
    const model = cardOf(await index.lookup('UNTS I-31363'));
    expect(model.title).toBe('United Nations Convention on the Law of the Sea');
    expect(model.links.map((l) => l.label)).toEqual([
      'Treaty Series, vol. 1833',
      'Treaty Series, vol. 1834',
      'Treaty Series, vol. 1835',
      'Status of the treaty (MTDSG)',
    ]);
    expect(model.citation.un).toContain('Treaty Series, vols. 1833, 1834 and 1835, No. 31363');
    expect(model.citation.bibtex).toContain('volume = {1833--1835}');
    expect(JSON.parse(model.citation.csl)[0].volume).toBe('1833-1835');
  });

  it('a volume no instrument of the number is known in shows that volume, never the treaty title', async () => {
    const card = await index.lookup('UNTS I-14668', 'en', 2500);
    expect(card.instrument).toEqual({ match: 'volume', volumes: [2500] });
    const model = cardOf(card, 2500);
    expect(model.title).toBeUndefined();
    expect(model.links.map((l) => l.label)).toEqual(['Treaty Series, vol. 2500']);
  });

  it('resolveInstrument: no entry and no volume gives nothing to show', () => {
    expect(resolveInstrument(undefined, undefined)).toBeUndefined();
    expect(resolveInstrument(undefined, 1577)).toEqual({ match: 'volume', volumes: [1577] });
  });

  it('the lookup message carries an optional whole positive volume', () => {
    const ok = workerValidators.lookup;
    expect(ok({ key: 'UNTS I-14668', volume: 1642 })).toBe(true);
    expect(ok({ key: 'UNTS I-14668' })).toBe(true);
    for (const volume of ['1642', 0, -3, 1.5, Number.NaN, 1e9])
      expect(ok({ key: 'UNTS I-14668', volume })).toBe(false);
  });
});

describe('search understands numbers and names', () => {
  it('"1970" ranks resolution 1970 of every body first, before resolutions of the year 1970', async () => {
    const hits = await index.search('1970');
    expect(new Set(hits.slice(0, 2).map((h) => h.key))).toEqual(
      new Set(['S/RES/1970(2011)', 'A/RES/1970(XVIII)']),
    );
    expect(hits.slice(2).some((h) => h.key.endsWith('(1970)'))).toBe(true);
  });

  it('"2011" ranks S/RES/2011 (2011) first, not a document of 2011', async () => {
    expect((await index.search('2011'))[0]?.key).toBe('S/RES/2011(2011)');
  });

  it('a named instrument ranks itself first', async () => {
    expect((await index.search('Paris Agreement'))[0]?.key).toBe('UNTS I-54113');
    expect((await index.search('International Covenant on Civil and Political Rights'))[0]?.key).toBe(
      'UNTS I-14668',
    );
  });

  it('keys and words spelled like Object.prototype members are ordinary strings', async () => {
    for (const q of ['constructor', 'toString', 'hasOwnProperty', 'valueOf'])
      expect(await index.search(q)).toEqual([]);
    // "__proto__" is the word "proto": entries with a "Protocol" title match it as a prefix, as any word would.
    const proto = await index.search('__proto__');
    expect(proto.length).toBeGreaterThan(0);
    for (const h of proto.slice(0, 5)) expect((await index.lookup(h.key)).known).toBe(true);
    const card = await index.lookup('constructor');
    expect(card.entry).toBeUndefined();
    expect(card.known).toBe(false);
  });
});

describe('the new sources are in the index', () => {
  it('GA decisions with six-language titles (A/DEC/77/505: parts A and B)', async () => {
    const card = await index.lookup('A/DEC/76/402');
    expect(card.entry).toMatchObject({ kind: 'decision', body: 'GA', date: '2022-05-10' });
    expect(card.entry?.title).toBe('Election of members of the Human Rights Council');
    expect(card.entry?.titles?.fr).toBe('Élection de membres du Conseil des droits de l’homme');
    expect((await index.lookup('A/DEC/76/416')).entry?.parts).toBe('A;B');
  });

  it("HRC resolutions of sessions 52-60 with the Council's own votes", async () => {
    const card = await index.lookup('A/HRC/RES/52/2');
    expect(card.entry?.title).toBe('Promotion and protection of human rights in Nicaragua');
    expect(card.entry?.votes).toEqual({ yes: 21, no: 5, abstain: 21, source: 'official' });
    expect((await index.lookup('A/HRC/RES/54/1')).entry?.titles?.zh).toBeTruthy();
  });

  it('document titles from un-reports-metadata, and a draft titled by its PBI statement', async () => {
    expect((await index.lookup('A/79/2')).entry?.title).toBe('Report of the Security Council for 2024');
    expect((await index.search('Report of the Security Council for 2024'))[0]?.key).toBe('A/79/2');
    const draft = await index.lookup('A/60/L.1');
    expect(draft.entry).toMatchObject({ kind: 'document', title: '2005 World Summit Outcome' });
  });

  it('counts in the manifest meet what the data holds', () => {
    const c = index.manifest.counts;
    expect(c.unts_registrations).toBeGreaterThanOrEqual(1500);
    expect(c.unts_instruments).toBeGreaterThan(c.unts_registrations!);
    expect(c.entries_GA_decision).toBeGreaterThanOrEqual(220);
    expect(c.entries_HRC_resolution).toBeGreaterThanOrEqual(1300);
    expect(c.treaty_conflicts).toBeGreaterThan(0);
  });
});

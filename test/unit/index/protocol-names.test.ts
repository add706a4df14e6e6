/**
 * A protocol's name names the protocol, never its treaty: the instrument gazetteer the extension ships
 * (index/gazetteer.json, built from data/gazetteer/seed.json and mined.json) finds each name with the volume
 * the Treaty Series publishes it in, and the index, looked up as the worker does with that volume, gives the
 * protocol's own title. The sentences are from GA resolutions (A/RES/75/183, 75/138, 74/19); volumes from the
 * footnotes of the same texts ("Ibid., vol. 1642, No. 14668", "vol. 2173, No. 27531", "vol. 2303, No. 30822").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CitationIndex } from '../../../src/core/index/index.ts';
import { parseGazetteer } from '../../../src/core/instruments/gazetteer.ts';
import { createInstrumentMatcher, type InstrumentMatcher } from '../../../src/core/instruments/matcher.ts';
import type { Lang } from '../../../src/core/mention.ts';
import { openBuiltIndex } from './built-index.ts';

let index: CitationIndex;
let matcher: InstrumentMatcher;

beforeAll(async () => {
  const built = await openBuiltIndex();
  index = built.index;
  matcher = createInstrumentMatcher(parseGazetteer(JSON.parse(built.files.get('gazetteer.json') as string)));
}, 120_000);

/** Each instrument named in `text`: its surface, key, volume and the title its card shows in `lang`. */
async function named(text: string, lang: Lang = 'en') {
  return Promise.all(
    matcher.find(text).map(async (m) => {
      const card = await index.lookup(m.key, lang, m.volume);
      const title = lang === 'en' ? card.instrument?.title : card.instrument?.titles?.[lang];
      return [m.surface, m.key, m.volume, title];
    }),
  );
}

const ICCPR = 'International Covenant on Civil and Political Rights';
const ICCPR_OP2 = `Second Optional Protocol to the ${ICCPR}, aiming at the abolition of the death penalty`;
const CRC = 'Convention on the Rights of the Child';
const CRC_OPAC = `Optional Protocol to the ${CRC} on the involvement of children in armed conflict`;
const CRC_OPSC = `Optional Protocol to the ${CRC} on the sale of children, child prostitution and child pornography`;
const UNFCCC = 'United Nations Framework Convention on Climate Change';

describe('a protocol registered under its treaty’s number is named apart from the treaty', () => {
  it('ICCPR vs its Second Optional Protocol (I-14668: vol. 999 vs vol. 1642)', async () => {
    expect(await named(`Recalling the ${ICCPR_OP2}, and the ${ICCPR},`)).toEqual([
      [ICCPR_OP2, 'UNTS I-14668', 1642, ICCPR_OP2],
      [ICCPR, 'UNTS I-14668', undefined, ICCPR],
    ]);
  });

  it('CRC vs its Optional Protocols (I-27531: vol. 1577 vs 2173 and 2171)', async () => {
    expect(
      await named(
        `Calls upon States to consider becoming parties to the ${CRC_OPAC} and to the ${CRC_OPSC}, and to implement the ${CRC};`,
      ),
    ).toEqual([
      [CRC_OPAC, 'UNTS I-27531', 2173, CRC_OPAC],
      [CRC_OPSC, 'UNTS I-27531', 2171, CRC_OPSC],
      [CRC, 'UNTS I-27531', undefined, CRC],
    ]);
  });

  it('UNFCCC vs the Kyoto Protocol (I-30822: vol. 1771 vs 2303) vs the Paris Agreement (its own number)', async () => {
    expect(
      await named(
        `Noting the entry into force of the Kyoto Protocol to the ${UNFCCC} and of the Paris Agreement,`,
      ),
    ).toEqual([
      ['Kyoto Protocol', 'UNTS I-30822', 2303, 'Kyoto Protocol'],
      [UNFCCC, 'UNTS I-30822', undefined, UNFCCC],
      ['Paris Agreement', 'UNTS I-54113', undefined, 'Paris Agreement'],
    ]);
    expect(
      await named(
        'la quinzième Conférence des Parties agissant comme réunion des Parties au Protocole de Kyoto et la Convention-cadre des Nations Unies sur les changements climatiques',
        'fr',
      ),
    ).toEqual([
      ['Protocole de Kyoto', 'UNTS I-30822', 2303, 'Protocole de Kyoto'],
      [
        'Convention-cadre des Nations Unies sur les changements climatiques',
        'UNTS I-30822',
        undefined,
        'Convention-cadre des Nations Unies sur les changements climatiques',
      ],
    ]);
  });

  it('a protocol’s card title is its own even where the footnotes put the treaty’s name before its volume', async () => {
    // The English footnotes of vol. 2237 follow "… Convention against Transnational Organized Crime".
    const card = await index.lookup('UNTS I-39574', 'en', 2237);
    expect(card.instrument?.title).toBe(
      'Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children',
    );
    expect((await index.lookup('UNTS I-39574', 'en')).instrument?.title).toBe(
      'United Nations Convention against Transnational Organized Crime',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { splitFootnotes } from '../../../scripts/lib/footnotes.ts';
import {
  consensusSuffix,
  type MinedTreaty,
  titleFromAnchor,
  treatyCites,
  treatyGazetteer,
  treatyItself,
} from '../../../scripts/lib/mine-treaties.ts';

// Footnote strings exactly as in the AKN4UN texts (texts_<lang>.jsonl.gz).
describe('treatyCites', () => {
  it.each([
    ['United Nations, Treaty Series, vol. 1577, No. 27531.', undefined, [[27531, [1577]]]],
    ['Nations Unies, Recueil des Traités, vol. 1771, no 30822.', undefined, [[30822, [1771]]]],
    ['Naciones Unidas, Treaty Series, vol. 1771, núm. 30822.', undefined, [[30822, [1771]]]],
    ['联合国，《条约汇编》，第1249卷，第20378号。', undefined, [[20378, [1249]]]],
    ['() المرجع نفسه، المجلد 2515، الرقم 44910.', 'UNTS', [[44910, [2515]]]],
    ['Ibid., vol. 2515, no 44910.', 'UNTS', [[44910, [2515]]]],
    ['Ibid., vol. 2515, no 44910.', undefined, []],
    ['Ibid., 2008, Supplement No. 5 (E/2008/25), chap. I, sect. B.', 'UNTS', []],
    [
      'United Nations, Treaty Series, vol. 75, Nos. 970–973.',
      undefined,
      [
        [970, [75]],
        [971, [75]],
        [972, [75]],
        [973, [75]],
      ],
    ],
  ] as const)('%s', (note, previous, expected) => {
    const got = treatyCites(note, previous).map((c) => [c.number, c.volumes]);
    expect(got).toEqual(expected);
  });

  it('reads several volumes and a chain of registrations (Chinese)', () => {
    const note =
      '联合国，《条约汇编》，第2131卷，第20378号；同上，第2171、2173和2983卷，第27531号；同上，第1642卷，第14668号';
    expect(treatyCites(note, undefined).map((c) => [c.number, c.volumes])).toEqual([
      [20378, [2131]],
      [27531, [2171, 2173, 2983]],
      [14668, [1642]],
    ]);
  });
});

describe('titleFromAnchor', () => {
  it.each([
    [
      'en',
      'Reaffirming also the Convention on the Rights of Persons with Disabilities,',
      'Convention on the Rights of Persons with Disabilities',
    ],
    [
      'en',
      'Recalling the International Covenant on Economic, Social and Cultural Rights',
      'International Covenant on Economic, Social and Cultural Rights',
    ],
    [
      'fr',
      'et engageant les Parties à la Convention-cadre des Nations Unies sur les changements climatiques',
      'Convention-cadre des Nations Unies sur les changements climatiques',
    ],
    [
      'es',
      'la Exploración y Utilización del Espacio Ultraterrestre, incluso la Luna y Otros Cuerpos Celestes',
      undefined,
    ],
    [
      'ru',
      'предлагает соответствующим странам присоединиться к Договору о нераспространении ядерного оружия',
      'Договору о нераспространении ядерного оружия',
    ],
    [
      'zh',
      '又重申《世界人权宣言》、 第217A (III)号决议。 《消除对妇女一切形式歧视公约》',
      '消除对妇女一切形式歧视公约',
    ],
    [
      'ar',
      'وإذ تشجع الأطراف في اتفاقية الأمم المتحدة الإطارية بشأن تغير المناخ(',
      'اتفاقية الأمم المتحدة الإطارية بشأن تغير المناخ',
    ],
  ] as const)('%s: %s', (lang, anchor, title) => {
    expect(titleFromAnchor(anchor, lang)).toBe(title);
  });

  it('the words most anchors end with are the title', () => {
    expect(
      consensusSuffix([
        'Recalling the Convention on the Rights of the Child',
        'calls upon States parties to the Convention on the Rights of the Child',
        'Welcoming the thirtieth anniversary of the Convention on the Rights of the Child',
      ]),
    ).toBe('the Convention on the Rights of the Child');
  });
});

describe('splitFootnotes', () => {
  it('recovers the inlined footnotes of a real AKN4UN paragraph list (A/RES/77/188)', () => {
    const list = [
      'Reaffirming that the Copenhagen Declaration on Social Development and the Programme of Action of the World Summit for Social Development Report of the World Summit for Social Development, Copenhagen, 6–12 March 1995 (United Nations publication, Sales No. E.96.IV.8), chap. I, resolution 1, annexes I and II. and the further initiatives for social development adopted by the General Assembly at its twenty-fourth special session, Resolution S-24/2, annex. as well as a continued global dialogue',
      'Report of the World Summit for Social Development, Copenhagen, 6–12 March 1995 (United Nations publication, Sales No. E.96.IV.8), chap. I, resolution 1, annexes I and II.',
      'Resolution S-24/2, annex.',
      'Takes note of the report of the Secretary-General; A/77/175.',
      'A/77/175.',
    ];
    const paras = splitFootnotes(list);
    expect(paras).toHaveLength(2);
    expect(paras[0]!.notes.map((n) => n.text)).toEqual([list[1], list[2]]);
    expect(paras[0]!.body).toBe(
      'Reaffirming that the Copenhagen Declaration on Social Development and the Programme of Action of the World Summit for Social Development and the further initiatives for social development adopted by the General Assembly at its twenty-fourth special session, as well as a continued global dialogue',
    );
    expect(paras[1]!.notes[0]?.anchor).toBe('Takes note of the report of the Secretary-General; ');
  });
});

describe('treatyGazetteer: a number names the treaty itself, never a protocol registered under it', () => {
  // As mined from the footnotes: ICCPR (I-14668) is cited only by its Second Optional Protocol, vol. 1642.
  const iccpr: MinedTreaty = {
    key: 'UNTS I-14668',
    volumes: [1642],
    instruments: [
      {
        volumes: [1642],
        titles: {
          en: 'Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at the abolition of the death penalty',
        },
        citations: 42,
      },
    ],
    titles: {
      en: 'Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at the abolition of the death penalty',
    },
    variants: {},
    citations: 42,
    citedIn: [],
  };

  it('the registration says the Covenant is vol. 999: the protocol title is not given to I-14668', () => {
    expect(treatyGazetteer([iccpr], new Map([['UNTS I-14668', [999]]]))).toEqual([]);
    expect(treatyItself(iccpr, [999])).toBeUndefined();
  });

  it('without a registration the lowest volume cited is taken for the treaty', () => {
    expect(treatyGazetteer([iccpr])[0]?.name).toMatch(/^Second Optional Protocol/);
  });
});

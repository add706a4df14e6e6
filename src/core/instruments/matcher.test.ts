import { describe, expect, test } from 'vitest';
import { readDev } from '../../../test/corpus';
import { defaultGazetteer } from './default-gazetteer.ts';
import type { GazetteerEntry } from './gazetteer.ts';
import { createInstrumentMatcher } from './matcher.ts';

const matcher = createInstrumentMatcher(defaultGazetteer);
const found = (text: string) => matcher.find(text).map((m) => [m.surface, m.key]);

// Sentences from UN resolutions (../shared/data/unxml-akn4un texts and ../shared/corpus/dev),
// footnote text inlined as in those files.
describe('finds full titles in the six languages', () => {
  test.each([
    [
      'en',
      'Reaffirming the Universal Declaration of Human Rights,13 recalling the International Covenant on Civil and Political Rights,14 the International Covenant on Economic, Social and Cultural Rights,15',
      [
        ['Universal Declaration of Human Rights', 'A/RES/217(III)'],
        ['International Covenant on Civil and Political Rights', 'UNTS I-14668'],
        ['International Covenant on Economic, Social and Cultural Rights', 'UNTS I-14531'],
      ],
    ],
    [
      'fr',
      'Notant également que les États parties à la Convention relative aux droits de l’enfant Nations Unies, Recueil des Traités, vol. 1577, no 27531.',
      [['Convention relative aux droits de l’enfant', 'UNTS I-27531']],
    ],
    [
      'fr',
      'Se félicitant de l’adoption de l’Accord de Paris Voir FCCC/CP/2015/10/Add.1, décision 1/CP.21, annexe.',
      [['Accord de Paris', 'UNTS I-54113']],
    ],
    [
      'es',
      'Recordando la Declaración Universal de Derechos Humanos y la Declaración y el Programa de Acción de Viena, el Pacto Internacional de Derechos Económicos, Sociales y Culturales3 y otros',
      [
        ['Declaración Universal de Derechos Humanos', 'A/RES/217(III)'],
        [
          'Declaración y el Programa de Acción de Viena',
          'instrument:Vienna Declaration and Programme of Action',
        ],
        ['Pacto Internacional de Derechos Económicos, Sociales y Culturales', 'UNTS I-14531'],
      ],
    ],
    [
      'ru',
      'идации всех форм дискриминации в отношении женщин Ibid., vol. 1249, No. 20378., Конвенции о правах ребенка Ibid., vol. 1577, No. 27531.',
      [
        ['дискриминации в отношении женщин', null],
        ['Конвенции о правах ребенка', 'UNTS I-27531'],
      ].filter(([, k]) => k !== null),
    ],
    [
      'ru',
      'которое закреплено во Всеобщей декларации прав человека Резолюция 217 A (III)., Между',
      [['Всеобщей декларации прав человека', 'A/RES/217(III)']],
    ],
    [
      'ru',
      'принимая во внимание Венскую декларацию и Программу действий Всемирной конференции по правам человека',
      [['Венскую декларацию и Программу действий', 'instrument:Vienna Declaration and Programme of Action']],
    ],
    [
      'zh',
      '重申《联合国打击跨国有组织犯罪公约》及其各项议定书等国际法律文书',
      [['《联合国打击跨国有组织犯罪公约》', 'UNTS I-39574']],
    ],
    [
      'ar',
      'وإذ تؤكد من جديد أن المبادئ العامة لاتفاقية حقوق الطفل، بما في ذلك مصالح الطفل الفضلى',
      [['اتفاقية حقوق الطفل', 'UNTS I-27531']],
    ],
    [
      'ar',
      'وإذ ترحب أيضا باعتماد خطة التنمية المستدامة لعام 2030( () القرار 70/1.)، بأكملها',
      [['خطة التنمية المستدامة لعام 2030', 'A/RES/70/1']],
    ],
  ])('%s: %s', (_lang, text, want) => {
    expect(found(text)).toEqual(want);
  });
});

// The forms that made the six language versions of one resolution disagree (npm run eval): Chinese
// titles in other quotes, Arabic "li + al-" elision, titles inside organization names.
describe('cross-lingual forms', () => {
  test.each([
    [
      'zh title in “” (a resolution title), before a parenthesis',
      '又重申大会2015年7月27日题为“第三次发展筹资问题国际会议亚的斯亚贝巴行动议程(亚的斯亚贝巴行动议程)”的第69/313号决议',
      [['“第三次发展筹资问题国际会议亚的斯亚贝巴行动议程', 'A/RES/69/313']],
    ],
    [
      'zh title after the colon of a quoted title',
      '还重申关于通过2015年后发展议程的联合国首脑会议题为“变革我们的世界：2030年可持续发展议程”的成果文件',
      [['2030年可持续发展议程', 'A/RES/70/1']],
    ],
    [
      'zh title after a full-width colon, closed by 》',
      '《变革我们的世界：2030年可持续发展议程》',
      [['2030年可持续发展议程', 'A/RES/70/1']],
    ],
    [
      'zh title in 〈〉 inside a longer 《》 title',
      '铭记在《关于推进预防犯罪、刑事司法和法治：努力实现〈2030年可持续发展议程〉的京都宣言》',
      [['《关于推进预防犯罪、刑事司法和法治：努力实现〈2030年可持续发展议程〉的京都宣言》', 'A/RES/76/181']],
    ],
    [
      'zh title in <> (as normalised text gives 〈〉)',
      '努力实现<2030年可持续发展议程>的',
      [['<2030年可持续发展议程>', 'A/RES/70/1']],
    ],
    [
      'ar li + al- with the alef elided (للإعلان)',
      'لأمم المتحدة والاحترام الكامل للإعلان العالمي لحقوق الإنسان',
      [['للإعلان العالمي لحقوق الإنسان', 'A/RES/217(III)']],
    ],
    [
      'ar li + al- (للعهد)',
      // The Covenant alone (the Second Optional Protocol's title, which holds it, is its own instrument now).
      'التماس المعلومات وتلقيها ونشرها، وفقا للعهد الدولي الخاص بالحقوق المدنية والسياسية، وإذ تلاحظ',
      [['للعهد الدولي الخاص بالحقوق المدنية والسياسية', 'UNTS I-14668']],
    ],
    [
      'ar wa + li + al- (وللاتفاقية)',
      'وللاتفاقية الدولية للقضاء على جميع أشكال التمييز العنصري',
      [['وللاتفاقية الدولية للقضاء على جميع أشكال التمييز العنصري', 'UNTS I-9464']],
    ],
    [
      'ar Global Digital Compact (التعاهد)',
      'بما في ذلك مرفقه المعنون ”التعاهد الرقمي العالمي“( () القرار 79/1',
      [['التعاهد الرقمي العالمي', 'A/RES/79/1']],
    ],
    [
      'es footnote glued to the last word (capital after small letter)',
      'y la Convención sobre la Eliminación de Todas las Formas de Discriminación contra la MujerIbid., vol. 1249, núm. 20378.',
      [
        [
          'Convención sobre la Eliminación de Todas las Formas de Discriminación contra la Mujer',
          'UNTS I-20378',
        ],
      ],
    ],
    [
      'en Awaza Programme of Action',
      'the Awaza Programme of Action for Landlocked Developing Countries for the Decade 2024–2034,',
      [
        [
          'Awaza Programme of Action for Landlocked Developing Countries for the Decade 2024–2034',
          'A/RES/79/233',
        ],
      ],
    ],
  ])('%s', (_name, text, want) => {
    expect(found(text)).toEqual(want);
  });

  test.each([
    [
      'en treaty organization',
      'the work of the Preparatory Commission for the Comprehensive Nuclear-Test-Ban Treaty Organization, in particular',
    ],
    [
      'fr Organisation du Traité',
      'les travaux de la Commission préparatoire de l’Organisation du Traité d’interdiction complète des essais nucléaires',
    ],
    ['ar منظمة معاهدة', 'بتقرير الأمين التنفيذي للجنة التحضيرية لمنظمة معاهدة الحظر الشامل للتجارب النووية'],
    [
      'en Review Conferences (plural) of the Parties',
      'the consecutive failure of the 2015 and 2020 Review Conferences of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons to reach consensus',
    ],
    ['zh quoted text that is no title', '题为“变革我们的世界”的'],
  ])('not a mention: %s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('offsets are exact and tolerate typographic variants', () => {
  test.each([
    [
      'straight apostrophe',
      "la Convention relative aux droits de l'enfant,",
      "Convention relative aux droits de l'enfant",
    ],
    [
      'hyphen for en dash',
      'the Sendai Framework for Disaster Risk Reduction 2015-2030 and',
      'Sendai Framework for Disaster Risk Reduction 2015-2030',
    ],
    [
      'line break and double space',
      'the Convention on the\nRights of  the Child.',
      'Convention on the\nRights of  the Child',
    ],
    ['no-break space', 'the Paris\u00a0Agreement,', 'Paris\u00a0Agreement'],
    [
      'soft hyphen inside a word',
      'the Convention on Biological Diver\u00adsity,',
      'Convention on Biological Diver\u00adsity',
    ],
  ])('%s', (_name, text, surface) => {
    const [m] = matcher.find(text);
    expect(m?.surface).toBe(surface);
    expect(text.slice(m!.offset, m!.end)).toBe(surface);
  });
});

describe('glued footnote markers are excluded', () => {
  test.each([
    [
      'parties to the United Nations Framework Convention on Climate Change12 that have',
      'United Nations Framework Convention on Climate Change',
    ],
    [
      'the Sendai Framework for Disaster Risk Reduction 2015–20308 and the',
      'Sendai Framework for Disaster Risk Reduction 2015–2030',
    ],
    [
      'Pacto Internacional de Derechos Económicos, Sociales y Culturales3 y otros',
      'Pacto Internacional de Derechos Económicos, Sociales y Culturales',
    ],
    // A glued word in extracted text (../shared/corpus/dev/105, gold note).
    ['Universal Declaration of Human Rightsand the Vienna', 'Universal Declaration of Human Rights'],
  ])('%s', (text, surface) => {
    expect(matcher.find(text).map((m) => m.surface)).toContain(surface);
  });
});

describe('not mentions', () => {
  test.each([
    ['short form', 'Reaffirms the commitment of the Convention and the Global Compact to migrants'],
    ['plural', 'the Geneva Conventions of 1949 and the Additional Protocols thereto'],
    ['acronym', 'Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1'],
    ['title continues as another word', 'the Paris Agreements of the past'],
    [
      'title inside the name of a body',
      'Having examined the report of the Special Committee on the Situation with regard to the Implementation of the Declaration on the Granting of Independence to Colonial Countries and Peoples',
    ],
    [
      'Conference of the Parties',
      'Recalling the outcomes of the sessions of the Conference of the Parties to the United Nations Framework Convention on Climate Change and of',
    ],
    [
      'Conferencia de las Partes',
      'Recordando los resultados de los períodos de sesiones de la Conferencia de las Partes en la Convención Marco de las Naciones Unidas sobre el Cambio Climático',
    ],
    [
      'Conférence des Parties chargée d’examiner (a review conference)',
      'Voir Conférence des Parties chargée d’examiner le Traité sur la non-prolifération des armes nucléaires de 2010',
    ],
    [
      'Conférence de 1995 des Parties au',
      'Conférence de 1995 des Parties au Traité sur la non-prolifération des armes nucléaires chargée d’examiner le Traité',
    ],
    [
      'Conferencia de las Partes … encargada del Examen del',
      'el Documento Final de la Conferencia de las Partes del Año 2000 encargada del Examen del Tratado sobre la No Proliferación de las Armas Nucleares',
    ],
    [
      'Конференция 2010 года участников',
      'См. Конференция 2010 года участников Договора о нераспространении ядерного оружия по рассмотрению действия Договора',
    ],
    [
      'a protocol’s Meeting of the Parties, named by its treaty (A/81/6 (Sect. 20))',
      'Report of the Meeting of the Parties to the Protocol on Water and Health to the Convention on the Protection and Use of Transboundary Watercourses and International Lakes on its seventh session',
    ],
    ['Chinese body name', '强调指出该领土应继续参加给予殖民地国家和人民独立宣言执行情况特别委员会的活动'],
    ['Chinese COP', '《联合国气候变化框架公约》缔约方大会第二十七届会议'],
    ['title followed by its own symbol', '《2005年世界首脑会议成果》(A/RES/60/1)'],
    ['no brackets in Chinese', '联合国打击跨国有组织犯罪公约'],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('longest match and overlaps', () => {
  test('the longer Addis Ababa title wins over its prefix', () => {
    const text =
      'resolution 69/313 of 27 July 2015 on the Addis Ababa Action Agenda of the Third International Conference on Financing for Development, which';
    expect(found(text)).toEqual([
      [
        'Addis Ababa Action Agenda of the Third International Conference on Financing for Development',
        'A/RES/69/313',
      ],
    ]);
  });
  test('a title nested in another title is not a separate mention', () => {
    const text = '《关于推进预防犯罪、刑事司法和法治：努力实现<2030年可持续发展议程>的京都宣言》，特别是';
    expect(found(text)).toEqual([
      ['《关于推进预防犯罪、刑事司法和法治：努力实现<2030年可持续发展议程>的京都宣言》', 'A/RES/76/181'],
    ]);
  });
  test('a title inside a quoted resolution title counts', () => {
    const text = 'entitled “Transforming our world: the 2030 Agenda for Sustainable Development”, in which';
    expect(found(text)).toEqual([['2030 Agenda for Sustainable Development', 'A/RES/70/1']]);
  });
  test('overlapping candidates from a toy gazetteer keep the longest, non-overlapping, sorted', () => {
    const toy: GazetteerEntry[] = [
      { key: 'instrument:A', name: 'A', titles: { en: ['Alpha Declaration'] } },
      { key: 'instrument:B', name: 'B', titles: { en: ['Alpha Declaration on Beta Programme'] } },
      { key: 'instrument:C', name: 'C', titles: { en: ['Beta Programme of Action'] } },
    ];
    const m = createInstrumentMatcher(toy).find(
      'the Alpha Declaration on Beta Programme of Action; the Beta Programme of Action; Alpha Declaration.',
    );
    expect(m.map((x) => x.key)).toEqual(['instrument:B', 'instrument:C', 'instrument:A']);
    for (let i = 1; i < m.length; i++) expect(m[i]!.offset).toBeGreaterThanOrEqual(m[i - 1]!.end);
  });
});

describe('block: entries', () => {
  test('a body name listed as block: swallows the title inside it and is not reported', () => {
    const toy: GazetteerEntry[] = [
      { key: 'UNTS I-30619', name: 'CBD', titles: { en: ['Convention on Biological Diversity'] } },
      {
        key: 'block:CBD secretariat',
        name: 'Secretariat of the Convention on Biological Diversity',
        titles: { en: ['Secretariat of the Convention on Biological Diversity'] },
      },
    ];
    const text =
      'the Secretariat of the Convention on Biological Diversity and the Convention on Biological Diversity';
    const m = createInstrumentMatcher(toy).find(text);
    expect(m.map((x) => [x.offset, x.key])).toEqual([[text.lastIndexOf('Convention'), 'UNTS I-30619']]);
  });
});

describe('edge cases', () => {
  test.each([
    ['empty text', ''],
    ['only spaces and line breaks', ' \n\t\u00a0 '],
    ['astral characters and emoji', '𠀀《𠀀》 😀 Convention 😀 on'],
    ['title cut by the end of the text', 'the Convention on the Rights of the'],
    ['title cut by the start of the text', 'Rights of the Child'],
  ])('%s', (_name, text) => {
    expect(matcher.find(text)).toEqual([]);
  });
  test('an empty gazetteer finds nothing', () => {
    expect(createInstrumentMatcher([]).find('the Paris Agreement')).toEqual([]);
  });
  test('a title at the very start and end of the text', () => {
    expect(found('Paris Agreement')).toEqual([['Paris Agreement', 'UNTS I-54113']]);
  });
});

describe('hostile input stays linear and correct', () => {
  test('1 MB of repeated head words gives nothing', () => {
    const text = 'Convention Convention on the Declaration '.repeat(25_000);
    expect(matcher.find(text)).toEqual([]);
  });
  test('1 MB of repeated titles gives every one', () => {
    const unit = 'the Convention on the Rights of the Child, ';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const m = matcher.find(text);
    expect(m.length).toBe(Math.ceil(1_000_000 / unit.length));
    expect(m[7]!.offset).toBe(7 * unit.length + 4);
  });
  test('1 MB of 《 without titles gives nothing', () => {
    expect(matcher.find('《《联合国》'.repeat(150_000))).toEqual([]);
  });
});

describe('development corpus (test/fixtures/corpus/dev)', () => {
  test.each([
    '101-ga-draft-unodc-counterterrorism-zh',
    '102-ecosoc-doha-ldc-haiti-2023-en',
    '105-a-res-60-251-en-es',
    '104-a-ac109-2019-l18-pitcairn-en-ar',
    '103-sc-prst-2006-42-zh',
    '110-negative-us-house-resolution-en',
  ])('%s: every gold instrument mention, nothing else scored', (name) => {
    const text = readDev(`${name}.txt`);
    const gold = JSON.parse(readDev(`${name}.gold.json`)) as {
      mentions: { kind: string; key: string; offset: number; surface: string }[];
    };
    const want = gold.mentions
      .filter((m) => m.kind === 'instrument')
      .map((m) => [m.offset, m.surface, m.key]);
    const got = matcher
      .find(text)
      .filter((m) => !m.key.startsWith('instrument:'))
      .map((m) => [m.offset, m.surface, m.key]);
    expect(got).toEqual(want);
  });
});

/** Lines of the programme budget for 2027 (A/81/6 sections, as pdftotext gives them) naming instruments added to the seed. */
describe('instruments of the budget’s mandate tables (A/81/6)', () => {
  test.each([
    [
      'A/81/6 (Sect. 2)',
      'Multilingualism in meetings under the\nConvention on the Protection and Use of Transboundary Watercourses and International Lakes',
      'UNTS I-33207',
    ],
    [
      'A/81/6 (Sect. 16)',
      'as well as meetings related to the United Nations Convention against Cybercrime and other subsidiary bodies',
      'A/RES/79/243',
    ],
    [
      'A/81/6 (Sect. 24)',
      '73/165  United Nations Declaration on the Rights of Peasants and Other People Working in Rural Areas',
      'A/RES/73/165',
    ],
    [
      'A/81/6 (Sect. 10)',
      '78/317  The Antigua and Barbuda Agenda for Small Island Developing States: A Renewed Declaration for Resilient Prosperity',
      'A/RES/78/317',
    ],
    [
      'A/81/6 (Sect. 16)',
      'General Assembly resolutions 64/293  United Nations Global Plan of Action to Combat Trafficking in Persons',
      'A/RES/64/293',
    ],
    [
      'A/81/6 (Sect. 24)',
      '60/147  Basic Principles and Guidelines on the Right to a Remedy and Reparation for Victims of Gross Violations of International Human Rights Law and Serious Violations of International Humanitarian Law',
      'A/RES/60/147',
    ],
  ])('%s', (_symbol, text, key) => {
    expect(matcher.find(text).map((m) => m.key)).toEqual([key]);
  });
});

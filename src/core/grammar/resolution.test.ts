import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../mention';
import { normalize } from '../normalize';
import type { BodyCode } from './lexicon';
import { canContinue, parseItem, scanResolutions } from './resolution';

/** Real sentences (dev corpus, GA texts 74-80 in six languages, grammar reference) → keys in order. */
const cases: {
  text: string;
  lang: Lang;
  body?: BodyCode;
  keys: string[];
  parts?: (string | undefined)[];
  dates?: (string | undefined)[];
}[] = [
  {
    text: 'Recalling its resolutions 58/208 of 23 December 2003, 59/241 of 22 December 2004 and 75/226 of 21 December 2020 on international migration',
    lang: 'en',
    body: 'GA',
    keys: ['A/RES/58/208', 'A/RES/59/241', 'A/RES/75/226'],
    dates: ['2003-12-23', '2004-12-22', '2020-12-21'],
  },
  // A second noun joined to a list keeps its body, with its own kind (A/HRC/DEC keys, not the GA's).
  {
    text: 'as requested by the Human Rights Council in its resolution 52/1 and decision 52/101,',
    lang: 'en',
    keys: ['A/HRC/RES/52/1', 'A/HRC/DEC/52/101'],
  },
  {
    text: 'قرار مجلس حقوق الإنسان 52/1 والمقرر 52/101',
    lang: 'ar',
    keys: ['A/HRC/RES/52/1', 'A/HRC/DEC/52/101'],
  },
  // A special session of the Human Rights Council is the Council's (A/HRC/RES/S-32/1: Sudan, 5 November 2021),
  // not the GA's special session of the same number (A/RES/S-32/1: corruption, 2 June 2021). A/HRC/RES/57/2.
  {
    text: 'Reaffirming Human Rights Council resolutions S-32/1 of 5 November 2021 and S-36/1 of 11 May 2023, and the mandates given therein',
    lang: 'en',
    keys: ['A/HRC/RES/S-32/1', 'A/HRC/RES/S-36/1'],
    dates: ['2021-11-05', '2023-05-11'],
  },
  // "its" in a Council text; the GA's own special session stays the GA's, in a Council text too.
  {
    text: 'Recalling its resolution S-35/1 of 24 November 2022 and General Assembly resolution S-32/1 of 2 June 2021,',
    lang: 'en',
    body: 'HRC',
    keys: ['A/HRC/RES/S-35/1', 'A/RES/S-32/1'],
  },
  // A/RES/78/220: the Council's special session in a GA text.
  {
    text: 'Welcoming Human Rights Council resolution S-35/1 of 24 November 2022,',
    lang: 'en',
    body: 'GA',
    keys: ['A/HRC/RES/S-35/1'],
  },
  // …unless it names its own body after the number.
  {
    text: 'resolution 70/1 of the General Assembly and decision 5/1 of the Human Rights Council',
    lang: 'en',
    keys: ['A/RES/70/1', 'A/HRC/DEC/5/1'],
  },
  // "the resolutions … of BODY, the most recent of which being resolutions N": the body named before the
  // connector (GA texts 74-80 in six languages), not the GA's by default.
  {
    text: 'recalling the resolutions and decisions of the Human Rights Council, the most recent of which being resolutions 56/1 of 10 July 2024 and 55/20 of 4 April 2024,',
    lang: 'en',
    keys: ['A/HRC/RES/56/1', 'A/HRC/RES/55/20'],
  },
  {
    text: 'Rappelant les résolutions et décisions du Conseil des droits de l’homme, dont les plus récentes sont les résolutions 56/1 du 10 juillet 2024',
    lang: 'fr',
    keys: ['A/HRC/RES/56/1'],
  },
  {
    text: 'ссылаясь на резолюции и решения Совета по правам человека, последней из которых является резолюция 56/1 от 10 июля 2024 года',
    lang: 'ru',
    keys: ['A/HRC/RES/56/1'],
  },
  {
    text: 'وإذ تشير إلى قرارات ومقررات مجلس حقوق الإنسان، وآخرها القرارات 56/1 المؤرخ 10 تموز/يوليه 2024',
    lang: 'ar',
    keys: ['A/HRC/RES/56/1'],
  },
  // Only after such a connector: "and recalling" starts another thought.
  {
    text: 'Taking note of the resolutions of the Human Rights Council, and recalling resolution 60/251,',
    lang: 'en',
    keys: ['A/RES/60/251'],
  },
  // "in particular" inside a list (S/RES/1454 (2002))
  {
    text: 'resolutions 1390 (2002) of 16 January 2002, 1409 (2002) of 14 May 2002, and in particular, 1447 (2002) of 4\nDecember 2002',
    lang: 'en',
    keys: ['S/RES/1390(2002)', 'S/RES/1409(2002)', 'S/RES/1447(2002)'],
  },
  // Headings write the noun in capitals (S/RES/986 (1995), annex).
  {
    text: 'SECURITY COUNCIL COMMITTEE ESTABLISHED BY RESOLUTION 661 (1990)\nIN ACCORDANCE WITH SC RESOLUTION 986 (1995)',
    lang: 'en',
    keys: ['S/RES/661(1990)', 'S/RES/986(1995)'],
  },
  // Security Council texts leave the year out of the date, the number gives it (S/RES/219 (1965)).
  {
    text: 'Reaffirms its resolutions 186 (1964) of 4 March,\n187 (1964) of 13 March, 192(1964) of 20 June and 201 (1965) of 19 March,',
    lang: 'en',
    keys: ['S/RES/186(1964)', 'S/RES/187(1964)', 'S/RES/192(1964)', 'S/RES/201(1965)'],
    dates: ['1964-03-04', '1964-03-13', '1964-06-20', '1965-03-19'],
  },
  // A text wrapped at a fixed width breaks a line between number and year (S/RES/465 (1980)).
  {
    text: 'specifically resolutions 237 (1967), 252 (1968), 267\n(1969), 271 (1969) and 298 (1971), as well',
    lang: 'en',
    keys: ['S/RES/237(1967)', 'S/RES/252(1968)', 'S/RES/267(1969)', 'S/RES/271(1969)', 'S/RES/298(1971)'],
  },
  {
    text: 'Recalling further General Assembly resolutions 59/209 of 20 December 2004 and 67/221 of 21 December 2012 on a smooth transition',
    lang: 'en',
    body: 'ECOSOC',
    keys: ['A/RES/59/209', 'A/RES/67/221'],
  },
  {
    text: 'Recalling also General Assembly resolutions 74/270 of 2 April 2020 on global solidarity to fight COVID-19, 74/274 of 20 April 2020 on international cooperation and 76/175 of 16 December 2021 on ensuring',
    lang: 'en',
    keys: ['A/RES/74/270', 'A/RES/74/274', 'A/RES/76/175'],
  },
  {
    text: 'endorsed by the General Assembly in its resolution 76/258 of 1 April 2022',
    lang: 'en',
    body: 'ECOSOC',
    keys: ['A/RES/76/258'],
  },
  {
    text: 'Recalling its resolution 2022/19 of 22 July 2022',
    lang: 'en',
    body: 'ECOSOC',
    keys: ['E/RES/2022/19'],
  },
  {
    text: 'and its decisions 2022/314 of 16 February 2022, 2023/201 A of 31 October 2022 and 2023/201 D of 26 July 2023,',
    lang: 'en',
    body: 'ECOSOC',
    keys: ['E/DEC/2022/314', 'E/DEC/2023/201', 'E/DEC/2023/201'],
    parts: [undefined, 'A', 'D'],
  },
  {
    text: 'Commission on Population and Development resolutions 2006/2 of 10 May 2006,2 2008/1 of 11 April 2008,3 2013/1 of 26 April 20134 and 2014/1',
    lang: 'en',
    body: 'GA',
    keys: ['CPD res 2006/2', 'CPD res 2008/1', 'CPD res 2013/1', 'CPD res 2014/1'],
    dates: ['2006-05-10', '2008-04-11', '2013-04-26', undefined],
  },
  {
    text: 'Recalling its resolution 97 (1) of 14 December 1946, as amended by its resolutions 364 B (IV) and 482 (V), of 1 December 1949',
    lang: 'en',
    body: 'GA',
    keys: ['A/RES/97(I)', 'A/RES/364(IV)', 'A/RES/482(V)'],
    parts: [undefined, 'B', undefined],
  },
  {
    text: 'Recalling its previous resolutions 1996 (2011), 2046 (2012) and 2206 (2015), and its Statements',
    lang: 'en',
    body: 'SC',
    keys: ['S/RES/1996(2011)', 'S/RES/2046(2012)', 'S/RES/2206(2015)'],
  },
  {
    text: 'Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision 1/CP.21.',
    lang: 'en',
    keys: ['UNFCCC dec 1/CP.21'],
  },
  {
    text: 'resolutions 43/222 A to E of 21 December 1988',
    lang: 'en',
    keys: ['A/RES/43/222'],
    parts: ['A-E'],
  },
  { text: 'résolutions 3411 A et B (XXX)', lang: 'fr', keys: ['A/RES/3411(XXX)'], parts: ['A-B'] },
  {
    text: 'Commission on the Status of Women resolutions 49/7 of 11 March 2005, entitled',
    lang: 'en',
    keys: ['CSW res 49/7'],
  },
  {
    text: 'Human Rights Council resolution 38/3 of 5 July 2018',
    lang: 'en',
    body: 'GA',
    keys: ['A/HRC/RES/38/3'],
  },
  {
    text: 'its resolution 72/169 of 19 December 2017, Human Rights Council resolution 38/3',
    lang: 'en',
    body: 'GA',
    keys: ['A/RES/72/169', 'A/HRC/RES/38/3'],
  },
  {
    text: 'Rappelant ses résolutions 74/64 du 12 décembre 2019, 76/45 du 6 décembre 2021 et 78/31 du 4 décembre 2023,',
    lang: 'fr',
    body: 'GA',
    keys: ['A/RES/74/64', 'A/RES/76/45', 'A/RES/78/31'],
    dates: ['2019-12-12', '2021-12-06', '2023-12-04'],
  },
  {
    text: 'Recordando sus resoluciones 66/176, de 19 de diciembre de 2011, 66/253 A, de 16 de febrero de 2012, y 73/236',
    lang: 'es',
    body: 'GA',
    keys: ['A/RES/66/176', 'A/RES/66/253', 'A/RES/73/236'],
    dates: ['2011-12-19', '2012-02-16', undefined],
  },
  {
    text: 'la resolución 48/141 de la Asamblea General de 20 de diciembre de 1993',
    lang: 'es',
    keys: ['A/RES/48/141'],
    dates: ['1993-12-20'],
  },
  {
    text: 'Принято резолюцией 169 (II) Генеральной Ассамблеи ООН от 31 октября 1947 года',
    lang: 'ru',
    keys: ['A/RES/169(II)'],
    dates: ['1947-10-31'],
  },
  {
    text: 'ссылаясь на свои резолюции 55/162 от 14 декабря 2000 года, 56/95 от 14 декабря 2001 года и на резолюцию 57/145',
    lang: 'ru',
    body: 'GA',
    keys: ['A/RES/55/162', 'A/RES/56/95', 'A/RES/57/145'],
  },
  {
    text: 'резолюций Комиссии по положению женщин 49/7 от 11 марта 2005 года',
    lang: 'ru',
    keys: ['CSW res 49/7'],
  },
  {
    text: 'пункта 14 резолюции 55/180 А, пункта 15',
    lang: 'ru',
    body: 'GA',
    keys: ['A/RES/55/180'],
    parts: ['A'],
  },
  {
    text: '特别回顾其2019年12月18日第74/175号决议，其中',
    lang: 'zh',
    body: 'GA',
    keys: ['A/RES/74/175'],
    dates: ['2019-12-18'],
  },
  { text: '第53/243 A和B号决议。', lang: 'zh', keys: ['A/RES/53/243'], parts: ['A-B'] },
  {
    text: '第72/194、72/284和75/291号决议，以及安全理事会第2133 (2014)、2462 (2019)号决议。',
    lang: 'zh',
    keys: ['A/RES/72/194', 'A/RES/72/284', 'A/RES/75/291', 'S/RES/2133(2014)', 'S/RES/2462(2019)'],
  },
  {
    text: '大会S-23/2号决议，附件；S-23/3号决议，附件。',
    lang: 'zh',
    keys: ['A/RES/S-23/2', 'A/RES/S-23/3'],
  },
  {
    text: '全面有效地执行第1325(2000)号决议……以进一步推动切实有效地执行第1325号决议。',
    lang: 'zh',
    keys: ['S/RES/1325(2000)', 'S/RES/1325(2000)'],
  },
  {
    text: '第1/CP.27号、1/CMA.4号和3/CMA.5号决定',
    lang: 'zh',
    keys: ['UNFCCC dec 1/CP.27', 'UNFCCC dec 1/CMA.4', 'UNFCCC dec 3/CMA.5'],
  },
  {
    text: 'وإذ تشير إلى قراراتها 71/229 المؤرخ 21 كانون الأول/ديسمبر 2016 و 72/220 المؤرخ 20 كانون الأول/ديسمبر 2017',
    lang: 'ar',
    body: 'GA',
    keys: ['A/RES/71/229', 'A/RES/72/220'],
    dates: ['2016-12-21', '2017-12-20'],
  },
  {
    text: 'قرار المجلس الاقتصادي والاجتماعي 1980/67 المؤرخ 25 تموز/يوليه 1980',
    lang: 'ar',
    keys: ['E/RES/1980/67'],
    dates: ['1980-07-25'],
  },
  {
    text: 'الواردة في قراري الجمعية العامة 1514 (د-15) المؤرخ 14 كانون الأول/ديسمبر 1960 و 1541 (د-15)',
    lang: 'ar',
    keys: ['A/RES/1514(XV)', 'A/RES/1541(XV)'],
  },
  { text: '() القرار 217 ألف (د-3).', lang: 'ar', keys: ['A/RES/217(III)'], parts: ['A'] },
  {
    text: 'قراراتها 41/213 المؤرخ 19 كانون الأول/ديسمبر 1986 و 45/248 باء، الجزء السادس، المؤرخ 21 كانون الأول/ديسمبر 1990 و 55/231 المؤرخ 23 كانون الأول/ديسمبر 2000',
    lang: 'ar',
    body: 'GA',
    keys: ['A/RES/41/213', 'A/RES/45/248', 'A/RES/55/231'],
    parts: [undefined, 'B', undefined],
  },
  {
    text: 'بما في ذلك القراران 47/212 الف المؤرخ 23 كانون الأول/ديسمبر 1992 و 72/266 الف؛',
    lang: 'ar',
    keys: ['A/RES/47/212', 'A/RES/72/266'],
    parts: ['A', 'A'],
  },
  {
    text: 'المنصوص عليها في قراراتها 1874 (دإ-4) المؤرخ 27 حزيران/يونيه 1963 و 3101 (د-28)',
    lang: 'ar',
    body: 'GA',
    keys: ['A/RES/1874(S-IV)', 'A/RES/3101(XXVIII)'],
  },
  {
    text: '() القرار دإ-23/2، المرفق، والقرار دإ-23/3، المرفق.',
    lang: 'ar',
    keys: ['A/RES/S-23/2', 'A/RES/S-23/3'],
  },
  {
    text: 'اعتُمد في إطار الاتفاقية في الوثيقة FCCC/CP/2015/10/Add.1، المقرر 1/م أ-21.',
    lang: 'ar',
    keys: ['UNFCCC dec 1/CP.21'],
  },
  {
    text: 'Reaffirming its resolutions 41/213 of 19 December 1986, 45/248 B, section VI, of 21 December 1990, 55/231 of 23 December 2000',
    lang: 'en',
    body: 'GA',
    keys: ['A/RES/41/213', 'A/RES/45/248', 'A/RES/55/231'],
  },
  {
    text: 'de conformidad con las resoluciones de la Asamblea General 53/199, de 15 de diciembre de 1998, y 61/185',
    lang: 'es',
    keys: ['A/RES/53/199', 'A/RES/61/185'],
  },
  {
    text: 'Resoluciones S-23/2, anexo, y S-23/3, anexo.',
    lang: 'es',
    keys: ['A/RES/S-23/2', 'A/RES/S-23/3'],
  },
  { text: '回顾人权理事会在2011年6月16日第17/4号决议', lang: 'zh', keys: ['A/HRC/RES/17/4'] },
  {
    text: '还回顾人权理事会关于发展对享有所有人权的贡献的2017年6月22日第35/21号决议，',
    lang: 'zh',
    keys: ['A/HRC/RES/35/21'],
  },
  // Cross-lingual round 2: the same GA sentences in several languages (texts_*.jsonl.gz, sessions 74-80).
  // Two bodies sharing one noun: each item takes its body from its own form.
  {
    text: 'Reafirmando las respectivas resoluciones de la Asamblea General y del Consejo de Seguridad 70/262 y 2282 (2016), de 27 de abril de 2016, así como 60/180 y 1645 (2005), de 20 de diciembre de 2005',
    lang: 'es',
    keys: ['A/RES/70/262', 'S/RES/2282(2016)', 'A/RES/60/180', 'S/RES/1645(2005)'],
  },
  {
    text: 'подтверждая резолюции Генеральной Ассамблеи и Совета Безопасности 70/262 и 2282 (2016) от 27 апреля 2016 года, а также 60/180 и 1645 (2005) от 20 декабря 2005 года',
    lang: 'ru',
    keys: ['A/RES/70/262', 'S/RES/2282(2016)', 'A/RES/60/180', 'S/RES/1645(2005)'],
    dates: [undefined, '2016-04-27', undefined, '2005-12-20'],
  },
  {
    text: 'وإذ تؤكد من جديد قرارَي الجمعية العامة ومجلس الأمن 70/262 و 2282 (2016) المؤرخين 27 نيسان/أبريل 2016',
    lang: 'ar',
    keys: ['A/RES/70/262', 'S/RES/2282(2016)'],
  },
  // "in its resolution" whose owner is the body named before (Arabic suffix possessive, FR/RU subject).
  {
    text: 'وإذ تحيط علما مع التقدير بما قرره مجلس حقوق الإنسان في قراره 39/13 من أن يكون موضوع حلقة النقاش',
    lang: 'ar',
    body: 'GA',
    keys: ['A/HRC/RES/39/13'],
  },
  {
    text: 'مهمتها على النحو الذي حددته لجنة حقوق الإنسان في قرارها 1998/72 ومجلس حقوق الإنسان في قراره 4/4 المؤرخ 30 آذار/مارس 2007',
    lang: 'ar',
    body: 'GA',
    keys: ['E/CN.4/RES/1998/72', 'A/HRC/RES/4/4'],
    dates: [undefined, '2007-03-30'],
  },
  {
    text: 'des principes directeurs sur l’extrême pauvreté et les droits de l’homme, que le Conseil des droits de l’homme a adoptés par sa résolution 21/11 et qui offrent aux États un outil utile',
    lang: 'fr',
    body: 'GA',
    keys: ['A/HRC/RES/21/11'],
  },
  {
    text: 'решение Совета по правам человека, которое содержится в его резолюции 39/13 и согласно которому темой',
    lang: 'ru',
    body: 'GA',
    keys: ['A/HRC/RES/39/13'],
  },
  { text: 'Rappelant sa résolution 70/1 du 25 septembre 2015', lang: 'fr', body: 'GA', keys: ['A/RES/70/1'] },
  // Body after an elided article ("droits de l’homme").
  {
    text: 'Rappelant en outre les résolutions du Conseil des droits de l’homme 2/2 du 27 novembre 2006',
    lang: 'fr',
    body: 'GA',
    keys: ['A/HRC/RES/2/2'],
    dates: ['2006-11-27'],
  },
  {
    text: 'et soutenu par les résolutions du Conseil 1783 (2007), 1813 (2008), 1871 (2009)',
    lang: 'fr',
    body: 'GA',
    keys: ['S/RES/1783(2007)', 'S/RES/1813(2008)', 'S/RES/1871(2009)'],
  },
  // Lists with locators between items: Arabic multi-word sections, Russian abbreviations, ranges.
  {
    text: 'وإذ تشير إلى قراراتها 58/270 المؤرخين 23 كانون الأول/ديسمبر 2003 و 59/276، الجزء الحادي عشر، المؤرخ 23 كانون الأول/ديسمبر 2004 و 60/283 المؤرخ 7 تموز/يوليه 2006',
    lang: 'ar',
    body: 'GA',
    keys: ['A/RES/58/270', 'A/RES/59/276', 'A/RES/60/283'],
    dates: ['2003-12-23', undefined, '2006-07-07'],
  },
  {
    text: 'права Резолюции 69/117, п. 8, 70/116, п. 4, 71/139, п. 7, 72/115, пп. 7 и 8, и 73/201, п. 7.',
    lang: 'ru',
    keys: ['A/RES/69/117', 'A/RES/70/116', 'A/RES/71/139', 'A/RES/72/115', 'A/RES/73/201'],
  },
  {
    text: 'International Law; Resolutions 69/117, para. 8, 70/116, para. 4, 71/139, para. 7, 72/115, paras. 7–8, and 73/201, para. 7.',
    lang: 'en',
    keys: ['A/RES/69/117', 'A/RES/70/116', 'A/RES/71/139', 'A/RES/72/115', 'A/RES/73/201'],
  },
  {
    text: 'на многоязычной основе Резолюции 52/214, разд. C, п. 3; 55/222, разд. III, п. 12; 56/64 B, разд. X; 57/130 B, разд. X',
    lang: 'ru',
    keys: ['A/RES/52/214', 'A/RES/55/222', 'A/RES/56/64', 'A/RES/57/130'],
    parts: [undefined, undefined, 'B', 'B'],
  },
  // Footnotes inlined between list items (every language).
  {
    text: 'and recalling Human Rights Council resolutions 27/13 of 25 September 2014, See Official Records of the General Assembly, Sixty-ninth Session, Supplement No. 53A and corrigenda (A/69/53/Add.1, A/69/53/Add.1/Corr.1 and A/69/53/Add.1/Corr.2), chap. IV, sect. A.30/4 of 1 October 2015, Ibid., Seventieth Session, Supplement No. 53A (A/70/53/Add.1), chap. III.33/12 and 33/13 of 29 September 2016',
    lang: 'en',
    body: 'GA',
    keys: ['A/HRC/RES/27/13', 'A/HRC/RES/30/4', 'A/HRC/RES/33/12', 'A/HRC/RES/33/13'],
  },
  {
    text: 'recordando las resoluciones del Consejo de Derechos Humanos 27/13, de 25 de septiembre de 2014 Véase Documentos Oficiales de la Asamblea General, sexagésimo noveno período de sesiones, suplemento núm. 53A y correcciones (A/69/53/Add.1, A/69/53/Add.1/Corr.1 y A/69/53/Add.1/Corr.2), cap. IV, secc. A., 30/4, de 1 de octubre de 2015',
    lang: 'es',
    body: 'GA',
    keys: ['A/HRC/RES/27/13', 'A/HRC/RES/30/4'],
    dates: ['2014-09-25', '2015-10-01'],
  },
  {
    text: 'وإذ تشير إلى قرارات مجلس حقوق الإنسان 27/13 المؤرخ 25 أيلول/سبتمبر 2014( () انظر: الوثائق الرسمية للجمعية العامة، الدورة التاسعة والستون، الملحق رقم 53 ألف والتصويبان (A/69/53/Add.1 و A/69/53/Add.1/Corr.1 و A/69/53/Add.1/Corr.2)، الفصل الرابع، الفرع ألف.) و 30/4 المؤرخ 1 تشرين الأول/أكتوبر 2015',
    lang: 'ar',
    body: 'GA',
    keys: ['A/HRC/RES/27/13', 'A/HRC/RES/30/4'],
  },
  {
    text: '人权理事会2016年9月29日第33/12和33/13号、 同上，《第七十一届会议，补编第53 A号》和更正(A/71/53/Add.1和A/71/53/Add.1/Corr.1)，第二章。 2017年9月28日第36/14号、 同上，《第七十二届会议，补编第53 A号》(A/72/53/Add.1)，第三章。 2018年9月28日第39/13号 同上，《第七十三届会议，补编第53 A号》(A/73/53/Add.1)，第二章。 和2019年9月26日第42/19号决议',
    lang: 'zh',
    body: 'GA',
    keys: ['A/HRC/RES/33/12', 'A/HRC/RES/33/13', 'A/HRC/RES/36/14', 'A/HRC/RES/39/13', 'A/HRC/RES/42/19'],
    dates: ['2016-09-29', undefined, '2017-09-28', '2018-09-28', '2019-09-26'],
  },
  {
    text: '妇女地位委员会2007年3月9日第51/2号、 见《经济及社会理事会正式记录，2007年，补编第7号》(E/2007/27)，第一章，D节。 2008年3月7日第52/2号 同上，《2008年，补编第7号》(E/2008/27)，第一章，D节。 和2010年3月12日第54/7号决议',
    lang: 'zh',
    body: 'GA',
    keys: ['CSW res 51/2', 'CSW res 52/2', 'CSW res 54/7'],
  },
  // A list item's topic before the next item, in each language's words.
  {
    text: 'Recalling its resolutions 65/161 of 20 December 2010, in which it declared the period 2011–2020 the United Nations Decade on Biodiversity, 67/215 of 21 December 2012, in which it declared',
    lang: 'en',
    body: 'GA',
    keys: ['A/RES/65/161', 'A/RES/67/215'],
  },
  {
    text: 'Recordando también sus resoluciones 78/311, de 1 de julio de 2024, relativa al aumento de la cooperación internacional para la creación de capacidad en materia de inteligencia artificial, 78/265, de 21 de marzo de 2024, relativa al aprovechamiento',
    lang: 'es',
    body: 'GA',
    keys: ['A/RES/78/311', 'A/RES/78/265'],
    dates: ['2024-07-01', '2024-03-21'],
  },
  {
    text: 'ссылаясь на свои резолюции 63/71 от 2 декабря 2008 года относительно Конвенции по кассетным боеприпасам и 70/54 от 7 декабря 2015 года',
    lang: 'ru',
    body: 'GA',
    keys: ['A/RES/63/71', 'A/RES/70/54'],
  },
  {
    text: 'إذ تشير إلى قراريها 60/251 المؤرخ 15 آذار/مارس 2006، الذي أنشأت بموجبه مجلس حقوق الإنسان، و 65/281 المؤرخ 17 حزيران/يونيه 2011 المتعلق باستعراض أداء المجلس',
    lang: 'ar',
    body: 'GA',
    keys: ['A/RES/60/251', 'A/RES/65/281'],
  },
  {
    text: 'Underlining the adoption of Security Council resolutions 1754 (2007) on 30 April 2007, 1783 (2007) on 31 October 2007',
    lang: 'en',
    keys: ['S/RES/1754(2007)', 'S/RES/1783(2007)'],
    dates: ['2007-04-30', '2007-10-31'],
  },
  // The body named after the whole list, past the last item's inlined footnote (French word order).
  {
    text: 'et rappelant les résolutions 27/13 du 25 septembre 2014 Voir Documents officiels de l’Assemblée générale, soixante-neuvième session, Supplément no 53A et rectificatif (A/69/53/Add.1 et A/69/53/Add.1/Corr.2), chap. IV, sect. A., 30/4 du 1er octobre 2015 Ibid., soixante-dixième session, Supplément no 53A (A/70/53/Add.1), chap. III. du Conseil des droits de l’homme,',
    lang: 'fr',
    body: 'GA',
    keys: ['A/HRC/RES/27/13', 'A/HRC/RES/30/4'],
    dates: ['2014-09-25', '2015-10-01'],
  },
  {
    text: 'Résolutions 52/214, sect. C, par. 3 ; 55/222, sect. III, par. 12 ; 56/64 B, sect. X ; 58/101 B, sect. V, par. 61 à 76 ; 59/126 B, sect. V, par. 76 à 95',
    lang: 'fr',
    keys: ['A/RES/52/214', 'A/RES/55/222', 'A/RES/56/64', 'A/RES/58/101', 'A/RES/59/126'],
  },
  {
    text: '( () القرارات 52/214، الجزء جيم، الفقرة 3؛ و 55/222، الجزء الثالث، الفقرة 12؛ و 58/101 باء، الجزء الخامس، الفقرات من 61 إلى 76؛ و 59/126 باء، الجزء الخامس',
    lang: 'ar',
    keys: ['A/RES/52/214', 'A/RES/55/222', 'A/RES/58/101', 'A/RES/59/126'],
    parts: [undefined, undefined, 'B', 'B'],
  },
  {
    text: 'последними из которых являются резолюции Ассамблеи 72/180 от 19 декабря 2017 года, 72/246 от 24 декабря 2017 года',
    lang: 'ru',
    keys: ['A/RES/72/180', 'A/RES/72/246'],
  },
  // Chinese head: a quoted title between date and 第, and 在其 after the body.
  {
    text: '说明在执行妇女地位委员会2005年3月11日题为“土著妇女：《北京宣言》和《行动纲要》十年审查之后”的第49/7号决议方面',
    lang: 'zh',
    body: 'GA',
    keys: ['CSW res 49/7'],
  },
  {
    text: '表示赞赏地注意到人权理事会在其第51/18号决定中',
    lang: 'zh',
    body: 'GA',
    keys: ['A/HRC/DEC/51/18'],
  },
  // Russian parts written with Cyrillic look-alikes of K M H O P T (А В С Е were already read).
  {
    text: 'ссылаясь на свои резолюции 50/70 М от 12 декабря 1995 года, 51/45 Е от 10 декабря 1996 года, 52/38 Е от 9 декабря 1997 года, 53/77 J от 4 декабря 1998 года, 55/33 K от 20 ноября 2000 года',
    lang: 'ru',
    body: 'GA',
    keys: ['A/RES/50/70', 'A/RES/51/45', 'A/RES/52/38', 'A/RES/53/77', 'A/RES/55/33'],
    parts: ['M', 'E', 'E', 'J', 'K'],
    dates: ['1995-12-12', '1996-12-10', '1997-12-09', '1998-12-04', '2000-11-20'],
  },
  // A capital Cyrillic letter opening a word after the number is no part letter.
  {
    text: 'были внесены поправки сообразно резолюциям 58/240, 70/235 и 73/124 Генеральной Ассамблеи.',
    lang: 'ru',
    body: 'GA',
    keys: ['A/RES/58/240', 'A/RES/70/235', 'A/RES/73/124'],
    parts: [undefined, undefined, undefined],
  },
  {
    text: 'ссылаясь на свою резолюцию 73/124 О мировом океане',
    lang: 'ru',
    body: 'GA',
    keys: ['A/RES/73/124'],
    parts: [undefined],
  },
  // Russian relative clauses ("которой", "озаглавленную") between two items of one list.
  {
    text: 'ссылаясь на свои резолюции 60/251 от 15 марта 2006 года, которой она учредила Совет по правам человека, и 65/281 от 17 июня 2011 года, которая посвящена обзору деятельности Совета',
    lang: 'ru',
    body: 'GA',
    keys: ['A/RES/60/251', 'A/RES/65/281'],
  },
  {
    text: 'ссылаясь также на свои резолюции 76/84 A, озаглавленную «Информация на службе человечества», и 76/84 B, озаглавленную «Политика и деятельность Организации Объединенных Наций в области общественной информации»',
    lang: 'ru',
    body: 'GA',
    keys: ['A/RES/76/84', 'A/RES/76/84'],
    parts: ['A', 'B'],
  },
  // Russian body before the noun, ending in a lower-case word ("Советом по правам человека резолюцию").
  {
    text: 'ссылаясь в этой связи на принятую 1 июля 2016 года Советом по правам человека резолюцию 32/19 под названием «Активизация усилий по искоренению насилия в отношении женщин»',
    lang: 'ru',
    body: 'GA',
    keys: ['A/HRC/RES/32/19'],
  },
  // Arabic glues "و" to a footnote's closing parenthesis: the list goes on.
  {
    text: 'وقرارات مجلس حقوق الإنسان 23/1 المؤرخ 29 أيار/مايو 2013( () المرجع نفسه، الفصل الخامس، الفرع ألف.) و 23/26 المؤرخ 14 حزيران/يونيه 2013( () المرجع نفسه.)و 24/22 المؤرخ 27 أيلول/سبتمبر 2013( () المرجع نفسه، الملحق رقم 53 ألف (A/68/53/Add.1)',
    lang: 'ar',
    body: 'GA',
    keys: ['A/HRC/RES/23/1', 'A/HRC/RES/23/26', 'A/HRC/RES/24/22'],
    dates: ['2013-05-29', '2013-06-14', '2013-09-27'],
  },
  // Arabic adjective between noun and number ("the subsequent resolution", "the latest resolution").
  {
    text: 'المتعلق بالنهوض بالحوار بين الديانات والثقافات، والقرار اللاحق 75/309 المؤرخ 21 تموز/يوليه 2021، الذي أعلنت فيه يوم 18 حزيران/يونيه',
    lang: 'ar',
    body: 'GA',
    keys: ['A/RES/75/309'],
    dates: ['2021-07-21'],
  },
  {
    text: 'وقرارات مجلس حقوق الإنسان، بما فيها القرار الأخير 46/21 المؤرخ 24 آذار/مارس 2021، الذي اتُّخذ بتوافق الآراء',
    lang: 'ar',
    body: 'GA',
    keys: ['A/RES/46/21'],
  },
  // Arabic body after the date in a relative clause ("which the UN Environment Assembly adopted").
  {
    text: 'تمشيا مع القرار 4/1 المؤرخ 15 آذار/مارس 2019 الذي اتخذته جمعية الأمم المتحدة للبيئة التابعة لبرنامج الأمم المتحدة للبيئة',
    lang: 'ar',
    body: 'GA',
    keys: ['UNEA res 4/1'],
  },
  // A short name ("the Commission", "the Council") points back to the last body of its family named in the sentence.
  {
    text: 'وقرارات لجنة حقوق الإنسان المتعلقة بالحق في التنمية، ولا سيما قرار اللجنة 1998/72 المؤرخ 22 نيسان/أبريل 1998',
    lang: 'ar',
    body: 'GA',
    keys: ['E/CN.4/RES/1998/72'],
  },
  {
    text: 'as well as Human Rights Council resolutions and those of the Commission on Human Rights on the right to development, in particular Commission resolution 1998/72 of 22 April 1998',
    lang: 'en',
    body: 'GA',
    keys: ['E/CN.4/RES/1998/72'],
  },
  {
    text: '并回顾人权理事会和人权委员会关于发展权的各项决议，特别是委员会关于迫切需要在落实发展权方面取得进一步进展的1998年4月22日第1998/72号决议，',
    lang: 'zh',
    body: 'GA',
    keys: ['E/CN.4/RES/1998/72'],
    dates: ['1998-04-22'],
  },
  {
    text: 'Recordando todas las resoluciones anteriores aprobadas por la Asamblea General, la Comisión de Derechos Humanos y el Consejo de Derechos Humanos sobre la situación de los derechos humanos en la República Popular Democrática de Corea, incluidas la resolución 78/218 de la Asamblea, de 19 de diciembre de 2023, y la resolución 55/21 del Consejo, de 4 de abril de 2024',
    lang: 'es',
    body: 'GA',
    keys: ['A/RES/78/218', 'A/HRC/RES/55/21'],
  },
  // With no body of the family named before, the number's form decides ("the Commission" alone).
  {
    text: 'en particular la resolución 1998/72 de la Comisión, de 22 de abril de 1998',
    lang: 'es',
    body: 'GA',
    keys: ['E/RES/1998/72'],
  },
  // French: the subject owning "sa" follows the number ("dans sa résolution 39/13, le Conseil …").
  {
    text: 'Notant avec satisfaction que, dans sa résolution 39/13, le Conseil des droits de l’homme a décidé que la table ronde',
    lang: 'fr',
    body: 'GA',
    keys: ['A/HRC/RES/39/13'],
  },
  // Spanish: a long body name between noun and number; an adjective after the noun.
  {
    text: 'y 75/160, de 16 de diciembre de 2020, las resoluciones de la Comisión de la Condición Jurídica y Social de la Mujer 51/2, de 9 de marzo de 2007',
    lang: 'es',
    body: 'GA',
    keys: ['CSW res 51/2'],
  },
  {
    text: 'Recordando las resoluciones de la Asamblea de las Naciones Unidas sobre el Medio Ambiente 1/7, de 27 de junio de 2014, relativa al fortalecimiento',
    lang: 'es',
    body: 'GA',
    keys: ['UNEA res 1/7'],
  },
  {
    text: 'para contrarrestar el discurso de odio, y la resolución posterior 75/309, de 21 de julio de 2021, en la que proclamó',
    lang: 'es',
    body: 'GA',
    keys: ['A/RES/75/309'],
  },
  // Chinese: a title before the date; a topic or "etc." between 号 and 决议.
  {
    text: '并在这方面回顾使这个问题得到更多关注的人权理事会题为“加快努力消除暴力侵害妇女行为：预防和应对暴力侵害妇女和女童，包括暴力侵害土著妇女和女童的行为”的2016年7月1日第32/19号决议，',
    lang: 'zh',
    body: 'GA',
    keys: ['A/HRC/RES/32/19'],
    dates: ['2016-07-01'],
  },
  {
    text: '回顾其2016年11月21日第71/19号、2018年11月26日第73/11号、2020年11月23日第75/10号和2022年11月21日第77/20号关于联合国同国际刑警组织的合作的决议，',
    lang: 'zh',
    body: 'GA',
    keys: ['A/RES/71/19', 'A/RES/73/11', 'A/RES/75/10', 'A/RES/77/20'],
  },
  {
    text: '(c) 参照大会1992年12月23日第47/212 A号和第72/266 A号等有关决议的适用规定',
    lang: 'zh',
    body: 'GA',
    keys: ['A/RES/47/212', 'A/RES/72/266'],
    parts: ['A', 'A'],
  },
  // The body of the resolutions named before a connector (A/RES/79/160 in six languages): the Council's.
  {
    text: 'and relevant Human Rights Council resolutions, in particular resolutions 7/34 of 28 March 2008, 18/15 of 29 September 2011 and 21/33 of 28 September 2012,',
    lang: 'en',
    body: 'GA',
    keys: ['A/HRC/RES/7/34', 'A/HRC/RES/18/15', 'A/HRC/RES/21/33'],
  },
  {
    text: 'et des résolutions pertinentes du Conseil des droits de l’homme, en particulier les résolutions 7/34 du 28 mars 2008 et 18/15 du 29 septembre 2011',
    lang: 'fr',
    body: 'GA',
    keys: ['A/HRC/RES/7/34', 'A/HRC/RES/18/15'],
  },
  {
    text: 'y las resoluciones pertinentes del Consejo de Derechos Humanos, en particular las resoluciones 7/34, de 28 de marzo de 2008, y 18/15,',
    lang: 'es',
    body: 'GA',
    keys: ['A/HRC/RES/7/34', 'A/HRC/RES/18/15'],
  },
  {
    text: 'и соответствующих резолюций Совета по правам человека, в частности резолюций 7/34 от 28 марта 2008 года и 18/15 от 29 сентября 2011 года',
    lang: 'ru',
    body: 'GA',
    keys: ['A/HRC/RES/7/34', 'A/HRC/RES/18/15'],
  },
  {
    text: '及人权理事会相关决议，尤其是2008年3月28日第7/34号、2011年9月29日第18/15号和2012年9月28日第21/33号决议，',
    lang: 'zh',
    body: 'GA',
    keys: ['A/HRC/RES/7/34', 'A/HRC/RES/18/15', 'A/HRC/RES/21/33'],
  },
  {
    text: 'وقرارات مجلس حقوق الإنسان ذات الصلة، ولا سيما القرارات 7/34 المؤرخ 28 آذار/مارس 2008 و 18/15',
    lang: 'ar',
    body: 'GA',
    keys: ['A/HRC/RES/7/34', 'A/HRC/RES/18/15'],
  },
  // A second noun joined after the previous item's inlined footnote keeps the Council (A/RES/75/181).
  {
    text: 'and Human Rights Council decision 18/120 of 30 September 2011 See Official Records of the General Assembly, Sixty-sixth Session, Supplement No. 53A and corrigendum (A/66/53/Add.1 and A/66/53/Add.1/Corr.1), chap. III. and resolutions 24/14 of 27 September 2013,',
    lang: 'en',
    body: 'GA',
    keys: ['A/HRC/DEC/18/120', 'A/HRC/RES/24/14'],
  },
  // A masculine "its" (Russian "его", Arabic suffix "ه") joined to a council's list after a footnote: the council's.
  {
    text: 'ссылаясь на решение 18/120 Совета по правам человека от 30 сентября 2011 года См. Официальные отчеты Генеральной Ассамблеи, шестьдесят шестая сессия, Дополнение № 53A и исправление (A/66/53/Add.1 и A/66/53/Add.1/Corr.1), гл. III. и его резолюции 24/14 от 27 сентября 2013 года',
    lang: 'ru',
    body: 'GA',
    keys: ['A/HRC/DEC/18/120', 'A/HRC/RES/24/14'],
  },
  {
    text: 'وإذ تشير إلى مقرر مجلس حقوق الإنسان 18/120 المؤرخ 30 أيلول/ سبتمبر 2011( () انظر الوثائق الرسمية للجمعية العامة، الدورة السادسة والستون، الملحق رقم 53 ألف (A/66/53/Add.1)، الفصل الثالث.) وقراراته 24/14 المؤرخ 27 أيلول/سبتمبر 2013( () المرجع نفسه، الدورة الثامنة والستون، الملحق رقم 53 ألف (A/68/53/Add.1)، الفصل الثالث.) و 27/21 المؤرخ 26 أيلول/سبتمبر 2014',
    lang: 'ar',
    body: 'GA',
    keys: ['A/HRC/DEC/18/120', 'A/HRC/RES/24/14', 'A/HRC/RES/27/21'],
  },
  {
    text: 'Rappelant la décision 18/120 du Conseil des droits de l’homme, en date du 30 septembre 2011 Voir Documents officiels de l’Assemblée générale, soixante-sixième session, Supplément no 53A (A/66/53/Add.1), chap. III., et les résolutions 24/14 du 27 septembre 2013',
    lang: 'fr',
    body: 'GA',
    keys: ['A/HRC/DEC/18/120', 'A/HRC/RES/24/14'],
  },
];

/** Sentences with UN-looking numbers that are not citations. */
const negatives: { text: string; lang: Lang }[] = [
  { text: '[Congressional Record (Bound Edition), Volume 152 (2006), Part 13]', lang: 'en' },
  { text: 'UNSC Resolutions 2015 (64)', lang: 'en' },
  { text: 'the terrorist attacks of 9/11, open 24/7, dated 9/4/1960 and 2022/12/14', lang: 'en' },
  { text: 'in accordance with Article 2(4) and paragraph 7 (a) of the present resolution', lang: 'en' },
  { text: 'Report of the Conference (A/CONF.219/2023/3), chap. I, resolution 2.', lang: 'en' },
  {
    text: 'Conference of the Parties to the Convention on Biological Diversity, decision 12/23, paras. 19-22',
    lang: 'en',
  },
  { text: '联合国，《条约汇编》，第2225、2237、2241和2326卷，第39574号。', lang: 'zh' },
  { text: '22-09519 (F) 210622 *2209519* 240622 GE.15-21930(E)', lang: 'fr' },
  { text: 'House Resolution 996 ... the resolution (H. Res. 994)', lang: 'en' },
  // A topic after 号 closes nothing but a resolution or decision ("关于…的报告" is a report).
  { text: '第71/19号关于联合国同国际刑警组织的合作的报告', lang: 'zh' },
  // An Arabic adjective is skipped only after a head noun: "his latest report 73/124" is nothing.
  { text: 'وإذ تحيط علما بتقريره الأخير 73/124 والتقرير اللاحق 75/309', lang: 'ar' },
];

function scan(text: string, lang: Lang, body?: BodyCode) {
  const n = normalize(text).text;
  return scanResolutions(n, { lang, docBodyAt: () => body });
}

describe('scanResolutions', () => {
  it.each(cases)('$text', ({ text, lang, body, keys, parts, dates }) => {
    const found = scan(text, lang, body);
    expect(found.map((m) => m.key)).toEqual(keys);
    if (parts) expect(found.map((m) => m.part)).toEqual(parts);
    if (dates) expect(found.map((m) => m.date)).toEqual(dates);
    const scanned = normalize(text).text;
    for (const m of found) expect(scanned.slice(m.offset, m.end)).toBe(m.surface);
  });
  it.each(negatives)('nothing in $text', ({ text, lang }) => {
    expect(scan(text, lang, 'GA')).toEqual([]);
  });
  it('gives a bare SESSION/NUM after a noun a lower confidence than an explicit body', () => {
    const [bare] = scan('See resolution 71/285.', 'en');
    const [named] = scan('General Assembly resolution 71/285.', 'en');
    expect(bare?.key).toBe('A/RES/71/285');
    expect(named?.key).toBe('A/RES/71/285');
    expect(bare!.confidence!).toBeLessThan(named!.confidence!);
  });
});

describe('canContinue', () => {
  it('drops only what the item regex would read as a bare number', () => {
    // Whatever may follow a number: a slash, a part, a session or year, white space of any kind, 号.
    const piece = fc.constantFrom(
      ...'1 9 / A B a ( ) , . ; ( 1964 ) (XV) \n \t \u00a0 and 号 А الف'.split(' '),
      ' ',
    );
    const text = fc
      .tuple(fc.stringMatching(/^\d{1,4}$/), fc.array(piece, { maxLength: 6 }))
      .map(([n, post]) => n + post.join(''));
    fc.assert(
      fc.property(text, (t) => {
        let end = 0;
        while (/\d/.test(t[end] ?? '')) end++;
        // The scan asks only after a run of at most four digits.
        if (end > 4 || canContinue(t, end)) return;
        const item = parseItem(t, 0, false);
        if (item) expect([item.bare, item.end]).toEqual([true, end]);
        expect(/^\s?号/.test(t.slice(end))).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('parseItem', () => {
  it('reads "74/123" by hand exactly as the item regex does', () => {
    // An item's shape ("NN/NNN", then what may follow it), then anything made of what items are made of.
    const digits = fc.stringMatching(/^\d{1,5}$/);
    const piece = fc.constantFrom(
      ...'0 1 9 / A B E S ( ) , . ; : \n \t a and XV (2016) CP.21 А و الف'.split(' '),
      ' ',
    );
    const text = fc
      .tuple(
        fc.array(piece, { maxLength: 3 }),
        digits,
        fc.constantFrom('/', ''),
        digits,
        fc.array(piece, { maxLength: 6 }),
      )
      .map(([pre, a, slash, b, post]) => pre.join('') + a + slash + b + post.join(''));
    fc.assert(
      fc.property(text, (t) => {
        for (let start = 0; start < t.length; start++) {
          if (!/\d/.test(t[start]!)) continue;
          expect(parseItem(t, start)).toEqual(parseItem(t, start, false));
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('lists of the programme budget’s prose (A/81/6 sections)', () => {
  it('A/81/6 (Sect. 2): reads the numbers a topic puts in parentheses after "resolutions on", and "the most recent being"', () => {
    const text =
      'including General Assembly resolutions on the pattern of conferences (43/222, the most recent being\n80/234), multilingualism (50/11, the most recent being 78/330) and the revitalization of the work of\nthe General Assembly (73/341, the most recent being 79/327). The Department is responsible for:';
    const found = scan(text, 'en');
    expect(found.map((m) => m.key)).toEqual([
      'A/RES/43/222',
      'A/RES/80/234',
      'A/RES/50/11',
      'A/RES/78/330',
      'A/RES/73/341',
      'A/RES/79/327',
    ]);
    // The body is named, not guessed.
    expect(found.every((m) => m.confidence === 1)).toBe(true);
  });

  it('reads "the latest being" and a semicolon list after a head noun', () => {
    expect(
      scan('its resolutions 51/32; 54/27; 60/16, the latest being 80/12', 'en', 'GA').map((m) => m.key),
    ).toEqual(['A/RES/51/32', 'A/RES/54/27', 'A/RES/60/16', 'A/RES/80/12']);
  });

  it('A/81/6 (Sect. 2): keys "resolution 79/258, section IX" by the resolution alone', () => {
    expect(
      scan('in accordance with General Assembly resolution 79/258, section IX, the', 'en').map((m) => m.key),
    ).toEqual(['A/RES/79/258']);
  });

  it('A/80/600: a financial period or a number in parentheses after a topic with no head noun is no item', () => {
    expect(
      scan('flight hours approved for the most recent performance period (2024/25) to obtain', 'en', 'GA'),
    ).toEqual([]);
    expect(scan('the resolutions on the budget of the mission (2024/25) were', 'en', 'GA')).toEqual([]);
    expect(
      scan('the report on the pattern of conferences (43/222, the most recent being 80/234)', 'en', 'GA'),
    ).toEqual([]);
    // A sentence end between the head and the parenthesis.
    expect(scan('its resolutions on conferences. The rooms (12/40) were', 'en', 'GA')).toEqual([]);
  });
});

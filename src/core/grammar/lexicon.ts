/**
 * Words the resolution grammar needs in the six UN languages: bodies, head nouns, possessives.
 * Pure data plus tiny helpers; no DOM. Forms come from ../shared/spec/grammar-reference.md §2.3
 * and from the official GA texts in ../shared/data/unxml-akn4un.
 */
import { lazyRegExp } from '../lazy-regexp';

/** Bodies whose resolutions and decisions the finder keys. */
export type BodyCode =
  | 'GA'
  | 'SC'
  | 'ECOSOC'
  | 'HRC'
  | 'CHR'
  | 'CPD'
  | 'CSW'
  | 'CSocD'
  | 'CND'
  | 'CCPCJ'
  | 'CSTD'
  | 'UNFF'
  | 'CSD'
  | 'UNEA'
  | 'WHA';

/**
 * Names of each body, every language mixed (the scanner does not need to know the language
 * to recognise "Assemblée générale"). Longer names of the same family first is not needed: the
 * matcher takes the leftmost (= longest) match that ends at a position.
 */
const BODY_NAMES: Record<BodyCode, string[]> = {
  GA: [
    'General Assembly',
    'Assembl[ée]e g[ée]n[ée]rale',
    'Asamblea General',
    'Генеральн(?:ая|ой|ую) Ассамбле(?:я|и|ей|ю)(?: ООН| Организации Объединенных Наций)?',
    '(?<!环境|人居署|卫生)大会',
    '(?:لل|ال)جمعية(?: العامة)?',
  ],
  SC: [
    'Security Council',
    'Conseil de s[ée]curit[ée]',
    'Consejo de Seguridad',
    'Совет(?:а|ом|у)? Безопасности',
    '安全理事会',
    '安理会',
    'مجلس الأمن',
  ],
  ECOSOC: [
    'Economic and Social Council',
    'Conseil [ée]conomique et social',
    'Consejo Econ[óo]mico y Social',
    'Экономическ(?:ий|ого|им|ому) и Социальн(?:ый|ого|ым|ому) Совет(?:а|ом|у)?',
    '经济及社会理事会',
    '經濟及社會理事會',
    '经社理事会',
    '(?:لل|ال)مجلس الاقتصادي والاجتماعي',
  ],
  HRC: [
    'Human Rights Council',
    "Conseil des droits de l[’'] ?homme",
    'Consejo de Derechos Humanos',
    'Совет(?:а|ом|у)? по правам человека',
    '人权理事会',
    'مجلس حقوق الإنسان',
  ],
  CHR: [
    'Commission on Human Rights',
    "Commission des droits de l[’'] ?homme",
    'Comisi[óo]n de Derechos Humanos',
    'Комисси(?:я|и|ей|ю) по правам человека',
    '人权委员会',
    'لجنة حقوق الإنسان',
  ],
  CPD: [
    'Commission on Population and Development',
    'Commission de la population et du d[ée]veloppement',
    'Comisi[óo]n de Poblaci[óo]n y Desarrollo',
    'Комисси(?:я|и|ей|ю) по народонаселению и развитию',
    '人口与发展委员会',
    'لجنة السكان والتنمية',
  ],
  CSW: [
    'Commission on the Status of Women',
    'Commission de la condition de la femme',
    'Comisi[óo]n de la Condici[óo]n Jur[íi]dica y Social de la Mujer',
    'Комисси(?:я|и|ей|ю) по положению женщин',
    '妇女地位委员会',
    'لجنة وضع المرأة',
  ],
  CSocD: [
    'Commission for Social Development',
    'Commission du d[ée]veloppement social',
    'Comisi[óo]n de Desarrollo Social',
    'Комисси(?:я|и|ей|ю) социального развития',
    '社会发展委员会',
    'لجنة التنمية الاجتماعية',
  ],
  CND: [
    'Commission on Narcotic Drugs',
    'Commission des stup[ée]fiants',
    'Comisi[óo]n de Estupefacientes',
    'Комисси(?:я|и|ей|ю) по наркотическим средствам',
    '麻醉药品委员会',
    'لجنة المخدرات',
  ],
  CCPCJ: [
    'Commission on Crime Prevention and Criminal Justice',
    'Commission pour la pr[ée]vention du crime et la justice p[ée]nale',
    'Comisi[óo]n de Prevenci[óo]n del Delito y Justicia Penal',
    'Комисси(?:я|и|ей|ю) по предупреждению преступности и уголовному правосудию',
    '预防犯罪和刑事司法委员会',
    'لجنة منع الجريمة والعدالة الجنائية',
  ],
  CSTD: [
    'Commission on Science and Technology for Development',
    'Commission de la science et de la technique au service du d[ée]veloppement',
    'Comisi[óo]n de Ciencia y Tecnolog[íi]a para el Desarrollo',
    'Комисси(?:я|и|ей|ю) по науке и технике в целях развития',
    '科学和技术促进发展委员会',
    'لجنة تسخير العلم والتكنولوجيا لأغراض التنمية',
  ],
  UNFF: [
    'United Nations Forum on Forests',
    'Forum des Nations Unies sur les for[êe]ts',
    'Foro de las Naciones Unidas sobre los Bosques',
    'Форум(?:а|ом)? Организации Объединенных Наций по лесам',
    '联合国森林论坛',
    'منتدى الأمم المتحدة المعني بالغابات',
  ],
  CSD: [
    'Commission on Sustainable Development',
    'Commission du d[ée]veloppement durable',
    'Comisi[óo]n sobre el Desarrollo Sostenible',
    'Комисси(?:я|и|ей|ю) по устойчивому развитию',
    '可持续发展委员会',
    'لجنة التنمية المستدامة',
  ],
  UNEA: [
    'United Nations Environment Assembly',
    "Assembl[ée]e des Nations Unies pour l[’'] ?environnement",
    'Asamblea de las Naciones Unidas sobre el Medio Ambiente',
    'Ассамбле(?:я|и|ей|ю) Организации Объединенных Наций по окружающей среде',
    '联合国环境大会',
    'جمعية الأمم المتحدة للبيئة',
  ],
  WHA: [
    'World Health Assembly',
    'Assembl[ée]e mondiale de la sant[ée]',
    'Asamblea Mundial de la Salud',
    'Всемирн(?:ая|ой) ассамбле(?:я|и|ей) здравоохранения',
    '世界卫生大会',
    'جمعية الصحة العالمية',
  ],
};

const BODY_CODES = Object.keys(BODY_NAMES) as BodyCode[];

/** A body's names as one alternation; a space between words may be any one white-space character (a wrapped line). */
function namesOf(code: BodyCode): string {
  return BODY_NAMES[code].map((name) => name.replace(/ /g, '\\s')).join('|');
}

/** One regex source matching any body name, each in a named group `b_CODE`. */
export const BODY_SRC = BODY_CODES.map((code) => `(?<b_${code}>${namesOf(code)})`).join('|');

/** Any body name, no capture groups (for embedding in bigger grammars). */
export const BODY_ANY_SRC = BODY_CODES.map(namesOf).join('|');

const bodyExactRe = lazyRegExp(`^(?:${BODY_SRC})$`);

/** Names already looked up: a long text names the same few bodies thousands of times. */
const bodyCache = new Map<string, BodyCode | null>();

/** The body a matched name stands for ("Assemblée générale" → GA). */
export function bodyOf(name: string): BodyCode | undefined {
  let body = bodyCache.get(name);
  if (body === undefined) {
    body = bodyFromGroups(bodyExactRe.exec(name.trim())?.groups) ?? null;
    // Bounded: a hostile text could name "bodies" without end.
    if (bodyCache.size >= 4096) bodyCache.clear();
    bodyCache.set(name, body);
  }
  return body ?? undefined;
}

/** Which body a match of {@link BODY_SRC} (or a regex embedding it) named, if any. */
export function bodyFromGroups(groups: Record<string, string | undefined> | undefined): BodyCode | undefined {
  if (!groups) return undefined;
  for (const code of BODY_CODES) if (groups[`b_${code}`] !== undefined) return code;
  return undefined;
}

/** Head nouns for "resolution(s)": EN, FR, ES, RU (all cases; also in capitals, as headings write them), AR (article, conjunction, pronoun suffixes). */
export const RES_NOUN_SRC =
  '[Rr][ée]solutions?|[Rr]esoluci(?:ón|ones)|[Рр]езолюци(?:я|и|ю|ей|й|ях|ям|ями)|R[ÉE]SOLUTIONS?|RESOLUCI(?:ÓN|ONES)|РЕЗОЛЮЦИ(?:Я|И|Ю|ЕЙ|Й|ЯХ|ЯМ|ЯМИ)|(?:و|ف)?(?:ب|ل|ك)?(?:ال|لل)?قرار(?:ات|ت|ين|ان|ا|ي)?(?:ها|ه|هما)?';
/** Head nouns for "decision(s)". AR `مقرر` (decision; the same word means rapporteur, hence a number is required). */
export const DEC_NOUN_SRC =
  '[Dd][ée]cisions?|[Dd]ecisi(?:ón|ones)|[Рр]ешени(?:е|я|ю|ем|и|й|ях|ям|ями)|D[ÉE]CISIONS?|DECISI(?:ÓN|ONES)|РЕШЕНИ(?:Е|Я|Ю|ЕМ|И|Й|ЯХ|ЯМ|ЯМИ)|(?:و|ف)?(?:ب|ل|ك)?(?:ال|لل)?مقرر(?:ات|ين|ان|ا|ي)?(?:ها|ه|هما)?';

/** Possessives that send "its resolution" to the document's own body. */
export const ITS_SRC =
  '[Ii]ts|[Tt]heir|[Ss]a|[Ss]es|[Ss]us?|сво(?:ю|ей|и|их|ими|ем|ём|его|ему|им)|[Ее]е|[Ее]ё|[Ее]го|其';

/** Arabic pronoun suffix on the noun ("قرارها" her resolution, "قراره" his resolution). */
export function arabicPossessive(noun: string): boolean {
  return /(?:ها|ه|هما)$/.test(noun) && /قرار|مقرر/.test(noun);
}

/** Month names → month number, all languages (genitive for Russian, Gregorian names for Arabic). */
export const MONTHS: Record<string, number> = {};
const MONTH_LISTS: string[][] = [
  'January February March April May June July August September October November December'.split(' '),
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' '),
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre'.split(' '),
  'января февраля марта апреля мая июня июля августа сентября октября ноября декабря'.split(' '),
  'يناير فبراير مارس أبريل مايو يونيه يوليه أغسطس سبتمبر أكتوبر نوفمبر ديسمبر'.split(' '),
  'يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر'.split(' '),
];
for (const list of MONTH_LISTS) {
  list.forEach((m, i) => {
    MONTHS[m.toLowerCase()] = i + 1;
  });
}
MONTHS.setiembre = 9;
MONTHS.fevrier = 2;
MONTHS.aout = 8;
MONTHS.decembre = 12;

/** Regex source of every month name (for date grammars). */
export const MONTH_SRC = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

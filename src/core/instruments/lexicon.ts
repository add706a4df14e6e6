/**
 * The instrument matcher's language specifics: head words of titles, Arabic proclitics, Russian endings,
 * the small words extraction glues to a title, body names that contain a title, words too common to
 * anchor a title, and the openers and closers of Chinese titles.
 */
import type { Lang } from '../mention.ts';
import { tokenize } from './tokens.ts';

/** Head words of instrument titles per language (folded; Russian: stems). The miner requires one. */
const HEADS: Record<Lang, string[]> = {
  en: [
    'convention',
    'covenant',
    'declaration',
    'agreement',
    'protocol',
    'charter',
    'agenda',
    'programme',
    'program',
    'framework',
    'compact',
    'strategy',
    'statute',
    'treaty',
    'principles',
    'rules',
    'plan',
    'platform',
    'consensus',
    'guidelines',
    'code',
    'standards',
    'outcome',
    'pact',
    'accord',
    'commitment',
    'commitments',
    'constitution',
    'pathway',
  ],
  fr: [
    'convention',
    'pacte',
    'déclaration',
    'accord',
    'protocole',
    'charte',
    'programme',
    'cadre',
    'stratégie',
    'statut',
    'traité',
    'principes',
    'règles',
    'plan',
    'plateforme',
    'plate',
    'consensus',
    'lignes',
    'code',
    'document',
    'engagement',
    'engagements',
    'ensemble',
    'constitution',
    'modalités',
  ],
  es: [
    'convención',
    'convenio',
    'pacto',
    'declaración',
    'acuerdo',
    'protocolo',
    'carta',
    'agenda',
    'programa',
    'marco',
    'estrategia',
    'estatuto',
    'tratado',
    'principios',
    'reglas',
    'plan',
    'plataforma',
    'consenso',
    'directrices',
    'código',
    'documento',
    'compromiso',
    'compromisos',
    'constitución',
    'modalidades',
  ],
  // Russian heads are stems: titles inflect ("Конвенция", "Конвенции", "Конвенцию").
  ru: [
    'конвенц',
    'пакт',
    'деклараци',
    'соглашени',
    'протокол',
    'устав',
    'программ',
    'повестк',
    'рамк',
    'стратеги',
    'статут',
    'договор',
    'принцип',
    'правил',
    'план',
    'платформ',
    'консенсус',
    'руководящ',
    'кодекс',
    'документ',
    'обязательств',
    'хартии',
    'хартия',
  ],
  ar: [
    'اتفاقية',
    'الاتفاقية',
    'اتفاق',
    'الاتفاق',
    'العهد',
    'عهد',
    'اعلان',
    'الاعلان',
    'بروتوكول',
    'البروتوكول',
    'ميثاق',
    'الميثاق',
    'خطة',
    'برنامج',
    'اطار',
    'استراتيجية',
    'الاستراتيجية',
    'النظام',
    'معاهدة',
    'المعاهدة',
    'المبادئ',
    'مبادئ',
    'القواعد',
    'قواعد',
    'منهاج',
    'توافق',
    'الوثيقة',
    'وثيقة',
    'نظام',
    'الخطة',
    'البرنامج',
    // "التزام إشبيلية" (Sevilla Commitment), "التعاهد الرقمي العالمي" (Global Digital Compact),
    // "إجراءات العمل المعجل ..." (SAMOA Pathway: Modalities of Action, as fr/es "modalités"/"modalidades").
    'التزام',
    'التعاهد',
    'اجراءات',
  ],
  zh: ['《'],
};

/**
 * The head word a title would be indexed under in `lang` (folded), or null when it has none.
 * The miner uses it to reject candidates that are not instrument titles.
 */
export function headWordOf(title: string, lang: Lang): string | null {
  const heads = HEADS[lang];
  for (const t of tokenize(title)) {
    for (const h of heads) if (lang === 'ru' ? t.text.startsWith(h) : t.text === h) return h;
  }
  return null;
}

/** Folded tokens of a string, as the matcher compares them (for tests and the miner). */
export function foldedTokens(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}

/** Arabic proclitics that may be glued to a title's first word (و ف ب ل ك and pairs). */
export const AR_PROCLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل'];

/** Russian endings stripped to compare inflected leading words; longest first. */
const RU_ENDINGS = [
  'иями',
  'ями',
  'ами',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ией',
  'ием',
  'иям',
  'иях',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ый',
  'ий',
  'ой',
  'ей',
  'ую',
  'юю',
  'ым',
  'им',
  'ом',
  'ем',
  'ых',
  'их',
  'ах',
  'ях',
  'ам',
  'ям',
  'ия',
  'ии',
  'ию',
  'а',
  'я',
  'о',
  'е',
  'ы',
  'и',
  'у',
  'ю',
  'й',
  'ь',
];

/** RU_ENDINGS by length, longest first: one Set lookup per length instead of a scan. */
const RU_ENDINGS_BY_LEN: [number, Set<string>][] = [4, 3, 2, 1].map((n) => [
  n,
  new Set(RU_ENDINGS.filter((e) => e.length === n)),
]);

/** The stem of a folded Russian word: its longest listed ending cut off, at least three letters kept. */
export function ruStem(word: string): string {
  for (const [n, set] of RU_ENDINGS_BY_LEN) {
    if (word.length - n >= 3 && set.has(word.slice(-n))) return word.slice(0, -n);
  }
  return word;
}

/** Small words that PDF/HTML extraction glues to a title's last word ("Human Rightsand"). */
export const GLUE_WORDS = new Set([
  'and',
  'or',
  'of',
  'the',
  'in',
  'on',
  'to',
  'for',
  'as',
  'at',
  'by',
  'with',
  'which',
  'that',
  'et',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'en',
  'y',
  'e',
  'o',
  'del',
  'el',
  'los',
  'las',
  'и',
  'в',
  'с',
  'а',
]);
/** GLUE_WORDS as an array, for loops that must not allocate an iterator. */
export const GLUE_LIST = [...GLUE_WORDS];

/**
 * Names of bodies that contain a title ("Conference of the Parties to the United Nations Framework
 * Convention ...", "Special Committee on ... the Declaration on the Granting of Independence ...").
 * A title right after such a prefix (or, in Chinese, right before such a suffix) is part of the
 * body's name, not a mention.
 */
export const BODY_BEFORE: Partial<Record<Lang, RegExp>> = {
  // "Meeting of the Parties to the Protocol on Water and Health to the Convention on …": a protocol's body, named
  // by the treaty the protocol supplements (A/81/6 (Sect. 20)).
  en: /(?:(?:Conferences?|Meetings?)\s+of\s+(?:the\s+)?(?:States\s+|High\s+Contracting\s+)?Parties\s+to\s+the(?:\s+Protocol\s+[^.;:()]{0,80}?\s+to\s+the)?|Review\s+Conference\s+(?:of|on)\s+the|Assembly\s+of\s+(?:the\s+)?States\s+Parties\s+to\s+the|Special\s+Committee\s+on\s+the\s+Situation\s+with\s+regard\s+to\s+the\s+Implementation\s+of\s+the)\s+$/i,
  fr: /(?:Conf[ée]rence\s+de\s+r[ée]vision\s+(?:du|de\s+la)|Assembl[ée]e\s+des\s+[ÉE]tats\s+[Pp]arties\s+(?:au|à\s+la|a\s+la)|Conf[ée]rences?\s+(?:de\s+\d{4}\s+)?des\s+(?:[ÉE]tats\s+)?[Pp]arties\s+(?:de\s+\d{4}\s+)?(?:(?:à|a)\s+la|au|aux|charg[ée]e\s+d.examiner\s+(?:le|la|l.))|R[ée]union\s+des\s+[ÉE]tats\s+parties\s+(?:à|a)\s+la|Comit[ée]\s+sp[ée]cial\s+charg[ée]\s+d.[ée]tudier\s+la\s+situation\s+en\s+ce\s+qui\s+concerne\s+l.application\s+de\s+la|Organisation\s+du)\s+$/i,
  es: /(?:Conferencia\s+de\s+Revisi[óo]n\s+del|Asamblea\s+de\s+los\s+Estados\s+Partes\s+en\s+el|Conferencia\s+(?:de\s+\d{4}\s+)?de\s+(?:las\s+Partes|los\s+Estados\s+Partes)\s+(?:(?:del\s+A[ñn]o\s+|de\s+)\d{4}\s+)?(?:en\s+(?:la|el)|encargada\s+del\s+Examen(?:\s+y\s+la\s+Pr[óo]rroga)?\s+del)|Reuni[óo]n\s+de\s+los\s+Estados\s+Partes\s+en\s+la|Comit[ée]\s+Especial\s+encargado\s+de\s+examinar\s+la\s+situaci[óo]n\s+con\s+respecto\s+a\s+la\s+aplicaci[óo]n\s+de\s+la|Organizaci[óo]n\s+del)\s+$/i,
  ru: /(?:Конференци\S*\s+по\s+обзору|Ассамбле\S*\s+государств\s*[-—–]\s*участников|Конференци\S*\s+(?:\d{4}\s+года\s+)?(?:(?:государств\s*[-—–]\s*)?участников|Сторон)|Совещани\S*\s+государств-участников|Специальн\S*\s+комитет\S*\s+по\s+вопросу\s+о\s+ходе\s+осуществления|Организаци\S*\s+по)\s+$/i,
  ar: /(?:مؤتمر\s+(?:الدول\s+)?الأطراف\s+في|جمعية\s+الدول\s+الأطراف\s+في|اجتماع\s+الدول\s+الأطراف\s+في|اللجنة\s+الخاصة\s+المعنية\s+بحالة\s+تنفيذ|منظمة)\s+$/,
};
/** After a title: the body it names ("… Treaty Organization"), or in Chinese the body the title is part of. */
export const BODY_AFTER: Partial<Record<Lang, RegExp>> = {
  // "Comprehensive Nuclear-Test-Ban Treaty Organization": the organization a treaty set up.
  en: /^\s*Organization\b/,
  zh: /^\s*(?:组织|缔约方大会|缔约方会议|缔约国大会|缔约国会议|缔约国(?:\d{4}年)?审议(?:和延期)?大会|审查会议|执行情况特别委员会)/,
};

/**
 * Capitalised words too frequent in UN text to be good anchors: a title is indexed under its
 * first capitalised word not listed here ("United Nations Convention against Corruption" under
 * "Convention"), so the scan stops less often.
 */
export const COMMON = new Set(
  `United Nations International Organization General World Global Human Rights Member States State
  Council Assembly Conference Development Sustainable Economic Social Committee Political Nations Unies
  Naciones Unidas Organisation Organización Mundial Internacional Internationale Объединенных Наций
  Организации Международн`.split(/\s+/),
);

/** Not a Chinese opener; 《; another opening quote (“ 〈 < ＜ 「); the full-width colon. */
export const ZH_NONE = 0;
export const ZH_BOOK = 1;
export const ZH_QUOTE = 2;
export const ZH_COLON = 3;
// The finder normalises full-width forms (＜ ： to < :) before the matcher sees the text; both kinds are met.
export const ZH_OPENERS_SOURCE = '[《“〈<＜「：:]';
/** Folded closing quotes (foldPunct: ” -> ", 〉 ＞ › -> >). */
export const ZH_CLOSERS = new Set(['》', '"', '>', '」']);
/** An ideograph: a text without one needs no Chinese scan. */
export const CJK_RE = /[\u4e00-\u9fff]/;

/** What a character opens: a 《 title, another quote, a colon before a title, or nothing (ZH_NONE). */
export function zhOpenerMode(code: number): number {
  switch (code) {
    case 0x300a:
      return ZH_BOOK;
    case 0x201c:
    case 0x3008:
    case 0x3c:
    case 0xff1c:
    case 0x300c:
      return ZH_QUOTE;
    case 0xff1a:
    case 0x3a:
      return ZH_COLON;
    default:
      return ZH_NONE;
  }
}

/** A Russian stem keeping the word's capital ("Конвенции" -> "Конвенц"). */
export function ruStemCased(word: string): string {
  const stem = ruStem(word.toLowerCase());
  return word.slice(0, stem.length);
}

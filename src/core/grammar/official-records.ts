/**
 * Official Records of the General Assembly cited WITHOUT their symbol, in the six languages:
 *   EN "Official Records of the General Assembly, Sixtieth Session, Supplement No. 10"
 *   FR "Documents officiels de l’Assemblée générale, soixante-dix-septième session, Supplément no 53"
 *   ES "Documentos Oficiales de la Asamblea General, septuagésimo cuarto período de sesiones, suplemento núm. 53"
 *   RU "Официальные отчеты Генеральной Ассамблеи, семьдесят четвертая сессия, Дополнение № 53"
 *   ZH "《大会正式记录，第七十七届会议，补编第53号》"      AR "الوثائق الرسمية للجمعية العامة، الدورة الرابعة والسبعون، الملحق رقم 53"
 * and "Ibid., Seventy-fourth Session, Supplement No. 53A" (FR/ES "Ibid.", RU "Там же", ZH "同上", AR "المرجع نفسه").
 * GA supplements are numbered A/<session>/<supplement> since the 31st session (A/33/45, A/60/10); a lettered
 * supplement is an addendum ("Supplement No. 53 A" = A/63/53/Add.1). Only symbol-less citations come out of here:
 * when the symbol follows in parentheses ("… Supplement No. 10 (A/60/10)") symbol.ts emits it, so it is never
 * emitted twice. ECOSOC records (by year) and sessions before the 31st cannot be derived and are skipped.
 *
 * Speed: one `indexOf` pass per literal anchor and one bounded sticky regex at each hit.
 */
import { lazyRegExp } from '../lazy-regexp';
import type { Mention } from '../mention';
import type { ScanContext } from './context';
import { WS, WS1 } from './space';

/**
 * Anchors: GA Official Records titles and ibid words (an ibid must then name a session), one alternation.
 * The lookahead is TAIL's own opening (a comma): "Ibid." without one is never an anchor, so a page of bare
 * "Ibid." footnotes costs no per-hit work.
 */
const ANCHOR_RE = lazyRegExp(
  `(?:Official[ \\n]Records[ \\n]of[ \\n]the[ \\n]General[ \\n]Assembly|Documents[ \\n]officiels[ \\n]de[ \\n]l[’']Assemblée[ \\n]générale|Documentos[ \\n]Oficiales[ \\n]de[ \\n]la[ \\n]Asamblea[ \\n]General|Официальные[ \\n]отчеты[ \\n]Генеральной[ \\n]Ассамблеи|大会正式记录|الوثائق[ \\n]الرسمية[ \\n]للجمعية[ \\n]العامة|Ibid|Там же|同上|المرجع نفسه)(?=\\.?${WS}[,،，])`,
  'g',
);

/**
 * ", <session words>, Supplement No. 53 A". Group 1: the session phrase, 2: supplement number, 3: letter.
 * The session phrase is bounded (no comma, at most 60 characters) so a hit costs little.
 */
const TAIL = lazyRegExp(
  `\\.?${WS}[,،，]${WS}((?:[^,،，\\n()]|\\n(?![ \\t]*\\n)){4,60}?)${WS}[,،，]${WS}(?:Supplement${WS1}No\\.|Supplément${WS1}n[o°º]|[Ss]uplemento${WS1}(?:núm\\.|No\\.)|Дополнение${WS1}№|الملحق${WS1}رقم|《?补编第)${WS}(\\d{1,3})(?:[ \\t]?([A-C]|ألف|باء|جيم)(?![\\p{L}\\d/]))?`,
  'uy',
);

/** What an ibid of something else continues with ("Ibid., vol. 1249", "Ibid., para. 3", "Ibid., 2008"). */
const NOT_SESSION = lazyRegExp(
  `\\.?${WS}[,،，]\\s{0,3}(?:[Vv]ols?\\.|paras?\\.|párrs?\\.|pp?\\.|[Nn]o\\.|chap|\\d|المجلد|第\\d)`,
  'y',
);

/** Session-word check: the phrase must say "session" in its language (not "1994" or "Year"). */
const SESSION_WORD = /[Ss]ession|período de sesiones|сесси|届会议|الدورة/;
const SPECIAL_WORD = /[Ss]pecial|extraordinaire|extraordinario|специальн|特别|الاستثنائية/;

/** Ordinal and cardinal number words of the six languages, by stem, summed over the phrase. */
const NUMBER_WORDS: [RegExp, number][] = [
  // tens first ("seventieth", "soixante-dix", "septuagésimo", "семидесят", "السبعون")
  [/^(?:thirt(?:y|ieth))$/, 30],
  [/^(?:fort(?:y|ieth))$/, 40],
  [/^(?:fift(?:y|ieth))$/, 50],
  [/^(?:sixt(?:y|ieth))$/, 60],
  [/^(?:sevent(?:y|ieth))$/, 70],
  [/^(?:eight(?:y|ieth))$/, 80],
  [/^(?:first|premier|primer|primero|первая|первой|الحادية)$/, 1],
  [/^(?:second|deuxième|segundo|вторая|второй|الثانية)$/, 2],
  [/^(?:third|troisième|tercer|tercero|третья|третьей|الثالثة)$/, 3],
  [/^(?:fourth|quatrième|cuarto|четвертая|четвертой|четвёртая|الرابعة)$/, 4],
  [/^(?:fifth|cinquième|quinto|пятая|пятой|الخامسة)$/, 5],
  [/^(?:sixth|sixième|sexto|шестая|шестой|السادسة)$/, 6],
  [/^(?:seventh|septième|séptimo|седьмая|седьмой|السابعة)$/, 7],
  [/^(?:eighth|huitième|octavo|восьмая|восьмой|الثامنة)$/, 8],
  [/^(?:ninth|neuvième|noveno|девятая|девятой|التاسعة)$/, 9],
  [/^(?:unième)$/, 1],
  [/^(?:dixième)$/, 10],
  [/^(?:onzième)$/, 11],
  [/^(?:douzième)$/, 12],
  [/^(?:treizième)$/, 13],
  [/^(?:quatorzième)$/, 14],
  [/^(?:quinzième)$/, 15],
  [/^(?:seizième)$/, 16],
  [/^(?:dix)$/, 10],
  [/^(?:trente|trentième|trigésimo|тридцать|тридцатая|тридцатой|الثلاثون|الثلاثين)$/, 30],
  [/^(?:quarante|quarantième|cuadragésimo|сорок|сороковая|сороковой|الأربعون|الأربعين)$/, 40],
  [/^(?:cinquante|cinquantième|quincuagésimo|пятьдесят|пятидесятая|пятидесятой|الخمسون|الخمسين)$/, 50],
  [/^(?:soixante|soixantième|sexagésimo|шестьдесят|шестидесятая|шестидесятой|الستون|الستين)$/, 60],
  [/^(?:septuagésimo|семьдесят|семидесятая|семидесятой|السبعون|السبعين)$/, 70],
  [/^(?:quatrevingts?|octogésimo|восемьдесят|восьмидесятая|восьмидесятой|الثمانون|الثمانين)$/, 80],
];

const ZH_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "Seventy-seventh Session" → 77, "soixante et onzième session" → 71, "第七十七届会议" → 77. */
export function sessionNumber(phrase: string): number | undefined {
  const zh = /第([一二三四五六七八九十]{1,4})届/.exec(phrase);
  if (zh) {
    const s = zh[1]!;
    const ten = s.indexOf('十');
    if (ten < 0) return ZH_DIGIT[s];
    const tens = ten === 0 ? 1 : (ZH_DIGIT[s[0]!] ?? 0);
    const units = ten === s.length - 1 ? 0 : (ZH_DIGIT[s[ten + 1]!] ?? 0);
    return tens * 10 + units;
  }
  const words = phrase
    .toLowerCase()
    .replace(/quatre-vingt/g, 'quatrevingt ')
    .split(/[\s-]+/)
    .map((w) => w.replace(/^و(?=ال)/, '').trim())
    .filter(Boolean);
  let total = 0;
  for (const w of words) {
    for (const [re, v] of NUMBER_WORDS) {
      if (re.test(w)) {
        total += v;
        break;
      }
    }
  }
  return total > 0 ? total : undefined;
}

const LETTER: Record<string, number> = { A: 1, B: 2, C: 3, ألف: 1, باء: 2, جيم: 3 };

/**
 * Finds GA Official Records citations that give no symbol and keys each as the derived supplement symbol
 * (`A/60/10`, `A/63/53/Add.1`), kind `document`, with a lower confidence than a written symbol.
 * @example scanOfficialRecords('Official Records of the General Assembly, Sixtieth Session, Supplement No. 10, para. 3', { lang: 'en' })[0]?.key
 * // 'A/60/10'
 */
export function scanOfficialRecords(text: string, _ctx: ScanContext): Mention[] {
  const hits: { at: number; len: number }[] = [];
  ANCHOR_RE.lastIndex = 0;
  for (let a = ANCHOR_RE.exec(text); a !== null; a = ANCHOR_RE.exec(text))
    hits.push({ at: a.index, len: a[0].length });
  const out: Mention[] = [];
  for (const h of hits) {
    // most "Ibid." repeat a Treaty Series volume or a paragraph: cheap exit before the session regex
    NOT_SESSION.lastIndex = h.at + h.len;
    if (NOT_SESSION.test(text)) continue;
    TAIL.lastIndex = h.at + h.len;
    const m = TAIL.exec(text);
    if (!m) continue;
    const phrase = m[1]!;
    if (!SESSION_WORD.test(phrase) || SPECIAL_WORD.test(phrase)) continue;
    const session = sessionNumber(phrase);
    // A/<session>/<supplement> holds from the 31st session (1976); earlier supplements had sequential symbols
    if (session === undefined || session < 31 || session > 99) continue;
    const end = m.index + m[0].length;
    // "… Supplement No. 10 (A/60/10)": the written symbol is symbol.ts's mention, not ours
    const after = text.slice(end, end + 60);
    if (
      /^(?:[^()（）\n]|\n(?![ \t]*\n)){0,40}?[(（[]+\s*[A-ZАЕСТ]{1,6}\//.test(after) ||
      /^\s*[A-ZАЕСТ]{1,6}\//.test(after) ||
      /^(?:[^()\n]|\n(?![ \t]*\n)){0,12}》\s*[(（]/.test(after)
    )
      continue;
    const letter = m[3] === undefined ? undefined : LETTER[m[3]];
    const key = `A/${session}/${m[2]}${letter ? `/Add.${letter}` : ''}`;
    out.push({ offset: h.at, end, surface: text.slice(h.at, end), kind: 'document', key, confidence: 0.8 });
  }
  return out;
}

/** Positive and negative examples, checked by grammar/examples.test.ts against every rule. */
export const examples = {
  match: [
    'See Official Records of the General Assembly, Sixtieth Session, Supplement No. 10, chap. IV.',
    'Ibid., Seventy-fourth Session, Supplement No. 53A, chap. III.',
    'Documents officiels de l’Assemblée générale, soixante et onzième session, Supplément no 53, chap. II.',
    'Documentos Oficiales de la Asamblea General, septuagésimo cuarto período de sesiones, suplemento núm. 53, cap. II.',
    'Официальные отчеты Генеральной Ассамблеи, семьдесят седьмая сессия, Дополнение № 53, глава II.',
    '《大会正式记录，第七十七届会议，补编第53号》，第二章。',
    'الوثائق الرسمية للجمعية العامة، الدورة الرابعة والسبعون، الملحق رقم 53، الفصل الثاني.',
  ],
  noMatch: [
    'Official Records of the Economic and Social Council, 2006, Supplement No. 5',
    'Official Records of the General Assembly, Nineteenth Session, Annexes',
    'Official Records of the General Assembly, Twelfth Special Session, Supplement No. 3',
    'Ibid., 2008, Supplement No. 5',
  ],
};

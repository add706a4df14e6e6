import { lazyRegExp } from './lazy-regexp';
import type { Mention } from './mention';

/**
 * A bare "Ibid." that repeats a whole citation (spec "Repeated references"): "15 Ibid." after
 * "14 See resolution 2200 A (XXI), annex." is `A/RES/2200(XXI)`. An "Ibid." followed by a new
 * item ("Ibid., vol. 1249, No. 20378", "Ibid., 2008, Supplement No. 5 (E/2008/25)") repeats only
 * the container: the new item is the mention, found by the other grammars. An "Ibid." whose
 * antecedent was not understood is nothing: it is never attached to an older citation.
 */

/** "Ibid." in the six languages (UN house style and RAE "Ibíd."). */
export const IBID_SRC = '(?<![\\p{L}\\p{N}])(?:Ibid|Ibíd|Ibidem|Там же|同上|المرجع نفسه)(?![\\p{L}])\\.?';
const IBID_RE = lazyRegExp(IBID_SRC, 'gu');

/** After "Ibid.,": a locator inside the same source (annex, chapter, paragraph) keeps it a whole repeat. */
const LOCATOR_RE =
  /^\s*[,，،]\s*(?:annex|annexe|anexo|приложени|附件|المرفق|chap|cap|гл|para|párr|пункт|p\.|pp\.|sect|secc|разд|الفصل|الفقرة|الفرع|第[一二三四五六七八九十\d]{1,3}(?:章|段|节))/i;
/** After "Ibid.,": a new item of the same container (volume, year, session, supplement, agenda item, document). */
const CONTAINER_RE =
  /^\s*[,，،]\s*(?:vols?\.|т\.|المجلد|第|\d|Nos?\.|Supp|Suppl|Suplemento|Дополнение|补编|《|الملحق|agenda|point|tema|пункт повестки|document|documento|документ|الوثيقة|الدورة|session|sesión|período|сесси|(?:(?:Twent|Thirt|Fort|Fift|Sixt|Sevent|Eight|Ninet)ieth|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|Thirteenth|Fourteenth|Fifteenth|Sixteenth|Seventeenth|Eighteenth|Nineteenth|Twentieth|Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety)|(?:premi|deuxi|troisi|quatri|cinqui|sixi|septi|huiti|neuvi|dixi|onzi|douzi|vingt|trente|quarante|cinquante|soixant|quatre)|(?:primer|segund|tercer|cuart|quint|sext|s[ée]ptim|octav|noven|d[ée]cim|vig[ée]sim|trig[ée]sim|cuadrag[ée]sim|quincuag[ée]sim|sexag[ée]sim|septuag[ée]sim|octog[ée]sim)|(?:перв|втор|трет|четв|пят|шест|седьм|восьм|девят|десят|двадцат|тридцат|сорок|пятидесят|шестидесят|семидесят|восьмидесят|пятьдесят|шестьдесят|семьдесят|восемьдесят|девяност))/i;

/** Citation words that no grammar keys: an "Ibid." after them has no understood antecedent. */
export const UNDERSTOOD_NOT_RE =
  /Official Records|Documents officiels|Documentos Oficiales|Официальные отчеты|正式记录|الوثائق الرسمية|Supplement|Supplément|Suplemento|Дополнение|补编|الملحق|publication|publicación|издание|出版物|منشورات|Treaty Series|Recueil des Traités|Сборник договоров|条约汇编|مجموعة المعاهدات|Ibid|Ibíd|Там же|同上|المرجع نفسه|WHA\d|第\s?\d{1,3}[.(]\d{1,3}\)?\s?号决[议定]|号文件/i;

/** Longest distance between an antecedent and its "Ibid." (a footnote or two). */
const MAX_GAP = 300;

/**
 * Mentions for the bare "Ibid." forms of `text`, given the other mentions (sorted, not
 * overlapping). Instruments named by title are not antecedents (an "Ibid." footnote repeats the
 * previous footnote, and titles are in the body text).
 */
export function findIbids(text: string, mentions: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  // Nothing before the first citation can repeat one.
  const first = mentions.find((m) => m.kind !== 'instrument');
  if (!first) return out;
  IBID_RE.lastIndex = first.end;
  let j = 0;
  let last: Mention | undefined;
  for (let m = IBID_RE.exec(text); m; m = IBID_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (j < mentions.length && mentions[j]!.end <= start) {
      const cand = mentions[j]!;
      if (cand.kind !== 'instrument') last = cand;
      j++;
    }
    // Ibid.s found here are antecedents too (chains of bare repeats).
    const prevOwn = out[out.length - 1];
    const antecedent = prevOwn && (!last || prevOwn.offset > last.offset) ? prevOwn : last;
    if (!antecedent || start - antecedent.end > MAX_GAP) continue;
    const rest = text.slice(end, end + 80);
    // Inline footnotes ("… Cultural Rights Ibid., the Convention …") end with a plain comma.
    if (CONTAINER_RE.test(rest) && !LOCATOR_RE.test(rest)) continue;
    if (UNDERSTOOD_NOT_RE.test(text.slice(antecedent.end, start))) continue;
    const ibid: Mention = { offset: start, end, surface: m[0], kind: antecedent.kind, key: antecedent.key };
    if (antecedent.part) ibid.part = antecedent.part;
    if (antecedent.volume !== undefined) ibid.volume = antecedent.volume;
    if (antecedent.confidence !== undefined) ibid.confidence = antecedent.confidence;
    out.push(ibid);
  }
  return out;
}

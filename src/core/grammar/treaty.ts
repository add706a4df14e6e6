/**
 * Treaty Series citations in the six languages, as the GA texts write them (checked in
 * ../shared/data/unxml-akn4un/texts_*.jsonl.gz):
 *   EN "United Nations, Treaty Series, vol. 1771, No. 30822"      FR "Nations Unies, Recueil des Traités, vol. 1771, no 30822"
 *   ES "Naciones Unidas, Treaty Series, vol. 1771, núm. 30822"    RU/AR keep the English "United Nations, Treaty Series, …"
 *   AR "الأمم المتحدة، مجموعة المعاهدات، المجلد 3146، الرقم 1030"   ZH "联合国，《条约汇编》，第1771卷，第30822号"
 * plus "Ibid., vol. 1249, No. 20378" / "Ibid., vol. N, no N" / "Там же, vol." / "المرجع نفسه، المجلد N، الرقم N" /
 * "同上，第1577卷，第27531号" (kept with `ibid: true`; find.ts checks the chain), League of Nations volumes
 * ("League of Nations, Treaty Series, vol. XCIV, No. 2138" → `LNTS 2138`), lists and ranges of numbers
 * ("vol. 75, Nos. 970–973" → four mentions) and lists of volumes ("vols. 2225, 2237, 2241 and 2326, No. 39574" → one).
 *
 * Surfaces follow the gold files: outside Chinese the mention starts at "vol." (or at "Ibid."); in Chinese it
 * starts at "联合国，《条约汇编》" (or "同上"). In a list the first number carries the head, each later number is its
 * own surface, and the numbers inside a range ("970–973") get the dash.
 *
 * Speed: one `indexOf` pass per literal anchor (series names and ibid words), then one sticky regex at each anchor.
 */
import { lazyRegExp } from '../lazy-regexp';
import type { Mention } from '../mention';
import { romanToNumber } from '../roman';
import { isLatinOnly } from '../script';
import type { ScanContext } from './context';
import { WS, WS1 } from './space';

/**
 * Series names and ibid words that open a citation, as ONE alternation: V8 scans a literal alternation
 * much faster than a dozen `indexOf` passes (measured 300 vs 34 MB/s on the English GA texts). An ibid word is
 * an anchor only when the tail's opening comma follows (the lookahead is LATIN_TAIL's / ZH_TAIL's own start),
 * so runs of bare "Ibid." cost no per-hit work.
 */
const ANCHOR_RE =
  /Treaty[ \n]Series|Recueil[ \n]des[ \n][Tt]raités|Сборник[ \n]договоров|مجموعة المعاهدات|《条约汇编》|(?:Ib[ií]d|Там же|المرجع نفسه)(?=\.?[ \t]*[,،])|同上(?=[ ]*[，,])/g;
/** ANCHOR_RE's Latin alternatives, for a text without other scripts (script.ts): same matches there, a third of the time. */
const LATIN_ANCHOR_RE = /Treaty[ \n]Series|Recueil[ \n]des[ \n][Tt]raités|Ib[ií]d(?=\.?[ \t]*[,،])/g;
/**
 * Anchors that repeat the previous container ("Ibid., vol. …"). A lower-case "ibid." in running text
 * ("(ibid., vol. 397 (1961), No. 5712)", S/RES/186 (1964)) is not one: an anchor starting with "i" made
 * the anchor scan six times slower.
 */
const IBID_WORDS = new Set(['Ibid', 'Ibíd', 'Там же', 'المرجع نفسه', '同上']);

const NUM = '(?:II?-)?\\d{1,6}';
/** A volume; older citations give its year too: "vol. 75 (1950), No. 972" (S/RES/237 (1967)). */
const VOL = '(?:\\d{1,4}|[IVXLCM]{1,9})(?:[ \\t]?\\((?:19|20)\\d\\d\\))?';
/** "vol. 1771, No. 30822": vol word (1), volumes (2), number word (3), numbers (4). */
const LATIN_BODY =
  `([Vv]ol(?:s?\\.|umes?)|т\\.|المجلدات|المجلدان|المجلد)${WS}(${VOL}(?:(?:${WS}[,،]${WS}(?:[Vv]ols?\\.${WS})?|${WS1}(?:and|et|y|и)${WS1}|${WS1}و${WS})${VOL}){0,8})` +
  `${WS}[,،.]?${WS}([Nn]os?\\.|nos?|n[º°]s?|[Nn]úms?\\.|No|№|الرقمان|الأرقام|الرقم)${WS}` +
  `(${NUM}(?:(?:${WS}[-–‑]${WS}|${WS1}(?:to|à|a|по|إلى)${WS1}|${WS}[,،]${WS}|${WS1}(?:and|et|y|и)${WS1}|${WS1}و${WS})${NUM}){0,12})`;
/** ", vol. 1771, No. 30822" after a Latin/Cyrillic/Arabic anchor (the anchor's own "." and comma included). */
const LATIN_TAIL = lazyRegExp(`\\.?${WS}[,،]${WS}${LATIN_BODY}`, 'y');
/** ", and vol. 2253, No. 3511" right after a citation: a second volume cited in the same breath. */
const LATIN_MORE = lazyRegExp(`${WS}[,;،؛]${WS}(?:(?:and|et|y|и)${WS1}|و${WS})?${LATIN_BODY}`, 'y');
const ZH_VOL = '[0-9〇零一二三四五六七八九十百千]{1,8}';
/** "第1771卷，第30822号": volumes (1), numbers (2). */
const ZH_BODY = `第[ ]*(${ZH_VOL}(?:[ ]*[、和及][ ]*${ZH_VOL}){0,8})[ ]*卷[ ]*[，,][ ]*第[ ]*(\\d{1,6}(?:[ ]*(?:[-–‑至、和])[ ]*\\d{1,6}){0,12})[ ]*号`;
/** "，第1771卷，第30822号" after 《条约汇编》 or 同上. */
const ZH_TAIL = lazyRegExp(`[ ]*[，,][ ]*${ZH_BODY}`, 'y');
/** "；第2253卷，第3511号" right after a citation. */
const ZH_MORE = lazyRegExp(`[ ]*[；;，,][ ]*(?:和[ ]*)?${ZH_BODY}`, 'y');
const LEAGUE =
  /(?:League\sof\sNations|Société\sdes\sNations|Sociedad\sde\s(?:las\s)?Naciones|Лиг[аи]\sНаций|عصبة الأمم|国际联盟)[\s,،，]*$/;
const MAX_RANGE = 60;

const ZH_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const ZH_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** "九十四" → 94, "2445" → 2445 (League of Nations volumes are written in Chinese numerals). */
function zhNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ZH_DIGIT[ch] !== undefined) digit = ZH_DIGIT[ch]!;
    else {
      total += (digit || 1) * (ZH_UNIT[ch] ?? 1);
      digit = 0;
    }
  }
  return total + digit;
}

/** One registration number, with where it sits in the text. */
interface NumToken {
  value: number;
  part: 'I' | 'II';
  offset: number;
  end: number;
}

/** Splits "970–973", "17512 and 17513", "II-965" into numbers and range marks, with offsets. */
function readNumbers(list: string, base: number): NumToken[] | undefined {
  const out: NumToken[] = [];
  const re = /(II?-)?(\d{1,6})|[-–‑至]|(?<!\p{L})(?:to|à|a|по)(?!\p{L})|إلى/gu;
  let rangeFrom: NumToken | undefined;
  let rangeMark: { offset: number; end: number } | undefined;
  for (let m = re.exec(list); m !== null; m = re.exec(list)) {
    if (m[2] === undefined) {
      if (out.length === 0) return undefined;
      rangeFrom = out[out.length - 1];
      rangeMark = { offset: base + m.index, end: base + m.index + m[0].length };
      continue;
    }
    const tok: NumToken = {
      value: Number(m[2]),
      part: m[1] === 'II-' ? 'II' : 'I',
      offset: base + m.index,
      end: base + m.index + m[0].length,
    };
    if (rangeFrom && rangeMark) {
      const span = tok.value - rangeFrom.value;
      if (span <= 0 || span > MAX_RANGE) return undefined;
      // the numbers inside the range are only named by the dash between the two ends
      for (let v = rangeFrom.value + 1; v < tok.value; v++)
        out.push({ value: v, part: tok.part, ...rangeMark });
      rangeFrom = undefined;
      rangeMark = undefined;
    }
    out.push(tok);
  }
  return out.length > 0 ? out : undefined;
}

/** Roman volumes are League of Nations volumes (UNTS volumes are Arabic numerals, treaties.un.org). */
function isLeagueVolume(m: RegExpExecArray, zh: boolean): boolean {
  return zh ? !/^\d/.test(m[1]!) : /^[IVXLCM]/.test(m[2]!);
}

/**
 * Pushes the mentions of one volume clause (one per registration number); returns where the clause
 * ends, or -1 when its numbers do not read. `start` < 0 means the surface starts at the volume word.
 */
function emit(
  text: string,
  m: RegExpExecArray,
  zh: boolean,
  start: number,
  leagueSeries: boolean,
  ibid: boolean,
  out: Mention[],
): number {
  const league = leagueSeries || isLeagueVolume(m, zh);
  const volText = zh ? m[1]! : m[2]!;
  const first = zh
    ? zhNumber(volText.split(/[、和及]/)[0]!.trim())
    : ((v: string) => (/^\d+$/.test(v) ? Number(v) : romanToNumber(v)))(
        volText
          .split(/[,،]|\s+(?:and|et|y|и)\s+|\s+و/)[0]!
          .replace(/\s?\(\d{4}\)$/, '')
          .trim(),
      );
  const numText = zh ? m[2]! : m[4]!;
  // the number list ends the Latin match; in Chinese only "号" follows it
  const numStart = zh ? m.index + m[0].lastIndexOf(numText) : m.index + m[0].length - numText.length;
  const nums = readNumbers(numText, numStart);
  if (!nums) return -1;
  // a singular "No." names one number: "No. 30822, 1999" is not a list
  const singular = !zh && /^(?:[Nn]o\.?|no|n[º°]|[Nn]úm\.|№|الرقم)$/.test(m[3]!);
  const items = singular ? nums.slice(0, 1) : nums;
  const clauseStart = start >= 0 ? start : zh ? m.index + m[0].indexOf('第') : m.index + m[0].indexOf(m[1]!);
  const closing = m.index + m[0].length;
  items.forEach((n, i) => {
    const offset = i === 0 ? clauseStart : n.offset;
    // the Chinese citation closes with 号: the last number's surface takes it
    const end = zh && i === items.length - 1 ? closing : n.end;
    const key = league ? `LNTS ${n.value}` : `UNTS ${n.part}-${n.value}`;
    const mention: Mention = { offset, end, surface: text.slice(offset, end), kind: 'treaty', key };
    if (first > 0) mention.volume = first;
    if (ibid) mention.ibid = true;
    out.push(mention);
  });
  return zh ? closing : items[items.length - 1]!.end;
}

/**
 * Finds Treaty Series citations (UN and League of Nations) in `text`, in document order. Each registration
 * number is one mention keyed `UNTS I-n` (`UNTS II-n`, `LNTS n`) with the first volume in `volume`; an
 * "Ibid., vol. …" repetition is marked `ibid: true`.
 * @example scanTreaties('United Nations, Treaty Series, vol. 1771, No. 30822.', { lang: 'en' })[0]?.key // 'UNTS I-30822'
 */
export function scanTreaties(text: string, ctx: ScanContext): Mention[] {
  const hits: { at: number; word: string; ibid: boolean }[] = [];
  const anchorRe = (ctx.latinOnly ?? isLatinOnly(text)) ? LATIN_ANCHOR_RE : ANCHOR_RE;
  anchorRe.lastIndex = 0;
  for (let a = anchorRe.exec(text); a !== null; a = anchorRe.exec(text)) {
    hits.push({ at: a.index, word: a[0], ibid: IBID_WORDS.has(a[0]) });
  }
  const out: Mention[] = [];
  // an ibid repeats the last series cited: League of Nations or United Nations
  let lastLeague = false;
  let done = 0;
  for (const h of hits) {
    if (h.at < done) continue;
    const zh = h.word === '《条约汇编》' || h.word === '同上';
    const tail = zh ? ZH_TAIL : LATIN_TAIL;
    tail.lastIndex = h.at + h.word.length;
    let m = tail.exec(text);
    if (!m) continue;
    const before = text.slice(Math.max(0, h.at - 30), h.at);
    let league: boolean = h.ibid ? lastLeague : LEAGUE.test(before);
    // where the first mention's surface starts: "vol." / "Ibid." / "联合国，《条约汇编》" / "同上"
    let start = h.ibid || zh ? h.at : -1;
    if (zh && !h.ibid) {
      const prefix = /(?:联合国|国际联盟)[ ]*[，,][ ]*$/.exec(text.slice(Math.max(0, h.at - 10), h.at));
      if (prefix) start = h.at - prefix[0].length;
    }
    // "Ibid., vol. 249, No. 3511, and vol. 2253, No. 3511": each volume clause is a citation
    for (let clause = 0; m && clause < 8; clause++) {
      const end = emit(text, m, zh, start, league, h.ibid, out);
      if (end < 0) break;
      league = lastLeague = league || isLeagueVolume(m, zh);
      done = end;
      const more = zh ? ZH_MORE : LATIN_MORE;
      more.lastIndex = end;
      m = more.exec(text);
      start = -1;
    }
  }
  return out;
}

/** Positive and negative examples, checked by grammar/examples.test.ts against every rule. */
export const examples = {
  match: [
    'United Nations, Treaty Series, vol. 1771, No. 30822.',
    'Ibid., vol. 1249, No. 20378.',
    'Nations Unies, Recueil des Traités, vol. 1577, no 27531.',
    'Naciones Unidas, Treaty Series, vol. 75, núms. 970 a 973.',
    'الأمم المتحدة، مجموعة المعاهدات، المجلد 3146، الرقم 1030.',
    'المرجع نفسه، المجلد 1125، الرقمان 17512 و 17513.',
    '联合国，《条约汇编》，第2225、2237、2241和2326卷，第39574号。',
    '同上，第1577卷，第27531号。',
    'League of Nations, Treaty Series, vol. XCIV, No. 2138.',
    'United Nations, Treaty Series, vols. 1015 and 1016, No. 14860.',
  ],
  noMatch: [
    'the United Nations Treaty Series',
    'Vol. 999, I-14668',
    'Ibid., para. 12.',
    'Ibid., vol. III, chap. II.',
    '同上，第一卷，第二部分',
  ],
};

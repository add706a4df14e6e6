/**
 * UN document symbols ("A/77/236", "E/CN.4/1998/53/Add.2", "CEDAW/C/EST/1-3", "S/PRST/2015/9") in any
 * language's text, with their suffix lists ("E/2005/47 and Corr.1", "CEDAW/C/SR.539, 540 and 548").
 * Symbols are Latin in all six languages (grammar-reference §1.1); resolution and decision symbols
 * ("A/RES/73/195", "S/RES/2334 (2016)") get their resolution/decision kind and key here.
 *
 * Speed: one `indexOf('/')` walk; each slash costs a bounded look-back (series letters) and, only
 * for allow-listed series, a bounded forward parse (at most MAX_COMPONENTS components of bounded
 * length). The walk resumes after every symbol found, so hostile "A/A/A/…" stays linear.
 */

import { LATIN_LOOKALIKE } from '../lookalikes';
import type { Kind, Mention } from '../mention';
import type { ScanContext } from './context';

/**
 * First components that open a UN symbol: principal organs plus the special series of the UN
 * documentation system (ST/LIB/SER.B/5/Rev.5 and what the GA texts cite). Deliberately without
 * other organisations' series (WTO "WT/", IMO "LEG/", IAEA "GOV/", CBD decisions "X/2").
 */
const SERIES = new Set([
  'A',
  'S',
  'E',
  'T',
  'ST',
  'AT',
  'CCPR',
  'CEDAW',
  'CERD',
  'CRC',
  'CAT',
  'CMW',
  'CRPD',
  'CED',
  'HRI',
  'SPT',
  'DP',
  'TD',
  'UNCTAD',
  'UNEP',
  'HSP',
  'FCCC',
  'ICCD',
  'CBD',
  'UNW',
  'JIU',
  'ISBA',
  'ITLOS',
  'SPLOS',
  'CLCS',
  'ID',
  'IDB',
  'WFC',
  'PCNICC',
  'ECE',
  'NPT',
  'CD',
  'CCW',
  'BWC',
  'APLC',
  'CCM',
  'TPNW',
  'ATT',
  'CAC',
  'CTOC',
  'PBC',
  'UNODC',
  'ACC',
  'UNHCR',
  // Press releases of the Meetings Coverage and Press Releases service, cited by the GA texts ("Security
  // Council press statement SC/14574"): SC/n, GA/n and GA/SHC/n…, SG/SM/n, SG/A/n, ECOSOC/n.
  'SC',
  'GA',
  'SG',
  'ECOSOC',
]);

const MAX_COMPONENTS = 14;
const MAX_SERIES_LEN = 6;
const MAX_WORD_LEN = 10;
const MAX_DIGITS = 6;
/** Ranges of addenda ("Add.1-3") expand; a wider range is a misreading, not a list. */
const MAX_RANGE = 30;

/** Canonical spelling of the modification and mixed-case components (spec: "ADD.11" is "Add.11"). */
const CANON_WORD: Record<string, string> = {
  add: 'Add',
  corr: 'Corr',
  rev: 'Rev',
  amend: 'Amend',
  sub: 'Sub',
  summary: 'Summary',
  // provisional agendas of the Security Council: S/Agenda/7598
  agenda: 'Agenda',
};

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isAsciiAlnum = (c: number): boolean => isDigit(c) || isUpper(c) || isLower(c);
const isRoman = (c: number): boolean => c === 73 || c === 86 || c === 88 || c === 76 || c === 67; // I V X L C

/** One parsed component: its normalised text and where it ends in the source. */
interface Component {
  norm: string;
  end: number;
  digit: boolean;
}

/** Skips one line break ("\n", "\r\n") at `j`: PDF extraction splits symbols across lines. */
function skipBreak(text: string, j: number): number {
  if (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10) return j + 2;
  if (text.charCodeAt(j) === 10) return j + 1;
  return j;
}

function readDigits(text: string, j: number, max = MAX_DIGITS): number {
  let k = j;
  while (k < text.length && k - j <= max && isDigit(text.charCodeAt(k))) k++;
  return k - j > max ? j : k;
}

/** Parses one component starting at `j` (just after a slash). */
function parseComponent(text: string, j: number): Component | undefined {
  const c = text.charCodeAt(j);
  if (isDigit(c)) {
    let k = readDigits(text, j);
    if (k === j) return undefined;
    // "CEDAW/C/EST/1-3": a combined report is ONE symbol (grammar-reference §1.4).
    if ((text[k] === '-' || text[k] === '\u2011') && isDigit(text.charCodeAt(k + 1))) {
      const k2 = readDigits(text, k + 1, 3);
      if (k2 > k + 1 && !isDigit(text.charCodeAt(k2))) {
        return { norm: `${text.slice(j, k)}-${text.slice(k + 1, k2)}`, end: k2, digit: true };
      }
    }
    // "COFI/2014/4.2/Rev.1": a dotted number only inside the symbol, never "A/77/236." + footnote.
    if (text[k] === '.' && isDigit(text.charCodeAt(k + 1))) {
      const k2 = readDigits(text, k + 1, 3);
      if (text[k2] === '/') k = k2;
    }
    return { norm: text.slice(j, k), end: k, digit: true };
  }
  // Special and emergency special sessions: "A/RES/S-13/2", "A/RES/ES-10/19".
  if (c === 83 || (c === 69 && text.charCodeAt(j + 1) === 83)) {
    const dash = c === 83 ? j + 1 : j + 2;
    if (text[dash] === '-' && isDigit(text.charCodeAt(dash + 1))) {
      const k = readDigits(text, dash + 1, 2);
      if (k > dash + 1) return { norm: text.slice(j, k), end: k, digit: true };
    }
  }
  if (!isUpper(c) && !isLower(c)) return undefined;
  let k = j;
  while (
    k < text.length &&
    k - j < MAX_WORD_LEN &&
    (isUpper(text.charCodeAt(k)) || isLower(text.charCodeAt(k)))
  )
    k++;
  if (isUpper(text.charCodeAt(k)) || isLower(text.charCodeAt(k))) return undefined;
  const word = text.slice(j, k);
  const upper = word.toUpperCase() === word;
  const canon = CANON_WORD[word.toLowerCase()];
  const name = canon ?? (upper ? word : undefined);
  if (name === undefined) {
    // Mixed-case words are not components, except "Res" of UNEP/EA.1/Res.1 (checked below).
    if (word !== 'Res') return undefined;
  }
  const label = name ?? word;
  if (text[k] === '.') {
    // "Corr. 1", "Add.\n1": spaces and line breaks after the dot are normalised away.
    let d = k + 1;
    if (text[d] === ' ') d++;
    else d = skipBreak(text, d);
    if (isDigit(text.charCodeAt(d))) {
      const e = readDigits(text, d);
      if (e > d) return { norm: `${label}.${text.slice(d, e)}`, end: e, digit: true };
    }
    // "ST/LEG/SER.B/25": a series letter after the dot, inside the symbol
    if (upper && isUpper(text.charCodeAt(k + 1)) && text[k + 2] === '/') {
      return { norm: `${label}.${text[k + 1]}`, end: k + 2, digit: false };
    }
    // "CCW/CONF.VI/11": a roman session number after the dot.
    if (upper && isRoman(text.charCodeAt(k + 1))) {
      let e = k + 1;
      while (e < text.length && e - k < 8 && isRoman(text.charCodeAt(e))) e++;
      if (text[e] === '/') return { norm: `${label}.${text.slice(k + 1, e)}`, end: e, digit: false };
    }
  }
  if (word === 'Res') return undefined;
  // "A/73/L66" is A/73/L.66 (spec: a missing dot after L restored).
  if (word === 'L' && isDigit(text.charCodeAt(k))) {
    const e = readDigits(text, k);
    if (e > k) return { norm: `L.${text.slice(k, e)}`, end: e, digit: true };
  }
  if (!upper && canon !== 'Summary' && canon !== 'Agenda') return undefined;
  // "TD/B/WP(XXXV)/MISC.1", "WT/MIN(22)/30": a parenthesised session inside a component.
  if (text[k] === '(') {
    let e = k + 1;
    while (e < text.length && e - k <= 8 && isAsciiAlnum(text.charCodeAt(e))) e++;
    if (e > k + 1 && text[e] === ')' && text[e + 1] === '/') {
      return { norm: text.slice(j, e + 1), end: e + 1, digit: /\d/.test(text.slice(k, e)) };
    }
  }
  return { norm: label, end: k, digit: false };
}

/** Reads the series letters that end just before `slash`; returns their start or -1. */
function seriesBefore(
  text: string,
  slash: number,
  afterDash = false,
): { start: number; series: string } | 'run' | undefined {
  let end = slash;
  // "FCCC\n/CP/2015/L.9": the symbol was broken before its first slash.
  if (text.charCodeAt(end - 1) === 10) end -= text.charCodeAt(end - 2) === 13 ? 2 : 1;
  let s = end;
  let cyrillic = false;
  while (s > 0 && end - s < MAX_SERIES_LEN) {
    const code = text.charCodeAt(s - 1);
    if (isUpper(code)) s--;
    else if (code >= 0x410 && code <= 0x425 && LATIN_LOOKALIKE[text[s - 1]!] !== undefined) {
      cyrillic = true;
      s--;
    } else break;
  }
  if (s === end) return undefined;
  let series = text.slice(s, end);
  if (cyrillic) series = Array.from(series, (ch) => LATIN_LOOKALIKE[ch] ?? ch).join('');
  if (series === '' || !SERIES.has(series)) return undefined;
  if (s > 0) {
    const prev = text.charCodeAt(s - 1);
    // A footnote symbol flattened onto the word it annotates ("for the SecondA/56/61, annex",
    // "secrétaire généralA/75/84"): the principal-organ letters may follow a lower-case letter of any
    // script; parseSymbolAt still requires a number.
    const organ = series.length === 1 && series !== 'T';
    if (prev > 127) {
      const ch = text[s - 1]!;
      if (
        /\p{L}/u.test(ch) &&
        !/[\p{Script=Han}\p{Script=Arabic}]/u.test(ch) &&
        !(organ && /\p{Ll}/u.test(ch))
      )
        return undefined;
    }
    // glued to a word, a number, a job number or a path ("GE.15-…", "x-A/1"): skip that whole run;
    // but a footnote flattened onto the year it annotates ("signé à Washington le 28 septembre
    // 1995A/51/889‑S/1997/357") is a principal-organ symbol after a year that follows a space.
    if (
      (isAsciiAlnum(prev) && !(organ && (isLower(prev) || yearBefore(text, s)))) ||
      prev === 95 ||
      prev === 46 ||
      prev === 92
    )
      return 'run';
    if (prev === 45 && !afterDash) return 'run';
    // inside "x/A/1/…" that is not a URL path: the caller skips the whole slash-joined run
    if (prev === 47 && !urlSegmentBefore(text, s - 1)) return 'run';
  }
  return { start: s, series };
}

/** A year ("1995", "2014") ends at `end`, after white space. */
function yearBefore(text: string, end: number): boolean {
  if (end < 5 || !/\s/.test(text[end - 5]!)) return false;
  const y = text.slice(end - 4, end);
  return /^(?:19|20)\d\d$/.test(y);
}

/**
 * "undocs.org/en/A/RES/73/195", "documents.un.org/A/77/236": a symbol inside a URL follows a language
 * code or a UN host name; any other path ("/files/A/2023/…") is not a symbol.
 */
function urlSegmentBefore(text: string, slash: number): boolean {
  let k = slash;
  while (k > 0 && slash - k < 40) {
    const c = text.charCodeAt(k - 1);
    if (isLower(c) || isDigit(c) || c === 46 || c === 45) k--;
    else break;
  }
  if (k === slash) return false;
  return /^(?:en|fr|es|ru|zh|ar)$|(?:^|\.)un(?:docs)?\.org$/.test(text.slice(k, slash));
}

/** A symbol parsed at one position, before list expansion. */
interface ParsedSymbol {
  start: number;
  /** End of the surface (double symbol and old-style session included, reissue `*` excluded). */
  end: number;
  /** Normalised components, series first. */
  comps: string[];
  /** Part letter of an old-style resolution symbol ("A/RES/217 A (III)"). */
  part?: string;
  /** Old-style session or SC year, "(III)" / "(2016)", without spaces. */
  session?: string;
}

function parseSymbolAt(text: string, slash: number, allowDouble: boolean): ParsedSymbol | 'run' | undefined {
  const head = seriesBefore(text, slash, !allowDouble);
  if (head === undefined || head === 'run') return head;
  const comps: Component[] = [];
  let pos = slash;
  while (comps.length < MAX_COMPONENTS) {
    let j = pos;
    if (text.charCodeAt(j) !== 47) {
      // a break before the slash is allowed only when a slash follows it
      const b = skipBreak(text, j);
      if (b === j || text.charCodeAt(b) !== 47) break;
      j = b;
    }
    let c0 = skipBreak(text, j + 1);
    // "A/69/53/Add.1/ Corr.1": a stray space after the slash before a modification suffix
    if (text.charCodeAt(c0) === 32 && /^(?:Add|Corr|Rev|Amend)\.\d/i.test(text.slice(c0 + 1, c0 + 8))) c0++;
    const comp = parseComponent(text, c0);
    if (!comp) break;
    comps.push(comp);
    pos = comp.end;
  }
  // Trailing letter-only components ("S/PRST", "A/HRC/RES") are prose, not part of a symbol.
  while (comps.length > 0 && !comps[comps.length - 1]!.digit && comps[comps.length - 1]!.norm !== 'Summary')
    comps.pop();
  if (comps.length === 0) return undefined;
  // "A/4", "S/1": a lone one-digit number after a series is more often a grade, a size or a ratio
  if (comps.length === 1 && /^\d$/.test(comps[0]!.norm)) return undefined;
  const last = comps[comps.length - 1]!;
  const parsed: ParsedSymbol = {
    start: head.start,
    end: last.end,
    comps: [head.series, ...comps.map((c) => c.norm)],
  };
  const norms = parsed.comps;
  const resAt = norms.indexOf('RES');
  // "A/RES/217 A (III)", "S/RES/2334 (2016)", "A/RES/3201 (S-VI)": the session belongs to the symbol.
  if (resAt > 0 && resAt === norms.length - 2 && /^\d+$/.test(last.norm)) {
    const m = /^ ?(?:([A-H]) )?\((S-|ES-)?([IVXL]+|(?:19|20)\d\d)\)/.exec(
      text.slice(last.end, last.end + 16),
    );
    // SC symbols carry a year, GA and ECOSOC old-style ones a roman session
    if (m && /^\d/.test(m[3]!) === (head.series === 'S') && !(m[2] && head.series === 'S')) {
      parsed.end = last.end + m[0].length;
      parsed.session = `(${m[2] ?? ''}${m[3]})`;
      if (m[1]) parsed.part = m[1];
    }
  }
  // "A/78/112-E/2023/94", "E/CN.4/1995/2-E/CN.4/Sub.2/1994/56": one document, keyed by the first symbol.
  if (allowDouble && text[parsed.end] === '-') {
    const next = text.indexOf('/', parsed.end + 2);
    if (next > 0 && next - parsed.end <= MAX_SERIES_LEN + 1) {
      const second = parseSymbolAt(text, next, false);
      if (typeof second === 'object' && second.start === parsed.end + 1) parsed.end = second.end;
    }
  }
  return parsed;
}

/**
 * Number of the first Security Council resolution of each year from 1946 (SC numbers rise with
 * time), from ../shared/data/combined/sc_resolutions_combined.csv (resolutions 1-2798, 1946-2025).
 */
const SC_FIRST_OF_YEAR = [
  1, 16, 38, 67, 79, 90, 97, 99, 104, 106, 111, 122, 127, 132, 133, 161, 171, 178, 186, 200, 220, 233, 245,
  263, 276, 292, 308, 325, 345, 367, 385, 403, 423, 444, 462, 485, 500, 529, 546, 560, 581, 594, 607, 627,
  647, 684, 726, 800, 893, 970, 1036, 1093, 1147, 1220, 1285, 1335, 1387, 1455, 1522, 1581, 1652, 1739, 1795,
  1860, 1908, 1967, 2033, 2086, 2133, 2196, 2260, 2337, 2398, 2452, 2504, 2561, 2618, 2672, 2722, 2768,
];
const SC_LAST_KNOWN = 2798;

/**
 * Year of Security Council resolution `n` ("S/RES/1325" → 2000), for symbols and citations written
 * without "(YEAR)"; undefined past the last resolution the table knows.
 * @example scYear(2334) // 2016
 */
export function scYear(n: number): number | undefined {
  if (!Number.isInteger(n) || n < 1 || n > SC_LAST_KNOWN) return undefined;
  let lo = 0;
  let hi = SC_FIRST_OF_YEAR.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (SC_FIRST_OF_YEAR[mid]! <= n) lo = mid;
    else hi = mid - 1;
  }
  return 1946 + lo;
}

/** Kind and key of a parsed symbol: resolution/decision symbols are keyed as such (spec table). */
function classify(comps: string[], session?: string): { kind: Kind; key: string } {
  const symbol = comps.join('/');
  const n = comps.length;
  const lastIsNumber = /^\d+$/.test(comps[n - 1]!);
  // "S/RES/2334" written without its year: the year is implied by the number.
  if (session === undefined && n === 3 && comps[0] === 'S' && comps[1] === 'RES' && lastIsNumber) {
    const year = scYear(Number(comps[2]));
    if (year !== undefined) return { kind: 'resolution', key: `${symbol}(${year})` };
  }
  // UNEA resolutions "UNEP/EA.5/Res.14" → "UNEA res 5/14" (the body has no RES series of its own).
  const unea = /^UNEP\/EA\.(\d+)\/Res\.(\d+)$/i.exec(symbol);
  if (unea) return { kind: 'resolution', key: `UNEA res ${unea[1]}/${unea[2]}` };
  for (const [word, kind] of [
    ['RES', 'resolution'],
    ['DEC', 'decision'],
  ] as const) {
    const at = comps.indexOf(word);
    if (at < 1 || !lastIsNumber) continue;
    const rest = comps.slice(at + 1);
    // A/RES/73/195, A/RES/ES-10/19, E/RES/2006/2, A/RES/217(III), S/RES/2334(2016)
    const ok =
      (rest.length === 2 && /^(?:\d+|S-\d+|ES-\d+)$/.test(rest[0]!)) ||
      (rest.length === 1 && session !== undefined);
    if (!ok) continue;
    const body = comps.slice(0, at).join('/');
    // Decisions have synthetic keys only for GA, ECOSOC and HRC (spec table).
    if (kind === 'decision' && !['A', 'E', 'A/HRC'].includes(body)) continue;
    return { kind, key: `${symbol}${session ?? ''}` };
  }
  return { kind: 'document', key: symbol };
}

/** Connectors of a list, every language: "and", "et", "y", "и", "和", "و" (word forms first), commas. */
const LIST_SEP = /^(?:\s*[,，]?\s+(?:and|et|y|и|و)\s+|\s*和\s*|\s+و|\s*[,،、，]\s*)/;
const WORD_SEP = /and|et|y|и|و|和/;
const SUFFIX_ITEM =
  /^(Add|Corr|Rev|Amend|ADD|CORR|REV|AMEND|add|corr|rev|amend)\. ?(\d{1,4})(?:\s?[-–‑]\s?(\d{1,4}))?/;

/** A mention in the making: surface span plus key data. */
interface Item {
  offset: number;
  end: number;
  comps: string[];
}

/**
 * Expands what follows a symbol: "and Corr.1", "and Add.1-3", "Add.1 and 2", ", 540 and 548".
 * Returns the extra items (in text order) and where the list ends.
 */
function expandList(text: string, base: ParsedSymbol): Item[] {
  const out: Item[] = [];
  let pos = base.end;
  // the components the next bare number is a sibling of: the base's last, then the last suffix read
  let siblingOf = base.comps;
  const pending: Item[] = [];
  for (let guard = 0; guard < 12; guard++) {
    // cheap exit: most symbols are followed by ")", "." or ","+prose, not by a list
    const c = text.charCodeAt(pos);
    if (c !== 32 && c !== 44 && c !== 0x060c && c !== 0x3001 && c !== 0xff0c && c !== 0x548c && c !== 10)
      break;
    const rest = text.slice(pos, pos + 40);
    const sep = LIST_SEP.exec(rest);
    if (!sep) break;
    const at = pos + sep[0].length;
    const tail = text.slice(at, at + 24);
    const suffix = SUFFIX_ITEM.exec(tail);
    if (suffix) {
      if (pending.length > 0) break; // ", 540, Add.1" is not a list form we know
      const word = CANON_WORD[suffix[1]!.toLowerCase()]!;
      const from = Number(suffix[2]);
      const to = suffix[3] === undefined ? from : Number(suffix[3]);
      if (to < from || to - from > MAX_RANGE) break;
      // "A/63/53/Add.1 and Add.2" replaces a suffix of the same kind; "E/2005/47 and Corr.1" appends.
      const lastWord = base.comps[base.comps.length - 1]!.split('.')[0]!;
      const stem = lastWord === word ? base.comps.slice(0, -1) : base.comps;
      const numEnd = at + suffix[0].length;
      if (isAsciiAlnum(text.charCodeAt(numEnd))) break;
      if (from === to) {
        out.push({ offset: at, end: numEnd, comps: [...stem, `${word}.${from}`] });
      } else {
        const firstEnd = at + suffix[0].indexOf(String(from), word.length) + String(from).length;
        const lastStart = numEnd - String(to).length;
        out.push({ offset: at, end: firstEnd, comps: [...stem, `${word}.${from}`] });
        for (let n = from + 1; n < to; n++)
          out.push({ offset: firstEnd, end: lastStart, comps: [...stem, `${word}.${n}`] });
        out.push({ offset: lastStart, end: numEnd, comps: [...stem, `${word}.${to}`] });
      }
      siblingOf = out[out.length - 1]!.comps;
      pos = numEnd;
      continue;
    }
    // A bare number: a sibling of the last numbered component ("SR.539, 540 and 548", "Add.1 and 2").
    const num = /^\d{1,6}(?![\d/.,]\d)/.exec(tail);
    if (!num) break;
    const lastComp = siblingOf[siblingOf.length - 1]!;
    const m = /^(.*?)(\d+)$/.exec(lastComp);
    if (!m) break;
    const prevNum = Number(
      (pending.length ? pending[pending.length - 1]!.comps.at(-1)! : lastComp).replace(/^\D*/, ''),
    );
    const value = Number(num[0]);
    if (value <= prevNum || Math.abs(num[0].length - m[2]!.length) > 1 || value - prevNum > 500) break;
    const end = at + num[0].length;
    if (isAsciiAlnum(text.charCodeAt(end)) || text[end] === '/') break;
    const item = { offset: at, end, comps: [...siblingOf.slice(0, -1), `${m[1]}${num[0]}`] };
    pending.push(item);
    pos = end;
    // a run of bare numbers counts only when closed by "and" ("SR.539, 540 and 548")
    if (WORD_SEP.test(sep[0])) {
      out.push(...pending);
      pending.length = 0;
    }
  }
  return out;
}

/**
 * Finds every UN document symbol in `text`, in document order. Resolution symbols ("A/RES/73/195",
 * "S/RES/2334 (2016)") come out as kind `resolution`, GA/ECOSOC/HRC decision symbols as `decision`,
 * everything else as `document` keyed by the normalised symbol.
 * @example scanSymbols('see E/2005/47 and Corr.1', { lang: 'en' }).map((m) => m.key)
 * // ['E/2005/47', 'E/2005/47/Corr.1']
 */
export function scanSymbols(text: string, _ctx: ScanContext): Mention[] {
  const out: Mention[] = [];
  let from = 0;
  for (;;) {
    // indexOf is the fastest skip V8 has; slashes are rare in prose
    const slash = text.indexOf('/', from);
    if (slash < 0) break;
    from = slash + 1;
    // "24/7", "1/1/1/…", "2022/12/14": a slash after a digit never opens a symbol, nor does the run
    if (isDigit(text.charCodeAt(slash - 1))) {
      while (from < text.length) {
        const c = text.charCodeAt(from);
        if (isDigit(c) || c === 47 || c === 46 || c === 45) from++;
        else break;
      }
      continue;
    }
    // After a slash no series can end ("//", "A//B"): skip the whole run of slashes.
    if (text.charCodeAt(slash - 1) === 47) {
      while (text.charCodeAt(from) === 47) from++;
      continue;
    }
    const sym = parseSymbolAt(text, slash, true);
    if (sym === undefined) continue;
    if (sym === 'run') {
      from = skipRun(text, slash);
      continue;
    }
    const main: Item = { offset: sym.start, end: sym.end, comps: sym.comps };
    const items = [main, ...expandList(text, sym)];
    for (const it of items) {
      const { kind, key } = classify(it.comps, it === main ? sym.session : undefined);
      const m: Mention = {
        offset: it.offset,
        end: it.end,
        surface: text.slice(it.offset, it.end),
        kind,
        key,
      };
      if (it === main && sym.part) m.part = sym.part;
      out.push(m);
    }
    from = Math.max(slash + 1, items[items.length - 1]!.end);
  }
  return out;
}

/** End of a run of slash-joined tokens ("x/A/A/A/…", a path): nothing inside it starts a symbol. */
function skipRun(text: string, from: number): number {
  let k = from;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (isAsciiAlnum(c) || c === 47 || c === 46 || c === 45 || c === 95) k++;
    else break;
  }
  return k;
}

/**
 * Positive and negative examples, checked by grammar/examples.test.ts against every rule (keys are checked in
 * symbol.test.ts). Forms that also contain a resolution number ("S/RES/2334 (2016)") are tested there only.
 */
export const examples = {
  match: [
    'Report of the Second Committee (A/77/445/Add.2)',
    'Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1.',
    'le projet de résolution (A/76/L.57 et A/76/L.57/Add.1)',
    'the report of the Secretary-General (A/78/112-E/2023/94)',
    '《2005年世界首脑会议成果》(A/RES/60/1)',
    'См. E/2005/47 и Corr. 1.',
    'See A/CN.4/156 and Add.1-3.',
    'CEDAW/C/SR.539, 540 and 548',
    'initial to third periodic reports (CEDAW/C/EST/1-3)',
    'https://undocs.org/en/A/RES/73/195',
    'Statements of its President S/PRST/2014/16, S/PRST/2014/26 and S/PRST/2015/9',
    '(A/61/387، الفقرة 9)',
    'ISBA/19/C/17，附件',
    'draft resolution A/73/L66',
  ],
  noMatch: [
    'and/or',
    'at 100 km/h',
    'S/he said',
    'A/C',
    '24/7 and 9/11',
    'on 2022/12/14',
    'GE.15-21930(E)',
    '04-39651 (E) 300704 *0439651*',
    'ISBN 92-1-133323-7',
    'K1606792 210716',
    'HIV/AIDS',
    'ISBN 9781995A/51/889',
  ],
};

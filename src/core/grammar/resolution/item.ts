/**
 * One item: the number as cited ("73/195", "1514 (XV)", "2200 A (XXI)", "S-13/2", "1/CP.21", "第1325号"),
 * read at a digit run by a sticky regex or, for the commonest shape, by hand; and the cheap gates that
 * spare the regex at most of a text's digit runs.
 */
import { lazyRegExp } from '../../lazy-regexp';
import { isCanonicalRoman, numberToRoman, romanToNumber } from '../../roman';
import { isSpace } from '../date';
import { type Item, NO_LIST, type Session } from './types';

/**
 * ITEM_RE's groups, by number: the source names them for reading, and {@link unnamed} strips the names
 * (a match with named groups also builds a `groups` object: 40 % slower on the 70 000 items of the
 * English GA texts).
 */
const G = {
  sp: 1,
  a: 2,
  b: 3,
  cop: 4,
  cs: 5,
  copar: 6,
  csar: 7,
  parts: 8,
  p1: 9,
  pc: 10,
  p2: 11,
  old: 12,
  os: 13,
};
function unnamed(source: string): string {
  const names = [...source.matchAll(/\(\?<([a-z0-9]+)>/g)].map((m) => m[1]);
  if (names.join() !== Object.keys(G).join()) throw new Error(`ITEM_RE groups changed: ${names.join()}`);
  return source.replace(/\(\?<[a-z0-9]+>/g, '(');
}

/** Item grammar, sticky. `a/b` new style; `a (os)` old style or SC; `a/CP.n` UNFCCC. */
const ITEM_RE = lazyRegExp(
  unnamed(
    '(?:(?<sp>E?S|دإط|دإ)-)?(?<a>\\d{1,4})' +
      '(?:/(?:(?<b>\\d{1,4})(?![\\d/]|[.,]\\d)|(?<cop>CP|CMP|CMA)\\.\\s?(?<cs>\\d{1,2})(?!\\d)|(?<copar>م\\s?أ)\\s?-\\s?(?<csar>\\d{1,2})(?!\\d)))?' +
      '(?<parts>\\s?(?<p1>[A-ZАВСЕКМНРТ]|الف|ألف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء|كاف|لام|ميم|نون|سين|عين|فاء|صاد|قاف|راء|شين|تاء|ثاء|خاء|ذال|ضاد)(?:\\s?(?<pc>and|to|et|à|a|y|e|и|по|和|至|-|إلى|و)\\s?(?<p2>[A-ZАВСЕКМНРТ]|الف|ألف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء|كاف|لام|ميم|نون|سين|عين|فاء|صاد|قاف|راء|شين|تاء|ثاء|خاء|ذال|ضاد))?(?![A-Za-zА-Яа-яЁё0-9/\\u0621-\\u064A]))?' +
      '(?<old>\\s?\\(\\s?(?<os>(?:E?S-)?[IVXLCХІ]{1,7}|[ivxlc]{1,7}|\\d{4}|1{1,3}|د(?:إط?)?\\s?-\\s?\\d{1,2})\\s?\\))?',
  ),
  'y',
);

/** The end of an inlined footnote glued to the next list item: "…, chap. IV, sect. A.30/4 of 1 October 2015". */
const LOCATOR_END_RE =
  /(?:sect|chap|secc|cap|para|paras|párr|annex|раздел|разд|гл)\.?\s[0-9A-ZА-Я]{1,5}(?:[–-]\d{1,4})?\.$/;
function afterLocator(text: string, start: number): boolean {
  return LOCATOR_END_RE.test(text.slice(Math.max(0, start - 16), start));
}

const AR_LETTERS: Record<string, string> = Object.fromEntries(
  'ألف باء جيم دال هاء واو زاي حاء طاء ياء كاف لام ميم نون سين عين فاء صاد قاف راء شين تاء ثاء خاء ذال ضاد'
    .split(' ')
    .map((name, i) => [name, String.fromCharCode(65 + i)]),
);

/** Cyrillic look-alikes written for Latin part letters and numerals (`2200 А (XXI)`); Arabic letter names ("ألف"). */
function latin(s: string): string {
  if (s === 'الف') return 'A';
  if (AR_LETTERS[s]) return AR_LETTERS[s];
  return s.replace(
    /[АВСЕХІКМНРТ]/g,
    (c) =>
      ({ А: 'A', В: 'B', С: 'C', Е: 'E', Х: 'X', І: 'I', К: 'K', М: 'M', Н: 'H', Р: 'P', Т: 'T' })[c] ?? c,
  );
}

/** Normalises an old-style session: "(XV)", OCR "(1)", lower-case "(xxx)", Arabic "(د-15)". */
function oldSession(os: string): Session | undefined {
  if (/^\d{4}$/.test(os)) {
    const year = Number(os);
    return year >= 1946 && year <= 2035 ? { kind: 'year', year } : undefined;
  }
  if (/^1+$/.test(os)) return { kind: 'roman', roman: 'I'.repeat(os.length) };
  const ar = /^د(إط|إ)?\s?-\s?(\d{1,2})$/.exec(os);
  if (ar)
    return {
      kind: 'roman',
      roman: `${ar[1] ? (ar[1] === 'إ' ? 'S-' : 'ES-') : ''}${numberToRoman(Number(ar[2]))}`,
    };
  const up = latin(os.toUpperCase());
  const special = /^(E?S-)?([IVXLC]+)$/.exec(up);
  if (!special) return undefined;
  // Only a canonical numeral of a GA session (1 to 99): "IIII" or "XCIX" written "IC" is a slip, not a session.
  const numeral = special[2]!;
  if (!isCanonicalRoman(numeral) || romanToNumber(numeral) > 99) return undefined;
  return { kind: 'roman', roman: up };
}

/** The part letters in the key's form: "A", "A-E" for a range or two in a row, "A,B" otherwise. */
function partField(p1?: string, pc?: string, p2?: string): string | undefined {
  if (!p1) return undefined;
  const a = latin(p1);
  if (!p2) return a;
  const b = latin(p2);
  const range = /^(?:to|à|a|по|至|-|إلى)$/.test(pc ?? '');
  if (range || b.charCodeAt(0) - a.charCodeAt(0) === 1) return `${a}-${b}`;
  return `${a},${b}`;
}

/**
 * The commonest item, "74/123" followed by a character that continues neither the number, a part
 * letter, a UNFCCC or an old-style session: read by hand, it is exactly the item ITEM_RE gives (a, b,
 * end after b). Anything else (undefined) goes to the regex.
 */
function simpleItem(text: string, start: number): Item | undefined {
  let i = start;
  while (i < start + 4 && isAsciiDigit(text.charCodeAt(i))) i++;
  if (i === start || text.charCodeAt(i) !== 47) return undefined;
  const slash = i;
  const bStart = ++i;
  while (i < bStart + 4 && isAsciiDigit(text.charCodeAt(i))) i++;
  if (i === bStart) return undefined;
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  // ITEM_RE's (?![\d/]|[.,]\d) after b, then what could open parts or a session: "A", " A", "(", " (".
  let end = -1;
  if (c === 44 || c === 46)
    end = isAsciiDigit(d) ? -1 : i; // , .
  else if (c === 59 || c === 58 || c === 41)
    end = i; // ; : )
  // A space or line end (ITEM_RE's \s?), then a lower-case word or a digit: no part letter, no "(".
  else if (c === 32 || c === 10) end = (d >= 97 && d <= 122) || isAsciiDigit(d) ? i : -1;
  if (end < 0) return undefined;
  return {
    start,
    end,
    tail: end,
    a: text.slice(start, slash),
    b: text.slice(slash + 1, end),
    surfaceStart: start,
    surfaceEnd: end,
    list: NO_LIST,
  };
}

/** One item at `start` (exported for the test that holds the hand-read path to ITEM_RE's). */
export function parseItem(text: string, start: number, byHand = true): Item | undefined {
  const fast = byHand ? simpleItem(text, start) : undefined;
  if (fast) return plausible(fast) ? fast : undefined;
  ITEM_RE.lastIndex = start;
  const m = ITEM_RE.exec(text);
  if (!m) return undefined;
  const sp = m[G.sp];
  const b = m[G.b];
  const old = m[G.old];
  let cop = m[G.cop];
  let cs = m[G.cs];
  let end = ITEM_RE.lastIndex;
  // A trailing space captured by `\s?` before a part that did not come is not part of the item.
  const item: Item = {
    start,
    end,
    tail: end,
    a: m[G.a]!,
    surfaceStart: start,
    surfaceEnd: end,
    list: NO_LIST,
  };
  if (sp) item.sp = sp === 'دإ' ? 'S' : sp === 'دإط' ? 'ES' : sp;
  if (m[G.copar]) {
    cop = 'CP';
    cs = m[G.csar] ?? '';
  }
  if (b || cop) {
    if (old) end -= old.length;
    if (b) item.b = b;
    else {
      item.cop = cop!;
      item.cs = cs!;
    }
  } else if (old) {
    const session = oldSession(m[G.os]!);
    if (!session) return undefined;
    item.session = session;
  } else {
    if (sp) return undefined;
    item.bare = true;
    const parts = m[G.parts];
    if (parts) end -= parts.length;
  }
  const p1 = m[G.p1];
  if (p1 && (b || old)) {
    const part = partField(p1, m[G.pc], m[G.p2]);
    if (part) item.part = part;
  }
  item.end = item.tail = item.surfaceEnd = end;
  return plausible(item) ? item : undefined;
}

/** Plausibility of the number itself. */
function plausible(item: Item): boolean {
  const a = Number(item.a);
  if (item.b !== undefined) {
    const b = Number(item.b);
    if (b < 1) return false;
    if (item.sp) {
      if (a < 1 || a > 40) return false;
    } else if (!((a >= 1 && a <= 99) || (a >= 1946 && a <= 2035))) return false;
    if (a >= 1946 && b > 999) return false;
  } else if (a < 1) return false;
  return true;
}

/** 0-9. */
export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A character glued before a number that makes it no item: a letter, digit, "/", ".", "_", "\\" or "-". */
function badBefore(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 0x410 && c <= 0x44f) ||
    c === 0x401 ||
    c === 0x451 ||
    (c >= 48 && c <= 57) ||
    c === 47 ||
    c === 46 ||
    c === 95 ||
    c === 92 ||
    c === 45
  );
}

/** A character that may follow an item's first digits: "/", "(", 号, a part letter (Latin, Cyrillic, Arabic). */
function isItemChar(c: number): boolean {
  return (
    c === 47 || // "/"
    c === 40 || // "("
    c === 0x53f7 || // 号
    (c >= 65 && c <= 90) || // part letter, "2200A (XXI)"
    c === 0x410 ||
    c === 0x412 ||
    c === 0x421 ||
    c === 0x415 || // Cyrillic А В С Е as part letters
    c === 0x41a ||
    c === 0x41c ||
    c === 0x41d ||
    c === 0x420 ||
    c === 0x422 || // К М Н Р Т: "50/70 М от 12 декабря 1995 года" (look-alikes of K M H P T; not О, the preposition "about")
    (c >= 0x621 && c <= 0x64a) // Arabic part letter names
  );
}

/** Roman numerals (Latin, Cyrillic look-alikes), "S-"/"ES-", Arabic "د", digits: what "(…)" after a number may hold. */
function isSessionChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    c === 73 ||
    c === 86 ||
    c === 88 ||
    c === 76 ||
    c === 67 ||
    c === 105 ||
    c === 118 ||
    c === 120 ||
    c === 108 ||
    c === 99 ||
    c === 83 ||
    c === 69 ||
    c === 45 ||
    c === 32 ||
    c === 0x425 ||
    c === 0x406 ||
    c === 0x62f ||
    c === 0x625 ||
    c === 0x637
  );
}

/** "(" opens an old-style session or SC year only if it closes within a few session characters. */
function sessionParen(text: string, open: number): boolean {
  for (let i = open + 1; i < open + 12; i++) {
    const c = text.charCodeAt(i);
    if (c === 41) return i > open + 1;
    // ITEM_RE's `\s?` inside the parentheses: any white space, a line end too.
    if (!isSessionChar(c) && !isSpace(c)) return false;
  }
  return false;
}

/**
 * Can an item go on after the digits ending at `end`? Never stricter than ITEM_RE: its `\s?` before a
 * part or a session is any one white-space character, a line end too ("427\n(1978)" in a wrapped text).
 */
export function canContinue(text: string, end: number): boolean {
  let c = text.charCodeAt(end);
  let at = end;
  if (isSpace(c)) {
    at++;
    c = text.charCodeAt(at);
  }
  if (c === 40) return sessionParen(text, at);
  if (c === 47 || c === 0x53f7) return true;
  if (!isItemChar(c)) return false;
  if (c >= 0x621) return true;
  // A part letter without a slash is old style: "217 A (III)", "3411 A and B (XXX)".
  let i = at + 1;
  if (isSpace(text.charCodeAt(i))) i++;
  const n = text.charCodeAt(i);
  if (n === 40) return sessionParen(text, i);
  return (n >= 97 && n <= 122) || (n >= 0x430 && n <= 0x44f) || n === 0x548c;
}

/**
 * The item at the digit run [start, runEnd), or undefined when the gates or the item grammar say there
 * is none: what follows must be able to continue an item, no letter, digit or symbol character may be
 * glued before it (a series prefix "S-", "ES-" is read back), and the number must be plausible.
 */
export function itemAt(text: string, start: number, runEnd: number): Item | undefined {
  if (runEnd - start > 4) return undefined;
  // Cheap gate before any regex: what follows the digits must be able to continue an item
  // ("/", "(", a part letter, 号, or a space before one of those). Dates and counts stop here.
  if (!canContinue(text, runEnd)) return undefined;
  let from = start;
  // S-13/2, ES-8/2: the series prefix sits before the digits.
  if (text.charCodeAt(from - 1) === 45) {
    const pre = /(?:ES|S|دإط|دإ)$/.exec(text.slice(Math.max(0, from - 4), from - 1));
    if (pre) from -= pre[0].length + 1;
  }
  // A character read as a code, not as a one-character string (NaN before the text's start).
  const before = text.charCodeAt(from - 1);
  if (badBefore(before) && !(before === 46 && afterLocator(text, from))) return undefined;
  return parseItem(text, from);
}

/**
 * Whether a bare number (no session, no year) may be an item: before 号 ("第1325号决议"), or right after a
 * word or "№" that may be its head. A footnote marker or the day of a date neither starts nor breaks a list.
 */
export function bareMayCount(text: string, item: Item): boolean {
  if (/^\s?号/.test(text.slice(item.end, item.end + 2))) return true;
  return /[A-Za-zА-Яа-яЁё\u0600-\u06FF.№]\s{0,2}$/.test(text.slice(Math.max(0, item.start - 3), item.start));
}

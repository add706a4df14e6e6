/**
 * The instrument matcher's tokens: character classes (a lazily filled table keeps the per-character cost
 * to one array read), folding (case, Arabic letter forms, digit forms, typographic punctuation), and
 * reading one token forwards or backwards at raw text offsets.
 */

/** Class 1, whitespace: separates tokens. */
export const C_SPACE = 1;
/** Class 2, letters of alphabetic scripts: runs form one token. */
export const C_LETTER = 2;
/** Class 3, digits (ASCII, Arabic-Indic, full-width): runs form one token. */
export const C_DIGIT = 3;
/** Class 4, ideographs, kana, hangul: each one is a token. */
export const C_CJK = 4;
/** Class 5, anything else: each one is a token. */
export const C_PUNCT = 5;
/** Class 6, soft hyphen, zero-width, tatweel, Arabic vowel marks: invisible inside words. */
export const C_IGNORE = 6;

const classTable = new Uint8Array(65536);
const LETTER_RE = /\p{L}/u;
const MARK_RE = /\p{M}/u;

/** Class of a UTF-16 unit: a table lookup, small enough for the engine to inline in the scan loops. */
export function charClass(code: number): number {
  const known = classTable[code]!;
  return known !== 0 ? known : computeClass(code);
}

/** First sight of a character: classify it and remember the answer in `classTable`. */
function computeClass(code: number): number {
  let c: number;
  if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0x0b) {
    c = C_SPACE;
  } else if (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)) c = C_SPACE;
  else if (code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000) {
    c = C_SPACE;
  } else if (code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) {
    c = C_IGNORE;
  } else if (code === 0x640 || (code >= 0x64b && code <= 0x652) || code === 0x670) c = C_IGNORE;
  else if (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x660 && code <= 0x669) ||
    (code >= 0x6f0 && code <= 0x6f9)
  ) {
    c = C_DIGIT;
  } else if (code >= 0xff10 && code <= 0xff19) c = C_DIGIT;
  else if (
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af)
  ) {
    c = C_CJK;
  } else if (code >= 0xd800 && code <= 0xdfff)
    c = C_CJK; // astral ideographs: rare, treat per unit
  else if (LETTER_RE.test(String.fromCharCode(code))) c = C_LETTER;
  else if (MARK_RE.test(String.fromCharCode(code))) c = C_IGNORE;
  else c = C_PUNCT;
  classTable[code] = c;
  return c;
}

/** Folds one letter or digit for comparison: lower case, Arabic alef/yeh forms, digit forms. */
function foldWordChar(code: number): string {
  if (code >= 0x660 && code <= 0x669) return String.fromCharCode(code - 0x660 + 0x30);
  if (code >= 0x6f0 && code <= 0x6f9) return String.fromCharCode(code - 0x6f0 + 0x30);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 0x30);
  if (code === 0x623 || code === 0x625 || code === 0x622 || code === 0x671) return '\u0627';
  if (code === 0x649) return '\u064a';
  return String.fromCharCode(code).toLowerCase();
}

/** Folds one punctuation character: typographic variants of the same sign compare equal. */
function foldPunct(code: number): string {
  switch (code) {
    case 0x2019:
    case 0x2018:
    case 0x201b:
    case 0x2bc:
    case 0x60:
    case 0xb4:
    case 0x2032:
    case 0xff07:
      return "'";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:
    case 0xfe63:
    case 0xff0d:
      return '-';
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0xab:
    case 0xbb:
    case 0xff02:
      return '"';
    case 0x3008:
    case 0xff1c:
    case 0x2039:
      return '<';
    case 0x3009:
    case 0xff1e:
    case 0x203a:
      return '>';
    case 0xff0c:
    case 0x3001:
    case 0x60c:
      return ',';
    case 0xff1a:
      return ':';
    case 0xff1b:
    case 0x61b:
      return ';';
    case 0xff08:
      return '(';
    case 0xff09:
      return ')';
    default:
      return String.fromCharCode(code);
  }
}

/** A token of the scanned text: [start, end) raw offsets and the folded form. */
export interface Tok {
  start: number;
  end: number;
  text: string;
  cls: number;
}

/** Folded text of a word token: lower case; the slow path only for rare characters. */
function wordText(text: string, start: number, end: number): string {
  let plain = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xad && needsFolding(c)) {
      plain = false;
      break;
    }
  }
  if (plain) return text.slice(start, end).toLowerCase();
  let s = '';
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (charClass(code) !== C_IGNORE) s += foldWordChar(code);
  }
  return s;
}

/** Characters that lower-casing alone does not fold: Arabic letter forms and marks, non-ASCII
 * digits, invisible characters. */
function needsFolding(c: number): boolean {
  if (c < 0x600) return c === 0xad;
  if (c <= 0x6ff) {
    return (
      (c >= 0x622 && c <= 0x625) ||
      c === 0x649 ||
      c === 0x671 ||
      c === 0x640 ||
      (c >= 0x64b && c <= 0x652) ||
      c === 0x670 ||
      (c >= 0x660 && c <= 0x669) ||
      c >= 0x6f0
    );
  }
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || (c >= 0xff10 && c <= 0xff19);
}

/** Reads the token that starts at or after `pos`; null at the end of the text. */
export function readForward(text: string, pos: number): Tok | null {
  const n = text.length;
  let i = pos;
  while (i < n) {
    const c = charClass(text.charCodeAt(i));
    if (c !== C_SPACE && c !== C_IGNORE) break;
    i++;
  }
  if (i >= n) return null;
  const start = i;
  const cls = charClass(text.charCodeAt(i));
  if (cls === C_CJK || cls === C_PUNCT) {
    const code = text.charCodeAt(i);
    return { start, end: i + 1, text: cls === C_CJK ? text[i]! : foldPunct(code), cls };
  }
  while (i < n) {
    const c = charClass(text.charCodeAt(i));
    if (c !== cls && c !== C_IGNORE) break;
    i++;
  }
  // A trailing invisible character belongs to the gap, not to the token.
  let end = i;
  while (end > start && charClass(text.charCodeAt(end - 1)) === C_IGNORE) end--;
  return { start, end, text: wordText(text, start, end), cls };
}

/** Reads the token that ends at or before `pos`; null at the start of the text. */
export function readBackward(text: string, pos: number): Tok | null {
  let i = pos;
  while (i > 0) {
    const c = charClass(text.charCodeAt(i - 1));
    if (c !== C_SPACE && c !== C_IGNORE) break;
    i--;
  }
  if (i <= 0) return null;
  const end = i;
  const cls = charClass(text.charCodeAt(i - 1));
  if (cls === C_CJK || cls === C_PUNCT) {
    const code = text.charCodeAt(i - 1);
    return { start: i - 1, end, text: cls === C_CJK ? text[i - 1]! : foldPunct(code), cls };
  }
  while (i > 0) {
    const c = charClass(text.charCodeAt(i - 1));
    if (c !== cls && c !== C_IGNORE) break;
    i--;
  }
  let start = i;
  while (start < end && charClass(text.charCodeAt(start)) === C_IGNORE) start++;
  return { start, end, text: wordText(text, start, end), cls };
}

/** Tokenizes a whole string (used for titles at build time). */
export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let pos = 0;
  for (;;) {
    const t = readForward(text, pos);
    if (!t) return out;
    out.push(t);
    pos = t.end;
  }
}

/** A letter of an alphabetic script, or a soft hyphen (inside a word). */
export function isLetterCode(c: number): boolean {
  return charClass(c) === C_LETTER || c === 0xad;
}

/** Arabic alef and yeh forms folded as the tokens fold them. */
export function foldArabic(s: string): string {
  return s.replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627').replace(/\u0649/g, '\u064a');
}

/** A letter or a digit: a character that continues a word. */
export function isWordChar(c: number): boolean {
  const k = charClass(c);
  return k === C_LETTER || k === C_DIGIT;
}

/** و ف ب ل ك: Arabic letters that may be glued before a word. */
export function isProclitic(c: number): boolean {
  return c === 0x648 || c === 0x641 || c === 0x628 || c === 0x644 || c === 0x643;
}

/** A Cyrillic letter. */
export function isCyrillic(c: number): boolean {
  return c >= 0x400 && c <= 0x4ff;
}

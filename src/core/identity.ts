import { BODY_ANY_SRC, type BodyCode, bodyOf } from './grammar/lexicon';
import { lazyRegExp } from './lazy-regexp';
import type { Identity } from './mention';
import { normalize } from './normalize';

/**
 * What a document says about itself (spec "Not mentions": masthead symbol, own title-line number,
 * running heads). These are reported as identity and every mention of the same key is dropped
 * from the mentions: a UN document does not cite itself, it says "the present resolution".
 */

type Span = Identity['spans'][number];

/** A line that is only a symbol (optionally `< … >`, a reissue `*`, an SC year), maybe glued twice. */
const SYMBOL_LINE_RE =
  /^[ \t<]*((?:[A-Z]{1,8}(?:\.\d{1,3})?)(?:\/[A-Za-z0-9.\-*]{1,20}){1,7}?(?: ?\((?:19|20)\d\d\))?)(?<![.-])\*?(?:\1)*(?:[ \t]+(?:Page|Página|Pág\.|стр\.)[ \t]*\d{1,4})?[ \t>]*$/gm;
/** The text opens with a symbol ("A/RES/76/268 Nations Unies …"). */
const OPENING_SYMBOL_RE = /^\s*((?:[A-Z]{1,8})(?:\/[A-Za-z0-9.-]{1,20}){2,7})(?=\s)/;
/** Own title line: "77/176. International migration …", "966. Registration …". */
const TITLE_LINE_RE = /^[ \t]*((?:(?:E?S-)?\d{1,2}\/\d{1,4})|\d{1,4})\.[ \t]+\p{Lu}/gmu;
/** SC title line: "Resolution 2259 (2015) Adopted by the Security Council", "RESOLUTION 761 (1992)". */
const SC_TITLE_RE = /(?:Resolution|RESOLUTION) (\d{1,4}) ?\(((?:19|20)\d\d)\)$/;
const SC_ADOPTED = 'Adopted by the Security Council';

/** Whitespace at a line start (sticky; `\s` as in `line.search(/\S/)`, stopping at the line's end). */
const LEADING_SPACE_RE = /[^\S\n]*/y;

/** Canonical key of a symbol as written (spaces out; the SC year glued). */
export function symbolKey(symbol: string): string {
  return symbol.replace(/\s+/g, '').replace(/\*+$/, '');
}

/** "A/X/1A/X/1" (a masthead printed twice without a space) → "A/X/1". */
function unglue(sym: string): string {
  for (let n = 2; n <= 4; n++) {
    if (sym.length % n) continue;
    const part = sym.slice(0, sym.length / n);
    if (part.repeat(n) === sym) return part;
  }
  return sym;
}

/**
 * Finds the identity spans of a text (as given, not normalised: its short candidate lines are
 * normalised one by one, and offsets point into `text`).
 */
export function findIdentity(text: string): Identity {
  const spans: Span[] = [];
  const head = normalize(text.slice(0, 400));
  const open = OPENING_SYMBOL_RE.exec(head.text);
  if (open) {
    const offset = head.toOriginal(open.index + open[0].indexOf(open[1]!));
    const end = head.toOriginalEnd(open.index + open[0].indexOf(open[1]!) + open[1]!.length);
    spans.push({ offset, end, surface: text.slice(offset, end), key: symbolKey(open[1]!), role: 'masthead' });
  }
  // Only short lines with a slash can be a masthead, a running head or a title line ("77/176."): the
  // loop jumps from slash to slash ("/" or a full-width "／") and reads the line around each one.
  let seen = 0;
  // Offsets already taken (a Set: a long text has thousands of running heads).
  const offsets = new Set(spans.map((sp) => sp.offset));
  let nextAscii = -1;
  let nextWide = -1;
  for (let from = 0; from < text.length; ) {
    if (nextAscii !== -2 && nextAscii < from) nextAscii = text.indexOf('/', from);
    if (nextAscii === -1) nextAscii = -2;
    if (nextWide !== -2 && nextWide < from) nextWide = text.indexOf('／', from);
    if (nextWide === -1) nextWide = -2;
    const slash = nextAscii === -2 ? nextWide : nextWide === -2 ? nextAscii : Math.min(nextAscii, nextWide);
    if (slash < 0) break;
    // The line around it (`from` is a line start, so the search back stops there: linear overall).
    const lineStart = text.lastIndexOf('\n', slash) + 1;
    let lineEnd = text.indexOf('\n', slash);
    if (lineEnd < 0) lineEnd = text.length;
    from = lineEnd + 1;
    if (lineEnd - lineStart > 160) continue;
    const hasSlash = nextAscii >= 0 && nextAscii < lineEnd;
    LEADING_SPACE_RE.lastIndex = lineStart;
    LEADING_SPACE_RE.test(text);
    const first = LEADING_SPACE_RE.lastIndex;
    const digitFirst = first < lineEnd && text.charCodeAt(first) <= 57;
    if (!hasSlash && !digitFirst) continue;
    const nl = normalize(text.slice(lineStart, lineEnd));
    const line = nl.text;
    SYMBOL_LINE_RE.lastIndex = 0;
    const sm = hasSlash ? SYMBOL_LINE_RE.exec(line) : null;
    if (sm) {
      const sym = unglue(sm[1]!);
      const at = sm.index + sm[0].indexOf(sym);
      const offset = lineStart + nl.toOriginal(at);
      if (/\d/.test(sym) && !offsets.has(offset)) {
        offsets.add(offset);
        const end = lineStart + nl.toOriginalEnd(at + sym.length);
        spans.push({
          offset,
          end,
          surface: text.slice(offset, end),
          key: symbolKey(sym),
          role: seen++ === 0 && offset < text.length / 2 ? 'masthead' : 'running-head',
        });
      }
    }
    TITLE_LINE_RE.lastIndex = 0;
    const tm = digitFirst ? TITLE_LINE_RE.exec(line) : null;
    if (tm?.[1]?.includes('/')) {
      const num = tm[1];
      const at = tm.index + tm[0].indexOf(num);
      const offset = lineStart + nl.toOriginal(at);
      const end = lineStart + nl.toOriginalEnd(at + num.length);
      spans.push({ offset, end, surface: text.slice(offset, end), key: `A/RES/${num}`, role: 'title' });
    }
  }
  // From the rarer end: "Adopted by the Security Council", then back over the whitespace to the number.
  for (let at = text.indexOf(SC_ADOPTED); at >= 0; at = text.indexOf(SC_ADOPTED, at + 1)) {
    let e = at;
    while (e > 0 && /\s/.test(text[e - 1]!)) e--;
    const m = SC_TITLE_RE.exec(text.slice(Math.max(0, e - 24), e));
    if (!m) continue;
    const offset = e - m[0].length;
    spans.push({ offset, end: e, surface: m[0], key: `S/RES/${m[1]}(${m[2]})`, role: 'title' });
  }
  spans.sort((a, b) => a.offset - b.offset);
  const masthead =
    spans.find((s) => s.role === 'masthead' && /\/RES\//.test(s.key)) ??
    spans.find((s) => s.role === 'masthead');
  const title = spans.find((s) => s.role === 'title');
  const key = masthead?.key ?? title?.key;
  // A title line "77/176." only confirms a masthead; alone it keys a GA resolution.
  return key ? { key, spans } : { spans };
}

/** Keys that the identity says are the document itself. */
export function identityKeys(identity: Identity): Set<string> {
  const keys = new Set<string>();
  for (const s of identity.spans) keys.add(s.key);
  if (identity.key) keys.add(identity.key);
  return keys;
}

/** The article before a body name that speaks, with the space after it: "The", "Le", "La", "El", "إن"; "L’" is elided. */
const OPENER_ARTICLE = `(?:(?:The|Le|La|El|إن)\\s{1,3}|L[’']\\s{0,3})`;
/**
 * "The General Assembly," at a line start (any language's article, or none: "大会，", "Генеральная
 * Ассамблея,"), or mid-line after an article (then checked by hand: a capital, a line end or the
 * text's end must follow, as in "The Security Council, Recalling"). One scan for both: V8 runs this
 * alternation faster than either half alone (a line-start `^` in multiline mode is tried at every
 * position). The text's first line has no line end before it: OPENER_FIRST_RE reads it.
 */
const OPENER_RE = lazyRegExp(
  `(?:[\\n\\r\\u2028\\u2029][ \\t]*${OPENER_ARTICLE}?|${OPENER_ARTICLE})(?<name>${BODY_ANY_SRC})[ \\t]*[,،]`,
  'g',
);
const OPENER_FIRST_RE = lazyRegExp(`[ \\t]*${OPENER_ARTICLE}?(?<name>${BODY_ANY_SRC})[ \\t]*[,،]`, 'y');
const UPPER_RE = /\p{Lu}/u;

/** After a mid-line opener's comma: spaces, then a capital, a line end or the end of the text. */
function inlineOpenerEnd(text: string, pos: number): boolean {
  let i = pos;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  if (c === 10) return true;
  // A capital outside the BMP would start with a surrogate: read the whole code point.
  return UPPER_RE.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** Where the text says "The General Assembly," / "大会，" / "إن الجمعية العامة،": the body speaking from there on. */
export function findOpeners(text: string): { offset: number; body: BodyCode }[] {
  const out: { offset: number; body: BodyCode }[] = [];
  OPENER_FIRST_RE.lastIndex = 0;
  const first = OPENER_FIRST_RE.exec(text);
  const firstBody = first ? bodyOf(first.groups!.name!) : undefined;
  if (firstBody) out.push({ offset: 0, body: firstBody });
  OPENER_RE.lastIndex = first ? OPENER_FIRST_RE.lastIndex : 0;
  for (let m = OPENER_RE.exec(text); m; m = OPENER_RE.exec(text)) {
    const c = text.charCodeAt(m.index);
    // The first alternative starts with the line end before the line.
    const lineStart = c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
    if (!lineStart && !inlineOpenerEnd(text, OPENER_RE.lastIndex)) {
      // Not an opener here; one may start inside this match ("The … La Asamblea General, ").
      OPENER_RE.lastIndex = m.index + 1;
      continue;
    }
    const body = bodyOf(m.groups!.name!);
    if (body) out.push({ offset: lineStart ? m.index + 1 : m.index, body });
  }
  out.sort((a, b) => a.offset - b.offset);
  return out;
}

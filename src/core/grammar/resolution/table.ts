/**
 * Tables of contents and session indexes: rows that begin with a resolution or decision number and go
 * on with its title ("12/3. Human rights of migrants ……… 14", "3201 (S-VI) Declaration on the
 * Establishment of a New International Economic Order"). A Human Rights Council report lists the
 * Council's resolutions so, a GA session's index or its "Resolutions adopted" volume the Assembly's.
 * No head noun stands before each number: the table is a list whose head is its heading ("Resolutions",
 * "Decisions adopted by the Human Rights Council", "Résolutions", "Резолюции", "决议", "القرارات") and
 * whose body is the heading's or, failing one, the document's own (its symbol, the opener of the text).
 *
 * A row is a number at the start of a line, then ". " or white space, then a title that starts with a
 * capital letter, a quote or a non-Latin letter. One row alone is a table only under a heading; without
 * one, two rows close together make it (a numbered line in prose is not a table). Year-numbered rows
 * ("2019/20 Approved budget": a financial period) need a heading.
 */
import { lazyRegExp } from '../../lazy-regexp';
import { BODY_ANY_SRC, bodyOf, DEC_NOUN_SRC, RES_NOUN_SRC } from '../lexicon';
import type { Item, ListCtx, ScanState } from './types';

/** How far a table's rows may stand apart (a row's title may wrap over a few lines). */
const ROW_GAP = 900;
/** How far back a heading may stand above a table's first row. */
const HEADING_REACH = 700;

/**
 * A heading line: a resolution or decision noun at its start (after a chapter number "I." / "A."), or after
 * the body that owns the table ("General Assembly resolutions", "Commission on Narcotic Drugs resolutions
 * and decisions", the legislative-mandate tables of the programme budget); the rest may name the body.
 */
const HEADING_RE = lazyRegExp(
  `(?:^|\\n)[ \\t]*(?:[IVX]{1,4}\\.|[A-H]\\.|\\d{1,2}\\.)?[ \\t]*(?:(?<bodyB>${BODY_ANY_SRC})[ \\t]|(?<other>[A-Z][^\\n\\d]{0,160}?)[ \\t])?(?:(?<res>${RES_NOUN_SRC}|决议)|(?<dec>${DEC_NOUN_SRC}|决定))(?![ \\t]{1,3}\\d)(?<rest>[^\\n]{0,120})`,
  'g',
);
const BODY_IN_RE = lazyRegExp(BODY_ANY_SRC);
/** What HEADING_RE reads as words before the noun may be the first noun itself: "Resolutions and" decisions. */
const OTHER_NOUN_RE = lazyRegExp(`^(?:${RES_NOUN_SRC}|${DEC_NOUN_SRC})\\s{1,2}(?:and|et|y|и)$`);
/** "Resolutions and decisions" / "Résolutions et décisions": the number tells which (by its range). */
const BOTH_RE = lazyRegExp(
  `^\\s{1,2}(?:and|et|y|и|و|和)\\s{1,2}(?:${DEC_NOUN_SRC}|${RES_NOUN_SRC}|决定|决议)`,
);

/**
 * Further numbers of one row: "21/15; 51/23  Human rights and transitional justice" (a resolution and its
 * successor); the last may be followed by a semicolon when the list wraps to the next line ("51/32; 54/27;").
 */
const MORE_NUMBERS_RE = /(?:;\s?\d{1,4}\/\d{1,4}){0,4};?/y;
/** A row whose numbers wrap: the line ends its list with a semicolon ("51/32; 54/27;     From rhetoric …"). */
const WRAPPED_NUMBERS_RE =
  /^[ \t]*\d{1,4}\/\d{1,4}(?:\s?[A-Z])?(?:;\s?\d{1,4}\/\d{1,4}(?:\s?[A-Z])?)*;(?:[ \t]|$)/;

/**
 * The number opens the line after a row whose list of numbers ended in a semicolon: it is that row's
 * last number ("51/32; 54/27;\n60/16  concrete action …" in A/81/6 (Sect. 24)), whatever follows it.
 */
function wrappedRowNumber(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1);
  if (lineStart < 1) return false;
  const prevStart = text.lastIndexOf('\n', lineStart - 1) + 1;
  return WRAPPED_NUMBERS_RE.test(text.slice(prevStart, Math.min(lineStart, prevStart + 80)));
}

/**
 * The part of the resolution a row cites, between its number and its title: "79/258, sect. IX  Special
 * subjects …", "70/248 A, sect. V", "71/272 B, sect. III" (the budget's legislative mandates). The section is
 * a locator inside the resolution, not part of its key.
 */
const ROW_LOCATOR_RE =
  /,\s?(?:sect\.|section|secc\.|sección|разд\.|раздел|part|partie|parte|annex|annexe|anexo)\s?(?:[IVXLC]{1,6}|[A-Z]|\d{1,2})(?![\p{L}\d])/uy;

/**
 * What follows the number in a row (maybe further numbers, a section): ". " or white space, then the title's
 * first character. 1: on the same line; 2: on the next line or after one blank line, as plain `pdftotext` gives
 * a table's cells ("42/34\n\nImplementation of the Declaration …"); 0: no title.
 */
function titleAfter(text: string, end: number): 0 | 1 | 2 {
  let i = end;
  if (text.charCodeAt(i) === 59) {
    MORE_NUMBERS_RE.lastIndex = i;
    MORE_NUMBERS_RE.test(text);
    i = MORE_NUMBERS_RE.lastIndex;
  }
  if (text.charCodeAt(i) === 44) {
    ROW_LOCATOR_RE.lastIndex = i;
    if (!ROW_LOCATOR_RE.test(text)) return 0;
    i = ROW_LOCATOR_RE.lastIndex;
  }
  if (text.charCodeAt(i) === 46) i++;
  const sp = i;
  let lines = 0;
  for (; i < sp + 40; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lines++;
    else if (c !== 32 && c !== 9 && c !== 13) break;
  }
  if (i === sp || lines > 2) return 0;
  const c = text.charCodeAt(i);
  const title =
    (c >= 65 && c <= 90) || // A-Z
    c === 0x201c || // “
    c === 0xab || // «
    (c >= 0xc0 && c <= 0xde) || // À-Þ
    (c >= 0x410 && c <= 0x42f) || // А-Я
    (c >= 0x621 && c <= 0x64a) || // Arabic letters
    (c >= 0x4e00 && c <= 0x9fff); // CJK
  if (!title) return 0;
  return lines === 0 ? 1 : 2;
}

/** A page's foot or head: a form feed, or the job number ("26-04944") on a line of its own. */
const PAGE_FOOT_RE = /\f|(?:^|\n)[ \t]*\d{2}-\d{5}[ \t]*(?:\n|$)/;

/**
 * The number is a page's, not a row's whose title stands on a later line: a page's foot or head is near it
 * ("7/47\n\n\fPart VI" is page 7 of 47, not a row titled "Part VI"), or it is a running page number.
 */
function byPageFoot(text: string, item: Item, s: ScanState): boolean {
  return (
    PAGE_FOOT_RE.test(text.slice(Math.max(0, item.start - 24), item.end + 24)) || pageNumber(text, item, s)
  );
}

/**
 * A running page number "34/67" alone on its line: at least two other pages of the same count stand by a page's
 * foot (a form feed, the job number), so the count is the document's. Plain `pdftotext` puts it between a table's cells, away from the job number and the form feed.
 */
function pageNumber(text: string, item: Item, s: ScanState): boolean {
  // A page's number is at most the page count: "70/1" or "57/7" are no page numbers.
  if (item.b === undefined || item.part || Number(item.a) > Number(item.b)) return false;
  const lineStart = text.lastIndexOf('\n', item.start - 1) + 1;
  if (
    text.slice(lineStart, item.start).trim() ||
    !/^[ \t]*(?:\n|$)/.test(text.slice(item.end, item.end + 40))
  )
    return false;
  s.pageTotals ??= new Map();
  let known = s.pageTotals.get(item.b);
  if (known === undefined) {
    const total = Number(item.b);
    const pages = new Set<number>();
    const re = new RegExp(`(?:^|\\n)[ \\t]*(\\d{1,3})/${item.b}[ \\t]*(?=\\n|$)`, 'g');
    for (let m = re.exec(text); m && pages.size < 2; m = re.exec(text)) {
      const page = Number(m[1]);
      const at = m.index + m[0].length;
      if (page >= 1 && page <= total && PAGE_FOOT_RE.test(text.slice(Math.max(0, at - 60), at + 60)))
        pages.add(page);
    }
    known = pages.size >= 2;
    s.pageTotals.set(item.b, known);
  }
  return known;
}

/**
 * Nothing follows the number on its line but white space, or a column gap (three spaces or a tab) before
 * the next column's cell: a row of a bare list of numbers, "1209 (1998)      2493 (2019)".
 */
function rowEndsAt(text: string, end: number): boolean {
  let i = end;
  while (text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return i >= text.length || c === 10 || c === 13 || c === 12 || c === 9 || i - end >= 3;
}

/**
 * A row with no title is only a number, which a year or an amount may look like: it is taken only in a
 * table whose heading names the body its form belongs to, an SC year "1209 (1998)" under "Security Council
 * resolutions", a Roman session "686 (VII)" under the General Assembly's or ECOSOC's.
 */
function bareRowFits(item: Item, body: ListCtx['body']): boolean {
  if (item.session?.kind === 'year') return body === 'SC';
  return item.session?.kind === 'roman' && (body === 'GA' || body === 'ECOSOC');
}

/** The number stands at a line's start (after spaces or tabs). */
function atLineStart(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 40; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return start === 0 || start <= 40;
}

/** A table's heading: its noun ("both" when it names resolutions and decisions) and body. */
interface Heading {
  noun: 'res' | 'dec' | 'both';
  body?: ListCtx['body'];
  /** "Economic and Social Commission for Asia and the Pacific resolutions and decisions": a body the lexicon does not know. */
  unknown?: boolean;
}

/** The last heading line in text[from, to): a capitalised noun, or a body before the noun. */
function lastHeading(text: string, from: number, to: number): Heading | undefined {
  const near = text.slice(from, to);
  HEADING_RE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = HEADING_RE.exec(near); m; m = HEADING_RE.exec(near)) {
    const g = m.groups!;
    const noun = (g.res ?? g.dec)!;
    // A line that goes on a sentence ("resolutions 60/1 and …") is no heading.
    if (g.bodyB || g.other || noun.charAt(0) !== noun.charAt(0).toLowerCase()) last = m;
  }
  if (!last?.groups) return undefined;
  const rest = last.groups.rest ?? '';
  const noun = BOTH_RE.test(rest) || last.groups.other ? 'both' : last.groups.res ? 'res' : 'dec';
  // A body named before the noun that is none of the lexicon's: the rows are that body's, which has no key.
  const other = last.groups.other;
  if (other && !OTHER_NOUN_RE.test(other)) return { noun, unknown: true };
  const named = last.groups.bodyB ?? BODY_IN_RE.exec(rest)?.[0];
  const body = named ? bodyOf(named) : undefined;
  return body ? { noun, body } : { noun };
}

/** A financial period written like a year-numbered resolution: "2019/20", "2024/25". */
function period(item: Item): boolean {
  return item.b !== undefined && item.b.length === 2 && (Number(item.a) + 1) % 100 === Number(item.b);
}

/**
 * Whether `item` (which no head noun governs) is a table row; if so it gets the table's list and is
 * pushed to the scan's items (with the first row of the table, held until a second one or a heading
 * confirms it). Returns true when the item was taken as a row (or held as one).
 */
export function tableRow(text: string, item: Item, s: ScanState): boolean {
  if (item.bare || item.cop || (item.b === undefined && !item.session)) return false;
  let titled = titleAfter(text, item.end);
  // A title on a later line is only read inside a table its heading opened, and never by a page's foot.
  if (titled === 2 && byPageFoot(text, item, s)) titled = 0;
  let table = s.table;
  if (table && item.start - table.lastEnd > ROW_GAP) table = s.table = undefined;
  // The last number of a row whose list wrapped joins the table the row is in.
  if (
    !titled &&
    table &&
    !table.held &&
    item.b !== undefined &&
    wrappedRowNumber(text, item.start) &&
    !pageNumber(text, item, s)
  ) {
    if (table.unknown) return true;
    table.lastEnd = item.end;
    item.list = table.list;
    s.items.push(item);
    return true;
  }
  if (!titled && !(item.session && rowEndsAt(text, item.end))) return false;
  // A row starts a line; in a two-column table (the budget's legislative mandates) the second column's
  // rows stand after a wide gap in the line.
  if (!atLineStart(text, item.start) && !(table && columnGap(text, item.start))) return false;
  const yearNumbered = item.b !== undefined && Number(item.a) >= 1946;
  if (yearNumbered && period(item)) return false;
  // A heading between the last row and this one opens a new table ("General Assembly resolutions", then
  // "Economic and Social Council resolutions").
  let between = table ? lastHeading(text, table.lastEnd, item.start) : undefined;
  // Plain text puts a title's cell on its own line: "Decisions relating to the Conference of …" between two rows
  // whose titles stand on later lines is a title, not a heading; a heading of these tables names its body.
  if (between && titled === 2 && !between.body && !between.unknown && table?.headed && table.list.body)
    between = undefined;
  if (table && !between) {
    if (!titled && !bareRowFits(item, table.list.body)) return false;
    if (titled === 2 && !table.headed) return false;
    table.lastEnd = item.end;
    if (table.unknown) return true;
    if (table.held) {
      s.items.push(table.held);
      table.held = undefined;
    }
    item.list = table.list;
    s.items.push(item);
    return true;
  }
  const heading = between ?? lastHeading(text, Math.max(0, item.start - HEADING_REACH), item.start);
  if (heading?.unknown) {
    s.table = { list: item.list, lastEnd: item.end, unknown: true };
    return true;
  }
  if (!heading && yearNumbered) return false;
  if (!titled && !bareRowFits(item, heading?.body)) return false;
  if (titled === 2 && !heading) return false;
  const list: ListCtx = { its: !heading?.body, zh: false, itsAt: item.start };
  if (heading?.body) list.body = heading.body;
  if (heading && heading.noun !== 'both') list.noun = heading.noun;
  else list.byNumber = true;
  item.list = list;
  s.table = { list, lastEnd: item.end, headed: !!heading };
  if (heading) s.items.push(item);
  else s.table.held = item;
  return true;
}

/** At least three spaces or a tab before the number: a column of a table, not a word's neighbour. */
function columnGap(text: string, start: number): boolean {
  const c = text.charCodeAt(start - 1);
  if (c === 9) return true;
  return c === 32 && text.charCodeAt(start - 2) === 32 && text.charCodeAt(start - 3) === 32;
}

/**
 * A table's first row whose heading stands right above it ("General Assembly resolutions\n60/252 World
 * Summit …") is read by the head grammar; the table it opens is noted so that its next rows, the second
 * column's too, join it.
 */
export function noteHeadedRow(text: string, item: Item, s: ScanState): void {
  if (item.list.zh || !atLineStart(text, item.start)) return;
  const titled = titleAfter(text, item.end);
  if (titled === 2 && byPageFoot(text, item, s)) return;
  if (!titled && !(item.session && rowEndsAt(text, item.end))) return;
  if (s.table && item.start - s.table.lastEnd <= ROW_GAP && !lastHeading(text, s.table.lastEnd, item.start))
    return;
  s.table = { list: item.list, lastEnd: item.end, headed: true };
}

/**
 * Inside a table of a body the lexicon does not know, a row that opens with its noun ("Decision 78/6  Report
 * of the Governing Council …", in the table of ESCAP's resolutions and decisions) is that body's too.
 */
export function unknownTableRow(text: string, item: Item, s: ScanState): boolean {
  const table = s.table;
  if (!table?.unknown || item.start - table.lastEnd > ROW_GAP) return false;
  const start = item.surfaceStart;
  // A head on the line above the number ("General Assembly resolutions\n71/222 …") is a new table's heading,
  // not a row of this one.
  if (text.lastIndexOf('\n', item.start - 1) >= start) return false;
  if (!(atLineStart(text, start) || columnGap(text, start)) || !titleAfter(text, item.end)) return false;
  if (lastHeading(text, table.lastEnd, start)) return false;
  table.lastEnd = item.end;
  return true;
}

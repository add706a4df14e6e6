/**
 * Runs the finder over one PDF page and maps its mentions back to text-layer items.
 *
 * A page is scanned with its neighbours as context, so the cost of page N does not depend on the document's
 * length (the first page is annotated before the rest is read): the tail of the previous page's body (a list
 * of resolutions goes on across the page break, "its resolutions 58/208 of ..., [page] 59/241 of ...", and so
 * does a table of resolutions under its heading) and the
 * head of the next page's body (a symbol cut at the page end), then the previous page's last footnote (an
 * "Ibid." at the top of the notes repeats it) and the page's own footnotes. Mentions found only in context
 * belong to the neighbouring page and are dropped; a mention that starts on this page and ends on the next
 * keeps its pieces on both. Pure: the finder is a parameter.
 */

import type { Identity, Lang, Mention } from '../core/mention';
import { bodyFromSymbol } from '../core/symbol-body';
import {
  type BuildOptions,
  buildPageText,
  lineGlue,
  mapRange,
  normalizeSymbol,
  type PageText,
  runningSymbol,
  type TextItemLike,
} from './pdf-text';

/** The finder as the viewer calls it (src/core/find.ts `findCitations` fits). */
export type FindFn = (
  text: string,
  options: { body?: NonNullable<ReturnType<typeof bodyFromSymbol>>; lang?: Lang },
) => { mentions: Mention[]; identity: Identity; lang: Lang };

/** A character range of one text item of one page (0-based page index). */
export interface PagePiece {
  page: number;
  item: number;
  from: number;
  to: number;
}

/** A mention found in a PDF, with where it stands in the text layer. */
export interface PdfMention extends Mention {
  /** 0-based page the mention starts on. */
  page: number;
  /** The text-layer pieces to mark (more than one when it spans items, lines or pages). */
  pieces: PagePiece[];
  /** Label of the footnote marker that follows the mention (the footnote annotates what it cites). */
  note?: string;
  /** Label of the footnote the mention stands in. */
  inNote?: string;
}

/** A superscript marker with the footnote it refers to, for the viewer to link. */
export interface PdfNoteRef {
  page: number;
  item: number;
  label: string;
  /** The footnote's text (label excluded), when the footnote is on the same page. */
  noteText?: string;
  /** Keys cited in that footnote, in order. */
  noteKeys: string[];
}

/** Result of {@link annotatePage}. */
export interface PageAnnotation {
  mentions: PdfMention[];
  notes: PdfNoteRef[];
  lang: Lang;
  /** What the finder read as the scanned text's own identity (masthead, title line). */
  identity: Identity;
}

/**
 * Identity of a PDF: the first page's masthead symbol, else the symbol its later pages print as running head
 * (`running`), else what the finder read on page 1.
 */
export function pdfIdentity(first: PageText | undefined, found?: Identity, running?: string): Identity {
  const printed = first?.mastheadSymbol ?? running;
  const key = printed ? normalizeSymbol(printed) : found?.key;
  const spans = found?.spans ?? [];
  return key ? { key, spans } : { spans };
}

interface Part {
  page: number;
  own: boolean;
  /** Start of the part in the scanned text. */
  at: number;
  /** Range of the page text it copies. */
  from: number;
  to: number;
}

const PREV_TAIL = 1500;
const NEXT_HEAD = 400;

/**
 * The end of a page's body that the next page is read after: whole paragraphs, back as far as PREV_TAIL
 * characters reach (a table of resolutions that goes on over the page break has its heading, "Human Rights
 * Council resolutions", several rows up), and at least the last paragraph (cut to PREV_TAIL).
 */
function previousTail(p: PageText): [number, number] {
  const end = p.bodyEnd;
  let cut = p.text.lastIndexOf('\n\n', end - 1);
  let from = cut < 0 ? 0 : cut + 2;
  if (end - from > PREV_TAIL) from = end - PREV_TAIL;
  while (cut > 0) {
    const before = p.text.lastIndexOf('\n\n', cut - 1);
    const start = before < 0 ? 0 : before + 2;
    if (end - start > PREV_TAIL) break;
    from = start;
    cut = before;
  }
  if (p.masthead && from < p.masthead.end) from = Math.min(end, p.masthead.end);
  return [from, end];
}

function firstParagraph(p: PageText): [number, number] {
  const cut = p.text.indexOf('\n\n');
  const end = Math.min(p.bodyEnd, cut < 0 ? p.bodyEnd : cut, NEXT_HEAD);
  return [0, end];
}

/** The text scanned for page `i`, with the parts it is made of. */
export function scanText(
  pages: readonly (PageText | undefined)[],
  i: number,
): { text: string; parts: Part[] } {
  const page = pages[i];
  if (!page) return { text: '', parts: [] };
  const prev = pages[i - 1];
  const next = pages[i + 1];
  const parts: Part[] = [];
  let text = '';
  const add = (p: PageText, pageIndex: number, own: boolean, from: number, to: number) => {
    if (to <= from) return;
    parts.push({ page: pageIndex, own, at: text.length, from, to });
    text += p.text.slice(from, to);
  };
  // How a page's body continues the previous one: like two lines of one paragraph, unless it clearly starts anew.
  // A page whose body opens a paragraph by its shape (an indent, a table row "25/20 …", a numbered paragraph)
  // starts anew; so does a capital after a full stop, a semicolon or a colon. A comma goes on: "Treaty Series,
  // vol. 1577," + "No. 27531)".
  const join = (before: string, after: string, opens = false): { glue: string; drop: boolean } => {
    if (opens) return { glue: '\n\n', drop: false };
    if (/[.;:]$/.test(before) && /^\p{Lu}/u.test(after)) return { glue: '\n\n', drop: false };
    const { glue, dropHyphen } = lineGlue(before, after);
    return { glue, drop: dropHyphen };
  };
  if (prev && prev.bodyEnd > 0 && page.bodyEnd > 0 && !page.masthead) {
    const [from, to] = previousTail(prev);
    const { glue, drop } = join(prev.text.slice(from, to), page.text, page.opensParagraph);
    add(prev, i - 1, false, from, drop ? to - 1 : to);
    text += glue;
  }
  add(page, i, true, 0, page.bodyEnd);
  if (next && next.bodyEnd > 0 && page.bodyEnd > 0 && !next.masthead) {
    const [from, to] = firstParagraph(next);
    const { glue, drop } = join(
      page.text.slice(0, page.bodyEnd),
      next.text.slice(from, to),
      next.opensParagraph,
    );
    if (drop && parts.at(-1)?.own) {
      // A word hyphenated across the page break: the hyphen goes, as between lines.
      const last = parts.at(-1)!;
      last.to -= 1;
      text = text.slice(0, -1);
    }
    text += glue;
    add(next, i + 1, false, from, to);
  }
  if (page.text.length > page.bodyEnd) {
    const prevNote = prev?.footnotes.at(-1);
    if (prev && prevNote) {
      text += '\n\n';
      add(prev, i - 1, false, prevNote.start, prevNote.end);
    }
    text += '\n\n';
    const notesFrom = page.footnotes[0]?.start ?? page.bodyEnd;
    add(page, i, true, notesFrom, page.text.length);
  }
  return { text, parts };
}

const bare = (s: string): string => s.replace(/\s+/g, '').replace(/\*+$/, '');

/**
 * Whether the text at `offset` prints the document's own symbol in full. The finder keys "A/81/6 (Sect. 2)/Part A"
 * as `A/81/6`, so the key alone cannot tell this Part A ("The present document (A/81/6 (Sect. 2)/Part A)") from
 * the complete section it cites ("a document containing parts A and B (A/81/6 (Sect. 2))").
 */
function printsIdentity(text: string, offset: number, identity: string | undefined): boolean {
  if (!identity) return false;
  const want = bare(identity);
  return bare(text.slice(offset, offset + identity.length + 8)).startsWith(want);
}

/** Maps a range of the scanned text to page pieces. */
function piecesOf(
  pages: readonly (PageText | undefined)[],
  parts: readonly Part[],
  start: number,
  end: number,
) {
  const out: PagePiece[] = [];
  for (const part of parts) {
    const len = part.to - part.from;
    const a = Math.max(start, part.at);
    const z = Math.min(end, part.at + len);
    if (z <= a) continue;
    const page = pages[part.page]!;
    for (const r of mapRange(page.segments, part.from + (a - part.at), part.from + (z - part.at))) {
      out.push({ page: part.page, ...r });
    }
  }
  return out;
}

/**
 * Finds the mentions of page `i` (0-based). `identity` is the document's (from page 1): its own key is never a
 * mention, wherever it is printed (masthead, title line, running head left in the body by an odd layout).
 */
export function annotatePage(
  pages: readonly (PageText | undefined)[],
  i: number,
  find: FindFn,
  identity?: Identity,
): PageAnnotation {
  const page = pages[i];
  if (!page) return { mentions: [], notes: [], lang: 'en', identity: { spans: [] } };
  const { text, parts } = scanText(pages, i);
  const body = bodyFromSymbol(identity?.key);
  const result = find(text, body ? { body } : {});
  const own = parts.filter((p) => p.own);
  const selfKeys = new Set<string>();
  if (identity?.key) selfKeys.add(identity.key);
  for (const s of identity?.spans ?? []) selfKeys.add(s.key);
  const mentions: PdfMention[] = [];
  for (const m of result.mentions) {
    const part = own.find((p) => m.offset >= p.at && m.offset < p.at + (p.to - p.from));
    if (!part) continue;
    if (m.kind !== 'instrument' && (selfKeys.has(m.key) || printsIdentity(text, m.offset, identity?.key)))
      continue;
    const pieces = piecesOf(pages, parts, m.offset, m.end);
    if (pieces.length === 0) continue;
    const local = part.from + (m.offset - part.at);
    const localEnd = local + (m.end - m.offset);
    const pm: PdfMention = { ...m, page: i, pieces };
    const note = page.footnotes.find((f) => local >= f.start && local < f.end);
    if (note) pm.inNote = note.label;
    else {
      // A marker right after the mention (after closing quotes or punctuation): its footnote annotates it.
      const marker = page.markers.find(
        (mk) => mk.at >= localEnd && /^[\s,.;:”’")\]]{0,3}$/.test(page.text.slice(localEnd, mk.at)),
      );
      if (marker) pm.note = marker.label;
    }
    mentions.push(pm);
  }
  const notes: PdfNoteRef[] = page.markers.map((mk) => {
    const note = page.footnotes.find((f) => f.label === mk.label);
    const noteKeys = note ? mentions.filter((m) => m.inNote === mk.label).map((m) => m.key) : [];
    const noteText = note
      ? page.text
          .slice(note.start, note.end)
          .replace(/^\S+\s+/, '')
          .trim()
      : undefined;
    return { page: i, item: mk.item, label: mk.label, noteKeys, ...(noteText ? { noteText } : {}) };
  });
  return { mentions, notes, lang: result.lang, identity: result.identity };
}

/** One page as the viewer reads it: its pdf.js text items and its box (`page.view`). */
export interface RecordedPage {
  items: readonly TextItemLike[];
  view: readonly number[];
}

/**
 * How the viewer builds page `i` (0-based): against its page height, with the document's own symbol from page
 * 1's masthead (its running heads are furniture). `first` is page 1 as built (undefined while building it).
 */
export function pageBuildOptions(i: number, view: readonly number[], first?: PageText): BuildOptions {
  const identity = i === 0 ? undefined : first?.mastheadSymbol;
  return {
    pageHeight: (view[3] ?? 0) - (view[1] ?? 0),
    pageNumber: i + 1,
    ...(identity ? { identity } : {}),
  };
}

/**
 * The viewer's identity of a document from its first pages (`texts[0]`, `texts[1]`): page 1's masthead symbol,
 * else the symbol page 2 prints as its running head (a report whose page 1 has no masthead), else what the
 * finder reads on page 1.
 */
export function documentIdentity(texts: readonly (PageText | undefined)[], find: FindFn): Identity {
  const first = texts[0];
  if (first?.mastheadSymbol) return pdfIdentity(first);
  const running = texts[1] ? runningSymbol(texts[1]) : undefined;
  return pdfIdentity(first, running ? undefined : annotatePage(texts, 0, find).identity, running);
}

/**
 * Reads a whole document as the viewer does (document-text.ts builds pages with {@link pageBuildOptions}, main.ts
 * takes {@link documentIdentity}, each page is annotated from its neighbours): for tests and the PDF evaluation,
 * which have recorded pages. `pages` may be sparse (a few pages of a long report): a missing page is not read,
 * and its neighbours are not joined across it.
 */
export function readDocument(
  pages: readonly (RecordedPage | undefined)[],
  find: FindFn,
): { texts: (PageText | undefined)[]; identity: Identity; annotations: (PageAnnotation | undefined)[] } {
  const first = pages[0] ? buildPageText(pages[0].items, pageBuildOptions(0, pages[0].view)) : undefined;
  const texts = pages.map((p, i) =>
    i === 0 ? first : p ? buildPageText(p.items, pageBuildOptions(i, p.view, first)) : undefined,
  );
  const identity = documentIdentity(texts, find);
  const annotations = texts.map((t, i) => (t ? annotatePage(texts, i, find, identity) : undefined));
  return { texts, identity, annotations };
}

/**
 * Which list an item belongs to: the one its own head phrase opens, or the previous item's when only
 * separators, a date, a topic or an inlined footnote stand between them ("58/208 of 23 December 2003,
 * 59/241 of 22 December 2004").
 */
import { lazyRegExp } from '../../lazy-regexp';
import { BODY_ANY_SRC, bodyOf, DEC_NOUN_SRC, ITS_SRC, RES_NOUN_SRC } from '../lexicon';
import { bodyEndingAt, bodyOfResolutionsBefore, COUNCILS, headBefore } from './head';
import { subjectAfter } from './tail';
import type { Item, ListCtx } from './types';

/** Between two items of one list: separators, conjunctions, footnote markers, "respectively". */
const LIST_GAP_RE =
  /^(?:[\s,;،؛]|and|et|y|e|и|или|or|ou|o|و|as well as|ainsi que|así como|а также|respectively|respectivement|respectivamente|соответственно|(?:the\s)?(?:most\srecent(?:ly)?|latest|last)(?:\sof\swhich)?(?:\s(?:being|is|was))?|(?:la|le|el|las|los)\s(?:plus\sr[ée]cente?s?|m[áa]s\sreciente|[úu]ltima)(?:\s(?:étant|est|siendo|es))?|dont\sla\splus\srécente(?:\sest)?|последн(?:ей|ими|им|яя|ие|ий)\sиз\sкоторых(?:\sявляется)?|وآخرها|in particular|particularly|notably|en particulier|notamment|en particular|в частности|\d{1,2}(?=[\s,;])|(?:annex(?:e|es)?|anexos?|приложени[ея]|المرفق|附件)(?:\s+[IVX]{1,4})?|(?:paras?\.|par\.|párrs?\.|пункты?|пп?\.|الفقرة|الفقرتان|الفقرات(?:\sمن)?)\s?\d{1,3}(?:\s?\([a-z]\))?(?:\s?(?:[–-]|à|a|to|إلى|по)\s?\d{1,3})?|(?:section|sect\.|secci[óo]n|secc\.|раздел|разд\.)\s(?:[IVXLC]{1,6}|[A-ZА-Я])(?![A-Za-zА-Яа-я])|الجزء(?:\s[\u0621-\u064A]{2,12}){1,3}|المؤرخ[\u0621-\u064A]{0,3}\s(?:في\s)?\d{1,2}\s[\u0621-\u064A /]{2,30}?\s?\d{4}|(?:of|du|de|от)\s\d{1,2}(?:er)?\s(?:de\s)?[A-Za-zÀ-ÿа-яё]{3,10}\s(?:de\s)?\d{4}(?:\s?года|\s?г\.)?)*$/;
/**
 * A list item's topic before the next item: "74/270 of 2 April 2020 on global solidarity to fight COVID-19, 74/274".
 * A wrapped text may break its line inside the topic, a blank line may not stand in it.
 */
const TOPIC_GAP_RE =
  /^\s{0,2}[,،]?\s{0,2}(?:on|sur|relatives? à|concernant|sobre|relativ[ao]s? al?|об?|по вопросу|относительно|касающ[а-я]{2,4}|بشأن|المتعلق(?:ة)?|الذي|التي|entitled|intitulée?s?|titulad[ao]s?|под названием|المعنون(?:ة)?|in which|by which|dans laquelle|par laquelle|aux termes de laquelle|en (?:la|el) que|por (?:la|el) que|в котор[а-я]{1,3}|согласно котор[а-я]{1,3}|котор(?:ой|ым|ая|ую)|озаглавленн[а-я]{2,3})\s(?:[^;\n]|\n(?![ \t]*\n)){1,160}?(?:[,،]\s{0,2}(?:and|et|y|и|و)?\s{0,2}|\s(?:and|et|y|и|و)\s{0,2})$/;
/** Between a list's last item and a second head noun: a conjunction ("and decision 52/101", "et décision", "и решение"). */
const NOUN_JOIN_RE =
  /^\s{0,3}[,،]?\s{0,3}(?:and|et|y|e|и|а также|as well as|ainsi que|así como)\s{1,3}(?:(?:les|la|le|las|los|el|the)\s{1,2})?$/;
/** An article between the conjunction and the noun ("…, chap. III., et les résolutions 24/14"). */
const ARTICLE_END_RE = /(?<=\s)(?:les|la|le|las|los|el|the)\s{1,2}$/;
const LIST_GAP_SEP_RE = /[,;،؛]|\b(?:and|et|y|e|or|ou|o)\b|(?:^|\s)(?:и|или|و)(?:\s|$)|а также/;

/** Start of a footnote inlined in the text ("See Official Records…", "Ibid., Seventieth Session…"). */
const FOOTNOTE_START_RE =
  /(?<![\p{L}])(?:See|Voir|V[ée]ase|V[ée]anse|См\.|انظر|Ibid|Ibíd|Там же|المرجع نفسه)(?![\p{L}])/u;
// Arabic glues "و" to the footnote's closing parenthesis: "…( () المرجع نفسه.)و 24/22".
const FOOTNOTE_END_SEP_RE = /(?:[,;،]|\s(?:and|et|y|и|و)|\)و)\s{0,2}$/;

/**
 * A gap made of separators and one footnote inlined where its marker was (UN texts put footnote
 * bodies in the paragraph): "27/13 of 25 September 2014, See Official Records …, chap. IV, sect. A.30/4
 * of 1 October 2015", "… 2014( () انظر: الوثائق الرسمية …، الفصل الرابع.) و 30/4". The list goes on
 * when the text before the footnote is a list gap and a separator stands before or after it.
 */
function footnoteGap(gap: string): boolean {
  if (gap.length > 400 || gap.length < 8 || /[\n;]/.test(gap)) return false;
  const m = FOOTNOTE_START_RE.exec(gap);
  if (!m) return false;
  const before = gap.slice(0, m.index).replace(/\(\s{0,2}\(\s{0,2}\)\s{0,2}$/, '');
  if (!LIST_GAP_RE.test(before)) return false;
  return LIST_GAP_SEP_RE.test(before) || FOOTNOTE_END_SEP_RE.test(gap);
}

/**
 * "the Human Rights Council in its resolution 52/1 and decision 52/101": is the noun at `nounStart` a
 * second one joined to `prev`'s list (which then keeps its body or possessive, with the noun's own kind)?
 * The gap holds a conjunction (three characters at least, " y "), maybe after an inlined footnote, or Arabic
 * glues "و" to the noun.
 */
function joinedNoun(text: string, prev: Item, nounStart: number): boolean {
  if (prev.list.zh || prev.tail > nounStart) return false;
  const gap = nounStart - prev.tail;
  if (gap >= 3 && gap <= 24) return NOUN_JOIN_RE.test(text.slice(prev.tail, nounStart));
  // "Human Rights Council decision 18/120 … See Official Records …, chap. III. and resolutions 24/14": the
  // previous item's footnote, inlined, stands before the conjunction.
  // Arabic glues "و" to the noun: read it as the conjunction ending the gap.
  const glued = text.charCodeAt(nounStart) === 0x648 ? ' و' : '';
  if (gap > 24) return footnoteGap(text.slice(prev.tail, nounStart).replace(ARTICLE_END_RE, '') + glued);
  return text.charCodeAt(nounStart) === 0x648 && gap <= 3 && /^\s*$/.test(text.slice(prev.tail, nounStart));
}

/** "resolutions and decisions 2019/1, 2019/201": two nouns sharing one list, the number's range tells each item's kind. */
const BOTH_NOUNS_RE = lazyRegExp(`(?:${RES_NOUN_SRC}|${DEC_NOUN_SRC})\\s{1,2}(?:and|et|y|и)\\s{1,2}$`);

/** Nouns ending a heading line: "resolutions and decisions", "resolutions". */
const HEADING_NOUNS_END_RE = lazyRegExp(
  `(?:(?:${RES_NOUN_SRC}|${DEC_NOUN_SRC})\\s{1,2}(?:and|et|y|и)\\s{1,2})?$`,
);

/**
 * Whether the noun at `nounStart` ends a heading line above the number (a line break between them) whose
 * words before the noun(s) are capitalised and name no body of the lexicon.
 */
function unknownBodyHeading(text: string, nounStart: number, numberStart: number): boolean {
  // Only between the noun and the number (an unbounded indexOf would read on to the window's end at every item).
  let nl = nounStart;
  while (nl < numberStart && text.charCodeAt(nl) !== 10) nl++;
  if (nl >= numberStart) return false;
  // A heading line's start, at most 200 characters back.
  const lineStart = Math.max(text.lastIndexOf('\n', nounStart - 1) + 1, nounStart - 200);
  const before = text.slice(lineStart, nounStart).replace(HEADING_NOUNS_END_RE, '').trim();
  if (!/^[A-Z]/.test(before)) return false;
  return (
    bodyEndingAt(text, lineStart + text.slice(lineStart, nounStart).indexOf(before) + before.length) ===
    undefined
  );
}

/**
 * Cheap gate for BOTH_NOUNS_RE: the word before the noun ends like "and", "et", "y" or "и" (every item of a
 * list asks; the regex only runs after one).
 */
function conjunctionBefore(text: string, nounStart: number): boolean {
  let i = nounStart - 1;
  if (text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 10) return false;
  if (text.charCodeAt(i - 1) === 32) i--;
  const c = text.charCodeAt(i - 1);
  return c === 100 || c === 116 || c === 121 || c === 0x438;
}

/** The head's possessive is masculine: Russian "его", or the Arabic suffix "ه" (not "ها") on the noun. */
function masculineIts(text: string, headStart: number, numberStart: number): boolean {
  const head = text.slice(headStart, numberStart);
  return /^[Ее]го\s/.test(head) || /^[\u0600-\u06FF]*[^ا]ه\s*$/.test(head);
}

/**
 * The list the head phrase before `item` opens, or undefined when no head noun governs it. Sets the
 * item's surface start to the head's. `prev` is the last item taken into a list, if any.
 */
export function headList(text: string, item: Item, prev: Item | undefined): ListCtx | undefined {
  const start = item.start;
  const head = headBefore(text, start, Math.max(prev?.tail ?? 0, start - 120));
  if (!head) return undefined;
  // A heading above a table's first row ("… Pacific resolutions and decisions\n70/12  Strengthening …"):
  // a body the lexicon does not know may stand before the noun; then the head is no head of ours.
  if (!head.body && unknownBodyHeading(text, head.start, start)) return undefined;
  const list: ListCtx = { noun: head.noun, its: head.its, zh: false, itsAt: start };
  // Cheap gate: a conjunction's last letter or a space before the noun.
  const both = conjunctionBefore(text, head.start)
    ? BOTH_NOUNS_RE.exec(text.slice(Math.max(0, head.start - 30), head.start))
    : null;
  if (both) {
    list.byNumber = true;
    // "Commission on Narcotic Drugs resolutions and decisions 49/4": the body before the first noun.
    const body = head.body ? undefined : bodyEndingAt(text, head.start - both[0].length);
    if (body) list.body = body;
  }
  if (head.body) list.body = head.body;
  else if (head.prepIts) {
    // "Notant que, dans sa résolution 39/13, le Conseil des droits de l’homme a décidé": the
    // clause's subject, named right after, owns the possessive.
    const body = subjectAfter(text, item.tail);
    if (body) {
      list.body = body;
      list.its = false;
    }
  } else if (
    head.its &&
    !item.bodyAfter &&
    prev?.list.body &&
    COUNCILS.has(prev.list.body) &&
    masculineIts(text, head.start, start) &&
    joinedNoun(text, prev, head.start)
  ) {
    // "решение 18/120 Совета по правам человека … и его резолюции 24/14", "مجلس حقوق الإنسان 18/120 … وقراراته
    // 24/14": a masculine "its" joined to a council's list is the council's (the Assembly is feminine in both).
    list.body = prev.list.body;
    list.its = false;
  } else if (!head.its && !item.bodyAfter && prev && joinedNoun(text, prev, head.start)) {
    if (prev.list.body) list.body = prev.list.body;
    list.its = prev.list.its;
    list.itsAt = prev.list.itsAt;
  } else if (head.wordBefore && !head.its && !item.bodyAfter) {
    const body = bodyOfResolutionsBefore(text, head.start, prev ? prev.tail : 0);
    if (body) list.body = body;
  }
  item.surfaceStart = head.start;
  return list;
}

/** `prev`'s list, when what stands between it and `item` only separates two items of one list. */
export function continuedList(text: string, item: Item, prev: Item | undefined): ListCtx | undefined {
  if (!prev || prev.list.zh || prev.tail > item.start) return undefined;
  const gap = text.slice(prev.tail, item.start);
  if (gap.length <= 80 && LIST_GAP_RE.test(gap) && LIST_GAP_SEP_RE.test(gap)) return prev.list;
  if ((item.b !== undefined || item.session) && footnoteGap(gap)) return prev.list;
  if (gap.length <= 200 && item.b !== undefined && TOPIC_GAP_RE.test(gap)) return prev.list;
  return undefined;
}

/**
 * A head noun with a topic between it and a parenthesised list: "General Assembly resolutions on the pattern
 * of conferences (43/222, the most recent being 80/234), multilingualism (50/11, …)" (A/81/6 (Sect. 2)). The
 * last such head of the sentence, with its body or possessive.
 */
const TOPIC_HEAD_RE = lazyRegExp(
  `(?:(?<body>${BODY_ANY_SRC})\\s+|(?<its>${ITS_SRC})\\s+)?(?<res>${RES_NOUN_SRC})?(?<dec>${DEC_NOUN_SRC})?\\s+(?:on|concerning|relating\\s+to|regarding|sur|relatives?\\s+(?:à|aux)|concernant|sobre|relativas?\\s+a)\\s`,
  'g',
);
/** How far back the head may stand from the parenthesis. */
const TOPIC_HEAD_REACH = 320;

/**
 * The list of a number that opens a parenthesis after a topic governed by a head noun earlier in the same
 * sentence; between the head and the parenthesis stand only words and other parenthesised lists (no digit
 * outside them, no sentence end). A financial period ("(2024/25)") is no item.
 */
export function topicHeadList(text: string, item: Item): ListCtx | undefined {
  let i = item.start - 1;
  if (text.charCodeAt(i) === 32) i--;
  if (text.charCodeAt(i) !== 40 || (item.b === undefined && !item.session)) return undefined;
  if (item.b !== undefined && item.b.length === 2 && (Number(item.a) + 1) % 100 === Number(item.b))
    return undefined;
  const from = Math.max(0, i - TOPIC_HEAD_REACH);
  const near = text.slice(from, i);
  TOPIC_HEAD_RE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = TOPIC_HEAD_RE.exec(near); m; m = TOPIC_HEAD_RE.exec(near)) {
    if (m.groups!.res || m.groups!.dec) last = m;
  }
  if (!last) return undefined;
  const between = near.slice(last.index + last[0].length).replace(/\([^()]*\)/g, '');
  if (/[\d;:]|\.\s|\n\s*\n|[()]/.test(between)) return undefined;
  const g = last.groups!;
  const list: ListCtx = { noun: g.res ? 'res' : 'dec', its: !!g.its, zh: false, itsAt: item.start };
  const body = g.body ? bodyOf(g.body) : undefined;
  if (body) list.body = body;
  return list;
}

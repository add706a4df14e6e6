/**
 * What follows an item's number: a body named after it ("de l'Assemblée générale", Russian genitive,
 * Arabic "الصادر عن"), a short name pointing back ("de la Comisión"), the date ("of 19 December 2018"),
 * a body after an inlined footnote; and the clause's subject after "dans sa résolution N,".
 */
import { lazyRegExp } from '../../lazy-regexp';
import { dateAfter, dateWordAt } from '../date';
import { BODY_ANY_SRC, type BodyCode, bodyOf } from '../lexicon';
import { shortBodyBefore } from './head';
import type { Item } from './types';
import { charKind } from './words';

/** After the body-after phrase: FR "de l'Assemblée générale", ES "de la Asamblea General", RU genitive. */
const BODY_AFTER_RE = lazyRegExp(
  `(?:\\s{1,3}(?:of the|de l[’']|de la|del|du|الصادر عن|الذي اتخذ(?:ته|ه))\\s{0,2}(?<body>${BODY_ANY_SRC})|\\s{1,3}(?<bare>${BODY_ANY_SRC}))`,
  'y',
);

/** The subject right after "PREP its resolution N,": FR "…, le Conseil des droits de l’homme", ES "…, el Consejo …". */
const SUBJECT_AFTER_RE = lazyRegExp(
  `\\s{0,2},\\s{0,2}(?:the|le|la|l[’']|el)\\s{0,2}(?<body>${BODY_ANY_SRC})`,
  'y',
);

/**
 * "Notant que, dans sa résolution 39/13, le Conseil des droits de l’homme a décidé": the clause's subject,
 * named right after the item's tail, owns the possessive.
 */
export function subjectAfter(text: string, tail: number): BodyCode | undefined {
  SUBJECT_AFTER_RE.lastIndex = tail;
  const m = SUBJECT_AFTER_RE.exec(text);
  return m?.groups?.body ? bodyOf(m.groups.body) : undefined;
}

/** A footnote inlined right after an item: "Ibid.", "See", "Voir", "См.", "انظر", or the empty "( ()" of a lost marker. */
const FN_AT_RE =
  /\s{0,2}(?:Ibid|Ibíd|Voir|See|V[ée]ase|V[ée]anse|См\.|Там же|انظر|المرجع نفسه|\(\s{0,2}\(\s{0,2}\))/y;
/** The body named after the footnote's closing full stop or parenthesis. */
const FN_BODY_RE = lazyRegExp(
  `[.)]\\s{0,2}[,،]?\\s{1,3}(?:of the|du|de la|de l[’']|del|الصادر عن)\\s{0,2}(?<body>${BODY_ANY_SRC})`,
);

/** First characters of FN_AT_RE's words ("Ibid", "Voir", "See", "См.", "Там же", "انظر", "((": I V S С Т ا ( ). */
function footnoteWordAt(text: string, pos: number): boolean {
  let i = pos;
  while (i < pos + 2 && charKind(text.charCodeAt(i)) === 2) i++;
  const c = text.charCodeAt(i);
  return c === 73 || c === 86 || c === 83 || c === 0x421 || c === 0x422 || c === 0x627 || c === 40;
}

/**
 * French/Spanish name the body after the whole list, and the last item's footnote may sit in
 * between: "… et 42/19 du 26 septembre 2019 Ibid., soixante-quatorzième session, Supplément no 53A
 * (A/74/53/Add.1), chap. III. du Conseil des droits de l’homme". The body follows the footnote's
 * closing full stop (a body inside the footnote, "Documents officiels de l’Assemblée générale", does not).
 */
function bodyAfterFootnote(text: string, pos: number): BodyCode | undefined {
  if (!footnoteWordAt(text, pos)) return undefined;
  FN_AT_RE.lastIndex = pos;
  if (!FN_AT_RE.test(text)) return undefined;
  let window = text.slice(pos, pos + 320);
  const stop = window.search(/[\n;]/);
  if (stop >= 0) window = window.slice(0, stop);
  const m = FN_BODY_RE.exec(window);
  return m?.groups?.body ? bodyOf(m.groups.body) : undefined;
}

/**
 * A short name after the number, ending the phrase: "la resolución 1998/72 de la Comisión, de 22 de
 * abril", "la résolution 55/21 du Conseil, en date du", "резолюции 55/21 Совета от". It points back
 * like a short name before the noun ({@link shortBodyBefore}).
 */
const SHORT_AFTER_RE =
  /\s{1,3}(?:(?:of the|de la|del|du|de l[’'])\s{0,2}(?:Council|Commission|Conseil|Consejo|Comisi[óo]n)|Совета|Комиссии)(?=\s{0,2}[,;.:)\n]|\s{1,3}(?:of|de|du|en date du|от)\s{1,3}\d)/y;
function shortBodyAfter(text: string, pos: number): { body: BodyCode; end: number } | undefined {
  let i = pos;
  while (i < pos + 3 && charKind(text.charCodeAt(i)) === 2) i++;
  const c = text.charCodeAt(i);
  // Every alternative opens with "o", "d", "С" or "К": the regex only runs after one of them.
  if (c !== 111 && c !== 100 && c !== 0x421 && c !== 0x41a) return undefined;
  SHORT_AFTER_RE.lastIndex = pos;
  const m = SHORT_AFTER_RE.exec(text);
  if (!m) return undefined;
  const word = m[0].trim().split(/\s+/).pop()!;
  const body = shortBodyBefore(
    text,
    pos,
    word === 'Совета' ? 'Council' : word === 'Комиссии' ? 'Commission' : word,
  );
  return body ? { body, end: SHORT_AFTER_RE.lastIndex } : undefined;
}

/** A body name right after the number with no connector is only grammatical in Russian (genitive) and Arabic (ل). */
function bodyAfterAt(text: string, pos: number): { body: BodyCode; end: number } | undefined {
  // Both alternatives open with whitespace.
  if (charKind(text.charCodeAt(pos)) !== 2) return undefined;
  BODY_AFTER_RE.lastIndex = pos;
  const m = BODY_AFTER_RE.exec(text);
  if (!m?.groups) return shortBodyAfter(text, pos);
  const name = m.groups.body ?? m.groups.bare!;
  if (m.groups.bare && !/^(?:[А-Яа-яЁё]|لل)/.test(name)) return undefined;
  const body = bodyOf(name);
  return body ? { body, end: BODY_AFTER_RE.lastIndex } : undefined;
}

/**
 * 号决议 / 号决定, also with "etc." or a topic between: "第47/212 A号和第72/266 A号等有关决议",
 * "第77/20号关于联合国同国际刑警组织的合作的决议".

/** Body after the number, date, body after the date, body after a footnote: sets them on `item`, returns the tail's end. */
function readTail(text: string, item: Item): number {
  let tail = item.end;
  let ba = bodyAfterAt(text, tail);
  if (ba) {
    item.bodyAfter = ba.body;
    tail = ba.end;
  }
  const d = dateAfter(text, tail, true, item.session?.kind === 'year' ? item.session.year : undefined);
  if (d) {
    if (d.date) item.date = d.date;
    tail = d.end;
    if (!item.bodyAfter) {
      ba = bodyAfterAt(text, tail);
      if (ba) {
        item.bodyAfter = ba.body;
        tail = ba.end;
      }
    }
  }
  if (!item.bodyAfter) {
    const fb = bodyAfterFootnote(text, tail);
    if (fb) item.bodyAfter = fb;
  }
  return tail;
}

/**
 * Where the item's tail ends (body after the number, date, body after the date), setting what it holds on
 * `item`. Most items are followed by none of them: after ", " ";" ")" "." with no date word none can start
 * (each one's own gate says so), so none is asked.
 */
export function tailOf(text: string, item: Item): number {
  const tc = text.charCodeAt(item.end);
  if ((tc === 44 || tc === 59 || tc === 41 || tc === 46) && !dateWordAt(text, item.end)) return item.end;
  return readTail(text, item);
}

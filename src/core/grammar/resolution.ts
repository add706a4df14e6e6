/**
 * Resolutions and decisions of the GA, SC, ECOSOC, HRC, CHR, functional commissions and UNFCCC
 * bodies, in six languages (../shared/spec/grammar-reference.md §2).
 *
 * Candidate-driven: one cheap pass finds digit runs; at each run a sticky item grammar reads
 * `SESSION/NUM [PARTS]`, `NUM [PARTS] (ROMAN|YEAR)` or `NUM/CP.n`; then a bounded look-behind
 * decides whether a head noun ("resolution", "résolution", "резолюции", "قرار", 第…号决议) or a
 * list begun by one governs it. A bare number with no head is never a mention (traps: "9/11",
 * "Volume 152 (2006)", "UNSC Resolutions 2015 (64)").
 *
 * This file runs the scan; its steps live in resolution/: item.ts (the number and its gates), head.ts
 * (the head phrase before it), tail.ts (body and date after it), list.ts (which list it joins),
 * chinese.ts (lists closed by 号决议), keys.ts (items to keyed mentions), words.ts, types.ts.
 */
import type { Mention } from '../mention';
import type { ScanContext } from './context';
import { chineseItem } from './resolution/chinese';
import { bareMayCount, isAsciiDigit, itemAt } from './resolution/item';
import { toMentions } from './resolution/keys';
import { continuedList, headList, topicHeadList } from './resolution/list';
import { noteHeadedRow, tableRow, unknownTableRow } from './resolution/table';
import { tailOf } from './resolution/tail';
import type { ScanState } from './resolution/types';

export { canContinue, parseItem } from './resolution/item';
export type { Item } from './resolution/types';

/** How far after an item the next digit is looked for by hand. */
const LIST_PEEK = 24;

/**
 * Finds resolution and decision mentions. `ctx.docBodyAt` (set by find.ts) gives the document's
 * own body for "its resolution"; without it "its" falls back to the form of the number.
 */
export function scanResolutions(text: string, ctx: ScanContext): Mention[] {
  const s: ScanState = { trigger: /\d+/g, items: [], prev: undefined, pendingZh: [] };
  const trigger = s.trigger;
  // Right after an item the next one is usually a few characters on ("58/208, 59/241"): the next digit
  // is looked for by hand there, which spares a regex call for each item of a list.
  let peek = false;
  for (;;) {
    const from = trigger.lastIndex;
    let start = -1;
    let runEnd = -1;
    if (peek) {
      peek = false;
      const peekEnd = Math.min(from + LIST_PEEK, text.length);
      let i = from;
      while (i < peekEnd && !isAsciiDigit(text.charCodeAt(i))) i++;
      if (i < peekEnd) {
        start = i;
        runEnd = i + 1;
        while (isAsciiDigit(text.charCodeAt(runEnd))) runEnd++;
        trigger.lastIndex = runEnd;
      } else trigger.lastIndex = peekEnd;
    }
    if (start < 0) {
      // `test`, not `exec`: no match object for each of the text's digit runs; the run is read back.
      const floor = trigger.lastIndex;
      if (!trigger.test(text)) break;
      runEnd = trigger.lastIndex;
      start = runEnd - 1;
      while (start > floor && isAsciiDigit(text.charCodeAt(start - 1))) start--;
    }
    const item = itemAt(text, start, runEnd);
    if (!item) continue;
    trigger.lastIndex = Math.max(trigger.lastIndex, item.end);
    if (item.bare && !bareMayCount(text, item)) continue;
    // Chinese: the list ends at 号决议 / 号决定, which also tells the kind. Both need a Chinese
    // character: nothing to look for in a text without one.
    if (!ctx.latinOnly && chineseItem(text, item, s)) continue;
    // A bare number ("补编第7号》" in an inlined footnote) neither continues nor breaks a Chinese list.
    if (s.pendingZh.length && !item.bare) s.pendingZh = [];
    item.tail = tailOf(text, item);
    // Head noun right before, else continuation of the previous list.
    let list = headList(text, item, s.prev) ?? continuedList(text, item, s.prev) ?? topicHeadList(text, item);
    if (!list) {
      // A row of a table of contents or an index: its list is the table's (resolution/table.ts).
      if (tableRow(text, item, s)) {
        s.prev = item;
        trigger.lastIndex = Math.max(trigger.lastIndex, item.tail);
        continue;
      }
      // UNFCCC decisions are unmistakable without a head ("FCCC/CP/2015/10/Add.1, 1/CP.21").
      if (!item.cop) continue;
      list = { noun: 'dec', its: false, zh: false, itsAt: item.start };
    }
    if (item.bare && !list.noun) continue;
    // A row of a table of a body with no key ("Decision 78/6  Report …" among ESCAP's): no mention.
    if (s.table?.unknown && unknownTableRow(text, item, s)) continue;
    item.list = list;
    if (!list.body && !list.its && item.bodyAfter) list.body = item.bodyAfter;
    // Only a number after a line end or a space may open a table (the check itself is cheap, but spared).
    const before = text.charCodeAt(item.start - 1);
    if (before === 10 || before === 32) noteHeadedRow(text, item, s);
    s.items.push(item);
    s.prev = item;
    trigger.lastIndex = Math.max(trigger.lastIndex, item.tail);
    peek = true;
  }
  return toMentions(text, s.items, ctx);
}

/** Real sentences (dev corpus and UN texts): each must give at least one mention, or none. */
export const examples = {
  match: [
    'Recalling its resolutions 58/208 of 23 December 2003, 59/241 of 22 December 2004',
    'General Assembly resolutions 1514 (XV) of 14 December 1960',
    'Recalling its resolution 97 (1) of 14 December 1946',
    'as amended by its resolutions 364 B (IV) and 482 (V)',
    'Commission on Population and Development resolutions 2006/2 of 10 May 2006',
    'Recalling its previous resolutions 1996 (2011), 2046 (2012)',
    'its decisions 2004/322 of 11 November 2004, 2023/201 A of 31 October 2022',
    'Принято резолюцией 169 (II) Генеральной Ассамблеи ООН от 31 октября 1947 года',
    'ссылаясь на свои резолюции 55/162 от 14 декабря 2000 года',
    'Rappelant ses résolutions 74/64 du 12 décembre 2019',
    'aprobada en su resolución 41/128, de 4 de diciembre de 1986',
    '特别回顾其2019年12月18日第74/175号决议',
    '安全理事会第2133 (2014)、2178 (2014)号决议',
    'وإذ تشير إلى قراراتها 74/270 المؤرخ 2 نيسان/أبريل 2020',
    'قرار المجلس الاقتصادي والاجتماعي 1980/67 المؤرخ 25 تموز/يوليه 1980',
    '见大会S-30/1号决议，附件。',
  ],
  noMatch: [
    'on September 11, 2001 the attacks of 9/11',
    '[Congressional Record (Bound Edition), Volume 152 (2006), Part 13]',
    'UNSC Resolutions 2015 (64)',
    'in accordance with Article 2(4) of the Charter',
    'open 24/7 and dated 9/4/1960 or 2022/12/14',
    'Welcoming the present resolution and paragraph 7 (a)',
    '第2225、2237、2241和2326卷，第39574号',
    'in chapter I, resolution 2, annex',
  ],
};

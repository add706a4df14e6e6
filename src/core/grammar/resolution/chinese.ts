/**
 * Chinese lists: "第74/175号决议", "安全理事会第2133 (2014)、2178 (2014)号决议". The head noun comes after
 * the list (号决议 / 号决定 tells the kind), so a list's items wait for it; the body, 其 ("its"), a date
 * and 第 stand before the first number.
 */
import { lazyRegExp } from '../../lazy-regexp';
import { zhDateBefore } from '../date';
import { BODY_ANY_SRC, bodyOf } from '../lexicon';
import { shortBodyBefore } from './head';
import type { Item, ListCtx, Noun, ScanState } from './types';

/** Before a Chinese list's first number: the body (or 其, or a short name), a topic, a date, 第. */
const ZH_HEAD_RE = lazyRegExp(
  `(?:(?<bodyB>${BODY_ANY_SRC})\\s{0,2}(?:在其|于其)?|(?<its>其)|(?<short>委员会|理事会))?(?:\\s{0,2}(?:在|于|关于[^，。；,;\\n第]{1,60}?的|(?:19|20)\\d\\d\\s?年\\s?\\d{1,2}\\s?月\\s?\\d{1,2}\\s?日|题为“[^”\\n]{1,160}”的)){0,3}\\s{0,2}(?<di>第)?\\s{0,2}$`,
);

/**
 * 号决议 / 号决定, also with "etc." or a topic between: "第47/212 A号和第72/266 A号等有关决议",
 * "第77/20号关于联合国同国际刑警组织的合作的决议".
 */
const ZH_TERM_RE =
  /\s?(?:号\s?(?:等(?:有关)?|关于[^，。；、,;\n第号“”]{1,60}?的)?)?\s?(?:(?<res>决议|決議)|(?<dec>决定|決定))/y;
// "第52/2号 同上，…。" : an inlined footnote right after 号 does not close the list.
const ZH_CONT_RE = /\s?号\s?(?=[、,和及与以]|同上|见《)|\s?(?=[、和及与]|以及)/y;
const ZH_GAP_RE = /^(?:\s|号|、|,|和|及|以及|与|第|(?:19|20)\d\d\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日)*$/;
const ZH_GAP_SEP_RE = /[、,和及与]/;
/**
 * A footnote inlined between two items of a Chinese list ("第36/14号、 同上，《第七十二届会议，补编第53 A号》
 * (A/72/53/Add.1)，第三章。 2018年9月28日第39/13号…"): a reference ending at its full stop, skipped in the gap.
 */
const ZH_FOOTNOTE_RE = /(?:同上|见|參看|参看)[^。\n]{0,240}。|[A-Z]{1,6}\/[A-Za-z0-9/.-]{2,40}。/g;
/** Longest Chinese list kept waiting for its 号决议 / 号决定. */
const MAX_ZH_PENDING = 200;
const ZH_RUN_CHAR_RE = /[\d/、,和及与第号\s().A-Z-]/;
/**
 * ZH_RUN_CHAR_RE as a table over UTF-16 units (1: in the run), made on first use (only a hostile run
 * needs it): skipping the run then reads one array cell a character.
 */
let zhRunChars: Uint8Array | undefined;
function zhRunTable(): Uint8Array {
  if (!zhRunChars) {
    zhRunChars = new Uint8Array(65536);
    for (let c = 0; c < 65536; c++) if (ZH_RUN_CHAR_RE.test(String.fromCharCode(c))) zhRunChars[c] = 1;
  }
  return zhRunChars;
}

/**
 * Chinese: "人权理事会的各项决议和决定，最近的决议是2024年7月10日第", "人权理事会相关决议，尤其是2008年3月28日第",
 * ending right before the number.
 */
const ZH_RECENT_RE = lazyRegExp(
  `(?<body>${BODY_ANY_SRC})的?(?:各项|所有|有关|相关)?(?:决议|决定)(?:和(?:决议|决定))?[，,]\\s{0,2}(?:(?:其中)?(?:最近的|最新的)(?:决议|决定|一项)?(?:是|为)|尤其是|特别是|包括|其中包括|例如)\\s{0,2}(?:(?:19|20)\\d\\d\\s?年\\s?\\d{1,2}\\s?月\\s?\\d{1,2}\\s?日)?\\s{0,2}第?\\s{0,2}$`,
);

/**
 * Takes `item` into a Chinese list when 号决议 / 号决定 closes the list after it, or 号 and a separator
 * continue it; moves the scan state `s` on (the items waiting for their noun, the last item, where the
 * digit scan goes on). False, with nothing changed: the item is no Chinese list's.
 */
export function chineseItem(text: string, item: Item, s: ScanState): boolean {
  ZH_TERM_RE.lastIndex = item.end;
  const term = ZH_TERM_RE.exec(text);
  ZH_CONT_RE.lastIndex = item.end;
  if (!term && !ZH_CONT_RE.test(text)) return false;
  const start = item.start;
  const prev = s.prev;
  const zhDate = zhDateBefore(text, start - (text[start - 1] === '第' ? 1 : 0));
  // 号决议 / 号决定 is the head noun itself; items before it in the list wait for it.
  let list: ListCtx;
  const gapFrom = prev?.list.zh ? prev.tail : -1;
  const gap = gapFrom >= 0 ? text.slice(gapFrom, start) : '';
  const joined = gapFrom >= 0 && ZH_GAP_RE.test(gap.length > 600 ? gap : gap.replace(ZH_FOOTNOTE_RE, ''));
  // The head (body, 其, date, 第) is read only when the item does not continue a list.
  const zhHead =
    joined && s.pendingZh.length > 0
      ? null
      : ZH_HEAD_RE.exec(text.slice(Math.max(prev?.tail ?? 0, start - 220), start));
  if (joined && s.pendingZh.length > MAX_ZH_PENDING) {
    // No real list runs this long without its 号决议: skip the run (hostile input stays linear).
    s.pendingZh = [];
    let j = start;
    const run = zhRunTable();
    while (j < text.length && run[text.charCodeAt(j)] === 1) j++;
    s.trigger.lastIndex = j;
    s.prev = undefined;
    return true;
  }
  if (joined && s.pendingZh.length > 0) list = prev!.list;
  else if (joined && ZH_GAP_SEP_RE.test(gap) && !zhHead?.groups?.bodyB && !zhHead?.groups?.its) {
    // A new group after a closed one keeps the body but takes its own kind.
    list = { ...prev!.list, noun: undefined };
  } else {
    s.pendingZh = [];
    // "委员会关于…的第1998/72号决议", "理事会2024年…第57/13号决议": a short name points back.
    const short = zhHead?.groups?.short;
    const body = zhHead?.groups?.bodyB
      ? bodyOf(zhHead.groups.bodyB)
      : short
        ? shortBodyBefore(text, start, short)
        : undefined;
    list = { its: !!zhHead?.groups?.its, zh: true, itsAt: start };
    if (body) list.body = body;
    else if (!list.its) {
      // "人权理事会的各项决议和决定，最近的决议是2024年7月10日第56/1号": the body named before the connector.
      const recent = ZH_RECENT_RE.exec(text.slice(Math.max(prev?.tail ?? 0, start - 120), start));
      if (recent?.groups?.body) list.body = bodyOf(recent.groups.body);
    }
    item.surfaceStart = start - (zhHead?.groups?.di ? 1 : 0);
  }
  if (zhDate) item.date = zhDate.date;
  item.list = list;
  s.pendingZh.push(item);
  if (term) {
    const noun: Noun = term.groups!.res ? 'res' : 'dec';
    for (const it of s.pendingZh) it.list.noun = noun;
    if (s.pendingZh.length === 1) item.surfaceEnd = ZH_TERM_RE.lastIndex;
    s.items.push(...s.pendingZh);
    s.pendingZh = [];
    item.tail = ZH_TERM_RE.lastIndex;
  } else {
    item.tail = item.end;
  }
  s.prev = item;
  s.trigger.lastIndex = Math.max(s.trigger.lastIndex, item.tail);
  return true;
}

/**
 * World Health Assembly resolutions, decisions and records, as UN texts cite them (checked in
 * ../shared/data/unxml-akn4un/texts_*.jsonl.gz, GA 74-80, six languages):
 *   EN "World Health Assembly resolution 72.4 of 24 May 2019", "World Health Assembly resolutions 60.18 of
 *      23 May 2007 and 64.17", "World Health Organization, document WHA58/2005/REC/1, resolution 58.3, annex",
 *      and WHO's own style "resolution WHA72.1", "resolutions WHA58.3 and WHA61.2", "decision WHA65(9)"
 *   FR "la résolution 72.4 de l’Assemblée mondiale de la Santé"   ES "la resolución 72.4 de la Asamblea Mundial de la Salud"
 *   RU "резолюцию 72.4 Всемирной ассамблеи здравоохранения"     ZH "世界卫生大会2019年5月24日题为“…”的第72.4号决议"
 *   AR "الوثيقة WHA58/2005/REC/1، القرار 58-3" (the Arabic edition writes the number with a hyphen)
 * Keys: `WHA res 72.4`, `WHA dec 65(9)` (citation-keys.md, "BODY res NUMBER"; WHO numbers resolutions
 * SESSION.NUMBER and decisions SESSION(NUMBER)), and the record `WHA72/2019/REC/1` as a document.
 *
 * A bare "resolution 72.4" is a WHA resolution only next to the Assembly: its name before or after the
 * number, a "WHA" prefix, or a WHA record right before ("WHA58/2005/REC/1, resolution 58.3"). Anywhere
 * else "72.4" is a paragraph, a target or an amount.
 *
 * Speed: one regex of the anchors ("WHA" and the Assembly's six names) over the text, bounded reads at each.
 */
import { lazyRegExp } from '../lazy-regexp';
import type { Lang, Mention } from '../mention';
import type { ScanContext } from './context';
import { dateAfter } from './date';
import { RES_NOUN_SRC } from './lexicon';

/**
 * Anchors, each looked for by `indexOf` (a regex alternation costs a check at every character, and every
 * pass over a long text costs): one pass for "H", which both WHO's prefix "WHA" and "World Health Assembly"
 * hold; then, in a French or Spanish text, "ndial" (Assemblée mondiale de la Santé, Asamblea Mundial de la
 * Salud); in a Russian, Chinese or Arabic one, its name's own word (lexicon.ts's WHA).
 */
const OWN_ANCHOR: Partial<Record<Lang, string>> = {
  fr: 'ndial',
  es: 'ndial',
  ru: 'здравоохранения',
  zh: '世界卫生大会',
  ar: 'الصحة العالمية',
};
/** The Assembly's full names, looked for around an anchor. */
const NAME_RE =
  /World\sHealth\sAssembly|Assembl[ée]e\smondiale\sde\sla\s[Ss]ant[ée]|Asamblea\sMundial\sde\sla\sSalud|[Вв]семирн(?:ая|ой)\sассамбле(?:я|и|ей)\sздравоохранения|世界卫生大会|جمعية\sالصحة\sالعالمية/g;

/** The name around an anchor at `at`, if one covers it. */
function nameAround(text: string, at: number): { start: number; end: number; name: string } | undefined {
  const from = Math.max(0, at - 40);
  const window = text.slice(from, at + 40);
  NAME_RE.lastIndex = 0;
  for (let m = NAME_RE.exec(window); m; m = NAME_RE.exec(window)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (start <= at && at < end) return { start, end, name: m[0] };
  }
  return undefined;
}

/** Every anchor's offset, in text order: "WHA" and "Health" at their "H", the language's own name. */
function anchorsOf(text: string, lang: Lang): number[] {
  const hits: number[] = [];
  for (let i = text.indexOf('H'); i >= 0; i = text.indexOf('H', i + 1)) {
    if (text.charCodeAt(i + 1) === 65 && text.charCodeAt(i - 1) === 87)
      hits.push(i - 1); // WHA
    else if (text.startsWith('ealth', i + 1)) hits.push(i);
  }
  const own = OWN_ANCHOR[lang];
  if (own) {
    const n = hits.length;
    for (let i = text.indexOf(own); i >= 0; i = text.indexOf(own, i + own.length)) hits.push(i);
    if (hits.length > n) hits.sort((x, y) => x - y);
  }
  return hits;
}

/** At "WHA": a resolution "WHA72.1", a decision "WHA65(9)", or a record "WHA72/2019/REC/1". */
const PREFIXED_RE = /WHA\s?(\d{1,2})(?:\.(\d{1,2})(?![\d.]\d|\d)|\((\d{1,2})\)|\/(\d{4})\/REC\/(\d)(?!\d))/y;

/** A number as the Assembly numbers its resolutions: SESSION.N (Arabic SESSION-N). */
const NUMBER_SRC = '(\\d{1,2})[.-](\\d{1,2})(?![\\d]|[.,]\\d)';
const NUMBER_RE = lazyRegExp(NUMBER_SRC);
const NUMBER_AT_RE = lazyRegExp(NUMBER_SRC, 'y');
/** "resolution WHA72.1", "decision WHA65(9)": the head noun before the prefix. */
const NOUN_BEFORE_PREFIX_RE = lazyRegExp(`(?:${RES_NOUN_SRC}|[Dd][ée]cisi(?:on|ón)s?)\\s{1,2}$`);
/** After the body's name: "resolution(s) 72.4" (EN), "قرار… 72-4" with the noun before the body in Arabic is read back. */
const NOUN_NUMBER_AFTER_RE = lazyRegExp(`[\\s,]{0,3}(?:${RES_NOUN_SRC})\\s{1,2}${NUMBER_SRC}`, 'y');
/**
 * Before the body's name: "résolution 72.4 de l’", "резолюцию 72.4 ", "resolution 57.10 of 22 May 2004 adopted by
 * the", "la résolution 57.10 du 22 mai 2004 adoptée par l’", "القرار 57-10 المؤرخ 22 أيار/مايو 2004 الذي اتخذته";
 * the gap holds at most a date and "adopted by".
 */
const NOUN_NUMBER_BEFORE_RE = lazyRegExp(
  `(?:${RES_NOUN_SRC})\\s{1,2}${NUMBER_SRC}(?:[^.;\\n\\d]{1,14}\\d{1,2}(?:er)?[^.;\\n\\d]{1,22}\\d{4}(?:\\s?года|\\s?г\\.)?)?[\\s,]{0,3}(?:adopted\\s+by\\s+the|adopt[ée]e\\s+par\\s+(?:l[’']\\s?|la)|aprobada\\s+por\\s+la|принят(?:ой|ую|ая)|الذي\\s+اتخذته|de\\s+l[’']\\s?|de\\s+la|del|du|of\\s+the)?\\s{0,3}$`,
);
/** Body between the noun and the number (ES/RU/AR): "las resoluciones de la Asamblea Mundial de la Salud 60.18", "قراري جمعية الصحة العالمية 60-18". */
const NOUN_BEFORE_BODY_RE = lazyRegExp(
  `(?:${RES_NOUN_SRC})\\s{1,2}(?:de\\s+la\\s+|del\\s+|de\\s+l[’']\\s?)?$`,
);
const NUMBER_AFTER_BODY_RE = lazyRegExp(`\\s{1,2}${NUMBER_SRC}`, 'y');
/** Chinese: the number follows the body, after a date and maybe a quoted title: "…的第72.4号决议". */
const ZH_ITEM_RE = /第?\s?(\d{1,2})\.(\d{1,2})\s?号(决议)?/y;
/** Between two Chinese items: 和 or 、, maybe a date ("第60.18号和2011年5月24日第64.17号决议"). */
const ZH_SEP_RE = /(?:和|、|及)(?:\d{4}年\d{1,2}月\d{1,2}日)?/y;
/** After a record: ", resolution 58.3" / "，第58.3号决议" / "، القرار 58-3". */
const AFTER_RECORD_RE = lazyRegExp(
  `(?:号文件)?\\s?[,，،]\\s{0,2}(?:(?:${RES_NOUN_SRC})\\s{0,2}${NUMBER_SRC}|第(\\d{1,2})\\.(\\d{1,2})号决议)`,
  'y',
);
/** Between two items of a list: a date, then a separator or conjunction. */
const LIST_SEP_RE =
  /(?:\s{0,2}[,،、]\s{0,2}(?:and\s|et\s|y\s|и\s|و\s?)?|\s(?:and|et|y|и|و)\s)\s{0,2}(?:WHA\s?)?/y;

function wha(text: string, start: number, end: number, a: string, b: string): Mention {
  return {
    offset: start,
    end,
    surface: text.slice(start, end),
    kind: 'resolution',
    key: `WHA res ${Number(a)}.${Number(b)}`,
  };
}

/** Items after the first one ("72.4 of 24 May 2019 and 64.17"): each with its own mention. */
function listAfter(text: string, pos: number, out: Mention[], prefixed: boolean): number {
  let end = pos;
  for (let k = 0; k < 12; k++) {
    let at = end;
    const d = dateAfter(text, at);
    if (d) at = d.end;
    LIST_SEP_RE.lastIndex = at;
    if (!LIST_SEP_RE.test(text)) break;
    const from = LIST_SEP_RE.lastIndex;
    NUMBER_AT_RE.lastIndex = from;
    const n = NUMBER_AT_RE.exec(text);
    // "resolutions WHA58.3 and WHA61.2" continue with the prefix; "… and 3 others" does not.
    if (
      !n ||
      (prefixed && text.slice(from - 3, from) !== 'WHA' && !/WHA\s$/.test(text.slice(from - 4, from)))
    )
      break;
    const s = prefixed ? text.lastIndexOf('WHA', from) : from;
    end = NUMBER_AT_RE.lastIndex;
    out.push(wha(text, s, end, n[1]!, n[2]!));
  }
  return end;
}

/** A head noun and a number before a record: "résolutions 60.18", "resolutions 60.18" (the last in the slice is taken). */
const NOUN_NUMBER_G_RE = lazyRegExp(`(?:${RES_NOUN_SRC})\\s{1,2}${NUMBER_SRC}`, 'g');

/**
 * The list "résolutions 60.18 et 64.17" in text[from, to), when its first number is of the record's session
 * (`session`): the record in its footnote names the Assembly the text did not.
 */
function footnotedBefore(text: string, from: number, to: number, session: number, out: Mention[]): void {
  const window = text.slice(from, to);
  NOUN_NUMBER_G_RE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = NOUN_NUMBER_G_RE.exec(window); m; m = NOUN_NUMBER_G_RE.exec(window)) last = m;
  if (!last || Number(last[1]) !== session) {
    bareBefore(text, from, window, session, out);
    return;
  }
  const start = from + last.index;
  const end = start + last[0].length;
  out.push(wha(text, start, end, last[1]!, last[2]!));
  listAfter(text, end, out, false);
}

/** A bare number between separators: ", 61.18, sur le suivi", "et 68.2, relative". */
const BARE_NUMBER_G_RE = /(?<=(?:[,،]|\s(?:and|et|y|и|و))\s{1,2})(\d{1,2})[.-](\d{1,2})(?=[\s,،])/g;

/**
 * "…, 61.18, sur le suivi … Voir …, document WHA61/2008/REC/1": a further item of a WHA list (one found
 * within 400 characters before it), its footnote citing the record of its own session.
 */
function bareBefore(text: string, from: number, window: string, session: number, out: Mention[]): void {
  BARE_NUMBER_G_RE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = BARE_NUMBER_G_RE.exec(window); m; m = BARE_NUMBER_G_RE.exec(window)) last = m;
  if (!last || Number(last[1]) !== session) return;
  const start = from + last.index;
  if (!listed(out, start)) return;
  out.push(wha(text, start, start + last[0].length, last[1]!, last[2]!));
}

/** A WHA resolution was found within 400 characters before `pos`. */
function listed(out: Mention[], pos: number): boolean {
  for (let i = out.length - 1; i >= 0 && i >= out.length - 8; i--) {
    const m = out[i]!;
    if (m.kind === 'resolution' && m.end <= pos && pos - m.end <= 400) return true;
  }
  return false;
}

/**
 * ZH: "世界卫生大会2019年5月24日题为“…”的第72.4号决议", "第60.18号和2011年5月24日第64.17号决议": the items
 * of the clause's first 第…号, up to the 号决议 that closes them (none: no mention). Returns where it ended.
 */
function chineseList(text: string, bodyEnd: number, out: Mention[]): number {
  const clause = text.slice(bodyEnd, bodyEnd + 160);
  const stop = clause.search(/[；。;\n]/);
  const di = clause.indexOf('第');
  if (di < 0 || (stop >= 0 && di > stop)) return bodyEnd;
  const items: Mention[] = [];
  let pos = bodyEnd + di;
  for (let k = 0; k < 12; k++) {
    ZH_ITEM_RE.lastIndex = pos;
    const z = ZH_ITEM_RE.exec(text);
    if (!z) return bodyEnd;
    items.push(wha(text, pos, ZH_ITEM_RE.lastIndex, z[1]!, z[2]!));
    pos = ZH_ITEM_RE.lastIndex;
    if (z[3]) {
      out.push(...items);
      return pos;
    }
    ZH_SEP_RE.lastIndex = pos;
    if (!ZH_SEP_RE.test(text)) return bodyEnd;
    pos = ZH_SEP_RE.lastIndex;
  }
  return bodyEnd;
}

/**
 * Finds WHA resolutions (`WHA res 72.4`), decisions (`WHA dec 65(9)`) and records (`WHA72/2019/REC/1`).
 * @example scanHealth('World Health Assembly resolution 72.4 of 24 May 2019', { lang: 'en' })[0]?.key // 'WHA res 72.4'
 */
export function scanHealth(text: string, ctx: ScanContext): Mention[] {
  const out: Mention[] = [];
  let done = 0;
  for (const hit of anchorsOf(text, ctx.lang)) {
    if (hit < done) continue;
    if (text.startsWith('WHA', hit)) {
      const at = hit;
      // Glued to a word ("SWHA1"): not WHO's prefix.
      if (/[A-Za-z0-9/]/.test(text[at - 1] ?? '')) continue;
      PREFIXED_RE.lastIndex = at;
      const m = PREFIXED_RE.exec(text);
      if (!m) continue;
      let end = PREFIXED_RE.lastIndex;
      // "resolution WHA72.1": the head noun is part of the surface when it stands right before.
      const noun = NOUN_BEFORE_PREFIX_RE.exec(text.slice(Math.max(0, at - 16), at));
      const start = noun ? at - noun[0].length : at;
      if (m[2] !== undefined) {
        out.push(wha(text, start, end, m[1]!, m[2]));
        end = listAfter(text, end, out, true);
      } else if (m[3] !== undefined) {
        out.push({
          offset: start,
          end,
          surface: text.slice(start, end),
          kind: 'decision',
          key: `WHA dec ${Number(m[1])}(${Number(m[3])})`,
        });
      } else {
        // "les résolutions 60.18 et 64.17, … Voir Organisation mondiale de la Santé, documents … WHA60/2007/REC/1":
        // numbers whose footnote cites the Assembly's record of their own session are its resolutions.
        footnotedBefore(text, Math.max(done, at - 300), at, Number(m[1]), out);
        out.push({
          offset: at,
          end,
          surface: text.slice(at, end),
          kind: 'document',
          key: `WHA${Number(m[1])}/${m[4]}/REC/${m[5]}`,
        });
        AFTER_RECORD_RE.lastIndex = end;
        const r = AFTER_RECORD_RE.exec(text);
        if (r) {
          const s = end + /[^\s,，،号文件]/.exec(r[0])!.index;
          end = AFTER_RECORD_RE.lastIndex;
          let a = r[1] ?? r[3]!;
          let b = r[2] ?? r[4]!;
          // Arabic typed right to left may reverse the number ("WHA58/2005/REC/1، القرار3-58"): the
          // record's session tells which half is the session.
          if (Number(a) !== Number(m[1]) && Number(b) === Number(m[1])) [a, b] = [b, a];
          out.push(wha(text, s, end, a, b));
        }
      }
      done = end;
      continue;
    }
    const name = nameAround(text, hit);
    if (!name || name.start < done) continue;
    const at = name.start;
    const bodyEnd = name.end;
    // EN: "World Health Assembly resolution(s) 72.4 …".
    NOUN_NUMBER_AFTER_RE.lastIndex = bodyEnd;
    const after = NOUN_NUMBER_AFTER_RE.exec(text);
    if (after) {
      const end = NOUN_NUMBER_AFTER_RE.lastIndex;
      out.push(wha(text, at, end, after[1]!, after[2]!));
      done = listAfter(text, end, out, false);
      continue;
    }
    // FR/ES/RU/AR: "résolution 72.4 de l’Assemblée mondiale de la Santé", "резолюцию 72.4 Всемирной ассамблеи".
    const before = NOUN_NUMBER_BEFORE_RE.exec(text.slice(Math.max(done, at - 90), at));
    if (before) {
      const s = Math.max(done, at - 90) + before.index;
      const m = NUMBER_RE.exec(before[0])!;
      const end = s + m.index + m[0].length;
      out.push(wha(text, s, end, m[1]!, m[2]!));
      continue;
    }
    // ES/RU/AR: "resoluciones de la Asamblea Mundial de la Salud 60.18", "резолюции Всемирной ассамблеи … 60.18".
    NUMBER_AFTER_BODY_RE.lastIndex = bodyEnd;
    const direct = NUMBER_AFTER_BODY_RE.exec(text);
    if (direct && NOUN_BEFORE_BODY_RE.test(text.slice(Math.max(done, at - 30), at))) {
      const s = bodyEnd + direct[0].length - direct[0].trimStart().length;
      const end = NUMBER_AFTER_BODY_RE.lastIndex;
      out.push(wha(text, s, end, direct[1]!, direct[2]!));
      done = listAfter(text, end, out, false);
      continue;
    }
    if (name.name === '世界卫生大会') done = Math.max(done, chineseList(text, bodyEnd, out));
  }
  return out;
}

/** Real sentences (GA texts 74-80): each must give at least one mention, or none. */
export const examples = {
  match: [
    'Taking into account World Health Assembly resolution 72.5 of 28 May 2019;',
    'World Health Organization, document WHA58/2005/REC/1, resolution 58.3, annex.',
    'Rappeler la résolution 72.4 de l’Assemblée mondiale de la Santé, en date du 24 mai 2019',
    'ссылаемся на резолюцию 72.4 Всемирной ассамблеи здравоохранения от 24 мая 2019 года',
    '回顾世界卫生大会2019年5月24日题为“筹备联合国大会全民健康覆盖问题高级别会议”的第72.4号决议；',
    'in line with resolution WHA72.1 of the World Health Assembly',
  ],
  noMatch: [
    'Welcomes the 72.4 per cent increase in resolution coverage',
    'under target 3.8 of the Sustainable Development Goals',
    'the World Health Assembly, held in Geneva from 20 to 28 May 2019',
  ],
};

/**
 * United Nations sales numbers, as the GA texts write them in the six languages (checked in
 * ../shared/data/unxml-akn4un/texts_*.jsonl.gz):
 *   EN "United Nations publication, Sales No. E.95.XIII.18"   FR "publication des Nations Unies, numéro de vente : F.95.XIII.18"
 *   ES "núm. de venta: S.95.XIII.18" / "núm. de venta S.…"     RU "в продаже под № R.95.XIII.18" / "под номером R.…"
 *   ZH "联合国出版物，出售品编号：C.95.XIII.18"                   AR "منشورات الأمم المتحدة، رقم المبيع A.95.XIII.18" (tatweel "رقــم" too)
 * and old/OCR forms ("Sales No.: 63. V. 2"). The key drops the language letter and any "(Part n)":
 * `Sales No. 95.XIII.18`, so every language edition of a publication has one key (spec, key correction 4).
 *
 * Surfaces follow the gold files: from the "Sales No." words to the end of the number; in Chinese from
 * "联合国出版物，" when it is there.
 *
 * Speed: one `indexOf` pass per literal anchor and one sticky regex at each hit.
 */
import { lazyRegExp } from '../lazy-regexp';
import type { Mention } from '../mention';
import { isLatinOnly } from '../script';
import type { ScanContext } from './context';
import { WS } from './space';

/**
 * Words that introduce a sales number, as ONE alternation (V8 scans it far faster than one `indexOf`
 * pass per word). Arabic may stretch words with tatweel ("رقــم المبيع").
 */
const ANCHOR_RE =
  /[Ss]ales[ \n][Nn]o|[Nn]uméro[ \n]de[ \n]vente|[Nn]úm\.[ \n]de[ \n]venta|[Nn]úmero[ \n]de[ \n]venta|No\.[ \n]de[ \n]venta|в[ \n]продаже[ \n]под|出售品编号|رق\u0640*م[ \n]ال\u0640*م\u0640*ب\u0640*ي\u0640*ع/g;

/** ANCHOR_RE's Latin alternatives, sticky, and the part of each that the scan looks for ("ales No", "de vent"). */
const LATIN_ANCHOR_AT =
  /[Ss]ales[ \n][Nn]o|[Nn]uméro[ \n]de[ \n]vente|[Nn]úm\.[ \n]de[ \n]venta|[Nn]úmero[ \n]de[ \n]venta|No\.[ \n]de[ \n]venta/y;
const LATIN_KEY_RE = /ales[ \n][Nn]o|de[ \n]vent[ae]/g;

/** After the anchor: "s." / ".:" / " :" / "：" / "№" / "номером", then the number itself. */
const NUMBER = lazyRegExp(
  `(?:s?\\.)?${WS}(?:№|номером)?${WS}[:：]?${WS}(?:([EFSRCAАЕСР])[ \\t]?\\.[ \\t]?)?(GV\\.[ \\t]?)?(\\d{1,2})[ \\t]?\\.[ \\t]?([IVX]{1,5}|0)(?:[ \\t]?\\.[ \\t]?([A-ZА]))?[ \\t]?\\.[ \\t]?(\\d{1,3})(?![\\d.]\\d)`,
  'y',
);

/** Between two numbers of a list: a comma or "and" in any language. */
const LIST_NEXT = /[ \t]*(?:[,،、，;][ \t]*|[ \t](?:and|et|y|и|و)[ \t]+|和)/y;

/** The mention of one matched number, its surface from `start` to the end of the number. */
function salesMention(text: string, start: number, m: RegExpExecArray): Mention {
  const end = m.index + m[0].length;
  // the Cyrillic "А" a Russian typist may put for the sub-category letter A
  const sub = m[5] === undefined ? '' : `.${m[5] === 'А' ? 'A' : m[5]}`;
  // "R.3.II.A.1" is a typo for 03: years are always two digits
  const key = `Sales No. ${m[2] ? 'GV.' : ''}${m[3]!.padStart(2, '0')}.${m[4]}${sub}.${m[6]}`;
  return { offset: start, end, surface: text.slice(start, end), kind: 'sales', key };
}

/**
 * Finds sales numbers in `text`, in document order, keyed `Sales No. YY.CAT[.SUB].N`.
 * @example scanSales('(United Nations publication, Sales No. E.95.XIII.18)', { lang: 'en' })[0]?.key
 * // 'Sales No. 95.XIII.18'
 */
export function scanSales(text: string, ctx: ScanContext): Mention[] {
  const hits: { at: number; len: number }[] = [];
  if (ctx.latinOnly ?? isLatinOnly(text)) {
    // Every Latin anchor holds "ales No" or "de vent" at a fixed distance from its start: a regex of
    // those two (a third of the time of the whole alternation), then the anchor checked where it must begin.
    LATIN_KEY_RE.lastIndex = 0;
    for (let k = LATIN_KEY_RE.exec(text); k !== null; k = LATIN_KEY_RE.exec(text)) {
      for (const back of k[0].startsWith('ales') ? [1] : [7, 5, 4]) {
        if (k.index < back) continue;
        LATIN_ANCHOR_AT.lastIndex = k.index - back;
        if (LATIN_ANCHOR_AT.test(text)) {
          hits.push({ at: k.index - back, len: LATIN_ANCHOR_AT.lastIndex - (k.index - back) });
          break;
        }
      }
    }
  } else {
    ANCHOR_RE.lastIndex = 0;
    for (let a = ANCHOR_RE.exec(text); a !== null; a = ANCHOR_RE.exec(text))
      hits.push({ at: a.index, len: a[0].length });
  }
  const out: Mention[] = [];
  let done = 0;
  for (const h of hits) {
    if (h.at < done) continue;
    NUMBER.lastIndex = h.at + h.len;
    const m = NUMBER.exec(text);
    if (!m) continue;
    let start = h.at;
    const prefix = /联合国出版物[ ]*[，,][ ]*$/.exec(text.slice(Math.max(0, h.at - 10), h.at));
    if (prefix) start = h.at - prefix[0].length;
    out.push(salesMention(text, start, m));
    let end = m.index + m[0].length;
    // "Sales Nos. E.03.II.A.1 and E.03.II.A.2": each further number is its own mention
    for (let more = 0; more < 8; more++) {
      LIST_NEXT.lastIndex = end;
      const sep = LIST_NEXT.exec(text);
      if (!sep) break;
      NUMBER.lastIndex = end + sep[0].length;
      const next = NUMBER.exec(text);
      // only a number written with its language letter continues the list ("and 2 others" does not)
      if (!next || next[1] === undefined) break;
      out.push(salesMention(text, end + sep[0].length, next));
      end = next.index + next[0].length;
    }
    done = end;
  }
  return out;
}

/** Positive and negative examples, checked by grammar/examples.test.ts against every rule. */
export const examples = {
  match: [
    '(United Nations publication, Sales No. E.95.XIII.18), chap. I',
    '(publication des Nations Unies, numéro de vente : F.96.IV.8), chap. I',
    '(publicación de las Naciones Unidas, núm. de venta S.03.II.A.1 y corrección)',
    '(издание Организации Объединенных Наций, в продаже под № R.96.IV.8), глава I',
    '(联合国出版物，出售品编号：C.96.IV.13)',
    '(منشورات الأمم المتحدة، رقم المبيع A.95.XIII.18)',
    'United Nations publication, Sales No.: 63. V. 2',
  ],
  noMatch: ['Sales Nos. were not given', 'sales of 95.5 per cent', 'numéro de vente inconnu'],
};

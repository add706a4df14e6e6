/**
 * Depositary notifications of the Secretary-General ("C.N.347.2024.TREATIES-XXVI.6"), which the GA texts
 * cite in every language with the same Latin symbol ("See C.N.347.2024.TREATIES-XXVI.6 (depositary
 * notification)", "См. C.N.347.2024.TREATIES-XXVI.6 (уведомление депозитария)"). The symbol is
 * C.N.NUMBER.YEAR.TREATIES-CHAPTER[.ITEM[.letter]] (the chapter of Multilateral Treaties Deposited with the
 * Secretary-General; older notifications end "TREATIES-1", a serial). Kind `document`, key the symbol
 * without spaces (docs/citation-decisions.md).
 *
 * Speed: one literal search for "N." (rare; a search for "TREATIES" is several times slower), a check for the "C."
 * before it and a sticky read forward.
 */
import type { Mention } from '../mention';
import type { ScanContext } from './context';

/** From "C.N." to the end of the chapter; spaces a PDF puts after a dot are allowed and dropped from the key. */
const NOTIFICATION_RE =
  /C\.\s?N\.\s?(\d{1,5})\.\s?((?:19|20)\d\d)\.\s?TREATIES(?:\s?-\s?([IVXL]{1,6}(?:\.\d{1,2}(?:\.[a-z](?![a-z]))?)?|\d{1,3}))?/y;

/**
 * Finds depositary notifications, keyed by their symbol (`C.N.347.2024.TREATIES-XXVI.6`).
 * @example scanDepositary('See C.N.347.2024.TREATIES-XXVI.6 (depositary notification).', { lang: 'en' })[0]?.key
 * // 'C.N.347.2024.TREATIES-XXVI.6'
 */
export function scanDepositary(text: string, _ctx: ScanContext): Mention[] {
  const out: Mention[] = [];
  for (let at = text.indexOf('N.'); at >= 0; at = text.indexOf('N.', at + 2)) {
    // "C.N." or, in a PDF's text, "C. N.".
    let from = at - 2;
    if (text.charCodeAt(from) === 32) from--;
    if (from < 0 || text.charCodeAt(from) !== 67 || text.charCodeAt(from + 1) !== 46) continue;
    // Glued to a word or a number: not the start of the symbol.
    if (/[A-Za-z0-9.]/.test(text[from - 1] ?? '')) continue;
    NOTIFICATION_RE.lastIndex = from;
    const m = NOTIFICATION_RE.exec(text);
    if (!m) continue;
    let end = NOTIFICATION_RE.lastIndex;
    // A sentence's full stop after the symbol is not part of it.
    while (text.charCodeAt(end - 1) === 46) end--;
    const chapter = m[3] === undefined ? '' : `-${m[3]}`;
    out.push({
      offset: from,
      end,
      surface: text.slice(from, end),
      kind: 'document',
      key: `C.N.${Number(m[1])}.${m[2]}.TREATIES${chapter}`,
    });
  }
  return out;
}

/** Real sentences (GA texts): each must give at least one mention, or none. */
export const examples = {
  match: [
    'See C.N.347.2024.TREATIES-XXVI.6 (depositary notification).',
    'См. C.N.347.2024.TREATIES-XXVI.6 (уведомление депозитария)',
    'C.N.123.2015.TREATIES-XXVII.7.d',
  ],
  noMatch: ['the TREATIES section of the website', 'A.C.N.347.2024.TREATIES-XXVI.6'],
};

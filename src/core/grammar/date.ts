import { lazyRegExp } from '../lazy-regexp';
import { MONTH_SRC, MONTHS } from './lexicon';

/**
 * Dates written beside a resolution number, in the six languages. Each grammar is anchored
 * (sticky) at the position right after the number, so the cost is bounded by the date's length.
 * A footnote marker glued to the year ("26 April 20134") is consumed but not part of the year.
 */

const AR_DATED = 'المؤرخ(?:ة|ين|تين|ان|تان)?';

/** After the number: EN "of 19 December 2018", FR "du 19 décembre 2018", ES ", de 19 de diciembre de 2018",
 * RU "от 19 декабря 2018 года", AR "المؤرخ 19 كانون الأول/ديسمبر 2018". The year may be left out when the
 * number gives it: "resolutions 186 (1964) of 4 March, 187 (1964) of 13 March" (Security Council texts). */
const AFTER_SRC =
  `[,،]?\\s{0,3}(?:` +
  `(?:of|on|du|en date du|de|del|de fecha|от|${AR_DATED})\\s{1,3}(?:في\\s{1,2})?(?<d>\\d{1,2})(?:er)?\\s{0,2}(?:de\\s{1,2})?` +
  `(?:[\\u0600-\\u06FF]{2,8}(?:\\s[\\u0600-\\u06FF]{2,8})?\\s?/\\s?)?` +
  // Without a year, no number may follow: "of 24 December 2107" (a typo) is no date, not "of 24 December".
  `(?<m>${MONTH_SRC})(?:\\s{0,2}(?:de\\s{1,2})?(?<y>(?:19|20)\\d\\d)(?:\\s?(?:года|г\\.))?(?:\\d{1,2}(?!\\d))?|(?!\\s{0,2}(?:de\\s{1,2})?\\d))` +
  `)`;

/** Chinese, before the number: "2018年12月19日". */
const ZH_SRC = '(?<y>(?:19|20)\\d\\d)\\s?年\\s?(?<m>\\d{1,2})\\s?月\\s?(?<d>\\d{1,2})\\s?日';

const afterRe = lazyRegExp(AFTER_SRC, 'iy');
const zhBeforeRe = lazyRegExp(`${ZH_SRC}\\s{0,2}$`);

/** JavaScript's `\s`, by code unit (a space or a control character decided first: the common cases). */
export function isSpace(c: number): boolean {
  if (c === 32) return true;
  if (c < 0xa0) return c >= 9 && c <= 13;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Whether AFTER_SRC can start at `pos`: after its optional comma and spaces, one of its words' first letters
 * ("of"/"on", "du"/"de"/"del", "en date du", "от", "المؤرخ", in either case). Most numbers have no date: one
 * look at a character instead of a regex run.
 */
export function dateWordAt(text: string, pos: number): boolean {
  let i = pos;
  let c = text.charCodeAt(i);
  if (c === 44 || c === 0x60c) c = text.charCodeAt(++i);
  for (let n = 0; n < 3 && isSpace(c); n++) c = text.charCodeAt(++i);
  const l = c | 32;
  return l === 111 || l === 100 || l === 101 || c === 0x43e || c === 0x41e || c === 0x627;
}

/** A month and a day that can stand in a date. */
function validDay(m: number, day: number): boolean {
  return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

function iso(y: string, m: number, d: string): string | undefined {
  const day = Number(d);
  if (!validDay(m, day)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date starting at `pos` (after a number); returns its ISO form and where it ends. A date without its
 * year ("of 4 March") takes `year` (the number's own, "186 (1964)"); with neither, it has no ISO form
 * but still ends where it ends (a list goes on after it).
 */
export function dateAfter(
  text: string,
  pos: number,
  gate = true,
  year?: number,
): { date?: string; end: number } | undefined {
  // `gate` false: the regex alone (the test that holds the one-character gate to it).
  if (gate && !dateWordAt(text, pos)) return undefined;
  afterRe.lastIndex = pos;
  const m = afterRe.exec(text);
  if (!m?.groups) return undefined;
  const month = MONTHS[m.groups.m!.toLowerCase()];
  if (!month) return undefined;
  const y = m.groups.y ?? (year === undefined ? undefined : String(year));
  if (y === undefined) return validDay(month, Number(m.groups.d)) ? { end: afterRe.lastIndex } : undefined;
  const date = iso(y, month, m.groups.d!);
  return date ? { date, end: afterRe.lastIndex } : undefined;
}

/** A Chinese date ending right before `pos` ("2003年12月23日第58/231号"). */
export function zhDateBefore(text: string, pos: number): { date: string; start: number } | undefined {
  const from = Math.max(0, pos - 16);
  const slice = text.slice(from, pos);
  const m = zhDateBeforeRe(slice);
  if (!m?.groups) return undefined;
  const date = iso(m.groups.y!, Number(m.groups.m), m.groups.d!);
  return date ? { date, start: from + m.index } : undefined;
}

function zhDateBeforeRe(slice: string): RegExpExecArray | null {
  if (slice.indexOf('日') < 0) return null;
  return zhBeforeRe.exec(slice);
}

/** Real sentences the date grammar must read (checked in date.test.ts). */
export const dateExamples: { text: string; iso: string }[] = [
  { text: ' of 19 December 2018', iso: '2018-12-19' },
  { text: ' du 8 juillet 2002', iso: '2002-07-08' },
  { text: ', de 20 de diciembre de 2018', iso: '2018-12-20' },
  { text: ' от 18 декабря 1979 года', iso: '1979-12-18' },
  { text: ' المؤرخ 7 كانون الأول/ديسمبر 2001', iso: '2001-12-07' },
  { text: ' of 26 April 20134', iso: '2013-04-26' },
  { text: ' on 30 April 2007', iso: '2007-04-30' },
  { text: ', en date du 22 avril 1998', iso: '1998-04-22' },
];

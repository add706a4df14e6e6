/**
 * The card's Session fact, written the way the UN writes a session for each body: the General Assembly by its
 * regular session and the years it runs ("77th session (2022–2023)": it opens in September and closes before
 * the next opens) or by a special or emergency special session's own name ("10th emergency special session");
 * the Security Council and ECOSOC by year ("2016", never "2016–2016"); the Human Rights Council by its session
 * number ("52nd session"). Pure: the words come from the locale messages through `t`.
 */
import { romanToNumber } from '../core/roman';
import type { Translate } from './format';
import { gaSessionYears, type KeyInfo } from './key-info';

/** Ordinal message names by last digit; the rest (and 11–13) take `cardSessionOrdinalOther`. */
const ORDINAL_BY_DIGIT = ['', 'cardSessionOrdinalOne', 'cardSessionOrdinalTwo', 'cardSessionOrdinalFew'];

/**
 * The ordinal of a session number in the UI language ("73rd", "73e", "73.º", "73-я", "第73届", "73"),
 * which `cardSessionRegular` puts before or after its word for "session". The grammar lives in the locale
 * messages; this only picks the category, and the five categories are the union of what the six UN
 * languages distinguish: session 1 alone (fr "1re" vs "21e"), and English's endings in 1, 2, 3 except 11–13
 * (which Spanish reuses for "1.er"/"3.er período").
 */
export function ordinal(n: number, t: Translate): string {
  const tens = n % 100;
  const name =
    n === 1
      ? 'cardSessionOrdinalFirst'
      : (tens >= 11 && tens <= 13 ? undefined : ORDINAL_BY_DIGIT[n % 10]) || 'cardSessionOrdinalOther';
  return t(name, [String(n)]);
}

/** "2018–2019", or one year alone when the span is one year. */
function yearSpan(years: readonly number[] | undefined): string {
  if (!years || years.length === 0) return '';
  const [a, b] = years;
  return b !== undefined && b !== a ? `${a}–${b}` : String(a);
}

/** A session number written in digits or Roman numerals ("48", "XLVIII"); NaN for anything else. */
function sessionNumber(s: string): number {
  if (/^\d{1,3}$/.test(s)) return Number(s);
  if (/^[IVXLC]+$/.test(s)) return romanToNumber(s);
  return Number.NaN;
}

/** What a card knows about the session of the thing it shows. */
export interface SessionFacts {
  /** The stored session ("77", "ES-10", "S-9", a year for SC / ECOSOC), else the one the key implies. */
  session: string | undefined;
  /** Calendar years the key implies (the index's or the key's own). */
  years: readonly number[] | undefined;
  /** ISO date of adoption when known: the year of an SC, ECOSOC or old ECOSOC session. */
  date?: string;
}

/**
 * The Session fact of a card in the UI language, or undefined when nothing tells it. `info.body` decides the
 * form; a body the card cannot name (a functional commission, UNFCCC) keeps the session it is cited by
 * ("COP 21 (2015)", "16th session") or its year.
 */
export function sessionText(t: Translate, info: KeyInfo, facts: SessionFacts): string | undefined {
  const s = facts.session ?? info.session;
  const year = facts.date ? /^(\d{4})/.exec(facts.date)?.[1] : undefined;
  const years = facts.years ?? info.years;
  const withYears = (text: string, span: string) => (span ? t('cardWithYears', [text, span]) : text);

  // The Security Council, ECOSOC and the Commission on Human Rights meet by the calendar year: the year the
  // key or the row gives ("2016"), never a span.
  if (
    info.body === 'SC' ||
    info.body === 'CHR' ||
    (info.body === 'ECOSOC' && !(s && /^[IVXLC]+$|^\d{1,2}$/.test(s)))
  ) {
    if (s && /^\d{4}$/.test(s)) return s;
    return yearSpan(years?.slice(0, 1)) || year || undefined;
  }

  // Special and emergency special sessions by their own names ("S-9", "ES-10", old style "S-VI", "ES-V").
  const named = s ? /^(ES|S)-(\d{1,2}|[IVXLC]+)$/.exec(s) : null;
  if (named) {
    const n = sessionNumber(named[2]!);
    if (!Number.isFinite(n)) return s;
    return t(named[1] === 'ES' ? 'cardSessionEmergencyNth' : 'cardSessionSpecialNth', [ordinal(n, t)]);
  }

  const n = s ? sessionNumber(s) : Number.NaN;
  if (Number.isFinite(n) && n > 0) {
    const text = t('cardSessionRegular', [ordinal(n, t)]);
    // A regular Assembly session opens in September and runs to the next (the 1st met in 1946 alone).
    if (info.body === 'GA') return withYears(text, n === 1 ? '1946' : yearSpan(gaSessionYears(n)));
    // Old-style ECOSOC sessions (two a year until 1991) by number and the year of the adoption.
    if (info.body === 'ECOSOC') return withYears(text, year ?? '');
    // The Human Rights Council by its number: three sessions a year, so a year would only repeat the date.
    if (info.body === 'HRC') return text;
    return withYears(text, yearSpan(years));
  }
  if (s) return withYears(s, yearSpan(years));
  return yearSpan(years) || undefined;
}

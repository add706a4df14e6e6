/**
 * The resolution grammar's data: an item (one number as cited), the list it belongs to, and the state one
 * scan carries from item to item. Shared by the steps in this folder; nothing here is kept between scans.
 */
import type { BodyCode } from '../lexicon';

/** The head noun's kind: resolution or decision. */
export type Noun = 'res' | 'dec';

/** An old-style session after the number: an SC year "(2016)" or a GA/ECOSOC Roman session "(XV)", "(S-6)". */
export type Session = { kind: 'year'; year: number } | { kind: 'roman'; roman: string };

/** One number as cited ("73/195", "1514 (XV)", "1/CP.21"), with what the scan learns around it. */
export interface Item {
  start: number;
  /** End of the citation proper (number, parts, session). */
  end: number;
  /** End of what the item consumed (date, body after), for list gaps. */
  tail: number;
  sp?: string;
  a: string;
  b?: string;
  cop?: string;
  cs?: string;
  part?: string;
  session?: Session;
  date?: string;
  bodyAfter?: BodyCode;
  /** Start of the surface when the head phrase is included (first item of a list). */
  surfaceStart: number;
  surfaceEnd: number;
  list: ListCtx;
  /** Number without session or year (Chinese "第1325号决议"); keyed from an earlier SC citation. */
  bare?: boolean;
}

/** What a head noun says for every item of its list; items that continue a list share the object. */
export interface ListCtx {
  noun?: Noun;
  body?: BodyCode;
  its: boolean;
  zh: boolean;
  /** Decided by a possessive: the document's body at this offset. */
  itsAt: number;
  /**
   * "resolutions and decisions 2019/1, 2019/201", a table under "Resolutions and decisions" or under no
   * heading: each number's range tells its kind (keys.ts, decisionByNumber).
   */
  byNumber?: boolean;
}

/** An item's list until the scan gives it one (never changed: every list written to is made by the scan). */
export const NO_LIST: Readonly<ListCtx> = { its: false, zh: false, itsAt: 0 };

/**
 * What one call of scanResolutions carries from item to item: made by the call, passed explicitly to the
 * steps that move it, and dropped at its end.
 */
export interface ScanState {
  /** Finds the digit runs; its `lastIndex` is where the scan goes on. */
  readonly trigger: RegExp;
  /** The items kept, in order. */
  readonly items: Item[];
  /** The last item taken into a list: the next one may continue it. */
  prev: Item | undefined;
  /** A Chinese list's items, waiting for its 号决议 / 号决定. */
  pendingZh: Item[];
  /** The table of contents or index being read (table.ts): its list, its last row's end, a first row held. */
  /** Per page count "M": whether the text has lines "n/M" alone, a running page number (table.ts). */
  pageTotals?: Map<string, boolean>;
  /** `headed`: a heading opened it (only then may a row's title stand on a later line). */
  table?: { list: ListCtx; lastEnd: number; held?: Item; unknown?: boolean; headed?: boolean };
}

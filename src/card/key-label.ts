/**
 * The name a reader sees for a cited thing wherever the UI would otherwise show its canonical key (the popup's
 * "On this page" and search rows, the trace view's lists and heading, the navigator's announcement). A UN
 * document symbol is its own name ("A/RES/73/195", "A/77/236"); the keys the index makes up are not
 * ("instrument:ICPD Programme of Action", "A/DEC/76/402", "UNTS I-30822", "CCPCJ res 16/1"), so they are named
 * as UN texts cite them: "ICPD Programme of Action", "General Assembly decision 76/402", "UNTS No. 30822",
 * "CCPCJ resolution 16/1". Pure.
 */
import type { Kind } from '../core/mention';
import { localName, type Translate } from './format';
import { describeKey } from './key-info';
import { isDocumentSymbol } from './links';

/** The prefix of keys of instruments that have no resolution or Treaty Series key (spec citation-keys.md). */
const INSTRUMENT = 'instrument:';

/** The kind a key has by its shape, for callers that have only the key (search hits, trace neighbours). */
export function kindOfKey(key: string): Kind {
  if (key.startsWith(INSTRUMENT)) return 'instrument';
  if (/\/RES\/| res /.test(key)) return 'resolution';
  if (/\/DEC\/| dec /.test(key)) return 'decision';
  if (/^(?:UNTS|LNTS|MTDSG) /.test(key)) return 'treaty';
  if (/^Sales No\. /.test(key)) return 'sales';
  return 'document';
}

/**
 * A reader's name for `key` in the UI language: the symbol when the key is a real document symbol, else the
 * name UN texts give it. `title`, when the caller has the instrument's title, names an `instrument:` key.
 */
export function keyLabel(key: string, t: Translate, title?: string): string {
  if (key.startsWith(INSTRUMENT)) return title || key.slice(INSTRUMENT.length);
  // Decision keys look like symbols but are made up: decisions have no symbol of their own.
  if (isDocumentSymbol(key) && !/\/DEC\//.test(key)) return key;
  const info = describeKey(key, kindOfKey(key));
  // A list row has room for the registration's short form ("UNTS No. 30822"), not the card heading's
  // "United Nations, Treaty Series, No. 30822" (which left no room for the treaty's title).
  if (info.treaty && info.treaty.part !== 'II')
    return t(`cardTreatyShort${info.treaty.series}`, [String(info.treaty.number)]);
  return localName(info, t) || key;
}

/**
 * The card's links, each labelled by what it opens and each once: the document on undocs.org, the documents
 * of its adoption (meeting record, draft, committee reports, the session's agenda) on undocs.org in the link
 * language, the UN Digital Library, Treaty Series volumes and the MTDSG page. Pure.
 */
import type { CardLink, IndexEntry } from '../core/index/types';
import type { Lang } from '../core/mention';
import type { Translate } from './format';
import { digitalLibraryUrl, undocsUrl } from './key-info';

/** A link of the card (the extension never fetches it; the user may follow it). */
export interface CardLinkModel {
  label: string;
  url: string;
}

/** Message names of the link labels the worker's cards use. */
const LINK_LABEL: Record<CardLink['label'], string> = {
  undocs: 'cardLinkUndocs',
  'digital-library': 'cardLinkDigitalLibrary',
  unts: 'cardLinkUnts',
  mtdsg: 'cardLinkMtdsg',
};

/**
 * A UN document symbol undocs.org opens ("A/73/PV.60", "A/HRC/52/L.38", "A/C.3/73/L.5"), as opposed to a
 * meeting named in words ("55th meeting") or a placeholder.
 */
export function isDocumentSymbol(s: string): boolean {
  return /^[A-Z][A-Z0-9.]*(?:\/[A-Za-z0-9.()-]+)+$/.test(s) && /\d/.test(s);
}

/** A document a stored field names: its symbol (what undocs.org opens) and how the field cites it. */
export interface SymbolRef {
  symbol: string;
  /** The symbol with the place the field gives in it: "A/77/445/Add.2, para. 8", "A/77/445/Add.2 (Part II)". */
  cited: string;
}

// A symbol, then where in it: ", para. 8" (a draft a committee report recommends), "(PartII)" of a report.
const SYMBOL_IN_FIELD =
  /([A-Z][A-Z0-9.]*(?:\/[A-Za-z0-9.-]+)+)(?:\s*\(Part ?([IVX]+)\)|(, paras?\. \d+(?:[–-]\d+)?))?/g;

/**
 * The documents a stored field names, in order ("A/777 | A/778/Rev.1"; "A/73/L.5 and A/73/L.5/Add.1";
 * "A/77/445/Add.2, para. 8"; "A/73/PV.60 (Resumption 1)"); none for a meeting named in words ("55th meeting").
 */
export function symbolRefs(field: string | undefined): SymbolRef[] {
  // "A/77/PV. 5" has a stray space; "A//PV.2441" lost its empty session (plenary records before the 31st
  // session are A/PV.n).
  const text = (field ?? '').replace(/\/PV\. (?=\d)/g, '/PV.').replace(/^A\/\/PV\./, 'A/PV.');
  const out: SymbolRef[] = [];
  for (const m of text.matchAll(SYMBOL_IN_FIELD)) {
    const symbol = m[1]!.replace(/[.-]+$/, '');
    if (!isDocumentSymbol(symbol)) continue;
    const cited = m[2] ? `${symbol} (Part ${m[2]})` : m[3] ? `${symbol}${m[3]}` : symbol;
    out.push({ symbol, cited });
  }
  return out;
}

/**
 * Links to the documents of an entry's adoption, labelled by what each is: "Meeting record A/73/PV.60",
 * "Draft A/HRC/52/L.38", "Report A/73/583", "Agenda A/73/251" (the session's agenda that lists the item).
 */
export function recordLinks(
  entry: IndexEntry | undefined,
  agendas: readonly string[],
  lang: Lang,
  t: Translate,
): CardLinkModel[] {
  if (!entry) return [];
  const links = (message: string, field: string | undefined) =>
    symbolRefs(field).map((r) => ({ label: t(message, [r.cited]), url: undocsUrl(r.symbol, lang) }));
  return [
    ...links('cardLinkMeetingRecord', entry.meeting),
    ...links('cardLinkDraft', entry.draft),
    ...links('cardLinkReport', entry.committeeReport),
    ...links('cardLinkAgenda', agendas.join(' | ')),
  ];
}

/**
 * The worker's links in the reader's words. A Treaty Series volume link names its volume. Digital Library
 * records: a Security Council entry holds the resolution's record, then its voting record (so labelled); any
 * other entry's several records are the records of its parts (217 A to E (III): five), which the data does not
 * tell apart, so they become one search for the symbol that lists them all, not five links with one label.
 */
export function workerLinks(
  links: readonly CardLink[],
  entry: IndexEntry | undefined,
  symbol: string | undefined,
  t: Translate,
): CardLinkModel[] {
  const records = links.filter((l) => l.label === 'digital-library');
  const out: CardLinkModel[] = [];
  let recordsDone = false;
  for (const l of links) {
    if (l.label === 'unts' && l.volume) {
      out.push({ label: t('cardLinkUntsVolume', [String(l.volume)]), url: l.url });
    } else if (l.label !== 'digital-library') {
      out.push({ label: t(LINK_LABEL[l.label] ?? 'cardLinkUndocs'), url: l.url });
    } else if (!recordsDone) {
      recordsDone = true;
      const sc = entry?.body === 'SC';
      if (records.length === 1 || (sc && records.length === 2)) {
        out.push({ label: t('cardLinkDigitalLibrary'), url: records[0]!.url });
        if (records[1]) out.push({ label: t('cardLinkVotingRecord'), url: records[1].url });
      } else {
        out.push({
          label: t('cardLinkDigitalLibraryParts'),
          url: digitalLibraryUrl(symbol ?? entry?.key ?? ''),
        });
      }
    }
  }
  return out;
}

/**
 * Each link once: the same address twice (a record the worker gives and the card derives) is one link, and two
 * links with one label (which a reader cannot tell apart) keep the first.
 */
export function dedupeLinks(links: readonly CardLinkModel[]): CardLinkModel[] {
  const urls = new Set<string>();
  const labels = new Set<string>();
  const out: CardLinkModel[] = [];
  for (const l of links) {
    if (urls.has(l.url) || labels.has(l.label)) continue;
    urls.add(l.url);
    labels.add(l.label);
    out.push(l);
  }
  return out;
}

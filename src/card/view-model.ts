/**
 * The card's pure view model: (citation, what the worker answered, page facts) → the fields the renderer shows.
 * No DOM here, so every card state (known entry, derived-only key, worker down, index missing) is unit-tested.
 */
import type { Card, IndexEntry } from '../core/index/types';
import type { Kind, Lang } from '../core/mention';
import type { ProtocolError } from '../shared/protocol';
import {
  bodyLabel,
  type CitationData,
  citationName,
  formatBibtex,
  formatCslJson,
  formatUnDate,
  formatUnStyle,
} from './format';
import { describeKey, digitalLibraryUrl, type KeyInfo, mtdsgUrl, undocsUrl, untsVolumeUrl } from './key-info';

/** What the worker said about the key, or that it has not answered yet. */
export type LookupState =
  | { status: 'loading' }
  | { status: 'ok'; card: Card }
  | { status: 'error'; error: ProtocolError };

/** Everything the view model needs. */
export interface CardInput {
  key: string;
  kind: Kind;
  /** The mention's own fields (surface, date the citing text gives, part, volume). */
  surface?: string;
  date?: string;
  part?: string;
  volume?: number;
  lookup: LookupState;
  /** 1-based position among this key's mentions on the page, and their number. */
  occurrence: { index: number; total: number };
  /** Language of undocs.org links. */
  linkLang: Lang;
  /** Language of the page (decides the card's direction). */
  pageLang: Lang;
}

/** A label/value line of the card. */
export interface CardFact {
  label: string;
  value: string;
}

/** A link of the card (the extension never fetches it; the user may follow it). */
export interface CardLinkModel {
  label: string;
  url: string;
}

/** What the renderer shows. All strings are plain text (rendered with textContent). */
export interface CardModel {
  key: string;
  kind: Kind;
  dir: 'ltr' | 'rtl';
  /** BCP 47 tag of the card text (the title may be in the link language). */
  lang: Lang;
  /** "General Assembly resolution 73/195". */
  heading: string;
  /** Kind label shown above the heading ("Resolution", "Treaty"). */
  kindLabel: string;
  title?: string;
  status: 'loading' | 'known' | 'derived' | 'error';
  /** A sentence shown when data is missing or the worker failed. */
  notice?: string;
  facts: CardFact[];
  links: CardLinkModel[];
  occurrence: { index: number; total: number };
  citation: { un: string; csl: string; bibtex: string };
}

const KIND_LABEL: Record<Kind, string> = {
  resolution: 'Resolution',
  decision: 'Decision',
  document: 'Document',
  treaty: 'Treaty',
  sales: 'UN publication',
  instrument: 'Instrument',
};

/** Why a lookup failed, in words for the user. */
export const ERROR_TEXT: Record<ProtocolError['code'], string> = {
  'bad-request': 'This citation could not be looked up.',
  'unknown-message': 'The extension was updated; reload the page to see full cards.',
  'not-found': 'This citation is not in the bundled index.',
  'index-unavailable':
    'The citation index could not be loaded; only what the citation itself tells is shown.',
  'no-receiver':
    'The extension’s background service is not responding; only what the citation itself tells is shown.',
  internal: 'Looking up this citation failed; only what the citation itself tells is shown.',
};

/** "1st", "2nd", "73rd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${n % 10 > 3 ? 'th' : suffix}`;
}

function sessionFact(
  info: KeyInfo,
  session: string | undefined,
  years: readonly number[] | undefined,
): string | undefined {
  const span =
    years && years.length > 0 ? (years.length > 1 ? `${years[0]}–${years[1]}` : String(years[0])) : '';
  const s = session ?? info.session;
  if (s && /^\d+$/.test(s) && info.body !== 'SC' && info.body !== 'ECOSOC') {
    return span ? `${ordinal(Number(s))} session (${span})` : `${ordinal(Number(s))} session`;
  }
  if (s && /^ES-/.test(s))
    return `${s.replace('ES-', 'Emergency special session ')}${span ? ` (${span})` : ''}`;
  if (s && /^S-/.test(s)) return `${s.replace('S-', 'Special session ')}${span ? ` (${span})` : ''}`;
  if (s && !/^\d+$/.test(s)) return span ? `${s} (${span})` : s;
  return span || undefined;
}

function adoptionFact(entry: IndexEntry | undefined): string | undefined {
  if (!entry) return undefined;
  if (entry.votes) {
    const v = entry.votes;
    return `Recorded vote: ${v.yes} in favour, ${v.no} against, ${v.abstain} ${v.abstain === 1 ? 'abstention' : 'abstentions'}`;
  }
  if (entry.adoption) return entry.adoption.split('|')[0]?.trim() || undefined;
  return undefined;
}

const LINK_LABEL: Record<string, string> = {
  undocs: 'Document (undocs.org)',
  'digital-library': 'UN Digital Library',
  unts: 'Treaty Series',
  mtdsg: 'Status of the treaty (MTDSG)',
};

/** Links derivable from the key alone (used when the worker gives none, e.g. when it is down). */
export function linksFromKey(info: KeyInfo, lang: Lang, volume?: number, recordId?: string): CardLinkModel[] {
  const links: CardLinkModel[] = [];
  if (info.symbol) links.push({ label: LINK_LABEL.undocs!, url: undocsUrl(info.symbol, lang) });
  if (info.treaty && volume && info.treaty.series === 'UNTS') {
    links.push({ label: `${LINK_LABEL.unts!}, vol. ${volume}`, url: untsVolumeUrl(volume) });
  }
  if (info.mtdsg) links.push({ label: LINK_LABEL.mtdsg!, url: mtdsgUrl(info.mtdsg) });
  const query = info.symbol ?? (info.sales ? info.sales : citationName(info));
  if (!info.key.startsWith('instrument:') || recordId) {
    links.push({ label: LINK_LABEL['digital-library']!, url: digitalLibraryUrl(query, recordId) });
  }
  return links;
}

/** The kind an instrument's key has on its own (`A/RES/217(III)` is a resolution, `UNTS I-27531` a treaty). */
function keyKind(key: string): Kind {
  if (/\/RES\//.test(key)) return 'resolution';
  if (/^(?:UNTS|LNTS|MTDSG) /.test(key)) return 'treaty';
  return 'instrument';
}

/** Turns lookup results and page facts into the card's fields. Never throws, never returns an empty card. */
export function buildCardModel(input: CardInput): CardModel {
  // An instrument's key is what it names (a resolution or a treaty): describe that, head the card with the name.
  const info = describeKey(input.key, input.kind === 'instrument' ? keyKind(input.key) : input.kind);
  const card = input.lookup.status === 'ok' ? input.lookup.card : undefined;
  const entry = card?.entry;
  const title = entry?.titles?.[input.linkLang] ?? entry?.title;
  const volume = input.volume ?? entry?.volumes?.[0];
  const date = entry?.date ?? input.date;

  const facts: CardFact[] = [];
  const push = (label: string, value: string | undefined) => {
    if (value) facts.push({ label, value });
  };
  const body = bodyLabel(info);
  if (input.kind === 'instrument' && !input.key.startsWith('instrument:'))
    push('Instrument', citationName(info));
  if (body && !info.treaty) push('Body', body);
  if (entry?.date) push('Date', formatUnDate(entry.date));
  else if (input.date) push('Date (as cited)', formatUnDate(input.date));
  push('Session', sessionFact(info, card?.session ?? entry?.session, card?.years ?? info.years));
  push('Adoption', adoptionFact(entry));
  push('Meeting', entry?.meeting);
  push('Agenda item', entry?.agendaItem);
  push('Report', entry?.committeeReport);
  push('Draft', entry?.draft);
  if (input.part) push('Part', input.part);
  if (volume && info.treaty) push('Volume', `vol. ${volume}`);
  push('Place', entry?.place);
  if (!title) {
    const subject = entry?.derived?.find((d) => d.subject)?.subject;
    if (subject) push('On (as cited)', subject);
  }

  const linkLang = input.linkLang;
  const links: CardLinkModel[] =
    card && card.links.length > 0
      ? card.links.map((l) => ({
          label:
            l.label === 'unts' && volume
              ? `${LINK_LABEL.unts!}, vol. ${volume}`
              : (LINK_LABEL[l.label] ?? l.label),
          url: l.url,
        }))
      : linksFromKey(info, linkLang, volume, entry?.undlRecords?.[0]);

  let status: CardModel['status'];
  let notice: string | undefined;
  if (input.lookup.status === 'loading') status = 'loading';
  else if (input.lookup.status === 'error') {
    status = 'error';
    notice = ERROR_TEXT[input.lookup.error.code];
  } else if (card?.known && entry && !entry.stub) status = 'known';
  else {
    status = 'derived';
    notice = 'Not in the bundled index: this card shows what the citation itself tells.';
  }

  const urlForCitation = links.find((l) => l.url.startsWith('https://undocs.org/'))?.url ?? links[0]?.url;
  const data: CitationData = {
    info,
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    ...(volume ? { volume } : {}),
    ...(input.part ? { part: input.part } : {}),
    ...(urlForCitation ? { url: urlForCitation } : {}),
  };

  return {
    key: input.key,
    kind: input.kind,
    dir: input.pageLang === 'ar' ? 'rtl' : 'ltr',
    lang: title && entry?.titles?.[linkLang] ? linkLang : input.pageLang,
    heading:
      input.kind === 'instrument'
        ? (input.surface ?? title ?? citationName(info))
        : citationName(info, input.part),
    kindLabel: KIND_LABEL[input.kind],
    ...(title ? { title } : {}),
    status,
    ...(notice ? { notice } : {}),
    facts,
    links,
    occurrence: input.occurrence,
    citation: { un: formatUnStyle(data), csl: formatCslJson(data), bibtex: formatBibtex(data) },
  };
}

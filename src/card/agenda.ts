/**
 * Agenda items as the index stores them, read into number and title. The data holds three shapes:
 *
 * - the UN Digital Library's catalogue line (GA sessions 1–73, SC): the agenda document, the item number with
 *   its letter glued on, the item's title, then a UNBIS subject heading in capitals, several joined by " | "
 *   ("A/73/251 14 Integrated … fields. UN CONFERENCES | A/73/251 119 Follow-up … Summit. MILLENNIUM SUMMIT
 *   (2000 : NEW YORK)"; "A/55/251 114b[24] MIGRANTS--PROTECTION"; the Council's "S/ X The situation in the
 *   Middle East." and "S/71 [53] TERRITORIES OCCUPIED BY ISRAEL");
 * - the item number alone, from the official metadata (GA 74–80, ECOSOC, HRC): "14", "116 (d)", "20 and 78 (a)";
 * - the Council's yearly agenda code of CR-UNSC ("S37"), which names no item.
 *
 * A reader gets the item as the UN writes it ("Item 14: Integrated and coordinated implementation of …"); the
 * subject headings are the library's index terms, not the agenda's words, and are dropped. Pure.
 */
import type { Translate } from './format';

/** One agenda item. */
export interface AgendaItem {
  /** "14", "125 (a)", "20 and 78 (a)"; absent for the Council's unnumbered items. */
  number?: string;
  /** The item's title as the agenda words it, without the closing full stop. */
  title?: string;
  /** Symbol of the agenda document that lists the item ("A/73/251"), when the data names it. */
  agenda?: string;
}

/** A UNBIS subject heading: capitals, digits and punctuation ("MILLENNIUM SUMMIT (2000 : NEW YORK)"). */
function isSubjectHeading(s: string): boolean {
  // "xxxx" stands for an unknown year in a few headings ("(4TH SPECIAL SESS. ON DISARMAMENT : xxxx)").
  const text = s.replace(/\bx{4}\b/g, '');
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** "125a" → "125 (a)", "101bb" → "101 (bb)"; "14" stays. */
function itemNumber(raw: string): string {
  const m = /^(\d+)([a-z]{1,2})$/.exec(raw);
  return m ? `${m[1]} (${m[2]})` : raw;
}

/** The title and subject heading of a catalogue line's text after its number. */
function titleOf(rest: string): string | undefined {
  const text = rest.trim();
  if (text === '' || isSubjectHeading(text)) return undefined;
  // The heading follows the title's full stop; the first ". " after which only capitals remain splits them.
  let title = text;
  for (let i = text.indexOf('. '); i >= 0; i = text.indexOf('. ', i + 1)) {
    if (isSubjectHeading(text.slice(i + 2))) {
      title = text.slice(0, i + 1);
      break;
    }
  }
  // A few lines lack the full stop ("… a public health priority SICKLE-CELL ANAEMIA"): a run of two or more
  // words in capitals after a word in lower case is the heading (one word may be an acronym of the title's).
  if (title === text && !text.endsWith('.')) {
    const m = /^(.*\p{Ll}\)?) ((?:\p{Lu}[\p{Lu}'-]+ )+\p{Lu}[\p{Lu}'-]+)$/u.exec(text);
    if (m) title = m[1]!;
  }
  return title.replace(/\s*\.$/, '').trim() || undefined;
}

// Agenda document (one symbol, or "A/3680 & Add.1-4"), then the number ("14", "125a", "X" for none),
// an optional index in brackets ("114b[24]", "S/71 [53]"), then the rest.
const CATALOGUE =
  /^(?<doc>[A-Z]+\/\S*(?: & \S+)?) (?:(?<num>\d{1,3}[a-z]{0,2}|X)(?=[\s[]|$))? ?(?:\[\d+\])? ?(?<rest>.*)$/;
const NUMBERS = /^\d{1,3}(?: ?\([a-z]{1,2}\))?(?:(?:, | and )\d{1,3}(?: ?\([a-z]{1,2}\))?)*$/;

/** Reads one item of a stored agenda line; undefined when it names no item (a code, a heading alone). */
function parseOne(raw: string): AgendaItem | undefined {
  const text = raw.trim();
  if (NUMBERS.test(text)) return { number: text };
  const m = CATALOGUE.exec(text);
  if (!m?.groups) return undefined;
  const { doc, num, rest } = m.groups;
  const number = num && num !== 'X' ? itemNumber(num) : undefined;
  const title = titleOf(rest ?? '');
  if (!number && !title) return undefined;
  // "S/" and "S/71" are the Council's yearly lists, not documents a link could open.
  const first = doc?.split(' ')[0];
  const agenda = first && /^A\/(?:\d+\/)?\d+(?:\/Rev\.\d+)?$/.test(first) ? first : undefined;
  return { ...(number ? { number } : {}), ...(title ? { title } : {}), ...(agenda ? { agenda } : {}) };
}

/** The items of a stored agenda line, in order, each once. */
export function parseAgenda(raw: string | undefined): AgendaItem[] {
  if (!raw) return [];
  const out: AgendaItem[] = [];
  const seen = new Set<string>();
  for (const part of raw.split(' | ')) {
    const item = parseOne(part);
    if (!item) continue;
    const id = `${item.number ?? ''}\u0000${item.title ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(item);
  }
  return out;
}

/** Longest title a fact shows in full; a longer one ends at a word with "…" (the Agenda link has it whole). */
export const AGENDA_TITLE_MAX = 110;

function shorten(title: string): string {
  if (title.length <= AGENDA_TITLE_MAX) return title;
  const cut = title.slice(0, AGENDA_TITLE_MAX + 1).replace(/[\s,;:]+\S*$/u, '');
  return `${cut} …`;
}

/**
 * An item as the card's Agenda item fact shows it: "Item 14: Integrated and coordinated implementation of …",
 * "Item 116 (d)", or the Council's item by its title.
 */
export function agendaItemText(item: AgendaItem, t: Translate): string {
  if (item.number && item.title) return t('cardAgendaItemTitled', [item.number, shorten(item.title)]);
  if (item.number) return t('cardAgendaItemNumber', [item.number]);
  return shorten(item.title ?? '');
}

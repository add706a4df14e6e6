/**
 * What a page says about itself before any citation is read: its language (`<html lang>`) and, from its
 * address or its own symbol, the body whose document it is (so "its resolution 12/4" on a Human Rights
 * Council page is an HRC resolution). Small and synchronous: part of the start-up script.
 */
import type { BodyCode } from '../core/find';
import type { Lang } from '../core/mention';
import { LANGS } from '../core/mention';
import { bodyFromSymbol } from '../core/symbol-body';
import type { FindBody } from '../shared/protocol';

/** The page's language when `<html lang>` names one of the six. */
export function pageLangOf(doc: Document): Lang | undefined {
  const base = (doc.documentElement.lang || '').toLowerCase().split('-')[0] as Lang;
  return LANGS.includes(base) ? base : undefined;
}

/** The body of the document a UN URL shows (`undocs.org/en/A/RES/77/176` → GA), for "its resolution". */
export function bodyFromUrl(url: string): BodyCode | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
  const m = /(?:^|\/)((?:A|S|E)\/(?:[A-Z]+\/)*(?:RES|DEC|PRST)?\/?[\w.()/-]+)/.exec(path);
  return m ? bodyFromSymbol(m[1]!.toUpperCase()) : undefined;
}

/** The bodies a `find` request can carry (the others leave "its resolution" to the text). */
export function findBody(b: BodyCode | undefined): FindBody | undefined {
  return b === 'GA' || b === 'SC' || b === 'ECOSOC' || b === 'HRC' || b === 'CHR' ? b : undefined;
}

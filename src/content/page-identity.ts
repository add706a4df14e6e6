/**
 * The page's own document (masthead symbol, title line), for "Trace citation" on the page itself and the
 * popup's page list.
 */
import type { Identity } from '../core/mention';
import { findOnPage } from './worker-calls';

/** How much of the page's text is read for its own identity: the masthead and title line sit at the top. */
const IDENTITY_CHARS = 4000;

/** The page's identity as the scan's finder answers reported it (first batch with a masthead or title line). */
let scannedIdentity: Identity | undefined;

/** Records the identity a scan of the top document found; the first one with a key stays. */
export function noteScannedIdentity(identity: Identity): void {
  if (identity.key && !scannedIdentity) scannedIdentity = identity;
}

/** The last identity read from the top of the page, and that text (the popup and tests ask again and again). */
let lastRead: { text: string; identity: Promise<Identity> } | undefined;

/**
 * What the scan found, else the top of the page read by the finder (the worker's, as the scan's: loading the
 * finder into the page for this cost a 150 ms task on a big page).
 */
export async function pageIdentity(doc: Document): Promise<Identity> {
  if (scannedIdentity?.key) return scannedIdentity;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('script,style,noscript,template')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let text = '';
  // Only the start of each node is copied out of the page (a 10 MB text node is not read whole).
  for (
    let n = walker.nextNode() as Text | null;
    n && text.length < IDENTITY_CHARS;
    n = walker.nextNode() as Text | null
  )
    text += `${n.substringData(0, IDENTITY_CHARS - text.length)}\n`;
  if (lastRead?.text !== text)
    lastRead = { text, identity: findOnPage(text, undefined, undefined).then((r) => r.identity) };
  return lastRead.identity;
}

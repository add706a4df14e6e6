/**
 * The page's own document (masthead symbol, title line), for "Trace citation" on the page itself and the
 * popup's page list.
 */
import type { Identity } from '../core/mention';
import { loadLocalFinder } from './worker-calls';

/** How much of the page's text is read for its own identity: the masthead and title line sit at the top. */
const IDENTITY_CHARS = 4000;

/** The page's identity as the scan's finder answers reported it (first batch with a masthead or title line). */
let scannedIdentity: Identity | undefined;

/** Records the identity a scan of the top document found; the first one with a key stays. */
export function noteScannedIdentity(identity: Identity): void {
  if (identity.key && !scannedIdentity) scannedIdentity = identity;
}

/**
 * What the scan found, else the top of the page read by the finder, loaded only now (it is not part of the
 * start-up script).
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
  for (let n = walker.nextNode(); n && text.length < IDENTITY_CHARS; n = walker.nextNode())
    text += `${n.nodeValue}\n`;
  const { findCitations } = await loadLocalFinder();
  return findCitations(text.slice(0, IDENTITY_CHARS)).identity;
}

/**
 * A place on an extension page where one citation card is shown, with the hover card's own renderer
 * (`src/card/render.ts`) inside a shadow root so the card's styles and the page's stay apart.
 * Shared by the popup (the active search result) and the trace view (the traced item).
 */
import type { CardHandlers } from '../card/render';
import { renderCard } from '../card/render';
import {
  buildCardModel,
  type CardInput,
  type CardModel,
  type LookupState,
  type Translate,
} from '../card/view-model';
import type { Kind, Lang } from '../core/mention';
import { t } from '../shared/browser';
import { sendToWorker } from '../shared/messaging';

/** Asks the worker for a key's card data; never rejects (a failure is a `LookupState` error). */
export async function lookupState(key: string, lang: Lang): Promise<LookupState> {
  const r = await sendToWorker('lookup', { key, lang });
  return r.ok ? { status: 'ok', card: r.value } : { status: 'error', error: r.error };
}

/** The slot. */
export interface CardSlot {
  /** Renders the card for `input` and returns its model (the caller copies `model.citation`). */
  show(input: CardInput, handlers?: CardHandlers): CardModel;
  clear(): void;
  /** The host element (in the light DOM). */
  host: HTMLElement;
}

/**
 * Attaches a shadow root to `host` (once) and returns the slot; its cards translate with `translate` (the
 * card language's, src/shared/card-messages.ts; the browser's by default).
 */
export function createCardSlot(host: HTMLElement, translate: Translate = t): CardSlot {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  return {
    host,
    show(input, handlers = {}) {
      const model = buildCardModel(input, translate);
      // One card at a time: the renderer's own clean-up looks for `:scope > .card`, which a shadow root's
      // querySelector does not match.
      root.replaceChildren();
      const card = renderCard(root, model, handlers, translate);
      // In a page (not floating over one) the card fills its column.
      card.style.width = '100%';
      card.style.maxHeight = 'none';
      card.style.boxShadow = 'none';
      return model;
    },
    clear() {
      root.replaceChildren(); // the card's adopted style sheet stays with the root
    },
  };
}

/**
 * The view-model input for a card shown outside a page (no occurrences to step through); `cardLang` is the
 * card's language (settings `cardLang`, src/shared/link-lang.ts `readerCardLang`).
 */
export function pageFreeInput(
  key: string,
  kind: Kind,
  lookup: LookupState,
  linkLang: Lang,
  cardLang: Lang,
): CardInput {
  return { key, kind, lookup, occurrence: { index: 0, total: 0 }, linkLang, pageLang: cardLang, cardLang };
}

/**
 * Localized texts shared by the popup and the trace view (from `_locales/<lang>/messages.json`).
 */
import { keyLabel } from '../card/key-label';
import type { Kind } from '../core/mention';
import { t } from '../shared/browser';
import type { ProtocolError } from '../shared/protocol';
import type { SearchBoxLabels } from './search-box';

/** Localized text for a failed request. */
export function errorText(e: ProtocolError): string {
  switch (e.code) {
    case 'index-unavailable':
      return t('errorIndexUnavailable');
    case 'no-receiver':
      return t('errorNoReceiver');
    case 'not-found':
      return t('errorNotFound');
    default:
      return t('errorGeneric', e.message);
  }
}

/** The search box's labels. */
export function searchLabels(): SearchBoxLabels {
  return {
    label: t('popupSearchLabel'),
    placeholder: t('popupSearchPlaceholder'),
    listLabel: t('popupResultsLabel'),
    hint: t('popupSearchHint'),
    results: (n) => t('popupResultCount', String(n)),
    noResults: (q) => t('popupNoResults', q),
    searching: t('popupSearching'),
    error: errorText,
    exactMatch: t('popupExactMatch'),
    keyName: (key) => keyLabel(key, t),
  };
}

const KIND_MESSAGE: Record<Kind, string> = {
  resolution: 'popupKindResolution',
  decision: 'popupKindDecision',
  document: 'popupKindDocument',
  treaty: 'popupKindTreaty',
  sales: 'popupKindSales',
  instrument: 'popupKindInstrument',
};

/** Plural heading of a kind ("Resolutions"). */
export function kindHeading(kind: Kind): string {
  return t(KIND_MESSAGE[kind]);
}

/**
 * The English `Translate` for Node unit tests, so card tests assert the very strings the extension shows
 * (see i18n-locale.ts: `getMessage`'s substitutions, and a missing name throws instead of passing as text).
 */
import type { Translate } from '../../src/card/view-model';
import { localeMessages, translator } from './i18n-locale';

/** The English messages by name. */
export const enMessages = localeMessages('en');

/** Translates like `getMessage` with the English locale. */
export const tEn: Translate = translator('en');

import type { Lang } from '../mention';
import type { BodyCode } from './lexicon';

/**
 * What a grammar scanner knows about the text it scans. Shared by every `grammar/*.ts` module
 * (`(text: string, ctx: ScanContext) => Mention[]`). Scanners get NORMALISED text (normalize.ts:
 * same length as the original unless invisible characters were removed; find.ts maps offsets back):
 * the whole text, or, for a long one, one window of it (find.ts: at most ~51 000 characters with
 * 2 000 of context before). Optional fields may be unset; scanners must not rely on them.
 */
export interface ScanContext {
  /** Language of the text (given or detected). */
  lang: Lang;
  /** The document's own body at an offset, for "its resolution" (set by find.ts). */
  docBodyAt?: (offset: number) => BodyCode | undefined;
  /**
   * Security Council resolutions cited in full so far in the document (number → key), shared by the
   * windows find.ts scans, so that a bare "resolution 186" later on still finds "186 (1964)".
   */
  scByNumber?: Map<string, string>;
  /** The text has no Cyrillic, Arabic or CJK character (script.ts): grammars may skip those scripts' anchors. */
  latinOnly?: boolean;
}

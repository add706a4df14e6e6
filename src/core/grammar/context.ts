import type { Lang } from '../mention';
import type { BodyCode } from './lexicon';

/**
 * What a grammar scanner knows about the text it scans. Shared by every `grammar/*.ts` module
 * (`(text: string, ctx: ScanContext) => Mention[]`). Scanners get the NORMALISED text
 * (normalize.ts: same length as the original unless invisible characters were removed; find.ts
 * maps offsets back). Optional fields may be unset; scanners must not rely on them.
 */
export interface ScanContext {
  /** Language of the text (given or detected). */
  lang: Lang;
  /** The document's own body at an offset, for "its resolution" (set by find.ts). */
  docBodyAt?: (offset: number) => BodyCode | undefined;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The search index is split by script so a query loads only the part it can match. */
export type SearchScript = 'latin' | 'cyrillic' | 'cjk' | 'arabic';

/** Languages whose titles go into each script's part. */
export const SCRIPT_LANGS: Readonly<
  Record<SearchScript, readonly ('en' | 'fr' | 'es' | 'ru' | 'zh' | 'ar')[]>
> = {
  latin: ['en', 'fr', 'es'],
  cyrillic: ['ru'],
  cjk: ['zh'],
  arabic: ['ar'],
};

/** The script part a query belongs to: the first Cyrillic, CJK or Arabic letter decides; else Latin. */
export function scriptOf(query: string): SearchScript {
  if (/[\u0400-\u04ff]/.test(query)) return 'cyrillic';
  if (CJK.test(query)) return 'cjk';
  if (/[\u0600-\u06ff]/.test(query)) return 'arabic';
  return 'latin';
}
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Splits text into search terms in six languages: words for alphabetic scripts, overlapping
 * character pairs for Chinese (which has no spaces; a pair index finds any two-character word).
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    if (!CJK.test(w)) {
      out.push(w);
      continue;
    }
    // Mixed runs ("第73号") keep their non-CJK pieces as words and CJK as pairs.
    let run = '';
    const flush = () => {
      if (run.length === 1) out.push(run);
      for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
      run = '';
    };
    let other = '';
    for (const ch of w) {
      if (CJK.test(ch)) {
        if (other) out.push(other);
        other = '';
        run += ch;
      } else {
        flush();
        other += ch;
      }
    }
    flush();
    if (other) out.push(other);
  }
  return out;
}

/**
 * Function words of the Latin-script titles: they occur in most titles, so they only bloat the
 * index (a posting per title) and never narrow a search.
 */
const STOP = new Set(
  'the of and on in to for a an by with at from its or as de la le les des du et en l d el los las y del al un une una sur pour par dans a'.split(
    ' ',
  ),
);

/**
 * Lower-cases and folds accents and Arabic vowel marks, so "resolucion" finds "resolución";
 * drops function words (returns null).
 */
export function processTerm(term: string): string | null {
  const t = term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return STOP.has(t) ? null : t;
}

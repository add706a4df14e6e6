/**
 * The body a UN document symbol belongs to, decided in one place for the finder ("its resolution" in a
 * text whose own symbol is A/HRC/…), the index (the body of a key it has no entry for) and the card (the
 * body of a bare document symbol). Tiny and free of imports, so that a start-up script may use it
 * without pulling in the grammar.
 */

/** The bodies a symbol's series letters name. */
export type SymbolBody = 'GA' | 'SC' | 'ECOSOC' | 'HRC' | 'CHR';

/**
 * The body of a document symbol by its series letters: A/HRC/ → HRC (before A/), E/CN.4/ → CHR (before
 * E/), A/ → GA, S/ → SC, E/ → ECOSOC; undefined for any other symbol, or none.
 * @example bodyFromSymbol('A/HRC/RES/39/13') // 'HRC'
 */
export function bodyFromSymbol(symbol: string | undefined): SymbolBody | undefined {
  if (!symbol) return undefined;
  if (symbol.startsWith('A/HRC/')) return 'HRC';
  if (symbol.startsWith('E/CN.4/')) return 'CHR';
  if (symbol.startsWith('A/')) return 'GA';
  if (symbol.startsWith('S/')) return 'SC';
  if (symbol.startsWith('E/')) return 'ECOSOC';
  return undefined;
}

/**
 * White space inside a citation. Wrapped text (a PDF's lines, a fixed-width file, a page with line
 * breaks) may break a line anywhere a space stands: "Treaty Series, vol.\n1771, No. 30822". A blank
 * line still ends the citation.
 */

/** Spaces or tabs, with at most one line break among them (possibly none at all). */
export const WS = '[ \\t]*(?:\\r?\\n[ \\t]*)?';

/** The same, at least one character. */
export const WS1 = '(?:[ \\t]+(?:\\r?\\n[ \\t]*)?|\\r?\\n[ \\t]*)';

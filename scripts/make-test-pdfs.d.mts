/** Types of scripts/make-test-pdfs.mjs (a plain Node script, so the e2e tests and the benchmark can import it). */
export interface MadePdf {
  name: string;
  /** Absolute path of the PDF. */
  pdf: string;
  /** Absolute path of NAME.expected.json ('' for the text-less scan). */
  expected: string;
  pages: number;
}
/** Writes every fixture PDF (and its expectations) into `outDir`. Needs ghostscript (`gs`). */
export function makeTestPdfs(outDir: string): MadePdf[];

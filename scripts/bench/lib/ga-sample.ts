/**
 * The in-repository texts the benchmarks read (test/fixtures/corpus, see its PROVENANCE.md): the fixed sample of
 * 215 General Assembly resolutions of sessions 74–80 in the six languages, and the development corpus. Nothing
 * here reads outside the repository, so a clone alone gives the same figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Lang } from '../../../src/core/mention.ts';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');
/** The development corpus: real UN texts (`*.txt`) with their gold annotations. */
export const DEV_CORPUS = join(CORPUS, 'dev');

/** One resolution of the sample (the fields the sample keeps). */
export interface SampleResolution {
  symbol: string;
  lang: Lang;
  title: string;
  adoption_date: string;
  preamble: string[];
  operative: string[];
  footnotes: { marker: string; text: string }[];
}

/** The sample's resolutions in `lang`, in the sample's (symbol) order. */
export function gaSample(lang: Lang): SampleResolution[] {
  const raw = gunzipSync(readFileSync(join(CORPUS, 'ga-sample', `texts_${lang}.jsonl.gz`))).toString('utf8');
  return raw
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SampleResolution);
}

/**
 * The sample in `lang` as one text: each resolution's symbol, preamble and operative paragraphs, one per line,
 * resolutions apart by a blank line (the text the finder's targets were set on; footnotes, denser in citations,
 * are left out so that the figure stays comparable across versions). English: about 4.2 M characters.
 */
export function gaSampleText(lang: Lang): string {
  return gaSample(lang)
    .map((d) => [d.symbol, ...d.preamble, ...d.operative].join('\n'))
    .join('\n\n');
}

/** The development corpus's texts (`dev/*.txt`), in file-name order. */
export function devTexts(): string[] {
  return readdirSync(DEV_CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(DEV_CORPUS, f), 'utf8'));
}

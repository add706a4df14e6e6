/**
 * Where the tests, fixture scripts and `npm run eval` find real UN text: the corpus kept in the repository
 * (test/fixtures/corpus, see its PROVENANCE.md), so that a clone with nothing beside it passes `npm test`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AknText } from '../scripts/lib/source-tables';
import type { Lang } from '../src/core/mention';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The in-repository corpus folder. */
export const CORPUS = join(HERE, 'fixtures', 'corpus');
/** The development corpus: `<name>.txt` with its `<name>.gold.json`, and the seed's `.source.md`. */
export const DEV = join(CORPUS, 'dev');
/** The fixed six-language sample of General Assembly resolutions (`texts_<lang>.jsonl.gz`). */
export const GA_SAMPLE = join(CORPUS, 'ga-sample');
/** The languages of the GA sample, English first (the reference of the cross-lingual comparison). */
export const SAMPLE_LANGS: readonly Lang[] = ['en', 'fr', 'es', 'ru', 'zh', 'ar'];

/** One resolution of the GA sample in one language: the AKN4UN text with the fields make-corpus-sample.mjs keeps. */
export type SampleText = Omit<AknText, 'conclusions'> & { footnotes: { marker: string; text: string }[] };

/** The text of a dev-corpus file (`seed-a-res-77-176.txt`, `115-sc-res-2223-2015-en.gold.json`...). */
export function readDev(file: string): string {
  return readFileSync(join(DEV, file), 'utf8');
}

/** Every resolution of the GA sample in `lang`, in the sample's (sorted symbol) order. */
export function readGaSample(lang: Lang): SampleText[] {
  return gunzipSync(readFileSync(join(GA_SAMPLE, `texts_${lang}.jsonl.gz`)))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SampleText);
}

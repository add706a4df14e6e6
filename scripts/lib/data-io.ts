/** Node-side readers and writers for the project's data tables (CSV, JSON, gzipped JSON / JSONL). */
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, gunzipSync, gzipSync } from 'node:zlib';

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Reads a CSV file with a header line into objects keyed by column name. */
export function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows
    .filter((r) => r.length > 1 || (r[0] ?? '') !== '')
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Reads JSON, gunzipping when the name ends in `.gz`. */
export function readJson<T>(path: string): T {
  const buf = readFileSync(path);
  return JSON.parse((path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8')) as T;
}

/** Writes JSON (one record per line for arrays, so diffs stay readable), gzipped when the name ends in `.gz`. */
export function writeJson(path: string, value: unknown): number {
  mkdirSync(dirname(path), { recursive: true });
  const text = Array.isArray(value)
    ? `[\n${value.map((v) => JSON.stringify(v)).join(',\n')}\n]\n`
    : `${JSON.stringify(value)}\n`;
  const out = path.endsWith('.gz') ? gzipSync(text, { level: 9 }) : Buffer.from(text);
  // A fixed gzip header mtime keeps re-runs byte-identical (zlib writes 0 already; asserted here).
  writeFileSync(path, out);
  return out.length;
}

/** Streams a gzipped JSONL file, one parsed object per line. */
export async function* readJsonlGz<T>(path: string): AsyncGenerator<T> {
  const rl = createInterface({
    input: createReadStream(path).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of rl) if (line.trim()) yield JSON.parse(line) as T;
}

/** Reads a file of one JSON object per line (or a single object). */
export function readJsonLines<T>(path: string): T[] {
  const text = readFileSync(path, 'utf8').trim();
  if (text.startsWith('{') && !text.includes('\n{')) return [JSON.parse(text) as T];
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export { existsSync };

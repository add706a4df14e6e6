/**
 * Command-line finder: `npm run -s cite -- [--format json|text] [--lang xx] FILE...`
 * Prints one JSON object per mention (document order) or a readable table. Plain text and
 * Markdown are scanned as given; HTML is reduced to its visible text first (offsets are into
 * that extracted text). A missing, unreadable or binary file is reported on stderr, the other
 * files are still processed, and the exit code is 1.
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type FindOptions, findCitations } from '../core/find';
import { defaultInstrumentMatcher } from '../core/instruments/default-gazetteer';
import { LANGS, type Lang, type Mention } from '../core/mention';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  laquo: '«',
  raquo: '»',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  shy: '\u00ad',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

const BLOCK =
  'address|article|aside|blockquote|br|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul';

/** Visible text of an HTML page: no script/style/template/head, entities decoded, blocks on their own lines. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style|template|head|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(new RegExp(`<\\/?(?:${BLOCK})\\b[^>]*>`, 'gi'), '\n')
      .replace(/<[^>]*>/g, '')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n'),
  );
}

function isHtml(path: string, content: string): boolean {
  return /\.x?html?$/i.test(extname(path)) || /^\s*(?:<!doctype html|<html)/i.test(content.slice(0, 500));
}

function row(m: Mention): string {
  const extra = [m.part && `part ${m.part}`, m.date, m.volume !== undefined && `vol. ${m.volume}`]
    .filter(Boolean)
    .join(', ');
  return `${String(m.offset).padStart(7)}  ${m.kind.padEnd(10)}  ${m.key.padEnd(28)}  ${JSON.stringify(m.surface)}${extra ? `  (${extra})` : ''}`;
}

async function main(argv: string[]): Promise<number> {
  let format: 'json' | 'text' = 'json';
  let lang: Lang | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--format') format = argv[++i] === 'text' ? 'text' : 'json';
    else if (a.startsWith('--format=')) format = a.endsWith('=text') ? 'text' : 'json';
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a === '--lang' ? argv[++i] : a.slice(7);
      if (!LANGS.includes(v as Lang)) {
        process.stderr.write(`cite: unknown language ${JSON.stringify(v)} (one of ${LANGS.join(', ')})\n`);
        return 2;
      }
      lang = v as Lang;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: cite [--format json|text] [--lang en|fr|es|ru|zh|ar] FILE...\n');
      return 0;
    } else files.push(a);
  }
  if (files.length === 0) {
    process.stderr.write('cite: no input files (usage: cite [--format json|text] [--lang xx] FILE...)\n');
    return 2;
  }
  const gazetteer = defaultInstrumentMatcher();
  let status = 0;
  const out: string[] = [];
  for (const file of files) {
    let buf: Buffer;
    try {
      buf = readFileSync(file);
    } catch (e) {
      process.stderr.write(`cite: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      status = 1;
      continue;
    }
    if (buf.includes(0)) {
      process.stderr.write(`cite: ${file} is a binary file (NUL bytes); skipped\n`);
      status = 1;
      continue;
    }
    const raw = buf.toString('utf8').replace(/^\uFEFF/, '');
    const text = isHtml(file, raw) ? htmlToText(raw) : raw;
    const options: FindOptions = {};
    if (lang) options.lang = lang;
    options.gazetteer = gazetteer;
    const result = findCitations(text, options);
    if (format === 'text') {
      out.push(
        `== ${file} (${result.lang}${result.identity.key ? `, identity ${result.identity.key}` : ''}): ${result.mentions.length} mentions`,
      );
      for (const m of result.mentions) out.push(row(m));
    } else {
      for (const m of result.mentions) {
        const { offset, surface, kind, key, ...rest } = m;
        const line: Record<string, unknown> = files.length > 1 ? { file } : {};
        Object.assign(line, { offset, surface, kind, key });
        for (const [k, v] of Object.entries(rest)) if (k !== 'end' && v !== undefined) line[k] = v;
        out.push(JSON.stringify(line));
      }
    }
  }
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
  return status;
}

// Run only as a command (the tests import htmlToText).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`cite: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

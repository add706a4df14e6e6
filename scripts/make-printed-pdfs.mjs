#!/usr/bin/env node
/**
 * Prints General Assembly resolutions of the six-language GA sample (test/fixtures/corpus/ga-sample) to PDF
 * with Chromium, as a reader who prints a UN text from a browser gets them, and records what pdf.js reads from
 * each PDF: the golden input of src/viewer/pdf-printed.test.ts in all six UN languages.
 *
 * Each PDF is A4 with justified paragraphs (`text-align: justify`), a masthead (organ, symbol, distribution,
 * date), superscript footnote markers ("(1)" in Arabic, as UN Arabic texts print them) with the notes after
 * the text, a running head with the symbol on every later page (left and right pages alternate, as in UN
 * documents) and a footer with the job number and "page/pages" (job number and a barcode line on page 1),
 * drawn as CSS page-margin boxes. Arabic is `dir="rtl" lang="ar"`.
 *
 * Writes to test/fixtures/pdf/printed/ (or OUT_DIR):
 * - `<lang>-<name>.items.json`: pdf.js items of each page (scripts/record-pdf-items.mjs), in a compact form;
 * - `<lang>-<name>.gold.json`: the finder's mentions on the printed text as plain text (same gazetteer as the
 *   viewer; the document's own symbol is identity, not a mention), each on the page its first character is
 *   printed on: `{ lang, identity, source, pages: [{ page, mentions: [{ kind, key }] }] }`.
 * - `<lang>-<name>.pdf` with `--pdf` (kept only for the e2e tests' fixtures; see test/fixtures/pdf/printed/README.md).
 *
 * Usage: `npx tsx scripts/make-printed-pdfs.mjs [--pdf] [--only=LANG-NAME,...] [OUT_DIR]`
 * Needs Chromium (CHROME_PATH or /usr/bin/chromium) and the Noto fonts (Debian: fonts-noto-core,
 * fonts-noto-cjk): without them Arabic and Chinese print with other fonts and the recordings change.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findCitations } from '../src/core/find.ts';
import { defaultInstrumentMatcher } from '../src/core/instruments/default-gazetteer.ts';
import { readGaSample } from '../test/corpus.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The printed resolutions, the same five in every language: dense lists of resolutions (74/278, 75/243), many
 * footnotes (80/231), "ES-10/…" symbols and Human Rights Council references (75/172), a long report (74/180).
 */
export const SYMBOLS = ['A/RES/74/180', 'A/RES/74/278', 'A/RES/75/172', 'A/RES/75/243', 'A/RES/80/231'];
export const LANGS = ['ar', 'zh', 'en', 'es', 'fr', 'ru'];

// Page geometry in mm (CSS) and the PDF point bands the margin boxes print in.
const MARGIN = { top: 22, bottom: 22, side: 22 };
const MM = 72 / 25.4;

const FONT = {
  ar: "'Noto Naskh Arabic', 'Noto Serif', serif",
  zh: "'Noto Serif CJK SC', 'Noto Serif', serif",
  default: "'Noto Serif', serif",
};

/** Masthead words and the adoption line, as UN documents print them in each language. */
const WORDS = {
  en: {
    un: 'United Nations',
    ga: 'General Assembly',
    distr: 'Distr.: General',
    adopted: (d) => `Resolution adopted by the General Assembly on ${d}`,
    letter: 'E',
  },
  fr: {
    un: 'Nations Unies',
    ga: 'Assemblée générale',
    distr: 'Distr. générale',
    adopted: (d) => `Résolution adoptée par l’Assemblée générale le ${d}`,
    letter: 'F',
  },
  es: {
    un: 'Naciones Unidas',
    ga: 'Asamblea General',
    distr: 'Distr. general',
    adopted: (d) => `Resolución aprobada por la Asamblea General el ${d}`,
    letter: 'S',
  },
  ru: {
    un: 'Организация Объединенных Наций',
    ga: 'Генеральная Ассамблея',
    distr: 'Distr.: General',
    adopted: (d) => `Резолюция, принятая Генеральной Ассамблеей ${d}`,
    letter: 'R',
  },
  zh: {
    un: '联合国',
    ga: '大会',
    distr: 'Distr.: General',
    adopted: (d) => `大会${d}通过的决议`,
    letter: 'C',
  },
  ar: {
    un: 'الأمم المتحدة',
    ga: 'الجمعية العامة',
    distr: 'Distr.: General',
    adopted: (d) => `قرار اتخذته الجمعية العامة في ${d}`,
    letter: 'A',
  },
};

const esc = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function dateIn(lang, iso) {
  const d = new Date(`${iso}T12:00:00Z`);
  if (lang === 'zh') return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(d)
    .replace(/ г\.$/, ' года');
}

/** A stable job number from the symbol, shaped as UN job numbers are ("19-21764"). */
function jobNumber(symbol, iso) {
  let h = 0;
  for (const c of symbol) h = (h * 31 + c.charCodeAt(0)) % 90000;
  return `${iso.slice(2, 4)}-${String(10000 + h).padStart(5, '0')}`;
}

/**
 * The resolution as printed: paragraphs of runs (text, or a footnote marker) and the notes. The sample keeps
 * each footnote's text inline where its marker stood, then again as its own paragraph; the marker goes back
 * in its place and the repeated paragraph goes.
 */
export function layout(row) {
  const notes = [];
  const paras = [];
  const all = [
    ...row.preamble.map((text) => ({ kind: 'preamble', text })),
    ...row.operative.map((text) => ({ kind: 'operative', text })),
  ];
  const noteTexts = row.footnotes.map((f) => f.text);
  let n = 0;
  for (const { kind, text } of all) {
    if (noteTexts.includes(text) && paras.some((p) => p.hadNote?.includes(text))) continue;
    const runs = [];
    let rest = text;
    const hadNote = [];
    for (;;) {
      // The next footnote whose text stands inline in this paragraph.
      let best;
      for (const f of row.footnotes) {
        if (notes.some((x) => x.f === f)) continue;
        // Arabic: "… 2019( () the note text)،", the note in the parentheses that hold its marker.
        const forms = row.lang === 'ar' ? [`( ${f.text})`, `(${f.text})`] : [f.text];
        for (const inline of forms) {
          const at = rest.indexOf(inline);
          if (at > 0 && (!best || at < best.at)) best = { f, at, len: inline.length };
        }
      }
      if (!best) break;
      const label = String(notes.length + 1);
      // Chinese puts a space between the word and the inline note; it is not part of the text.
      runs.push({ text: rest.slice(0, best.at).replace(/ $/, '') });
      runs.push({ marker: row.lang === 'ar' ? `(${label})` : label });
      notes.push({ f: best.f, label, text: best.f.text.replace(/^\(\)\s*/, '') });
      hadNote.push(best.f.text);
      rest = rest.slice(best.at + best.len);
    }
    runs.push({ text: rest });
    // Operative paragraphs are numbered in print; the Arabic text already carries its numbers ("1 - ").
    if (kind === 'operative' && !/^\d/.test(text)) {
      n++;
      runs.unshift({ text: `${n}. ` });
    }
    paras.push({ kind, runs, hadNote });
  }
  return {
    paras,
    notes: notes.map(({ label, text }) => ({ label: row.lang === 'ar' ? `(${label})` : label, text })),
  };
}

/**
 * The document in print order as pieces: `src` is what the plain text has, `print` what the page shows (a
 * footnote marker is printed but is not text). HTML is built from the same pieces.
 */
function pieces(row) {
  const w = WORDS[row.lang];
  const date = dateIn(row.lang, row.adoption_date);
  const num = row.symbol.replace(/^A\/RES\//, '');
  const { paras, notes } = layout(row);
  const out = [];
  const block = (cls, runs) => out.push({ cls, runs });
  block('mast-un', [{ text: w.un }]);
  block('mast-sym', [{ text: row.symbol }]);
  block('mast-ga', [{ text: w.ga }]);
  block('mast-distr', [{ text: `${w.distr}\n${date}` }]);
  block('adopted', [{ text: w.adopted(date) }]);
  const title = row.lang === 'ar' ? `${num} ${row.title}` : `${num}. ${row.title}`;
  block('title', [{ text: title }]);
  for (const p of paras) block(p.kind, p.runs);
  for (const note of notes) block('note', [{ noteLabel: note.label }, { text: note.text }]);
  return out;
}

function html(row) {
  const w = WORDS[row.lang];
  const rtl = row.lang === 'ar';
  const font = FONT[row.lang] ?? FONT.default;
  const job = jobNumber(row.symbol, row.adoption_date);
  const blocks = pieces(row);
  const runHtml = (r) =>
    r.marker !== undefined
      ? `<sup>${esc(r.marker)}</sup>`
      : r.noteLabel !== undefined
        ? `<sup class="label">${esc(r.noteLabel)}</sup> `
        : esc(r.text ?? '').replace(/\n/g, '<br>');
  const byCls = (c) =>
    blocks
      .find((b) => b.cls === c)
      .runs.map(runHtml)
      .join('');
  const body = blocks.filter((b) => !b.cls.startsWith('mast-'));
  const symbolCss = JSON.stringify(row.symbol);
  return `<!doctype html>
<html lang="${row.lang}" dir="${rtl ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><title>${esc(row.symbol)}</title>
<style>
@page { size: A4; margin: ${MARGIN.top}mm ${MARGIN.side}mm ${MARGIN.bottom}mm;
  @bottom-left { content: "${job}"; font: 8pt ${font}; }
  @bottom-right { content: counter(page) "/" counter(pages); font: 8pt ${font}; } }
@page :left { @top-left { content: ${symbolCss}; font: 9pt ${font}; } }
@page :right { @top-right { content: ${symbolCss}; font: 9pt ${font}; } }
@page :first { @top-left { content: none; } @top-right { content: none; }
  @bottom-left { content: "${job} (${w.letter})"; }
  @bottom-right { content: "*${job.replace('-', '')}*"; font: 12pt ${font}; } }
body { margin: 0; font: 10pt/12pt ${font}; }
p { margin: 0 0 6pt; text-align: justify; }
.masthead { display: grid; grid-template-columns: 1fr auto; row-gap: 4pt; border-bottom: 1.5pt solid #000;
  padding-bottom: 4pt; margin-bottom: 18pt; line-height: 1.2; }
.masthead .un { font-size: 14pt; } .masthead .sym { font-size: 16pt; text-align: end; unicode-bidi: isolate; direction: ltr; }
.masthead .ga { font-size: 16pt; font-weight: bold; } .masthead .distr { font-size: 9pt; }
.adopted { font-weight: bold; margin: 12pt 0; }
.title { font-weight: bold; font-size: 11pt; margin: 0 0 12pt; text-align: start; }
.preamble { text-indent: 1.25cm; }
.operative { text-indent: 1.25cm; }
.notes { margin-top: 12pt; border-top: 0.5pt solid #000; width: 40%; }
.note { font-size: 8pt; line-height: 9.5pt; margin: 0 0 3pt; text-indent: 0; }
sup { font-size: 60%; line-height: 0; }
</style></head>
<body>
<div class="masthead"><div class="un">${byCls('mast-un')}</div><div class="sym">${byCls('mast-sym')}</div>
<div class="ga">${byCls('mast-ga')}</div><div class="distr">${byCls('mast-distr')}</div></div>
${body
  .map((b) => {
    if (b.cls === 'note') return '';
    return `<p class="${b.cls}">${b.runs.map(runHtml).join('')}</p>`;
  })
  .join('\n')}
${
  body.some((b) => b.cls === 'note')
    ? `<div class="notes"></div>\n${body
        .filter((b) => b.cls === 'note')
        .map((b) => `<p class="note">${b.runs.map(runHtml).join('')}</p>`)
        .join('\n')}`
    : ''
}
</body></html>`;
}

/** The plain text of the document (what the finder reads) and, per character, how many printed characters precede it. */
function plainText(row) {
  const blocks = pieces(row);
  let text = '';
  const printedBefore = [];
  let printed = 0;
  const count = (s) => [...s.normalize('NFKC')].filter((c) => !/\s/.test(c)).length;
  for (const b of blocks) {
    if (text) {
      const sep = b.cls.startsWith('mast-') ? '\n' : '\n\n';
      text += sep;
      for (const _ of sep) printedBefore.push(printed);
    }
    for (const r of b.runs) {
      if (r.marker !== undefined) {
        printed += count(r.marker);
        continue;
      }
      const s = r.text ?? `${r.noteLabel} `;
      for (const ch of s) {
        for (let k = 0; k < ch.length; k++) printedBefore.push(printed);
        text += ch;
        printed += count(ch);
      }
    }
  }
  printedBefore.push(printed);
  return { text: text.replace(/\n\n+$/, ''), printedBefore, printed };
}

/**
 * Keeps what the viewer's text building reads of a pdf.js recording, compactly (Chromium draws every Arabic glyph
 * as its own item): each item is `[str, size, x, y, width]` (+ `1` when pdf.js set `hasEOL`) for the transform
 * `[size, 0, 0, size, x, y]`, or `[str, transform, width]` (+ `1`) for any other transform; 0.1 pt precision.
 */
function compact(recording) {
  const r1 = (x) => Math.round(x * 10) / 10;
  return {
    pdfjs: recording.pdfjs,
    item: '[str, size, x, y, width, hasEOL?] for transform [size, 0, 0, size, x, y], else [str, transform, width, hasEOL?]',
    pages: recording.pages.map((p) => ({
      view: p.view,
      items: p.items.map((i) => {
        const [a, b, c, d, e, f] = i.transform;
        const head =
          a === d && b === 0 && c === 0 ? [i.str, r1(a), r1(e), r1(f)] : [i.str, i.transform.map(r1)];
        return [...head, r1(i.width), ...(i.hasEOL ? [1] : [])];
      }),
    })),
  };
}

/** Non-space characters of each page's body (margin boxes left out), to place the plain text on the pages. */
function printedPerPage(recording) {
  return recording.pages.map((p) => {
    const h = p.view[3] - p.view[1];
    let n = 0;
    for (const it of p.items) {
      const y = it.transform[5];
      if (y > h - MARGIN.top * MM || y < MARGIN.bottom * MM) continue;
      n += [...it.str.normalize('NFKC')].filter((c) => !/\s/.test(c)).length;
    }
    return n;
  });
}

const gazetteer = defaultInstrumentMatcher();

/** Gold of one printed document: the finder on its plain text, each mention on the page it starts on. */
function gold(row, recording) {
  const { text, printedBefore, printed } = plainText(row);
  const perPage = printedPerPage(recording);
  const total = perPage.reduce((a, b) => a + b, 0);
  if (Math.abs(total - printed) > 3) {
    console.warn(`${row.lang} ${row.symbol}: ${printed} characters printed, ${total} read back by pdf.js`);
  }
  const pages = perPage.map((_, i) => ({ page: i + 1, mentions: [] }));
  const { mentions } = findCitations(text, { gazetteer });
  for (const m of mentions) {
    // The document's own symbol (masthead, title number) is its identity, never a mention (as in the viewer).
    if (m.key === row.symbol && m.kind !== 'instrument') continue;
    const at = printedBefore[m.offset];
    let acc = 0;
    let page = perPage.length - 1;
    for (let i = 0; i < perPage.length; i++) {
      acc += perPage[i];
      if (at < acc) {
        page = i;
        break;
      }
    }
    pages[page].mentions.push({ kind: m.kind, key: m.key });
  }
  return {
    lang: row.lang,
    identity: row.symbol,
    source: `test/fixtures/corpus/ga-sample/texts_${row.lang}.jsonl.gz ${row.symbol}, printed by scripts/make-printed-pdfs.mjs`,
    pages,
  };
}

/** File name of a printed document ("ar-a-res-74-278"). */
export const printedName = (lang, symbol) => `${lang}-${symbol.toLowerCase().replace(/\//g, '-')}`;

/** Prints the resolutions to PDF in `outDir`; returns the PDF paths by name. */
export async function printPdfs(outDir, which = undefined) {
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  const out = [];
  try {
    const tab = await browser.newPage();
    for (const lang of LANGS) {
      const rows = readGaSample(lang);
      for (const symbol of SYMBOLS) {
        const name = printedName(lang, symbol);
        if (which && !which.includes(name)) continue;
        const row = rows.find((r) => r.symbol === symbol);
        if (!row) throw new Error(`${symbol} is not in the ${lang} GA sample`);
        await tab.setContent(html(row), { waitUntil: 'load' });
        await tab.evaluate(() => document.fonts.ready);
        const pdf = join(outDir, `${name}.pdf`);
        await tab.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
        out.push({ name, lang, symbol, row, pdf });
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const keepPdf = args.includes('--pdf');
  const only = args
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',');
  const outDir = args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'test/fixtures/pdf/printed');
  const tmp = join(tmpdir(), `uncl-printed-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  const printedPdfs = await printPdfs(keepPdf ? outDir : tmp, only);
  for (const { name, row, pdf } of printedPdfs) {
    const raw = execFileSync(process.execPath, [join(ROOT, 'scripts/record-pdf-items.mjs'), pdf], {
      maxBuffer: 256 * 1024 * 1024,
    }).toString('utf8');
    const recording = JSON.parse(raw);
    writeFileSync(join(outDir, `${name}.items.json`), `${JSON.stringify(compact(recording))}\n`);
    const g = gold(row, recording);
    writeFileSync(join(outDir, `${name}.gold.json`), `${JSON.stringify(g, null, 1)}\n`);
    const n = g.pages.reduce((s, p) => s + p.mentions.length, 0);
    console.log(`${name}: ${recording.pages.length} pages, ${n} mentions`);
  }
  rmSync(tmp, { recursive: true, force: true });
}

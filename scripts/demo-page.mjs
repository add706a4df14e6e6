// Renders the bundled demo document (demo/a-res-77-176.source.md, GA resolution 77/176) as an HTML page that
// looks like a UN document page. Used by `npm start` (scripts/start.mjs) and by the e2e tests (screenshot).
// The Markdown is a small, known subset (headings, rules, *emphasis*, <sup> markers, [text](#) links, backslash
// escapes), laid out page by page as printed: a rule and the page's footnotes may interrupt a paragraph. The page
// shows the text as the document reads, with numbered paragraphs on their own and the footnotes gathered at the
// end. Every piece of text is escaped before markup is added.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The demo's source file. */
export const DEMO_SOURCE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'demo',
  'a-res-77-176.source.md',
);
/** Where the demo is shown: a UN address (in the content-script matches) answered locally, never fetched. */
export const DEMO_URL = 'https://www.un.org/__fixtures__/demo/A-RES-77-176.html';

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Markdown's backslash escapes ("217 A \\(III\\)") read as the character they escape. */
export const unescapeMarkdown = (s) => s.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');

function inline(text) {
  return escapeHtml(unescapeMarkdown(text))
    .replace(/&lt;sup&gt;(\d+)&lt;\/sup&gt;/g, '<sup><a href="#fn$1" id="fnref$1">$1</a></sup>')
    .replace(/\[([^\]]*)\]\(#\)/g, '$1')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>')
    .replace(/ {2}\n/g, '<br>')
    .replace(/\n/g, ' ');
}

const FOOTNOTE = /^<sup>(\d+)<\/sup>\s*(.*)$/s;
const NUMBERED = /^(\d+|\([a-z]\))\. |^\([a-z]\) /;

/**
 * Reads the demo Markdown as the printed document it renders: a page break (a rule followed by the page's
 * footnotes) may fall inside a paragraph, and the text after the footnotes then continues that paragraph.
 * Returns the body's blocks in reading order and the footnotes in their own list.
 */
export function readDocument(md) {
  const blocks = [];
  const footnotes = [];
  let para = [];
  const flush = () => {
    if (para.length) blocks.push({ type: 'p', text: para.join('\n') });
    para = [];
  };
  let inNotes = false;
  for (const raw of md.split('\n')) {
    // Two trailing spaces are Markdown's line break; other trailing space is nothing.
    const line = / {2}$/.test(raw) ? `${raw.trimEnd()}  ` : raw.trimEnd();
    if (!line.trim()) {
      // A blank line ends a paragraph unless the next text continues it (checked on that text below).
      if (para.length) blocks.push({ type: 'pending', text: para.join('\n') });
      para = [];
      continue;
    }
    if (/^-{3,}$/.test(line.trim())) {
      inNotes = true;
      continue;
    }
    const note = FOOTNOTE.exec(line.trim());
    if (note && inNotes) {
      footnotes.push({ n: Number(note[1]), text: note[2] });
      continue;
    }
    inNotes = false;
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: `h${heading[1].length}`, text: heading[2] });
      continue;
    }
    // Text that starts in lower case after a break continues the paragraph the break interrupted.
    const last = blocks.at(-1);
    if (!para.length && last?.type === 'pending' && /^[a-z]/.test(line)) {
      blocks.pop();
      para = [last.text, line];
      continue;
    }
    if (NUMBERED.test(line)) flush();
    para.push(line);
  }
  flush();
  const body = blocks.map((b) => (b.type === 'pending' ? { type: 'p', text: b.text } : b));
  return { blocks: body, footnotes: footnotes.sort((a, b) => a.n - b.n) };
}

/** Converts the demo Markdown to the inner HTML of the page body: the text, then its footnotes. */
export function markdownToHtml(md) {
  const { blocks, footnotes } = readDocument(md);
  const out = blocks.map((b) => {
    if (b.type !== 'p') return `<${b.type}>${inline(b.text)}</${b.type}>`;
    const cls = /^\d+\. /.test(b.text) ? ' class="op"' : /^\([a-z]\) /.test(b.text) ? ' class="sub"' : '';
    return `<p${cls}>${inline(b.text)}</p>`;
  });
  if (footnotes.length) {
    out.push('<section class="footnotes" aria-label="Footnotes">', '<hr>', '<ol>');
    for (const f of footnotes) out.push(`<li value="${f.n}" id="fn${f.n}">${inline(f.text)}</li>`);
    out.push('</ol>', '</section>');
  }
  return out.join('\n');
}

/** The whole demo page. */
export function renderDemoPage(md = readFileSync(DEMO_SOURCE, 'utf8')) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A/RES/77/176 — International migration and development</title>
<style>
  body { font: 16px/1.5 Georgia, 'Times New Roman', serif; color: #1a1a1a; background: #fff; margin: 0; }
  header { background: #009edb; color: #fff; padding: 10px 24px; font: 14px/1.4 system-ui, sans-serif; }
  main { max-width: 760px; margin: 24px auto; padding: 0 24px; }
  h1 { font-size: 1.6em; } h2 { font-size: 1.2em; } h3 { font-size: 1.1em; }
  .op { margin-left: 0; } .sub { margin-left: 2em; }
  .footnotes { font-size: 0.85em; color: #333; margin-top: 2em; } .footnotes li { margin: 0.3em 0; }
  hr { border: 0; border-top: 1px solid #ccc; margin: 1.5em 0; }
</style>
</head>
<body>
<header>UN Citation Lens demo · United Nations General Assembly resolution A/RES/77/176 (text: United Nations)</header>
<main>
${markdownToHtml(md)}
</main>
</body>
</html>
`;
}

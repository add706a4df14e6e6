/** The demo's source file (GA resolution 77/176 as Markdown). */
export const DEMO_SOURCE: string;
/** The UN address the demo is shown at (answered locally). */
export const DEMO_URL: string;
/** Markdown's backslash escapes ("217 A \\(III\\)") read as the characters they escape. */
export function unescapeMarkdown(s: string): string;
/** Converts the demo Markdown subset to HTML. */
export function markdownToHtml(md: string): string;
/** The whole demo page as HTML. */
export function renderDemoPage(md?: string): string;
/** The document read from the Markdown: body blocks in reading order (page breaks joined) and the footnotes. */
export function readDocument(md: string): {
  blocks: { type: 'p' | 'h1' | 'h2' | 'h3'; text: string }[];
  footnotes: { n: number; text: string }[];
};

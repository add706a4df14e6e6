/** The demo's source file (GA resolution 77/176 as Markdown). */
export const DEMO_SOURCE: string;
/** The UN address the demo is shown at (answered locally). */
export const DEMO_URL: string;
/** Converts the demo Markdown subset to HTML. */
export function markdownToHtml(md: string): string;
/** The whole demo page as HTML. */
export function renderDemoPage(md?: string): string;

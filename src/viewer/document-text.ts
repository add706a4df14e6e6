/**
 * Reading the PDF's text: each page's text items are read once (rendering, annotation and find share them) and
 * annotated with the core finder plus the shipped gazetteer; page N is annotated from the text of pages
 * N-1..N+1 (annotate.ts), so the first page is annotated before the rest of the document is read.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { findCitations, type InstrumentMatcher } from '../core/find';
import type { Identity } from '../core/mention';
import { browser } from '../shared/browser';
import { shippedGazetteer } from '../shared/shipped-gazetteer';
import {
  annotatePage,
  documentIdentity,
  type FindFn,
  type PageAnnotation,
  pageBuildOptions,
} from './annotate';
import { buildPageText, type PageText, type TextItemLike } from './pdf-text';
import { state } from './state';

let gazetteer: InstrumentMatcher | undefined;
/** The finder the viewer runs: the core finder with the instrument gazetteer once it is loaded. */
export const find: FindFn = (text, options) =>
  findCitations(text, gazetteer ? { ...options, gazetteer } : options);

/**
 * Instrument titles ("Paris Agreement") from the gazetteer the extension ships. Without it the viewer still
 * finds every numbered citation.
 */
export async function loadGazetteer(): Promise<void> {
  gazetteer = await shippedGazetteer((p) => browser.runtime.getURL(p))();
  if (gazetteer) performance.mark('viewer:gazetteer');
}

const textJobs = new Map<number, Promise<PageText | undefined>>();

/** The page's text (read once: rendering, annotation and find share it). */
export function pageText(i: number): Promise<PageText | undefined> {
  const doc = state.doc;
  if (!doc || i < 0 || i >= doc.numPages) return Promise.resolve(undefined);
  let job = textJobs.get(i);
  if (!job) {
    job = readPageText(doc, i);
    textJobs.set(i, job);
  }
  return job;
}

async function readPageText(doc: PDFDocumentProxy, i: number): Promise<PageText | undefined> {
  const page = await doc.getPage(i + 1);
  // Without `includeMarkedContent` every entry is a text item, so item i is text-layer span i.
  const content = await page.getTextContent();
  const items = content.items as TextItemLike[];
  state.contents[i] = content;
  state.items[i] = items;
  // Page 1 first: its masthead gives the identity every later page needs for its running heads.
  const first = i === 0 ? undefined : await pageText(0);
  const text = buildPageText(items, pageBuildOptions(i, page.view, first));
  state.texts[i] = text;
  return text;
}

/** The citations of page `i` (annotated once, from pages i-1..i+1). */
export async function annotation(i: number): Promise<PageAnnotation> {
  const have = state.annotations[i];
  if (have) return have;
  await Promise.all([pageText(i - 1), pageText(i), pageText(i + 1)]);
  const done = state.annotations[i]; // another caller finished while this one waited
  if (done) return done;
  const result = annotatePage(state.texts, i, find, state.identity);
  state.annotations[i] = result;
  if (i === 0) state.lang = result.lang;
  return result;
}

/**
 * The document's identity: page 1's masthead symbol, else page 2's running head (read only then, so a document
 * with a masthead draws its first page without waiting for the second), else the finder's reading of page 1.
 */
export async function readIdentity(): Promise<Identity> {
  const first = await pageText(0);
  if (!first?.mastheadSymbol) await pageText(1);
  return documentIdentity(state.texts, find);
}

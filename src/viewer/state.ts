/**
 * The viewer page's state: the open document, its page slots, what has been read and annotated, the zoom and
 * the find hits. One object that every part of the viewer reads and writes; exposed read-only on
 * `globalThis.__unViewer` for the e2e tests and the benchmark.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { Identity, Lang } from '../core/mention';
import { defaults, type Settings } from '../shared/settings';
import type { PageAnnotation } from './annotate';
import type { FindHit } from './find-text';
import type { PageText, TextItemLike } from './pdf-text';

/** An element of the viewer page by id. */
export const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** One page's place in the viewer (sized before it renders, so the scroll height is right from the start). */
export interface Slot {
  index: number;
  el: HTMLDivElement;
  width: number;
  height: number;
  /** Scale the current canvas/text layer were made at (0 = nothing rendered). */
  renderedAt: number;
  rendering?: Promise<void>;
  textDivs?: HTMLElement[];
}

/** Everything the page knows. */
export const state = {
  file: '',
  doc: undefined as PDFDocumentProxy | undefined,
  slots: [] as Slot[],
  items: [] as (TextItemLike[] | undefined)[],
  contents: [] as (Awaited<ReturnType<PDFPageProxy['getTextContent']>> | undefined)[],
  texts: [] as (PageText | undefined)[],
  annotations: [] as (PageAnnotation | undefined)[],
  identity: { spans: [] } as Identity,
  lang: 'en' as Lang,
  scale: 1,
  zoom: 'page-width' as string,
  hits: [] as FindHit[],
  hit: -1,
  settings: defaults as Settings,
  /** ms from navigation start to the first page annotated (the `pdf_first_page_ms` benchmark figure). */
  firstPageMs: undefined as number | undefined,
};
(globalThis as { __unViewer?: typeof state }).__unViewer = state;

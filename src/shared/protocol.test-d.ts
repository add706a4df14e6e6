/**
 * Type tests of the protocol (checked by `tsc --noEmit`, part of `npm test`): the sender's payload and reply
 * types follow from the message name, and wrong payloads do not compile.
 */
import { expectTypeOf } from 'vitest';
import type { Card, SearchHit, Trace } from '../core/index/types';
import type { Handlers, sendToTab, sendToWorker } from './messaging';
import type { PageMention, PageScan, Req, Res, Result, TabProtocol, WorkerProtocol } from './protocol';

type Send = typeof sendToWorker;

expectTypeOf<Res<WorkerProtocol, 'lookup'>>().toEqualTypeOf<Card>();
expectTypeOf<Res<WorkerProtocol, 'search'>>().toEqualTypeOf<SearchHit[]>();
expectTypeOf<Res<WorkerProtocol, 'trace'>>().toEqualTypeOf<Trace>();
expectTypeOf<ReturnType<typeof sendToWorker<'lookup'>>>().toEqualTypeOf<Promise<Result<Card>>>();
expectTypeOf<Req<WorkerProtocol, 'search'>>().toEqualTypeOf<{
  query: string;
  limit?: number;
  lang?: import('../core/mention').Lang;
}>();
expectTypeOf<Res<TabProtocol, 'pageCitations'>['mentions']>().toEqualTypeOf<PageMention[]>();
// The scan's state and the scanner's own longest slice travel with the mentions (the page benchmark reads them).
expectTypeOf<Res<TabProtocol, 'pageCitations'>['scan']>().toEqualTypeOf<PageScan>();
expectTypeOf<PageScan>().toEqualTypeOf<{
  idle: boolean;
  slices: number;
  longestSliceMs: number;
  startedAt: number;
  idleAt?: number;
}>();
expectTypeOf<Parameters<typeof sendToTab<'highlightMention'>>[2]>().toEqualTypeOf<{ index: number }>();

declare const send: Send;
// @ts-expect-error: lookup needs a key
void send('lookup', {});
// @ts-expect-error: key is a string
void send('lookup', { key: 42 });
// @ts-expect-error: no such message
void send('lookUp', { key: 'A/RES/73/195' });

// A handler map must answer every worker message with the right value type.
const answers = {
  search: () => [],
  openTrace: () => ({ surface: 'tab' as const }),
  ping: () => ({ indexLoaded: true, version: '1' }),
};
// @ts-expect-error: trace is missing
const missing: Handlers<WorkerProtocol> = { ...answers, lookup: (p) => ({ key: p.key }) as Card };
const wrong: Handlers<WorkerProtocol> = {
  ...answers,
  trace: () => ({}) as Trace,
  // @ts-expect-error: lookup must return a Card
  lookup: () => 'A/RES/73/195',
};
void missing;
void wrong;

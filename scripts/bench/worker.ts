/**
 * Worker figures for `npm run bench -- --json`, in real Chromium with the built extension (dist/chrome, rebuilt
 * when missing or older than its sources).
 * - `worker_cold_start_ms`: a fresh service worker from its start to its first answer, as a reader meets it when
 *   hovering a citation after the browser stopped the idle worker (MV3 stops it after 30 s). Timed: from an
 *   extension page calling `runtime.sendMessage` with a `lookup` of a real key and a language, as the content
 *   script's hover card sends it (src/content/worker-calls.ts; the sample's resolutions, a
 *   different shard each time) while no worker runs (stopped through the DevTools protocol, as Chromium stops an
 *   idle one), to that call's reply: the browser starting the worker, the worker's script (one file)
 *   evaluating and adding its listeners, the key's shard being read and inflated (the worker opens the shipped
 *   index without reading its manifest), the reply coming back. Median of {@link RUNS} wakes;
 *   `worker_cold_start_max_ms` the slowest. Each wake is checked to be one: the worker that answered must have
 *   started after the message was sent.
 * - `worker_warm_lookup_ms`: the same message to the running worker right after (the message round trip and a
 *   cached shard), for comparison.
 */

import { CHANNEL } from '../../src/shared/protocol.ts';
import { launchExtension } from '../../test/e2e/harness.ts';
import { median, round } from '../lib/timing.ts';
import { ensureChromeBuild } from './lib/chrome-build.ts';
import type { Targets } from './lib/figures.ts';
import { gaSample } from './lib/ga-sample.ts';

/** The target for a cold worker (a fresh context to its first answer). */
export const targets: Targets = { worker_cold_start_ms: { max: 50 } };

const RUNS = 7;

export default async function (): Promise<Record<string, number>> {
  await ensureChromeBuild();
  const h = await launchExtension();
  try {
    // The options page never messages the worker by itself: every wake below is the bench's message.
    const page = await h.newPage(h.extUrl('src/options/index.html'));
    await page.waitForLoadState('load');
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const sample = gaSample('en');
    const keys = Array.from(
      { length: RUNS },
      (_, i) => sample[Math.floor((i * sample.length) / RUNS)]!.symbol,
    );
    const send = (key: string) =>
      page.evaluate(
        async ([c, k]) => {
          const t0 = performance.now();
          const reply = (await chrome.runtime.sendMessage({
            channel: c,
            type: 'lookup',
            // The content script always names the language it wants the card's links in.
            payload: { key: k, lang: 'en' },
          })) as {
            ok: boolean;
          };
          const t1 = performance.now();
          return { ms: t1 - t0, sentAt: performance.timeOrigin + t0, ok: reply?.ok === true };
        },
        [CHANNEL, key] as const,
      );
    const cold: number[] = [];
    const warm: number[] = [];
    for (const key of keys) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      const r = await send(key);
      if (!r.ok) throw new Error(`lookup of ${key} failed on a cold worker`);
      // The worker that answered: the one whose clock started last. It must have started after the send.
      let started = 0;
      for (const w of h.context.serviceWorkers())
        started = Math.max(started, await w.evaluate(() => performance.timeOrigin).catch(() => 0));
      if (!(started >= r.sentAt))
        throw new Error(`the worker that answered ${key} was already running (not a cold start)`);
      cold.push(r.ms);
      const again = await send(key);
      if (!again.ok) throw new Error(`lookup of ${key} failed on a warm worker`);
      warm.push(again.ms);
    }
    await cdp.detach();
    return {
      worker_cold_start_ms: round(median(cold), 1),
      worker_cold_start_max_ms: round(Math.max(...cold), 1),
      worker_warm_lookup_ms: round(median(warm), 2),
    };
  } finally {
    await h.close();
  }
}

import { describe, expect, test } from 'vitest';
import type { LookupState } from '../card/view-model';
import {
  DWELL_MS,
  GRACE_MS,
  type HoverAction,
  type HoverEffect,
  type HoverState,
  initialHoverState,
  SLOW_LOOKUP_MS,
  step,
} from './hover-state';

const ok: LookupState = {
  status: 'ok',
  card: { key: 'A/RES/73/195', kind: 'resolution', body: 'GA', known: false, entry: undefined, links: [] },
};

/** Runs actions in order; returns the final state and every effect emitted. */
function run(actions: (HoverAction | ((s: HoverState) => HoverAction))[], from = initialHoverState()) {
  let state = from;
  const effects: HoverEffect[] = [];
  for (const a of actions) {
    const r = step(state, typeof a === 'function' ? a(state) : a);
    state = r.state;
    effects.push(...r.effects);
  }
  return { state, effects };
}

const enter = { type: 'enter', target: 'm1', key: 'A/RES/73/195', via: 'pointer' } as const;
const dwell = (s: HoverState): HoverAction => ({ type: 'dwellElapsed', token: s.token });
const done = (s: HoverState): HoverAction => ({ type: 'lookupDone', token: s.token, result: ok });
const grace = (s: HoverState): HoverAction => ({ type: 'graceElapsed', token: s.token, grace: s.grace ?? 0 });

describe('hover card state machine', () => {
  test('dwell, lookup, open: the timer is the dwell and the lookup names the key', () => {
    const a = run([enter]);
    expect(a.state.phase).toBe('dwelling');
    expect(a.effects).toEqual([{ type: 'timer', ms: DWELL_MS, action: { type: 'dwellElapsed', token: 1 } }]);
    const b = run([enter, dwell]);
    expect(b.effects).toContainEqual({ type: 'lookup', token: 1, key: 'A/RES/73/195' });
    const c = run([enter, dwell, done]);
    expect(c.state.phase).toBe('open');
    expect(c.state.result).toEqual(ok);
    expect(c.effects.at(-1)).toEqual({ type: 'render' });
  });

  test('a pointer that only passes over does no work', () => {
    const { state, effects } = run([
      enter,
      { type: 'leave', target: 'm1' },
      { type: 'dwellElapsed', token: 1 },
    ]);
    expect(state.phase).toBe('idle');
    expect(effects.some((e) => e.type === 'lookup')).toBe(false);
  });

  test('a stale lookup answer (user moved to another citation) is dropped', () => {
    const first = run([enter, dwell]);
    const staleToken = first.state.token;
    const { state, effects } = run(
      [
        { type: 'leave', target: 'm1' },
        { type: 'enter', target: 'm2', key: 'S/RES/2334(2016)', via: 'pointer' },
        { type: 'lookupDone', token: staleToken, result: ok },
      ],
      first.state,
    );
    expect(state.phase).toBe('dwelling');
    expect(state.target).toBe('m2');
    expect(effects.some((e) => e.type === 'render')).toBe(false);
  });

  test('leaving starts the grace period; entering the card keeps it open', () => {
    const open = run([enter, dwell, done]).state;
    const left = run([{ type: 'leave', target: 'm1' }], open);
    expect(left.state.phase).toBe('leaving');
    expect(left.effects).toEqual([
      { type: 'timer', ms: GRACE_MS, action: { type: 'graceElapsed', token: open.token, grace: 1 } },
    ]);
    const kept = run([{ type: 'leave', target: 'm1' }, { type: 'cardEnter' }, grace], open);
    expect(kept.state.phase).toBe('open');
    expect(kept.effects.some((e) => e.type === 'hide')).toBe(false);
  });

  test('leave, come back, leave again: only the latest grace timer closes the card', () => {
    const open = run([enter, dwell, done]).state;
    const first = run([{ type: 'leave', target: 'm1' }], open);
    const firstTimer = first.effects[0]!;
    expect(firstTimer.type).toBe('timer');
    const again = run([{ type: 'cardEnter' }, { type: 'cardLeave' }], first.state);
    // The first leave's timer fires while the second grace period runs: the card stays.
    const stale = run([(firstTimer as { action: HoverAction }).action], again.state);
    expect(stale.state.phase).toBe('leaving');
    expect(stale.effects).toEqual([]);
    const closed = run([grace], again.state);
    expect(closed.state.phase).toBe('idle');
    expect(closed.effects).toEqual([{ type: 'hide' }]);
  });

  test('grace elapsed closes the card', () => {
    const open = run([enter, dwell, done]).state;
    const { state, effects } = run([{ type: 'cardEnter' }, { type: 'cardLeave' }, grace], open);
    expect(state.phase).toBe('idle');
    expect(effects.at(-1)).toEqual({ type: 'hide' });
  });

  test('Escape closes at once and gives focus back when the card was opened from the keyboard', () => {
    const viaFocus = run([{ ...enter, via: 'focus' }, dwell, done, { type: 'escape' }]);
    expect(viaFocus.state.phase).toBe('idle');
    expect(viaFocus.effects.slice(-2)).toEqual([{ type: 'hide' }, { type: 'focusTarget', target: 'm1' }]);
    const viaPointer = run([enter, dwell, done, { type: 'escape' }]);
    expect(viaPointer.effects.at(-1)).toEqual({ type: 'hide' });
  });

  test('a slow worker shows the loading card, then the answer', () => {
    const { state, effects } = run([enter, dwell, (s) => ({ type: 'slowElapsed', token: s.token }), done]);
    expect(effects).toContainEqual({
      type: 'timer',
      ms: SLOW_LOOKUP_MS,
      action: { type: 'slowElapsed', token: 1 },
    });
    expect(effects.filter((e) => e.type === 'render')).toHaveLength(2);
    expect(state.result).toEqual(ok);
  });

  test('click/Enter opens without the dwell', () => {
    const { state, effects } = run([{ type: 'activate', target: 'm1', key: 'A/RES/73/195' }]);
    expect(state.phase).toBe('loading');
    expect(effects[0]).toEqual({ type: 'lookup', token: 1, key: 'A/RES/73/195' });
  });

  test('next occurrence keeps the card and drops the old grace timer', () => {
    const open = run([enter, dwell, done, { type: 'leave', target: 'm1' }]).state;
    const { state } = run(
      [
        { type: 'show', target: 'm7', key: 'A/RES/73/195' },
        { type: 'graceElapsed', token: open.token, grace: open.grace ?? 0 },
      ],
      open,
    );
    expect(state.phase).toBe('open');
    expect(state.target).toBe('m7');
  });

  test('the hover delay setting changes the dwell timer', () => {
    const { effects } = run([{ type: 'setDwell', ms: 400 }, enter]);
    expect(effects).toEqual([{ type: 'timer', ms: 400, action: { type: 'dwellElapsed', token: 1 } }]);
  });
});

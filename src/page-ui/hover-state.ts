/**
 * The hover card's interaction as a pure state machine (Page Previews `actions.js` + `reducers/preview.js`):
 * `step(state, action)` returns the next state and the effects the controller must run (timers, lookups,
 * render, hide). Each interaction gets a token; a timer or a lookup answer carrying an older token is dropped,
 * so a slow worker reply can never open a card the user has already left.
 */
import type { LookupState } from '../card/view-model';

/**
 * Dwell before any work starts: Page Previews' FETCH_START_DELAY (150 ms). Shorter and a pointer that only
 * crosses a citation on its way elsewhere opens cards; longer and the card feels sluggish. The user setting
 * `hoverDelayMs` overrides it.
 */
export const DWELL_MS = 150;
/**
 * Grace after the pointer leaves the citation or the card: Page Previews' ABANDON_END_DELAY (300 ms), enough
 * to move the pointer across the gap into the card (placement leaves ~8 px) without it closing.
 */
export const GRACE_MS = 300;
/**
 * If the worker has not answered this long after the dwell, show the card in its loading state rather than
 * nothing (a cold service worker loading the index can take a few hundred ms).
 */
export const SLOW_LOOKUP_MS = 250;

/** How the interaction started: focus and click keep the card until Escape or blur. */
export type Via = 'pointer' | 'focus' | 'click';

/** Where the machine is. */
export type Phase = 'idle' | 'dwelling' | 'loading' | 'open' | 'leaving';

/** The machine's state. `target` is the id of the mention element, `key` its citation key. */
export interface HoverState {
  phase: Phase;
  token: number;
  target?: string;
  key?: string;
  via?: Via;
  result?: LookupState;
  dwellMs: number;
  /**
   * Counts grace periods of this interaction. Leaving, coming back and leaving again starts a second grace
   * timer while the first is still pending; only the latest may close the card.
   */
  grace?: number;
}

/** Inputs: DOM events (via the controller), timers and worker answers. */
export type HoverAction =
  | { type: 'enter'; target: string; key: string; via: 'pointer' | 'focus' }
  | { type: 'activate'; target: string; key: string }
  | { type: 'leave'; target: string }
  | { type: 'dwellElapsed'; token: number }
  | { type: 'slowElapsed'; token: number }
  | { type: 'lookupDone'; token: number; result: LookupState }
  | { type: 'cardEnter' }
  | { type: 'cardLeave' }
  | { type: 'graceElapsed'; token: number; grace: number }
  | { type: 'escape' }
  | { type: 'show'; target: string; key: string }
  | { type: 'setDwell'; ms: number };

/** What the controller must do after a step. */
export type HoverEffect =
  | { type: 'timer'; ms: number; action: HoverAction }
  | { type: 'lookup'; token: number; key: string }
  | { type: 'render' }
  | { type: 'hide' }
  | { type: 'focusTarget'; target: string };

/** The state when nothing is shown. */
export function initialHoverState(dwellMs = DWELL_MS): HoverState {
  return { phase: 'idle', token: 0, dwellMs };
}

const idle = (s: HoverState): HoverState => ({ phase: 'idle', token: s.token + 1, dwellMs: s.dwellMs });

/** The pointer left the citation or the card: start a grace period that only its own timer can end. */
function startGrace(s: HoverState): { state: HoverState; effects: HoverEffect[] } {
  const grace = (s.grace ?? 0) + 1;
  return {
    state: { ...s, phase: 'leaving', grace },
    effects: [{ type: 'timer', ms: GRACE_MS, action: { type: 'graceElapsed', token: s.token, grace } }],
  };
}

/** One transition. Pure: the same state and action always give the same result. */
export function step(s: HoverState, a: HoverAction): { state: HoverState; effects: HoverEffect[] } {
  const same = (state: HoverState, effects: HoverEffect[] = []) => ({ state, effects });
  const shown = s.phase === 'open' || s.phase === 'leaving';
  switch (a.type) {
    case 'setDwell':
      return same({ ...s, dwellMs: a.ms });
    case 'enter': {
      if (a.target === s.target && s.phase !== 'idle') {
        // Back on the same citation within the grace period: keep the card.
        return same(s.phase === 'leaving' ? { ...s, phase: 'open' } : s);
      }
      const token = s.token + 1;
      return same(
        { phase: 'dwelling', token, target: a.target, key: a.key, via: a.via, dwellMs: s.dwellMs },
        [
          ...(shown ? [{ type: 'hide' } as const] : []),
          { type: 'timer', ms: s.dwellMs, action: { type: 'dwellElapsed', token } },
        ],
      );
    }
    case 'activate': {
      if (a.target === s.target && shown) return same({ ...s, phase: 'open', via: 'click' });
      const token = s.token + 1;
      return same(
        { phase: 'loading', token, target: a.target, key: a.key, via: 'click', dwellMs: s.dwellMs },
        [
          { type: 'lookup', token, key: a.key },
          { type: 'timer', ms: SLOW_LOOKUP_MS, action: { type: 'slowElapsed', token } },
        ],
      );
    }
    case 'dwellElapsed':
      if (a.token !== s.token || s.phase !== 'dwelling' || !s.key) return same(s);
      return same({ ...s, phase: 'loading' }, [
        { type: 'lookup', token: s.token, key: s.key },
        { type: 'timer', ms: SLOW_LOOKUP_MS, action: { type: 'slowElapsed', token: s.token } },
      ]);
    case 'slowElapsed':
      if (a.token !== s.token || s.phase !== 'loading') return same(s);
      return same({ ...s, phase: 'open', result: { status: 'loading' } }, [{ type: 'render' }]);
    case 'lookupDone':
      if (a.token !== s.token || (s.phase !== 'loading' && !shown)) return same(s);
      return same({ ...s, phase: s.phase === 'leaving' ? 'leaving' : 'open', result: a.result }, [
        { type: 'render' },
      ]);
    case 'leave':
      if (a.target !== s.target) return same(s);
      if (s.phase === 'dwelling' || s.phase === 'loading') return same(idle(s));
      return s.phase === 'open' ? startGrace(s) : same(s);
    case 'cardEnter':
      return same(s.phase === 'leaving' ? { ...s, phase: 'open' } : s);
    case 'cardLeave':
      return s.phase === 'open' ? startGrace(s) : same(s);
    case 'graceElapsed':
      if (a.token !== s.token || a.grace !== (s.grace ?? 0) || s.phase !== 'leaving') return same(s);
      return same(idle(s), [{ type: 'hide' }]);
    case 'escape': {
      if (s.phase === 'idle') return same(s);
      const back: HoverEffect[] =
        s.target && s.via !== 'pointer' ? [{ type: 'focusTarget', target: s.target }] : [];
      return same(idle(s), [...(shown ? [{ type: 'hide' } as const] : []), ...back]);
    }
    case 'show':
      // Next/previous occurrence: same key, so the answer stays valid; a new token drops pending timers.
      if (!shown || a.key !== s.key) return same(s);
      return same({ ...s, phase: 'open', token: s.token + 1, target: a.target }, [{ type: 'render' }]);
  }
}

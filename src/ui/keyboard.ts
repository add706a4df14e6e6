/**
 * Keyboard model of the search box (WAI-ARIA combobox with a listbox popup): which key does what, as a
 * pure function of the key event and the list state, so the bindings are unit-tested without a DOM.
 *
 * Focus stays in the text field the whole time (the listbox is driven through `aria-activedescendant`),
 * so keys that edit text (letters, Home/End, Backspace) are left to the field.
 */

/** What a key press asks the search box to do. */
export type ListAction =
  | { type: 'move'; to: number }
  | { type: 'open' }
  | { type: 'trace' }
  | { type: 'copy' }
  | { type: 'clear' }
  | { type: 'none' };

/** The parts of a `KeyboardEvent` the model reads. */
export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
  /** Physical key (`KeyC`): Alt+C types "ç" on a Mac keyboard, so the letter shortcut reads the code. */
  code?: string;
}

/** How far PageUp/PageDown jump: about one screen of compact result rows in the popup. */
export const PAGE_STEP = 5;

const NONE: ListAction = { type: 'none' };

/**
 * Maps a key press to an action.
 * - ArrowDown/ArrowUp move the active result and wrap (from "none", Up goes to the last one);
 *   PageDown/PageUp jump {@link PAGE_STEP} and stop at the ends.
 * - Enter opens the active result (the first when none is active yet); Shift+Enter traces it.
 * - Ctrl/Cmd+C copies the active (else first) result's citation when the field has no text selected (a selection in the
 *   field keeps the usual copy); Alt+C always copies.
 * - Escape clears a non-empty field; on an empty field it is left alone (the popup closes).
 * @param active index of the active result, -1 when none
 * @param count number of results
 * @param fieldHasSelection whether the text field has selected text
 * @param fieldEmpty whether the text field is empty
 */
export function listKeyAction(
  e: KeyInput,
  active: number,
  count: number,
  fieldHasSelection = false,
  fieldEmpty = false,
): ListAction {
  const mod = Boolean(e.ctrlKey || e.metaKey);
  switch (e.key) {
    case 'ArrowDown':
      if (count === 0 || mod || e.altKey) return NONE;
      return { type: 'move', to: active < 0 || active >= count - 1 ? 0 : active + 1 };
    case 'ArrowUp':
      if (count === 0 || mod || e.altKey) return NONE;
      return { type: 'move', to: active <= 0 ? count - 1 : active - 1 };
    case 'PageDown':
      if (count === 0) return NONE;
      return { type: 'move', to: Math.min(count - 1, Math.max(active, 0) + PAGE_STEP) };
    case 'PageUp':
      if (count === 0) return NONE;
      return { type: 'move', to: Math.max(0, active - PAGE_STEP) };
    case 'Enter':
      if (count === 0 || mod || e.altKey) return NONE;
      return e.shiftKey ? { type: 'trace' } : { type: 'open' };
    case 'Escape':
      return fieldEmpty ? NONE : { type: 'clear' };
    default:
      break;
  }
  const isC = e.code === 'KeyC' || e.key.toLowerCase() === 'c';
  if (isC && count > 0) {
    if (e.altKey && !mod) return { type: 'copy' };
    if (mod && !e.altKey && !e.shiftKey && !fieldHasSelection) return { type: 'copy' };
  }
  return NONE;
}

/** The index an action applies to: the active result, or the first one when none is active. */
export function targetIndex(active: number, count: number): number {
  if (count === 0) return -1;
  return active >= 0 && active < count ? active : 0;
}

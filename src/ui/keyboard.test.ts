import { describe, expect, test } from 'vitest';
import { type KeyInput, type ListAction, listKeyAction, PAGE_STEP, targetIndex } from './keyboard';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, ...mods });

describe('listKeyAction', () => {
  // [what, key, active, count, fieldHasSelection, fieldEmpty, expected]
  const cases: [string, KeyInput, number, number, boolean, boolean, ListAction][] = [
    ['Down from none goes to the first', key('ArrowDown'), -1, 5, false, false, { type: 'move', to: 0 }],
    ['Down moves one', key('ArrowDown'), 1, 5, false, false, { type: 'move', to: 2 }],
    ['Down wraps from the last', key('ArrowDown'), 4, 5, false, false, { type: 'move', to: 0 }],
    ['Up from none goes to the last', key('ArrowUp'), -1, 5, false, false, { type: 'move', to: 4 }],
    ['Up wraps from the first', key('ArrowUp'), 0, 5, false, false, { type: 'move', to: 4 }],
    ['Up moves one', key('ArrowUp'), 3, 5, false, false, { type: 'move', to: 2 }],
    ['arrows do nothing without results', key('ArrowDown'), -1, 0, false, false, { type: 'none' }],
    ['Alt+Down is the browser’s', key('ArrowDown', { altKey: true }), 0, 5, false, false, { type: 'none' }],
    ['PageDown jumps and stops at the end', key('PageDown'), 17, 20, false, false, { type: 'move', to: 19 }],
    ['PageDown from none', key('PageDown'), -1, 20, false, false, { type: 'move', to: PAGE_STEP }],
    ['PageUp jumps and stops at the start', key('PageUp'), 3, 20, false, false, { type: 'move', to: 0 }],
    ['Enter opens', key('Enter'), 2, 5, false, false, { type: 'open' }],
    [
      'Enter with no active result still opens (the first)',
      key('Enter'),
      -1,
      5,
      false,
      false,
      { type: 'open' },
    ],
    ['Shift+Enter traces', key('Enter', { shiftKey: true }), 2, 5, false, false, { type: 'trace' }],
    ['Enter with no results does nothing', key('Enter'), -1, 0, false, false, { type: 'none' }],
    ['Ctrl+Enter is left alone', key('Enter', { ctrlKey: true }), 0, 5, false, false, { type: 'none' }],
    [
      'Ctrl+C copies the citation',
      key('c', { ctrlKey: true, code: 'KeyC' }),
      0,
      5,
      false,
      false,
      { type: 'copy' },
    ],
    [
      'Cmd+C copies on a Mac',
      key('c', { metaKey: true, code: 'KeyC' }),
      1,
      5,
      false,
      false,
      { type: 'copy' },
    ],
    [
      'Ctrl+C with text selected in the field copies the text',
      key('c', { ctrlKey: true }),
      0,
      5,
      true,
      false,
      { type: 'none' },
    ],
    [
      'Alt+C copies even with a selection (Mac: the key types ç)',
      key('ç', { altKey: true, code: 'KeyC' }),
      0,
      5,
      true,
      false,
      { type: 'copy' },
    ],
    [
      'Ctrl+Shift+C is the browser’s',
      key('C', { ctrlKey: true, shiftKey: true, code: 'KeyC' }),
      0,
      5,
      false,
      false,
      { type: 'none' },
    ],
    ['a plain c is typed', key('c', { code: 'KeyC' }), 0, 5, false, false, { type: 'none' }],
    [
      'Ctrl+C without results is the usual copy',
      key('c', { ctrlKey: true }),
      -1,
      0,
      false,
      false,
      { type: 'none' },
    ],
    ['Escape clears a typed query', key('Escape'), 0, 5, false, false, { type: 'clear' }],
    ['Escape on an empty field closes the popup', key('Escape'), -1, 0, false, true, { type: 'none' }],
    ['letters are typed', key('7'), 0, 5, false, false, { type: 'none' }],
    ['Home stays with the text field', key('Home'), 3, 5, false, false, { type: 'none' }],
  ];
  test.each(cases)('%s', (_what, e, active, count, sel, empty, expected) => {
    expect(listKeyAction(e, active, count, sel, empty)).toEqual(expected);
  });
});

describe('targetIndex', () => {
  test.each([
    [2, 5, 2],
    [-1, 5, 0],
    [7, 5, 0],
    [-1, 0, -1],
  ])('active %i of %i → %i', (active, count, expected) => {
    expect(targetIndex(active, count)).toBe(expected);
  });
});

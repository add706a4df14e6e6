/**
 * Keyboard and screen-reader behaviour of a mark, set when it is created (kept out of the lazily loaded card
 * code: marks must be focusable and described before anyone hovers one).
 */

/** Gives a mention's head mark its focus stop, role and description. */
export function prepareMark(head: HTMLElement): void {
  // With a page link inside or around it, the link is the focus stop (its focus opens the card) and no
  // interactive role is nested in another; elsewhere the mark is the stop.
  if (!head.closest('a[href]') && !head.querySelector('a[href]')) {
    head.tabIndex = 0;
    head.setAttribute('role', 'button');
  }
  head.setAttribute('aria-haspopup', 'dialog');
  head.setAttribute('aria-expanded', 'false');
  // aria-describedby cannot point into the card's shadow root; the ARIA 1.3 description can carry the hint.
  head.setAttribute('aria-description', 'UN citation: press Enter for details');
}

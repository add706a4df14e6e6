/** The viewer's toolbar and keyboard shortcuts: page navigation, zoom, find, "Trace this document". */
import { sendToWorker } from '../shared/messaging';
import { runFind } from './find-in-page';
import { applyZoom, currentPage, goToPage, MAX_SCALE, MIN_SCALE } from './pages';
import { $, state } from './state';

const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/** Wires the toolbar's controls and the page's shortcuts. */
export function wireToolbar(): void {
  $('prev-page').addEventListener('click', () => goToPage(currentPage() - 1));
  $('next-page').addEventListener('click', () => goToPage(currentPage() + 1));
  $('page-number').addEventListener('change', (e) =>
    goToPage(Number((e.target as HTMLInputElement).value) - 1),
  );
  // Enter jumps to the top of the page even when the number did not change (no change event then).
  $('page-number').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') goToPage(Number((e.target as HTMLInputElement).value) - 1);
  });
  $('zoom').addEventListener('change', (e) => void applyZoom((e.target as HTMLSelectElement).value));
  const stepZoom = (dir: 1 | -1) => {
    const next =
      dir === 1
        ? (ZOOM_STEPS.find((z) => z > state.scale + 0.01) ?? MAX_SCALE)
        : ([...ZOOM_STEPS].reverse().find((z) => z < state.scale - 0.01) ?? MIN_SCALE);
    void applyZoom(String(next));
  };
  $('zoom-in').addEventListener('click', () => stepZoom(1));
  $('zoom-out').addEventListener('click', () => stepZoom(-1));
  $('find-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void runFind(($('find') as HTMLInputElement).value, 1);
  });
  $('find-prev').addEventListener('click', () => void runFind(($('find') as HTMLInputElement).value, -1));
  $('find').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.shiftKey) {
      e.preventDefault();
      void runFind(($('find') as HTMLInputElement).value, -1);
    } else if (e.key === 'Escape') {
      ($('find') as HTMLInputElement).value = '';
      void runFind('', 1);
    }
  });
  $('trace-doc').addEventListener('click', () => {
    if (state.identity.key) void sendToWorker('openTrace', { key: state.identity.key });
  });
  document.addEventListener('keydown', (e) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      ($('find') as HTMLInputElement).select();
    } else if (mod && (e.key === '=' || e.key === '+')) {
      e.preventDefault();
      stepZoom(1);
    } else if (mod && e.key === '-') {
      e.preventDefault();
      stepZoom(-1);
    } else if (e.altKey && e.key === 'PageDown') {
      e.preventDefault();
      goToPage(currentPage() + 1);
    } else if (e.altKey && e.key === 'PageUp') {
      e.preventDefault();
      goToPage(currentPage() - 1);
    }
  });
  let ticking = false;
  document.addEventListener(
    'scroll',
    () => {
      if (ticking) return;
      ticking = true;
      requestAnimationFrame(() => {
        ticking = false;
        const input = $('page-number') as HTMLInputElement;
        if (document.activeElement !== input) input.value = String(currentPage() + 1);
      });
    },
    { passive: true },
  );
}

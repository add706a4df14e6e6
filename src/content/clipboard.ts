/** Copying a citation from a card on a page. */

/** Writes `text` to the clipboard; falls back to the classic selection copy, which works on a click. */
export async function copyText(doc: Document, text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (no focus, older browser): the classic selection copy still works on a click.
    const ta = doc.createElement('textarea');
    ta.value = text;
    ta.style.setProperty('position', 'fixed');
    ta.style.setProperty('opacity', '0');
    doc.documentElement.append(ta);
    ta.select();
    const ok = doc.execCommand('copy');
    ta.remove();
    return ok;
  }
}

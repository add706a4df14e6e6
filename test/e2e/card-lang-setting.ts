/**
 * The card-language setting chosen on the options page, as a reader does: its menu, labelled in the browser's
 * UI language, then a wait until the choice is stored.
 */
import { localeMessages } from '../unit/i18n-locale';
import { type Harness, waitFor } from './harness';

/** Chooses the card language (`page`, `browser` or a language) on the options page of a browser in `uiLocale`. */
export async function setCardLang(
  h: Harness,
  value: string,
  uiLocale: Parameters<typeof localeMessages>[0] = 'en',
): Promise<void> {
  const options = await h.newPage(h.extUrl('src/options/index.html'));
  const select = options.getByLabel(localeMessages(uiLocale).optionsCardLangLabel!.message);
  await waitFor(() => select.locator('option').count(), 10_000, 'the card language menu');
  await select.selectOption(value);
  await waitFor(
    () =>
      options.evaluate(
        async (v) =>
          ((await chrome.storage.sync.get('settings')).settings as { cardLang?: string } | undefined)
            ?.cardLang === v,
        value,
      ),
    5000,
    'the setting saved',
  );
  await options.close();
}

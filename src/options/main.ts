/**
 * Options page: sites (UN sites on by default, one click each; other sites added with the optional host
 * permission), link language, hover delay, UN PDFs in the viewer (and the sites sent back to the browser's PDF
 * viewer), kinds to mark, and the About section crediting the United Nations.
 * Every control saves at once to `storage.sync`; open pages follow through `storage.onChanged`.
 */
import type { Kind, Lang } from '../core/mention';
import { KINDS, LANGS } from '../core/mention';
import { browser, t } from '../shared/browser';
import { localize, uiDir } from '../shared/page-env';
import {
  type CardLangSetting,
  hostMatches,
  loadSettings,
  SETTINGS_KEY,
  type Settings,
  saveSettings,
  UN_SITES,
  withSiteOff,
  withSiteOn,
} from '../shared/settings';
import { hostFromInput, releaseSite, requestSite, syncExtraSites } from './register-sites';

const area = browser.storage.sync;

/** Each language named in itself, as UN language menus do. */
const LANG_NAMES: Record<Lang, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

/** Message names of the kinds' checkbox labels. */
const KIND_NAMES: Record<Kind, string> = {
  resolution: 'optionsKindResolution',
  decision: 'optionsKindDecision',
  document: 'optionsKindDocument',
  treaty: 'optionsKindTreaty',
  sales: 'optionsKindSales',
  instrument: 'optionsKindInstrument',
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let settings: Settings;

function flash(text: string): void {
  const saved = $('saved');
  saved.textContent = text;
  setTimeout(() => {
    if (saved.textContent === text) saved.textContent = '';
  }, 2000);
}

async function save(change: Partial<Settings>): Promise<void> {
  settings = await saveSettings(area, change);
  flash(t('optionsSaved'));
  render();
}

function checkboxRow(
  id: string,
  label: string,
  checked: boolean,
  onChange: (on: boolean) => void,
): HTMLLIElement {
  const li = document.createElement('li');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = id;
  box.checked = checked;
  box.addEventListener('change', () => onChange(box.checked));
  const lab = document.createElement('label');
  lab.htmlFor = id;
  lab.textContent = label;
  li.append(box, lab);
  return li;
}

function renderSites(): void {
  const un = $('un-sites');
  un.replaceChildren(
    ...UN_SITES.map((host) =>
      checkboxRow(
        `site-${host}`,
        host,
        !settings.disabledSites.some((p) => hostMatches(host, p)),
        (on) => void save(on ? withSiteOn(settings, host) : withSiteOff(settings, host)),
      ),
    ),
  );
  removableList(
    $('extra-sites'),
    settings.extraSites,
    'optionsRemoveSite',
    'optionsNoSites',
    async (host) => {
      await save({ extraSites: settings.extraSites.filter((h) => h !== host) });
      await releaseSite(host);
      await syncExtraSites(settings.extraSites);
    },
  );
}

/**
 * A list of hosts, each with a Remove button (`removeLabel`: its accessible name, with the host), or the `empty`
 * message when there are none.
 */
function removableList(
  list: HTMLElement,
  hosts: readonly string[],
  removeLabel: string,
  empty: string,
  onRemove: (host: string) => void | Promise<void>,
): void {
  list.replaceChildren(
    ...hosts.map((host) => {
      const li = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = host;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = t('optionsRemove');
      remove.setAttribute('aria-label', t(removeLabel, [host]));
      remove.addEventListener('click', () => void onRemove(host));
      li.append(name, remove);
      return li;
    }),
  );
  if (hosts.length === 0) {
    const li = document.createElement('li');
    li.className = 'hint';
    li.textContent = t(empty);
    list.append(li);
  }
}

/** The sites whose PDFs the user sent back to the browser's viewer (from the viewer's toolbar), each removable. */
function renderBrowserPdfSites(): void {
  removableList(
    $('browser-pdf-sites'),
    settings.browserPdfSites,
    'optionsPdfBrowserRemove',
    'optionsPdfBrowserNone',
    (host) => save({ browserPdfSites: settings.browserPdfSites.filter((h) => h !== host) }),
  );
}

function render(): void {
  renderSites();
  renderBrowserPdfSites();
  const lang = $<HTMLSelectElement>('link-lang');
  if (lang.options.length === 0) {
    const auto = new Option(t('optionsLangAuto'), 'auto');
    lang.append(auto, ...LANGS.map((l) => new Option(LANG_NAMES[l], l)));
    lang.addEventListener('change', () => void save({ linkLang: lang.value as Lang | 'auto' }));
  }
  lang.value = settings.linkLang;
  // The card's language: the page's (default), the browser's, or one of the six.
  const cardLang = $<HTMLSelectElement>('card-lang');
  if (cardLang.options.length === 0) {
    cardLang.append(
      new Option(t('optionsCardLangPage'), 'page'),
      new Option(t('optionsCardLangBrowser'), 'browser'),
      ...LANGS.map((l) => new Option(LANG_NAMES[l], l)),
    );
    cardLang.addEventListener('change', () => void save({ cardLang: cardLang.value as CardLangSetting }));
  }
  cardLang.value = settings.cardLang;
  const delay = $<HTMLInputElement>('hover-delay');
  delay.value = String(settings.hoverDelayMs);
  $<HTMLInputElement>('open-pdfs').checked = settings.openPdfsInViewer;
  const kinds = $('kinds');
  kinds.replaceChildren(
    ...KINDS.map((k) =>
      checkboxRow(`kind-${k}`, t(KIND_NAMES[k]), settings.kinds[k], (on) => {
        void save({ kinds: { ...settings.kinds, [k]: on } });
      }),
    ),
  );
}

async function showAttribution(): Promise<void> {
  try {
    // A packaged file of the extension itself, not a network request.
    const res = await fetch(browser.runtime.getURL('index/manifest.json'));
    const m = (await res.json()) as { attribution?: string[] };
    $('attribution').replaceChildren(
      ...(m.attribution ?? []).map((line) => {
        const li = document.createElement('li');
        li.textContent = line;
        // The credits are English data lines: in a right-to-left page they still read left to right
        // (otherwise their closing period and parenthesis jump to the start of the line).
        li.lang = 'en';
        li.dir = 'ltr';
        return li;
      }),
    );
  } catch {
    // No index in this build: the About text above still credits the source.
  }
}

async function main(): Promise<void> {
  localize(document);
  // An Arabic browser reads the page right to left, as it does the popup and the trace view.
  document.documentElement.dir = uiDir();
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.documentElement.lang = browser.i18n.getUILanguage();
  settings = await loadSettings(area);
  render();
  void showAttribution();

  $<HTMLInputElement>('hover-delay').addEventListener('change', (e) => {
    const v = Number((e.target as HTMLInputElement).value);
    if (Number.isFinite(v)) void save({ hoverDelayMs: v });
  });

  $<HTMLInputElement>('open-pdfs').addEventListener('change', (e) => {
    void save({ openPdfsInViewer: (e.target as HTMLInputElement).checked });
  });

  $<HTMLFormElement>('add-site').addEventListener('submit', (e) => {
    e.preventDefault();
    const input = $<HTMLInputElement>('add-site-input');
    const status = $('add-site-status');
    const host = hostFromInput(input.value);
    if (!host) {
      status.textContent = t('optionsAddSiteInvalid');
      return;
    }
    if (UN_SITES.some((p) => hostMatches(host, p))) {
      void save(withSiteOn(settings, host));
      status.textContent = t('optionsAddSiteUn', [host]);
      return;
    }
    // The permission request must happen in the click itself (a user gesture), before any await.
    void requestSite(host).then(async (granted) => {
      if (!granted) {
        status.textContent = t('optionsAddSiteDenied', [host]);
        return;
      }
      await save({ extraSites: [...new Set([...settings.extraSites, host])] });
      await syncExtraSites(settings.extraSites);
      input.value = '';
      status.textContent = t('optionsAddSiteAdded', [host]);
    });
  });

  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'sync' && changes[SETTINGS_KEY]) {
      void loadSettings(area).then((s) => {
        settings = s;
        render();
      });
    }
  });
}

void main();

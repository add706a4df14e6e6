/**
 * Sites the user adds beyond the UN ones: the optional host permission (asked in the click that adds the site)
 * and a registered content script for them. The script file is the one the manifest already injects on UN
 * sites, read from the built manifest, so the build's hashed file names never have to be known here.
 */
import { browser } from '../shared/browser';

/** Id of the dynamic content-script registration for user-added sites. */
export const EXTRA_SITES_SCRIPT_ID = 'un-citation-lens-extra-sites';

/** Match patterns for a plain host name (`example.org` → http and https pages of that host). */
export function originsFor(host: string): string[] {
  return [`*://${host}/*`];
}

/** Normalizes what a user typed ("https://Example.org/page", "example.org") to a host name, or null. */
export function hostFromInput(input: string): string | null {
  const s = input.trim();
  if (!s) return null;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(s) ? s : `https://${s}`);
    if (!/^https?:$/.test(url.protocol) || !url.hostname.includes('.')) return null;
    return url.hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Asks for the host permission of `host`; must be called synchronously inside a user gesture. */
export function requestSite(host: string): Promise<boolean> {
  return browser.permissions.request({ origins: originsFor(host) });
}

/** Drops the host permission of a removed site (best effort: a UN host stays covered by the manifest). */
export async function releaseSite(host: string): Promise<void> {
  try {
    await browser.permissions.remove({ origins: originsFor(host) });
  } catch {
    // Permissions the manifest requires cannot be removed; nothing to do.
  }
}

/** Registers (or updates, or removes) the content script for the user's extra sites that are permitted. */
export async function syncExtraSites(hosts: readonly string[]): Promise<void> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return;
  const js = browser.runtime.getManifest().content_scripts?.[0]?.js ?? [];
  const allowed: string[] = [];
  for (const h of hosts) {
    if (await browser.permissions.contains({ origins: originsFor(h) })) allowed.push(...originsFor(h));
  }
  const existing = await scripting.getRegisteredContentScripts({ ids: [EXTRA_SITES_SCRIPT_ID] });
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [EXTRA_SITES_SCRIPT_ID] });
  if (allowed.length === 0 || js.length === 0) return;
  await scripting.registerContentScripts([
    { id: EXTRA_SITES_SCRIPT_ID, matches: allowed, js, runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

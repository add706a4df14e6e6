/**
 * One build, two browsers. `manifest.json` at the top level is the SOURCE manifest (Chrome MV3); the Firefox
 * manifest is DERIVED from it here, so there is no second hand-kept copy:
 *   npx vite build                 → dist/chrome   (service worker, side panel)
 *   TARGET=firefox npx vite build  → dist/firefox  (event page `background.scripts`, sidebar_action, gecko id)
 * `npm run build` runs the index build first and then both.
 */
import { readFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';

type Manifest = Record<string, unknown> & {
  version: string;
  permissions?: string[];
  background?: Record<string, unknown>;
  commands?: Record<string, unknown>;
};

/** The add-on id Firefox uses for storage and updates; fixed so that settings survive reinstalls. */
export const GECKO_ID = 'un-citation-lens@un-citation-lens.github.io';

const readJson = (file: string): unknown => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));

/** The Chrome manifest: the source one with the version taken from package.json (one place to bump). */
export function chromeManifest(): Manifest {
  const source = readJson('./manifest.json') as Manifest;
  const pkg = readJson('./package.json') as { version: string };
  return { ...source, version: pkg.version };
}

/**
 * The Firefox manifest, derived from the Chrome one:
 * - Firefox MV3 has no service workers: the same module runs as an event page (`background.scripts`).
 * - No `sidePanel`: the trace view is a `sidebar_action` instead.
 * - `browser_specific_settings.gecko`: a fixed id, the data-collection declaration AMO requires (none), and a
 *   minimum version that has `data_collection_permissions` (web-ext lint checks all three).
 * - `minimum_chrome_version` means nothing to Firefox.
 */
export function firefoxManifest(chrome: Manifest = chromeManifest()): Manifest {
  const { side_panel, minimum_chrome_version: _min, background, permissions, ...rest } = chrome;
  const worker = (background as { service_worker?: string } | undefined)?.service_worker;
  const panel = (side_panel as { default_path?: string } | undefined)?.default_path;
  return {
    ...rest,
    background: { scripts: worker ? [worker] : [], type: 'module' },
    permissions: (permissions ?? []).filter((p) => p !== 'sidePanel'),
    ...(panel
      ? {
          sidebar_action: {
            default_panel: panel,
            default_title: '__MSG_traceViewTitle__',
            default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
            open_at_install: false,
          },
        }
      : {}),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}

const target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

export default defineConfig({
  plugins: [
    crx({
      manifest: (target === 'firefox' ? firefoxManifest() : chromeManifest()) as unknown as ManifestV3Export,
      browser: target,
    }),
  ],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    // pdf.js alone is ~450 kB; the warning would only repeat that on every build.
    chunkSizeWarningLimit: 1500,
    // Vite's preload helper would add <link rel=modulepreload href="/assets/…"> to the PAGE's <head> when the
    // content script lazy-loads its card chunk: a page change and a request to the page's own origin.
    modulePreload: false,
    rollupOptions: {
      // Extension pages the manifest does not name (crxjs only follows manifest entries). The trace page is
      // named by Chrome's side_panel but not by Firefox's sidebar_action, so it is listed for both.
      input: {
        viewer: 'src/viewer/index.html',
        trace: 'src/trace/index.html',
      },
    },
  },
  server: { port: 5199, strictPort: true, hmr: { port: 5199 } },
});

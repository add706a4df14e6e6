/**
 * One build, two browsers. `manifest.json` at the top level is the SOURCE manifest (Chrome MV3); the Firefox
 * manifest is DERIVED from it here, so there is no second hand-kept copy:
 *   npx vite build                 → dist/chrome   (service worker, side panel)
 *   TARGET=firefox npx vite build  → dist/firefox  (event page `background.scripts`, sidebar_action, gecko id)
 * `npm run build` runs the index build first and then both.
 */
import { readFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { build, defineConfig, type Plugin } from 'vite';

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

/**
 * webextension-polyfill as an ES module. The package is a UMD file; bundled as CommonJS, its default import
 * goes through the bundler's interop helper, which copies every own property of what the polyfill returns.
 * Where the browser has a `browser` namespace of its own (Firefox, Chrome 156), the polyfill returns that
 * object, and reading each of its properties makes the browser build every API's bindings: 3 to 5 ms at each
 * start of the background worker (on every wake, before it can answer a hover card) and of each content
 * script. Here the UMD wrapper is given a local `module` and the module exports what it put there.
 */
export function polyfillAsModule(): Plugin {
  return {
    name: 'uncl-polyfill-as-module',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/webextension-polyfill/dist/browser-polyfill.js')) return null;
      return {
        code: `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`,
        map: null,
      };
    },
  };
}

/** The file the background worker is built into (one file; see {@link workerAsOneFile}). */
export const WORKER_FILE = 'background.js';

/** The manifest without its `background`, which {@link workerAsOneFile} builds and declares itself. */
export function withoutBackground(manifest: Manifest): Manifest {
  const { background: _background, ...rest } = manifest;
  return rest;
}

/**
 * The background worker as ONE file, built apart from the extension's other scripts. A service worker cannot
 * load a module later (no `import()`), so every wake loads its whole module graph before it can answer a
 * hover card; built with the pages and the content script, that graph was 11 shared chunks. One file, with
 * the modules it shares with the pages copied in, answered a cold lookup 5 ms sooner (median of 50 wakes,
 * 34.6 against 39.6 ms, the two builds measured in turns). `manifest` is the target's (crxjs is given it
 * without `background`): its `background` names the worker's source, as a service worker (Chrome) or an event
 * page's script (Firefox), and the built manifest keeps that shape with {@link WORKER_FILE} in its place.
 */
export function workerAsOneFile(manifest: Manifest): Plugin {
  const background = manifest.background as { service_worker?: string; scripts?: string[] } | undefined;
  const entry = background?.service_worker ?? background?.scripts?.[0];
  if (!background || !entry) throw new Error('manifest.json: background names no worker entry');
  const built: Record<string, unknown> = background.service_worker
    ? { ...background, service_worker: WORKER_FILE }
    : { ...background, scripts: [WORKER_FILE] };
  return {
    name: 'uncl-worker-as-one-file',
    apply: 'build',
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const result = await build({
          configFile: false,
          logLevel: 'warn',
          publicDir: false,
          plugins: [polyfillAsModule()],
          build: {
            write: false,
            minify: true,
            modulePreload: false,
            rollupOptions: {
              input: new URL(entry, import.meta.url).pathname,
              output: { format: 'es', entryFileNames: WORKER_FILE, inlineDynamicImports: true },
            },
          },
        });
        const outputs = (Array.isArray(result) ? result : [result]).flatMap((o) =>
          'output' in o ? o.output : [],
        );
        const chunks = outputs.filter((o) => o.type === 'chunk');
        if (chunks.length !== 1 || chunks[0]?.fileName !== WORKER_FILE)
          this.error(
            `the worker built into ${outputs.map((o) => o.fileName).join(', ')}, not ${WORKER_FILE} alone`,
          );
        this.emitFile({ type: 'asset', fileName: WORKER_FILE, source: chunks[0].code });
        const emitted = bundle['manifest.json'];
        if (emitted?.type !== 'asset') this.error('crxjs emitted no manifest.json');
        const m = JSON.parse(String(emitted.source)) as Manifest;
        m.background = built;
        emitted.source = `${JSON.stringify(m, null, 2)}\n`;
      },
    },
  };
}

const target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';
const manifest = target === 'firefox' ? firefoxManifest() : chromeManifest();

export default defineConfig({
  plugins: [
    polyfillAsModule(),
    crx({ manifest: withoutBackground(manifest) as unknown as ManifestV3Export, browser: target }),
    workerAsOneFile(manifest),
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

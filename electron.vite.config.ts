import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, CSP_PLACEHOLDER } from './shared/csp';
import { thirdPartyLicenses } from './scripts/third-party-licenses';
import { version } from './package.json';

/** Writes the one Content-Security-Policy (shared/csp.ts) into index.html's meta tag. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'qrri-content-security-policy',
    transformIndexHtml(html) {
      if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`renderer/index.html has no ${CSP_PLACEHOLDER} placeholder`);
      return html.replace(CSP_PLACEHOLDER, CONTENT_SECURITY_POLICY);
    },
  };
}

// Main and preload bundle every package they import (electron-vite externalizes only `electron`,
// Node's built-ins and package.json `dependencies`), so the packaged app carries no node_modules.
// `dependencies` is therefore kept for what cannot be bundled (a native module the app loads);
// today there is none.
export default defineConfig({
  main: {
    plugins: [thirdPartyLicenses('main', version)],
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'main/index.ts') } },
    },
  },
  preload: {
    plugins: [thirdPartyLicenses('preload', version)],
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot be ES modules.
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    // The QR decoder runs in a module worker (renderer/src/decode-worker.ts), bundled as its own file.
    worker: { format: 'es', plugins: () => [thirdPartyLicenses('worker', version)] },
    plugins: [contentSecurityPolicy(), thirdPartyLicenses('renderer', version)],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});

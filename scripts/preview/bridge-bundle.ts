/**
 * Builds the page's half of the development bridge (renderer/preview-bridge.ts) into one ES
 * module with Vite, in memory, once per process. It is never part of the app's build.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BRIDGE_ENTRY = path.join(REPO_ROOT, 'renderer/preview-bridge.ts');

let bundle: Promise<string> | undefined;

async function compile(): Promise<string> {
  const result = await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'silent',
    build: {
      // In memory only; never touch an output folder (dist/ belongs to the CLI build).
      write: false,
      emptyOutDir: false,
      outDir: 'node_modules/.cache/qrri-preview-bridge',
      minify: false,
      sourcemap: 'inline',
      lib: { entry: BRIDGE_ENTRY, formats: ['es'], fileName: 'preview-bridge' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if ('output' in output) {
      const chunk = output.output.find((item) => item.type === 'chunk' && item.isEntry);
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('preview bridge: the build produced no entry chunk');
}

/** The bridge's JavaScript. */
export function bridgeScript(): Promise<string> {
  bundle ??= compile().catch((error: unknown) => {
    bundle = undefined;
    throw error;
  });
  return bundle;
}

/**
 * Builds the command line and the package exports ("./payload", "./decode") as ESM for plain
 * Node into dist/. Packages stay external: the CLI runs from a checkout after `npm install`, where
 * they are all installed. They are devDependencies because the app bundles what it uses and
 * electron-builder packs `dependencies` into the installers (README, "Dependencies").
 * Except the CommonJS decoders every `decode` of a PNG runs: Node parses a CommonJS package
 * imported from ESM twice (its export names, then the code) and resolves each of its files — the
 * export scan of jsqr's 257 kB bundle alone took ~40 ms of the CLI's start-up; bundled, they are
 * parsed once. This also lets the "./decode" export run where jsqr is not installed. @zxing/library
 * is imported through its ESM files, which plain Node cannot load (no "type": "module"): bundled too.
 */
import { chmod } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const BUNDLED = new Set(['jsqr', '@zxing/library', 'ts-custom-error']);
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((name) => !BUNDLED.has(name)),
].map((name) => new RegExp(`^${name}(?:/.*)?$`));

export default defineConfig({
  ssr: { noExternal: [...BUNDLED] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'node22',
    ssr: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: {
        'cli/qr-room-invite': 'cli/qr-room-invite.ts',
        'lib/payload': 'shared/payload/index.ts',
        'lib/decode': 'shared/decode/index.ts',
      },
      external,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'lib/chunks/[name]-[hash].js' },
    },
  },
  plugins: [
    {
      name: 'make-cli-executable',
      async writeBundle() {
        await chmod('dist/cli/qr-room-invite.js', 0o755);
      },
    },
  ],
});

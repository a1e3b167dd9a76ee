/**
 * Builds the command line and the package exports ("./payload", "./decode") as ESM for plain
 * Node into dist/. Packages stay external: the CLI runs from a checkout after `npm install`, where
 * they are all installed. They are devDependencies because the app bundles what it uses and
 * electron-builder packs `dependencies` into the installers (README, "Dependencies").
 */
import { chmod } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }),
].map((name) => new RegExp(`^${name}(?:/.*)?$`));

export default defineConfig({
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

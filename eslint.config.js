// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The boundaries between the folders (README, "Architecture"): only main/ (and the preload)
// import Electron; core/ and renderer/ import shared/ and libraries; shared/ imports no Node
// (and no DOM: tsconfig.shared.json gives it neither lib).
const electronModules = ['electron', 'electron-store', 'electron-log', 'electron-log/*', 'electron-updater'].map((name) => ({
  group: [name],
  message: 'Only main/ and preload/ import Electron; put the logic in core/ and pass the Electron part in.',
}));
const nodeModules = [
  {
    group: ['node:*', ...builtinModules],
    message: 'shared/ and renderer/ run without Node: pass what you need in, or move the code to core/.',
  },
];
const intoFolders = (folders, message) => ({ regex: `^(\\.\\.?/)+(\\.\\./)*(${folders.join('|')})/`, message });
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'bench/.corpus/', '.simulator/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.shared.json', './tsconfig.node.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      ...electronModules,
      ...nodeModules,
      intoFolders(
        ['core', 'main', 'preload', 'renderer', 'cli', 'simulator', 'scripts', 'bench'],
        'shared/ imports nothing of the other folders.',
      ),
    ),
  },
  {
    files: ['core/**/*.ts'],
    rules: restrict(
      ...electronModules,
      intoFolders(['main', 'preload', 'renderer', 'cli', 'simulator', 'scripts', 'bench'], 'core/ imports only shared/ and libraries.'),
    ),
  },
  {
    files: ['renderer/**/*.ts'],
    rules: restrict(
      ...electronModules,
      ...nodeModules,
      intoFolders(
        ['core', 'main', 'preload', 'cli', 'simulator', 'scripts', 'bench'],
        'The renderer reaches main only through the bridge (shared/bridge.ts).',
      ),
    ),
  },
  {
    files: ['cli/**/*.ts', 'simulator/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: restrict(...electronModules, intoFolders(['main', 'preload'], 'Tools run without Electron: use core/.')),
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

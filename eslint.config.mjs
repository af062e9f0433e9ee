// ESLint flat config: typescript-eslint recommended rules plus the house rules from STYLE.md.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import { layerZones } from './eslint.layers.mjs';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'node_modules/**',
      'coverage/**',
      'test-artifacts/**',
      'src/**/public/vendor/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md).' },
      ],
    },
  },
  {
    // Only the config module reads the environment (STYLE.md: config is read once).
    files: ['src/**/*.ts', 'dialogs/**/*.ts'],
    // Entry points hand process.env to loadConfig once; nothing else reads it.
    ignores: ['src/config/**', 'src/main.ts', 'src/**/*.cli.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read settings from Config (src/config), not process.env.',
        },
      ],
    },
  },
  {
    // Layer rules (CONVENTIONS.md): base never imports areas, areas never import channels or the composition
    // root, knowledge never imports agencies or tickets; and no import cycles anywhere in the product code.
    files: ['src/**/*.ts', 'dialogs/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      // no-cycle follows only files it can parse: TypeScript sources through typescript-eslint's parser.
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Jest requires a default export from its globalSetup module.
    files: ['test/helpers/global-setup.ts', 'test/helpers/global-teardown.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// src/core/ is the framework-free engine: it must run unchanged in Node and in the browser.
const coreForbiddenImports = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'zustand/*'],
      message: 'src/core stays framework-free: no React or zustand.',
    },
    {
      group: ['d3-selection', 'd3-zoom', 'd3-transition', 'd3'],
      message: 'src/core stays DOM-free: no d3 DOM modules.',
    },
    {
      group: ['@huggingface/transformers', 'onnxruntime-*', '**/inference/*', '**/state/*', '**/ui/*'],
      message: 'src/core must not depend on models or upper layers (imports only point down).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'public', 'training', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // The Content-Security-Policy (config/csp.ts) refuses eval; model output and imported text are
    // rendered as text only, never parsed as HTML.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text as React children; never as HTML.',
        },
        {
          selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Set textContent or build elements; never parse HTML.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]',
          message: 'Never parse HTML from strings.',
        },
        {
          selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
          message: 'Never parse HTML from strings.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/state/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', coreForbiddenImports],
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'navigator', 'localStorage'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the injected seeded Rng (src/core/rng.ts).' },
      ],
    },
  },
  {
    files: ['src/inference/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/state/*', '**/ui/*', 'react', 'zustand'], message: 'Imports only point down.' },
          ],
        },
      ],
    },
  },
  {
    // The views read the search the store publishes (state/search-snapshot.ts), never the engine.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/state/search-runner',
                '**/state/search-host',
                '**/core/session',
                '**/core/strategies/create',
              ],
              message: 'Views read `search` (the published snapshot); the runner stays in the state layer.',
            },
          ],
        },
      ],
    },
  },
);

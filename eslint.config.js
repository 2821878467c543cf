import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-cli/', 'node_modules/', 'schema/generated/', '.fleetgraph/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: "Identifier[name='__dirname']", message: 'ESM: use import.meta.url' }],
    },
  },
  {
    // Import direction (sim stands alone, src never reaches resolvers) is checked by test/architecture.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/resolvers/*', '**/resolvers'], message: 'src/ never imports resolvers/' }] }],
    },
  },
);

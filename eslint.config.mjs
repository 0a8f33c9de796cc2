// Lint: typescript-eslint's recommended rules plus Mote's layering rule (architecture.md §4).
import tseslint from 'typescript-eslint';
import layering from './scripts/eslint/layering.mjs';

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'e2e/artifacts/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { mote: { rules: { layering } } },
    rules: {
      'mote/layering': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // The VM's generated-code helpers and protocol parsers use control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

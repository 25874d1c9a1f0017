// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'reference-plugins/**/target/',
      'reference-plugins/field/assemblyscript/node_modules/',
      // AssemblyScript by an independent author, kept as written: dist/ is built from it.
      'reference-plugins/field/batch-*/src/',
      // The hand hosts those authors showed their bugs with (try-log.md runs them), as written.
      'reference-plugins/field/batch-*/tools/',
      'reference-plugins/field/batch-*/work/',
      '**/*.generated.ts',
      'test/nested/generated/',
    ],
  },
  js.configs.recommended,
  // The type-checked preset: it catches floating promises, unsafe `any` and unbound methods,
  // which the plain preset cannot see.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { URL: 'readonly', console: 'readonly', process: 'readonly' },
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // vitest's asymmetric matchers (expect.stringContaining) are typed `any` by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
);

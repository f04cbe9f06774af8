import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'
import vueParser from 'vue-eslint-parser'

// Layering (DESIGN §3): only src/services talks to supabase-js; only src/db and
// src/sync touch Dexie. Everyone else goes through stores and composables.
const supabaseOnlyInServices = {
  name: '@supabase/supabase-js',
  message: 'Import supabase-js only in src/services/ (call the service instead).',
}
const dexieOnlyInDb = {
  name: 'dexie',
  message: 'Use Dexie only in src/db/ and src/sync/ (read through stores and useLiveQuery).',
}

export default tseslint.config(
  { ignores: ['dist/**', 'dev-dist/**', 'coverage/**', 'node_modules/**', 'playwright-report/**', 'test-results/**', '.local-data/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
  },
  {
    rules: {
      'vue/multi-word-component-names': 'off',
      // Optional props typed with TypeScript are undefined by design.
      'vue/require-default-prop': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,vue}'],
    ignores: ['src/services/**', 'src/db/**', 'src/sync/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [supabaseOnlyInServices, dexieOnlyInDb] }],
    },
  },
  {
    files: ['src/db/**', 'src/sync/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [supabaseOnlyInServices] }],
    },
  },
  {
    files: ['src/services/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [dexieOnlyInDb] }],
    },
  },
)

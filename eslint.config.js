import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Files that run in the browser: SvelteKit keeps everything else (server modules, endpoints, hooks) out of its bundle. */
const CLIENT = ['src/**/*.svelte', 'src/**/*.ts'];
const SERVER_ONLY = ['src/lib/server/**', 'src/**/+server.ts', 'src/**/*.server.ts', 'src/**/*.d.ts'];

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', '.data/', 'bench/results/', 'data/demo/', 'static/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	{
		rules: {
			// TypeScript checks names itself (svelte-check); the core rule does not know types or globals like App
			'no-undef': 'off',
			// the app is served at the root (no paths.base), and many links are API and feed URLs that resolve() does not type
			'svelte/no-navigation-without-resolve': 'off',
			// it flags every Map, Date and URLSearchParams in a .svelte.ts file, also locals that are never state;
			// the rune classes keep collections in $state.raw and replace them whole
			'svelte/prefer-svelte-reactivity': 'off',
			// `_name` marks a parameter kept for its position
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }]
		}
	},
	{
		// tests and data scripts read JSON of any shape (API answers, GeoJSON files) and check it at run time
		files: ['tests/**', 'data/**', 'bench/**'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		// the browser may not reach server code, not even for types: shared shapes live in $lib/types and $lib/domain
		files: CLIENT,
		ignores: SERVER_ONLY,
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [{ regex: '^\\$lib/server(/|$)', message: 'Browser code may not import from $lib/server; put shared types in $lib/types or $lib/domain.' }]
				}
			]
		}
	}
);

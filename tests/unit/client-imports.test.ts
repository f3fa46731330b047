import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');
const SERVER = join(SRC, 'lib/server');

/** Files that run only on the server: SvelteKit keeps them out of the browser's bundle. */
const serverOnly = (path: string) =>
	path.startsWith(SERVER + '/') ||
	/(^|\/)(\+server|\+page\.server|\+layout\.server|hooks\.server)\.ts$/.test(path) ||
	/\.server\.ts$/.test(path) ||
	path.endsWith('.d.ts');

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return sources(path);
		return /\.(ts|svelte)$/.test(e.name) ? [path] : [];
	});
}

/** Every module a file names: static imports and re-exports, and dynamic `import()`. */
function specifiers(text: string): string[] {
	return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

const reachesServer = (file: string, spec: string) =>
	spec === '$lib/server' || spec.startsWith('$lib/server/') || (spec.startsWith('.') && (resolve(dirname(file), spec) + '/').startsWith(SERVER + '/'));

/** What the pages import from the server's code, file by file. */
function clientImportsOfServer(): string[] {
	return sources(SRC)
		.filter((f) => !serverOnly(f))
		.flatMap((f) =>
			specifiers(readFileSync(f, 'utf8'))
				.filter((s) => reachesServer(f, s))
				.map((s) => `${relative(SRC, f)} → ${s}`)
		);
}

describe('the browser’s code', () => {
	it('imports nothing from $lib/server, not even types (they live in $lib/types and $lib/domain)', () => {
		expect(clientImportsOfServer()).toEqual([]);
	});

	it('is told apart from the server’s by the same rules SvelteKit uses', () => {
		expect(serverOnly(join(SRC, 'routes/api/works/+server.ts'))).toBe(true);
		expect(serverOnly(join(SRC, 'routes/+page.server.ts'))).toBe(true);
		expect(serverOnly(join(SRC, 'lib/server/db/index.ts'))).toBe(true);
		expect(serverOnly(join(SRC, 'routes/+page.svelte'))).toBe(false);
		expect(serverOnly(join(SRC, 'lib/state/work-desk.svelte.ts'))).toBe(false);
		const desk = join(SRC, 'lib/desk/Panel.svelte');
		expect(specifiers("import type { X } from '$lib/server/a';\nexport { Y } from \"../server/b\";\nawait import('$lib/api/client');")).toEqual([
			'$lib/server/a',
			'../server/b',
			'$lib/api/client'
		]);
		expect(reachesServer(desk, '../server/b')).toBe(true);
		expect(reachesServer(desk, '$lib/server')).toBe(true);
		expect(reachesServer(desk, '$lib/server-status')).toBe(false);
		expect(reachesServer(desk, './server-things')).toBe(false);
	});
});

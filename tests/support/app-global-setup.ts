import { existsSync, statSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

function newestMtime(dir: string): number {
	let newest = 0;
	for (const name of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, name.name);
		newest = Math.max(newest, name.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

/** The app tests run against the built server (`npm run build`), as it is deployed. */
export default function setup() {
	const entry = join(root, 'build/index.js');
	if (!existsSync(entry)) {
		throw new Error('The app tests need the built server: run `npm run build` first (`npm test` does).');
	}
	if (newestMtime(join(root, 'src')) > statSync(entry).mtimeMs) {
		throw new Error('build/ is older than src/: run `npm run build` again (`npm test` does).');
	}
}

import { resolve } from 'node:path';
import { builtServer } from './system';

const root = resolve(import.meta.dirname, '../..');

/** The app tests run against the built server (`npm run build`), as it is deployed. */
export default function setup() {
	const state = builtServer(root);
	if (state === 'missing') {
		throw new Error('The app tests need the built server: run `npm run build` first (`npm test` does).');
	}
	if (state === 'stale') {
		throw new Error('build/ is older than src/: run `npm run build` again (`npm test` does).');
	}
}

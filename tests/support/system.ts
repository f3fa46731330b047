import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export function aptInstall(packages: string[]) {
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}

/**
 * A Debian program a test needs (Chromium, GDAL): when it is missing and we are root, install it;
 * otherwise fail saying how — a test is never skipped silently.
 */
export function ensureDebianProgram(path: string, pkg: string): string {
	if (existsSync(path)) return path;
	if (process.getuid?.() !== 0) {
		throw new Error(`${path} is missing: install it with \`sudo apt-get install -y ${pkg}\` and run the tests again.`);
	}
	console.log(`installing ${pkg} from Debian's packages for the tests…`);
	aptInstall([pkg]);
	if (!existsSync(path)) throw new Error(`installing ${pkg} did not provide ${path}`);
	return path;
}

/** A TCP port free on 127.0.0.1 at the moment of asking. */
export function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => ok(port));
		});
	});
}

function newestMtime(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

/** Whether the built server (`build/index.js` under `root`) is there and newer than every file of `src/`. */
export function builtServer(root: string): 'missing' | 'stale' | 'current' {
	const entry = join(root, 'build/index.js');
	if (!existsSync(entry)) return 'missing';
	return newestMtime(join(root, 'src')) > statSync(entry).mtimeMs ? 'stale' : 'current';
}

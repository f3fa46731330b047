import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

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

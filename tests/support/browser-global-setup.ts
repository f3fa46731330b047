import { execFileSync } from 'node:child_process';
import { aptInstall, ensureDebianProgram } from './system';

export const CHROMIUM = '/usr/bin/chromium';

const hasCjkFont = () => {
	try {
		return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
	} catch {
		return false;
	}
};

/**
 * The browser tests drive Debian's Chromium (never a browser download). Where it is missing and we
 * are root, it is installed here, with a small CJK font so the screenshots show Chinese; otherwise
 * the run stops with what to do — a browser test is never skipped silently.
 */
export default function setup() {
	const root = process.getuid?.() === 0;
	ensureDebianProgram(CHROMIUM, 'chromium');
	// A font only makes the screenshots readable; the tests do not depend on it, so failing to get
	// one is said, not fatal.
	if (!hasCjkFont() && root) {
		try {
			aptInstall(['fonts-wqy-microhei']);
		} catch (err) {
			console.warn(`browser tests: could not install fonts-wqy-microhei: ${(err as Error).message}`);
		}
	}
	if (!hasCjkFont()) console.warn('browser tests: no CJK font (fonts-wqy-microhei); Chinese text in screenshots will show as boxes');
}

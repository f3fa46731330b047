import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Every test process, and every server the tests start, runs on one fixed day, the demo's reference
// day, so that no test expires as the calendar moves (tests/support/clock.ts);
// `DIGONCE_TODAY=YYYY-MM-DD npx vitest …` runs them on another.
if (process.env.VITEST) process.env.DIGONCE_TODAY ||= '2026-12-01';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'db',
					include: ['tests/db/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/support/db-global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'app',
					include: ['tests/api/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/support/db-global-setup.ts', 'tests/support/app-global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 180_000
				}
			},
			{
				// real Chromium against the built app; software WebGL is slow, hence the long timeouts
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/support/db-global-setup.ts', 'tests/support/app-global-setup.ts', 'tests/support/browser-global-setup.ts'],
					testTimeout: 120_000,
					hookTimeout: 180_000
				}
			}
		]
	}
});

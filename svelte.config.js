import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// cross-site form posts are still refused: by src/lib/server/http/csrf.ts, which says why
		// in the person's language instead of the framework's bare English 403
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;

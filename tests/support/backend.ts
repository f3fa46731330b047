/** Which database the tests run on: PostgreSQL when a URL is given, otherwise embedded PGlite. */
export const testDatabaseUrl = (): string | undefined => process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

export const backendName = () => (testDatabaseUrl() ? 'postgres' : 'pglite');

export type Template = 'bare' | 'migrated' | 'demo';

export interface Templates {
	backend: 'pglite' | 'postgres';
	/** pglite: data directory of each template; postgres: database name of each template */
	location: Record<Template, string>;
	/** postgres: the URL used to create and drop databases */
	adminUrl?: string;
	/** where per-file copies go */
	workDir: string;
}

export function withDatabase(url: string, database: string): string {
	const u = new URL(url);
	u.pathname = `/${database}`;
	return u.toString();
}

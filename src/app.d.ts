import type { Db } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/session';
import type { Lang } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			db: Db;
			user: SessionUser | null;
			lang: Lang;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};

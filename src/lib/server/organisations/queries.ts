import type { Queryable } from '$lib/server/db';
import type { OrganisationKind } from '$lib/domain/codes';

export interface Organisation {
	id: string;
	name: string;
	short_name: string;
	kind: OrganisationKind;
	hotline: string | null;
}

export async function listOrganisations(db: Queryable, cityCode: string): Promise<Organisation[]> {
	const { rows } = await db.query<Organisation>('SELECT id, name, short_name, kind, hotline FROM organisation WHERE city_code = $1 ORDER BY kind, id', [
		cityCode
	]);
	return rows;
}

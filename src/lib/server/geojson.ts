/**
 * Builds, in SQL, a GeoJSON FeatureCollection (RFC 7946) from an explicit list of properties.
 * What an audience may see is that list: nothing is sent that is not named here. Property
 * expressions are constants of the calling module, never text from a request.
 */
export interface FeatureQuery {
	from: string;
	id: string;
	geometry: string;
	properties: Record<string, string>;
	where?: string[];
	orderBy: string;
	/** one page of the features, in `orderBy` order */
	page?: { limit: number; offset: number };
}

export function featureCollectionSql(q: FeatureQuery): string {
	const props = Object.entries(q.properties)
		.map(([name, expr]) => `'${name}', ${expr}`)
		.join(', ');
	const conditions = [...(q.where ?? [])];
	if (q.page) {
		const filter = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
		conditions.push(
			`${q.id} IN (SELECT ${q.id} FROM ${q.from} ${filter} ORDER BY ${q.orderBy} LIMIT ${Math.trunc(q.page.limit)} OFFSET ${Math.trunc(q.page.offset)})`
		);
	}
	const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
	return `SELECT json_build_object(
	          'type', 'FeatureCollection',
	          'features', coalesce(json_agg(json_build_object(
	             'type', 'Feature',
	             'id', ${q.id},
	             'geometry', ST_AsGeoJSON(${q.geometry}, 6)::json,
	             'properties', json_build_object(${props})
	          ) ORDER BY ${q.orderBy}), '[]'::json)
	        )::text AS body
	   FROM ${q.from}
	   ${where}`;
}

export type Audience = 'public' | 'staff';

/** Collects positional parameters while a WHERE clause is assembled. */
export class SqlParams {
	readonly values: unknown[] = [];
	add(value: unknown): string {
		this.values.push(value);
		return `$${this.values.length}`;
	}
	/** `geom && envelope`: the box is built in the column's CRS, so the GiST index is used. */
	bbox(column: string, bbox: [number, number, number, number]): string {
		const [a, b, c, d] = bbox.map((v) => this.add(v));
		return `${column} && ST_MakeEnvelope(${a}, ${b}, ${c}, ${d}, 4326)`;
	}
}

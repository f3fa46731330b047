import { z } from 'zod';

/** `minLon,minLat,maxLon,maxLat` in WGS84. */
export const bboxParam = z
	.string({ error: 'error.bbox_format' })
	.regex(/^\s*-?\d+(\.\d+)?\s*(,\s*-?\d+(\.\d+)?\s*){3}$/, { error: 'error.bbox_format' })
	.transform((value) => value.split(',').map(Number) as [number, number, number, number])
	.refine(([minLon, minLat, maxLon, maxLat]) => minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90 && minLon < maxLon && minLat < maxLat, {
		error: 'error.bbox_range'
	});

/** A real calendar date written YYYY-MM-DD (2025-02-30 is refused). */
export const isoDate = z.string().refine(
	(value) => {
		if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
		const date = new Date(`${value}T00:00:00Z`);
		return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
	},
	{ error: 'error.date_format' }
);

/** A comma-separated list of codes from `allowed`, e.g. `utility=water,gas`. */
export const codeList = <T extends readonly [string, ...string[]]>(allowed: T) =>
	z
		.string()
		.transform((value) =>
			value
				.split(',')
				.map((part) => part.trim())
				.filter(Boolean)
		)
		.refine((values) => values.every((v) => (allowed as readonly string[]).includes(v)), {
			error: 'error.code_unknown',
			params: { allowed: allowed.join(', ') }
		})
		.transform((values) => values as T[number][]);

/** Adds the `from <= to` check to a schema that has optional `from` and `to` dates. */
/** `district=360402,360403`: district codes (6 digits), comma-separated. */
export const districtList = z
	.string()
	.regex(/^\d{6}(,\d{6})*$/, { error: 'error.district_format' })
	.transform((v) => v.split(','));

export function orderedDates<S extends z.ZodObject<{ from: z.ZodOptional<typeof isoDate>; to: z.ZodOptional<typeof isoDate> }>>(schema: S) {
	return schema.refine((value) => !value.from || !value.to || value.from <= value.to, {
		error: 'error.date_order',
		path: ['from']
	});
}

import { z } from 'zod';
import { UTILITIES, WORK_KINDS } from '$lib/domain/codes';
import { DEPTH_M, WIDTH_M } from '$lib/domain/work-rules';
import { isoDate } from '$lib/server/http/params';

const position = z.array(z.number().finite()).min(2).max(3);
const ring = z.array(position).min(4);

/** The geometries a work may have: a trench centreline or an excavated area (RFC 7946). */
export const workGeometrySchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) }),
	z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(position).min(2)).min(1) }),
	z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
	z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) })
]);
export type WorkGeometry = z.infer<typeof workGeometrySchema>;

const text = (max: number) => z.string().trim().max(max);

/** The properties of `POST /api/works` and `/api/works/check` (DESIGN.md §5). */
export const workPropertiesSchema = z.object({
	organisation: z.string().min(1).max(64),
	utility: z.enum(UTILITIES),
	kind: z.enum(WORK_KINDS),
	start_date: isoDate,
	end_date: isoDate,
	width_m: z.number().min(WIDTH_M.min).max(WIDTH_M.max).optional(),
	depth_m: z.number().min(DEPTH_M.min).max(DEPTH_M.max).nullable().optional(),
	title: text(200).optional(),
	description: text(2000).nullable().optional(),
	emergency: z.boolean().optional(),
	internal_note: text(2000).nullable().optional(),
	neighbourhood_id: z.string().max(64).nullable().optional(),
	status: z.enum(['draft', 'submitted', 'approved', 'in_progress']).optional()
});
export type WorkProperties = z.infer<typeof workPropertiesSchema>;

export const workFeatureSchema = z.object({
	type: z.literal('Feature'),
	id: z.union([z.string(), z.number()]).nullable().optional(),
	geometry: workGeometrySchema,
	properties: workPropertiesSchema
});
export type WorkFeature = z.infer<typeof workFeatureSchema>;

/** A partial update of a stored work (`PATCH /api/works/:id`). */
export const workPatchSchema = z.object({
	geometry: workGeometrySchema.optional(),
	properties: workPropertiesSchema.omit({ organisation: true, status: true }).partial().optional()
});
export type WorkPatch = z.infer<typeof workPatchSchema>;

import { t, type Lang, type MessageKey } from '$lib/i18n';
import type { ConflictContext, ConflictRow } from './engine';
import type { Conflict, ConflictWork } from '$lib/types/api';

export type { Conflict, ConflictWork } from '$lib/types/api';

const round = (m: number | null) => (m === null ? '—' : m < 10 ? m.toFixed(1) : String(Math.round(m)));

/**
 * Turns engine rows into conflicts with sentences a person can act on. Seen from `self` (the work
 * being checked or viewed), that work is "this work" and left out of `work_ids`.
 */
export function describeConflicts(rows: ConflictRow[], ctx: ConflictContext, lang: Lang, self?: number): Conflict[] {
	const ref = (id: number | null) => {
		if (id === null) return '—';
		if (id === self) return t(lang, 'conflict.this_work');
		const w = ctx.works.get(id);
		if (!w) return `#${id}`;
		return t(lang, 'conflict.work_ref', {
			org: w.organisation_short_name || w.organisation_name,
			kind: t(lang, `work_kind.${w.kind}` as MessageKey),
			title: w.title ?? t(lang, `work_kind.${w.kind}` as MessageKey),
			id: w.id,
			start: w.start_date,
			end: w.end_date
		});
	};
	const work = (id: number): ConflictWork | null => {
		const w = ctx.works.get(id);
		return w
			? {
					id: w.id,
					organisation: w.organisation,
					organisation_name: w.organisation_name,
					utility: w.utility,
					kind: w.kind,
					title: w.title,
					start_date: w.start_date,
					end_date: w.end_date,
					status: w.status
				}
			: null;
	};
	const s = ctx.settings;

	return rows.map((row) => {
		const [subject, other = null] = row.work_ids;
		const others = self === undefined ? row.work_ids : row.work_ids.filter((id) => id !== self);
		const hd = row.historic_district_id ? (ctx.historicDistricts.get(row.historic_district_id) ?? null) : null;
		const nb = row.neighbourhood_id ? (ctx.neighbourhoods.get(row.neighbourhood_id) ?? null) : null;
		const otherOrg = (id: number | null) => (id === null ? '' : (ctx.works.get(id)?.organisation_name ?? ''));
		const partner = self === undefined ? other : (row.work_ids.find((id) => id !== self) ?? null);
		let message: string;
		let suggestion: string;
		switch (row.kind) {
			case 'time_overlap':
				message = t(lang, 'conflict.time_overlap', {
					a: ref(self ?? subject),
					b: ref(self === undefined ? other : partner),
					gap: round(row.gap_m),
					days: row.overlap_days ?? 0
				});
				suggestion = t(lang, 'conflict.time_overlap.suggestion', { org: otherOrg(partner) });
				break;
			case 'repeat_excavation':
				message = t(lang, 'conflict.repeat_excavation', {
					a: ref(self ?? subject),
					b: ref(self === undefined ? other : partner),
					gap: round(row.gap_m),
					days: row.gap_days ?? 0
				});
				suggestion = t(lang, 'conflict.repeat_excavation.suggestion', { horizon: s.repeat_horizon_years });
				break;
			case 'moratorium':
				message = t(lang, 'conflict.moratorium', {
					subject: ref(row.subject_id),
					road: ref(row.road_id),
					road_end: row.road_end ?? '',
					until: row.moratorium_until ?? ''
				});
				suggestion = t(lang, 'conflict.moratorium.suggestion', { until: row.moratorium_until ?? '' });
				break;
			case 'historic_district':
				message = t(lang, 'conflict.historic_district', {
					subject: ref(subject),
					name: hd?.name ?? '',
					level: hd ? t(lang, `protection.${hd.protection_level}` as MessageKey) : ''
				});
				suggestion = t(lang, 'conflict.historic_district.suggestion');
				break;
			case 'renovation_window':
				message = t(lang, 'conflict.renovation_window', {
					subject: ref(subject),
					name: nb?.name ?? '',
					start: nb?.renovation_start ?? '',
					end: nb?.renovation_end ?? ''
				});
				suggestion = t(lang, 'conflict.renovation_window.suggestion');
				break;
			case 'sequence': {
				const shallow = row.work_ids.find((id) => id !== row.subject_id) ?? null;
				message = t(lang, 'conflict.sequence', { deep: ref(row.subject_id), shallow: ref(shallow) });
				suggestion = t(lang, 'conflict.sequence.suggestion');
				break;
			}
		}
		const key = [row.kind, [...row.work_ids].sort((a, b) => a - b).join('-'), row.historic_district_id ?? row.neighbourhood_id ?? ''].filter(Boolean).join(':');
		return {
			id: key,
			kind: row.kind,
			severity: row.severity,
			message,
			suggestion,
			work_ids: others,
			works: row.work_ids
				.filter((id) => id !== self)
				.map(work)
				.filter((w): w is ConflictWork => w !== null),
			historic_district: hd && { id: hd.id, name: hd.name },
			neighbourhood: nb && { id: nb.id, name: nb.name, renovation_start: nb.renovation_start, renovation_end: nb.renovation_end },
			where: row.where_geojson ? JSON.parse(row.where_geojson) : null,
			gap_m: row.gap_m,
			overlap_days: row.overlap_days,
			gap_days: row.gap_days,
			moratorium_until: row.moratorium_until
		};
	});
}

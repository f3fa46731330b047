import { tokenRgb } from '$lib/styles/tokens';
import type { NeighbourhoodStatus, RainSewageState, SubmissionCategory, Utility, WorkStatus } from '$lib/domain/codes';

export type Rgb = [number, number, number];

/**
 * Pipeline colours of Chinese utility drawings, after CJJ 61-2017 《城市地下管线探测技术规程》
 * (the colour table of 地下管线图): 给水 sky blue, 排水 brown, 燃气 pink-magenta, 电力 red,
 * 通信 green, 热力 orange-yellow. Deepened a little to read on a light basemap. Where the standard
 * gives one colour to two of our codes, we split it and say so:
 * - 雨水 and 污水 are both 排水 brown in CJJ 61; rain is drawn in a light ochre brown and sewage in
 *   a dark brown (and, in the rain–sewage family, sewage with a pale core) so they stay apart.
 * - 路灯 is part of 电力 (red) in CJJ 61; drawn orange here (no 热力 works exist to clash with).
 * - 道路 works are not pipelines: neutral grey.
 */
export const UTILITY_COLOURS: Record<Utility, Rgb> = {
	water: tokenRgb('util-water'),
	rain: tokenRgb('util-rain'),
	sewage: tokenRgb('util-sewage'),
	gas: tokenRgb('util-gas'),
	power: tokenRgb('util-power'),
	telecom: tokenRgb('util-telecom'),
	lighting: tokenRgb('util-lighting'),
	road: tokenRgb('util-road')
};

/** Renovation progress, light to dark: planned work is pale, accepted work is full green. */
export const NEIGHBOURHOOD_COLOURS: Record<NeighbourhoodStatus, Rgb> = {
	planned: tokenRgb('nbh-planned'),
	approved: tokenRgb('nbh-approved'),
	under_construction: tokenRgb('nbh-under-construction'),
	completed: tokenRgb('nbh-completed'),
	accepted: tokenRgb('nbh-accepted')
};

/** Drainage: combined (the problem) hot, separating warm, separated cool. */
export const RAIN_SEWAGE_COLOURS: Record<RainSewageState, Rgb> = {
	combined: tokenRgb('rs-combined'),
	separating: tokenRgb('rs-separating'),
	separated: tokenRgb('rs-separated')
};

export const SEVERITY_COLOURS: Record<'high' | 'medium' | 'low', Rgb> = {
	high: tokenRgb('severity-high'),
	medium: tokenRgb('severity-medium'),
	low: tokenRgb('severity-low')
};

/**
 * How a conflict is marked on every map: a disc filled by its severity, ringed white (the props of a
 * deck.gl ScatterplotLayer; the radius is the layer's own).
 */
export const SEVERITY_DISC = {
	radiusUnits: 'pixels' as const,
	getFillColor: (m: { severity: keyof typeof SEVERITY_COLOURS }): [number, number, number, number] => [...SEVERITY_COLOURS[m.severity], 255],
	stroked: true,
	getLineColor: [...tokenRgb('surface'), 255] as [number, number, number, number],
	getLineWidth: 2,
	lineWidthUnits: 'pixels' as const
};

export const HISTORIC_COLOUR: Rgb = tokenRgb('historic');
export const HIGHLIGHT_COLOUR: Rgb = tokenRgb('highlight');

/** How a work's status is drawn: planned dashed, in progress bold with a casing, done faded. */
export const STATUS_GROUPS = {
	planned: ['draft', 'submitted', 'approved'],
	in_progress: ['in_progress'],
	done: ['backfilled', 'restored'],
	cancelled: ['cancelled']
} as const satisfies Record<string, readonly WorkStatus[]>;
export type StatusGroup = keyof typeof STATUS_GROUPS;
export const STATUS_GROUP_NAMES = Object.keys(STATUS_GROUPS) as StatusGroup[];

export function statusGroup(status: WorkStatus): StatusGroup {
	for (const group of STATUS_GROUP_NAMES) if ((STATUS_GROUPS[group] as readonly string[]).includes(status)) return group;
	return 'planned';
}

export const STATUS_ALPHA: Record<StatusGroup, number> = { planned: 235, in_progress: 255, done: 130, cancelled: 90 };

/** Line width on screen from the trench width: 0.5 m → 2.8 px … 4 m → 8 px. */
export const trenchWidthPx = (widthM: number | null | undefined) => 2 + 1.5 * Math.min(Math.max(widthM ?? 1, 0.3), 4);

export const css = ([r, g, b]: Rgb, alpha = 1) => (alpha === 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${alpha})`);

/**
 * The repeat-excavation heat map, 1 → 4+ openings in five years: a sequential yellow–red ramp
 * (ColorBrewer YlOrRd), so the streets dug again and again burn darkest.
 */
export const OPENINGS_COLOURS: [Rgb, Rgb, Rgb, Rgb] = [tokenRgb('openings-1'), tokenRgb('openings-2'), tokenRgb('openings-3'), tokenRgb('openings-4')];

/** Joint-works proposals on the map: a teal band under the works they would join. */
export const PROPOSAL_COLOUR: Rgb = tokenRgb('proposal');

/**
 * Residents' needs by category (a categorical scheme after ColorBrewer Set1): drainage troubles
 * warm and dark, the rest apart from them.
 */
export const NEED_COLOURS: Record<SubmissionCategory, Rgb> = {
	septic_tank_blocked: tokenRgb('need-septic-tank-blocked'),
	sewer_blocked: tokenRgb('need-sewer-blocked'),
	rain_sewage_not_separated: tokenRgb('need-rain-sewage-not-separated'),
	parking: tokenRgb('need-parking'),
	roof_leak: tokenRgb('need-roof-leak'),
	lighting: tokenRgb('need-lighting'),
	other: tokenRgb('need-other')
};

/**
 * "My street" (issue 4): the works a resident is told about are those within this many metres of
 * the place they ask about …
 */
export const NEARBY_RADIUS_M = 200;
/** … whose excavation window meets the next this many days. */
export const NEARBY_DAYS = 90;

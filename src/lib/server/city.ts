/**
 * The city this deployment serves by default (its administrative code). Every row carries its
 * city; a deployment serving several cities picks one per request from here.
 */
export const defaultCityCode = () => process.env.CITY_CODE ?? '360400';

import { notFound } from './errors';

/** A work id from the path; anything but a positive integer is a 404. */
export function workIdParam(value: string): number {
	if (!/^\d{1,15}$/.test(value)) throw notFound(value);
	return Number(value);
}

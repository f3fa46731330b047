/**
 * Seeded randomness for the generated data sets (data/generate-demo.ts, bench/synthetic.ts): the
 * same seed gives the same numbers on every machine, so the output is reproducible.
 */

/** mulberry32: a small, fast 32-bit generator, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class Rng {
	private readonly next: () => number;
	constructor(seed: number) {
		this.next = mulberry32(seed);
	}
	float(a = 0, b = 1): number {
		return a + (b - a) * this.next();
	}
	int(a: number, b: number): number {
		return a + Math.floor(this.next() * (b - a + 1));
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}
	weighted<T>(items: readonly (readonly [T, number])[]): T {
		const total = items.reduce((s, [, w]) => s + w, 0);
		let r = this.next() * total;
		for (const [value, weight] of items) {
			r -= weight;
			if (r < 0) return value;
		}
		return items[items.length - 1][0];
	}
	/** Shuffles in place (Fisher–Yates) and returns the array. */
	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[items[i], items[j]] = [items[j], items[i]];
		}
		return items;
	}
	/** A normal deviate (Box–Muller). */
	normal(mean = 0, sd = 1): number {
		const u = 1 - this.next();
		const v = this.next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}
}

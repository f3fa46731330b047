import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { CHROMIUM } from './browser-global-setup';
import { startApp, type RunningApp } from './app';
import type { Template } from './backend';

const root = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = join(root, 'test-results/e2e');

/** Debian's Chromium with software WebGL (SwiftShader): no GPU, no network of its own. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--use-angle=swiftshader',
			'--enable-unsafe-swiftshader',
			'--ignore-gpu-blocklist',
			'--no-sandbox',
			'--disable-background-networking',
			'--disable-component-update',
			'--no-first-run',
			'--disable-sync'
		]
	});
}

export interface MapPage {
	page: Page;
	/** console errors and uncaught exceptions seen so far */
	errors: string[];
}

export interface PageOptions {
	lang?: 'zh' | 'en';
	viewport?: { width: number; height: number };
	/** a phone: touch, mobile layout, 360×740 unless a viewport is given */
	phone?: boolean;
	userAgent?: string;
	/** where the device says it is, when asked and allowed */
	geolocation?: [number, number];
	/** also carry the lang cookie, as a visitor who chose a language does */
	langCookie?: boolean;
	/** count console errors as errors too, not only uncaught exceptions (default) */
	consoleErrors?: boolean;
}

/** A fresh context (no shared cookies or storage between tests) with errors collected. */
export async function newMapPage(browser: Browser, baseURL: string, lang: 'zh' | 'en' = 'zh', options: Omit<PageOptions, 'lang'> = {}): Promise<MapPage> {
	const {
		phone = false,
		viewport = phone ? { width: 360, height: 740 } : { width: 1280, height: 800 },
		userAgent,
		geolocation,
		consoleErrors = true
	} = options;
	const context = await browser.newContext({
		baseURL,
		viewport,
		locale: lang === 'zh' ? 'zh-CN' : 'en-GB',
		...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 1 } : {}),
		...(userAgent ? { userAgent } : {}),
		...(geolocation ? { geolocation: { longitude: geolocation[0], latitude: geolocation[1] }, permissions: ['geolocation'] } : {})
	});
	if (options.langCookie) await context.addCookies([{ name: 'lang', value: lang, url: baseURL }]);
	const page = await context.newPage();
	const errors: string[] = [];
	if (consoleErrors)
		page.on('console', (m) => {
			if (m.type() === 'error') errors.push(m.text());
		});
	page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
	return { page, errors };
}

export interface BrowserSuite {
	readonly app: RunningApp;
	readonly browser: Browser;
	/** a fresh page, closed after the test */
	open(options?: PageOptions): Promise<MapPage>;
}

/**
 * The built app on its own demo database and one Chromium for a describe block; every page opened
 * through it is closed after its test.
 */
export function browserSuite(env: Record<string, string> = {}, template: Template = 'demo'): BrowserSuite {
	let app: RunningApp | undefined;
	let browser: Browser | undefined;
	const open: MapPage[] = [];
	beforeAll(async () => {
		[app, browser] = await Promise.all([startApp(template, env), launchBrowser()]);
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});
	afterEach(async () => {
		await Promise.all(
			open.splice(0).map((p) =>
				p.page
					.context()
					.close()
					.catch(() => undefined)
			)
		);
	});
	return {
		get app() {
			if (!app) throw new Error('the app is not started yet: use it inside a test');
			return app;
		},
		get browser() {
			if (!browser) throw new Error('the browser is not started yet: use it inside a test');
			return browser;
		},
		async open(options: PageOptions = {}) {
			const mp = await newMapPage(this.browser, this.app.url, options.lang ?? 'zh', options);
			open.push(mp);
			return mp;
		}
	};
}

export async function signIn(page: Page, baseURL: string) {
	const res = await page.request.post('/api/session', {
		data: { email: 'planner@demo.digonce.cn', password: 'demo-password' },
		headers: { origin: baseURL }
	});
	if (res.status() !== 200) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
}

/**
 * Waits until the page has no request for layer data in flight and the map has drawn it all:
 * MapLibre's `idle` comes after every layer, deck.gl's interleaved ones included, has rendered.
 */
export async function settle(page: Page) {
	await page.waitForSelector('[data-testid=dashboard][data-busy=false]', { timeout: 60_000 });
	// let Svelte's effects hand new layers and filters to the map before asking it to draw
	await page.waitForTimeout(150);
	await page.evaluate(
		() =>
			new Promise<void>((done) => {
				const map = window.__digonceMap!;
				map.once('idle', () => done());
				map.triggerRepaint();
			})
	);
}

export async function openMap(page: Page, path: string) {
	await page.goto(path);
	await page.waitForFunction(() => !!window.__digonceMap && !!window.__digonceDeck, null, { timeout: 60_000 });
	await settle(page);
}

/** Where a lon/lat is drawn, in page pixels. */
export async function project(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
	return page.evaluate((ll) => {
		const map = window.__digonceMap!;
		const p = map.project(ll);
		const r = map.getCanvas().getBoundingClientRect();
		return { x: r.left + p.x, y: r.top + p.y };
	}, lonLat);
}

export type Rgb = [number, number, number];

/** The pixels of a square around a point, as the screen shows them (HTML panels included). */
export async function patch(page: Page, at: { x: number; y: number }, radius: number): Promise<Rgb[]> {
	const png = await page.screenshot({ clip: { x: Math.round(at.x - radius), y: Math.round(at.y - radius), width: radius * 2, height: radius * 2 } });
	const values = await page.evaluate(async (b64) => {
		const img = new Image();
		img.src = `data:image/png;base64,${b64}`;
		await img.decode();
		const canvas = new OffscreenCanvas(img.width, img.height);
		const ctx = canvas.getContext('2d')!;
		ctx.drawImage(img, 0, 0);
		return Array.from(ctx.getImageData(0, 0, img.width, img.height).data);
	}, png.toString('base64'));
	const pixels: Rgb[] = [];
	for (let i = 0; i < values.length; i += 4) pixels.push([values[i], values[i + 1], values[i + 2]]);
	return pixels;
}

const near = (a: Rgb, b: Rgb, tolerance: number) => Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2])) <= tolerance;
export const blend = (under: Rgb, over: Rgb, alpha: number): Rgb => under.map((u, i) => Math.round(u * (1 - alpha) + over[i] * alpha)) as Rgb;

/**
 * How many pixels of `on` show `colour` laid at `alpha` over what `off` shows at the same place —
 * i.e. pixels that a layer of that colour changed. Pixels it left alone do not count.
 */
export function pixelsPainted(off: Rgb[], on: Rgb[], colour: Rgb, alpha: number, tolerance = 16): number {
	let count = 0;
	for (let i = 0; i < on.length; i++) {
		if (near(on[i], off[i], 6)) continue;
		if (near(on[i], blend(off[i], colour, alpha), tolerance)) count++;
	}
	return count;
}

/** Pixels anywhere in the patch close to a colour. */
export const pixelsNear = (pixels: Rgb[], colour: Rgb, tolerance = 24) => pixels.filter((p) => near(p, colour, tolerance)).length;

export async function screenshot(page: Page, name: string) {
	mkdirSync(SCREENSHOTS, { recursive: true });
	await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

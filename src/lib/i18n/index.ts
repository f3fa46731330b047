import { codes } from './codes';
import { common } from './common';
import { errors } from './errors';
import { conflicts } from './conflicts';
import { works } from './works';
import { publicMessages } from './public';
import { map } from './map';
import { register } from './register';
import { publicUi } from './public-ui';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Chinese is the reference: every key must exist in it, and English must cover the same keys. */
const zh = { ...common.zh, ...codes.zh, ...errors.zh, ...conflicts.zh, ...works.zh, ...publicMessages.zh, ...map.zh, ...register.zh, ...publicUi.zh };
export type MessageKey = keyof typeof zh;
const en: Record<MessageKey, string> = {
	...common.en,
	...codes.en,
	...errors.en,
	...conflicts.en,
	...works.en,
	...publicMessages.en,
	...map.en,
	...register.en,
	...publicUi.en
};
export const messages: Record<Lang, Record<MessageKey, string>> = { zh, en };

export type MessageParams = Record<string, string | number>;

const pluralRules: Record<Lang, Intl.PluralRules> = { zh: new Intl.PluralRules('zh'), en: new Intl.PluralRules('en') };
/**
 * The plural subset of ICU MessageFormat, `{count, plural, one {# work} other {# works}}`, so
 * that English says "1 work" and "2 works" (Chinese has no plural forms and needs none).
 */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

function plural(lang: Lang, whole: string, value: string | number | undefined, branches: string): string {
	const n = Number(value);
	if (value === undefined || !Number.isFinite(n)) return whole;
	const forms = new Map([...branches.matchAll(PLURAL_BRANCH)].map((b) => [b[1], b[2]]));
	const form = forms.get(`=${n}`) ?? forms.get(pluralRules[lang].select(n)) ?? forms.get('other') ?? '';
	return form.replace(/#/g, String(value));
}

export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
	const template = messages[lang][key] ?? messages.zh[key] ?? key;
	return template
		.replace(PLURAL, (whole, name: string, branches: string) => plural(lang, whole, params[name], branches))
		.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The names a message fills in, plural selectors included. */
export const placeholders = (template: string) => [...new Set([...template.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();

/** A translator bound to one language, for components and handlers. */
export const translator = (lang: Lang) => (key: MessageKey, params?: MessageParams) => t(lang, key, params);

export const isLang = (value: unknown): value is Lang => LANGS.includes(value as Lang);

/** `?lang=` wins, then the `lang` cookie, then Accept-Language; Chinese by default. */
export function pickLang(query: string | null, cookie: string | undefined, acceptLanguage: string | null): Lang {
	if (isLang(query)) return query;
	if (isLang(cookie)) return cookie;
	const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
	return first.startsWith('en') ? 'en' : 'zh';
}

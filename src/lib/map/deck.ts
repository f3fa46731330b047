/**
 * deck.gl's layer classes, loaded on first use in the browser (never on the server). MapRoot has
 * already loaded @deck.gl/core for the overlay, so this resolves from the same chunks.
 */
export type DeckModules = typeof import('@deck.gl/layers') & typeof import('@deck.gl/extensions');

let loading: Promise<DeckModules> | undefined;
export const loadDeck = () =>
	(loading ??= Promise.all([import('@deck.gl/layers'), import('@deck.gl/extensions')]).then(([layers, extensions]) => ({ ...layers, ...extensions })));

/**
 * Font stacks for labels. The offline style has no `glyphs` URL, so MapLibre draws every glyph with
 * the browser's own fonts (TinySDF); these names are CSS families, first installed one wins. No
 * font file is shipped, so there is nothing to license.
 */
export const LABEL_FONT = ['Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'sans-serif'];
/** "Bold" in the first name makes MapLibre draw the stack bold. */
export const LABEL_FONT_BOLD = ['Noto Sans CJK SC Bold', ...LABEL_FONT];

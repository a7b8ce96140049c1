/** The one typeface of the app: the machine may have no CJK font, so it is bundled (@fontsource). */
export const FONT_FAMILY = 'Noto Sans SC';

/**
 * Resolves once the Noto Sans SC files covering every character of `text` are loaded.
 * The font is split into ~100 unicode-range files, and a canvas (TinySDF) draws a fallback box for a
 * character whose file is not loaded yet, so every label string must be loaded before MapLibre draws it.
 */
export async function loadFontFor(text: string, weights: number[] = [400]): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts?.load) return;
  const unique = [...new Set(text.replace(/\s+/g, ''))].join('') || '医药高新区';
  await Promise.all(weights.map((w) => document.fonts.load(`${w} 24px "${FONT_FAMILY}"`, unique)));
}

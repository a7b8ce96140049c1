/** The one typeface of the app: the machine may have no CJK font, so it is bundled (@fontsource). */
export const FONT_FAMILY = 'Noto Sans SC';

/**
 * Resolves once the Noto Sans SC files covering every character of `text` are loaded.
 * The font is split into ~100 unicode-range files, and a canvas (TinySDF) draws a fallback box for a
 * character whose file is not loaded yet, so every label string must be loaded before MapLibre draws it.
 * Never rejects.
 */
export async function loadFontFor(text: string, weights: number[] = [400]): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts?.load) return;
  const unique = [...new Set(text.replace(/\s+/g, ''))].join('') || '医药高新区';
  try {
    await Promise.all(weights.map((w) => document.fonts.load(`${w} 24px "${FONT_FAMILY}"`, unique)));
  } catch (err) {
    // A missing font file must not stop the map: labels then fall back to whatever the system has.
    console.warn(`Loading ${FONT_FAMILY} failed`, err);
  }
}

/**
 * The vertical presentation forms (U+FE10–FE19, U+FE30–FE4F): MapLibre swaps （ ） 、 … for these when
 * it writes a CJK label down a vertical road, so their font files must be loaded as well.
 */
export const VERTICAL_FORMS = String.fromCodePoint(
  ...Array.from({ length: 10 }, (_, i) => 0xfe10 + i),
  ...Array.from({ length: 32 }, (_, i) => 0xfe30 + i),
);

/** Approximate width of a label in px: CJK and full-width characters are 1 em, the rest ~0.58 em. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffef]/.test(ch) ? fontSize : fontSize * 0.58;
  return w;
}

/** Cuts a label to fit `maxWidth` px, ending with “…” when cut. */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, fontSize) > maxWidth) break;
    out += ch;
  }
  return `${out}…`;
}

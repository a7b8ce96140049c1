/** Below this width (CSS px) side panels become drawers and bottom sheets that cover the map (matches app.css). */
export const PHONE_MAX_WIDTH = 760;

/** Whether the window is phone-sized now (layout decisions made at the moment of an action). */
export function isPhone(): boolean {
  return window.innerWidth <= PHONE_MAX_WIDTH;
}

import type { Page } from 'playwright-core';

/*
 * Checks a page as its user sees it (used by walk.test.ts, proven live by its self-check):
 * - Chinese on screen in English mode: a visible text node, tooltip (title), accessible name
 *   (aria-label) or placeholder with Han characters that is not inside an element marked lang="zh…"
 *   (the nearest lang attribute decides, so lang="en" inside lang="zh" counts as English again).
 * - Covered controls: every visible button, link, [role=button] and input button inside the viewport must
 *   be what document.elementFromPoint finds at its centre (the control itself or something inside it).
 * - Touch targets (phones): those controls at least 44 × 44 CSS px, except links inside running text
 *   (WCAG 2.5.8's inline exception: an inline <a> or button whose parent also holds text of its own).
 * Visible means a non-empty client rect that meets the viewport and every clipping (overflow) ancestor,
 * not visibility:hidden and no ancestor at opacity 0. The map canvas holds no text nodes; its labels are
 * checked through the style's text-field instead (mapLabelFields).
 */

/** One finding: what is wrong, where (a short CSS-ish path) and the text or size involved. */
export interface Finding {
  kind: 'chinese-text' | 'chinese-attr' | 'covered' | 'small-target';
  where: string;
  detail: string;
}

/** Options of checkPage. */
export interface CheckOptions {
  /** Report Chinese outside lang="zh" (English mode). */
  english: boolean;
  /** Report controls smaller than 44 × 44 px (phones). */
  touch: boolean;
}

/** Runs the checks above in the page; returns every finding (an empty list when the page passes). */
export async function checkPage(page: Page, options: CheckOptions): Promise<Finding[]> {
  return page.evaluate((opt) => {
    const HAN = /[\u3400-\u9fff]/;
    const MIN = 44;
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const out: Array<{ kind: string; where: string; detail: string }> = [];

    const path = (el: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
        const cls = [...e.classList].slice(0, 2).map((c) => `.${c}`).join('');
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls}`);
      }
      return parts.join(' > ');
    };
    const zhMarked = (el: Element) => (el.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase().startsWith('zh');
    // Behind an open modal dialog the page is inert: neither readable as the view nor usable.
    const modal = document.querySelector('dialog:modal');
    const shown = (el: Element) => {
      if (modal && !modal.contains(el)) return false;
      if (el.closest('[inert]')) return false;
      // display:none, visibility:hidden, opacity 0 on the way up, and the closed part of a <details>
      // (content-visibility: hidden) all make it invisible.
      return el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
    };
    /** The part of a rect inside the viewport and every ancestor that clips its overflow; null if nothing is left. */
    const visiblePart = (el: Element, r: DOMRect | DOMRectReadOnly) => {
      let left = Math.max(r.left, 0), top = Math.max(r.top, 0), right = Math.min(r.right, vw), bottom = Math.min(r.bottom, vh);
      for (let e = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.overflowX === 'visible' && s.overflowY === 'visible' && s.clipPath === 'none' && s.clip === 'auto') continue;
        const c = e.getBoundingClientRect();
        left = Math.max(left, c.left); top = Math.max(top, c.top); right = Math.min(right, c.right); bottom = Math.min(bottom, c.bottom);
      }
      return right - left > 0.5 && bottom - top > 0.5 ? { left, top, right, bottom } : null;
    };

    if (opt.english) {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.nodeValue ?? '';
        const parent = n.parentElement;
        if (!parent || !HAN.test(text) || zhMarked(parent) || parent.closest('script, style, noscript, template')) continue;
        if (!shown(parent)) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0 && visiblePart(parent, r))) continue;
        out.push({ kind: 'chinese-text', where: path(parent), detail: text.trim().slice(0, 80) });
      }
      for (const el of document.body.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
        if (zhMarked(el) || !shown(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.width <= 0 || r.height <= 0 || !visiblePart(el, r)) continue;
        for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
          const v = el.getAttribute(a);
          if (v && HAN.test(v)) out.push({ kind: 'chinese-attr', where: `${path(el)} [${a}]`, detail: v.slice(0, 80) });
        }
      }
    }

    const controls = document.body.querySelectorAll('button, [role="button"], a[href], input[type="button"], input[type="submit"]');
    for (const el of controls) {
      if (!shown(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) continue;
      const part = visiblePart(el, r);
      // Less than a pixel of a control on screen (a button scrolled to a sliver at a panel's or the
      // screen's edge) is nothing to tap, and elementFromPoint's hit test snaps such a point off it.
      if (!part || part.right - part.left < 1 || part.bottom - part.top < 1) continue;
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      // A control partly scrolled out of its panel: test the centre of the part that is on screen.
      // Right and bottom edges are exclusive: a centre on the screen's last edge (y = innerHeight) is off it.
      const inside = cx >= part.left && cx < part.right && cy >= part.top && cy < part.bottom;
      const px = inside ? cx : (part.left + part.right) / 2;
      const py = inside ? cy : (part.top + part.bottom) / 2;
      const hit = document.elementFromPoint(px, py);
      const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '').trim().slice(0, 40);
      if (!hit || (hit !== el && !el.contains(hit))) {
        out.push({ kind: 'covered', where: `${path(el)} “${name}”`, detail: `at (${Math.round(px)}, ${Math.round(py)}) the top element is ${hit ? path(hit) : 'nothing'}` });
      }
      if (opt.touch && (r.width < MIN - 0.5 || r.height < MIN - 0.5)) {
        const cs = getComputedStyle(el);
        const parent = el.parentElement;
        const inText = cs.display === 'inline' && !!parent && [...parent.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && (c.nodeValue ?? '').trim().length > 1);
        if (!inText) out.push({ kind: 'small-target', where: `${path(el)} “${name}”`, detail: `${Math.round(r.width)}×${Math.round(r.height)}` });
      }
    }
    return out;
  }, options) as Promise<Finding[]>;
}

/** The text-field of every symbol layer of the map whose labels come from feature properties. */
export async function mapLabelFields(page: Page): Promise<Array<{ id: string; field: string }>> {
  return page.evaluate(() => {
    const m = window.__atlas!.map;
    return m
      .getStyle()
      .layers.filter((l) => l.type === 'symbol')
      .map((l) => ({ id: l.id, field: JSON.stringify(m.getLayoutProperty(l.id, 'text-field') ?? null) }))
      .filter((l) => l.field !== 'null');
  });
}

/** Findings as readable lines, for a failure message. */
export function formatFindings(findings: Finding[]): string[] {
  return findings.map((f) => `${f.kind}: ${f.where} — ${f.detail}`);
}

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, RESULTS, baseUrl, offlineContext, openApp } from './support';

/*
 * The content security policy is one the app itself satisfies: loading the app (map, layers, glyphs,
 * workers) and opening the sign-in form raises no `securitypolicyviolation` event and no CSP console
 * error, under the policy the server really sends.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('content security policy', () => {
  it('is sent with the page and the app loads without a single violation', async () => {
    const res = await fetch(`${baseUrl()}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("'unsafe-eval'");

    const { context } = await offlineContext(browser);
    const consoleCsp: string[] = [];
    // Listen before any script of the app runs, so early violations are caught too.
    await context.addInitScript(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    const page = await openApp(context, '/', (p) =>
      p.on('console', (m) => {
        if (/content security policy/i.test(m.text())) consoleCsp.push(m.text());
      }),
    );
    // Touch more of the app: the language switch and the sign-in dialog, if present.
    const signIn = page.getByRole('button', { name: /登录|sign in/i }).first();
    if (await signIn.isVisible().catch(() => false)) await signIn.click();
    await page.waitForTimeout(1000);
    fs.mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, 'csp.png') });
    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    // The page really ran under the policy (a blob: worker for MapLibre, a canvas with the map).
    expect(await page.evaluate(() => document.querySelectorAll('canvas').length)).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    expect(consoleCsp).toEqual([]);
    await context.close();
  });

  it('would see a violation if there were one (an inline script is blocked and reported)', async () => {
    const { context } = await offlineContext(browser);
    await context.addInitScript(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(e.violatedDirective));
    });
    const page = await openApp(context, '/');
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.appendChild(s);
    });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toContain('script-src-elem');
    await context.close();
  });
});

/** The built app (out/, made by the suite's global setup): what Electron will load. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

describe('app bundle', () => {
  it('has a CommonJS preload that loads nothing but electron (sandboxed preloads cannot)', () => {
    const preload = readFileSync('out/preload/index.cjs', 'utf8');
    expect([...preload.matchAll(/require\(["']([^"']+)["']\)/gu)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).not.toMatch(/^\s*(import|export)\s/mu);
  });

  it('ships the renderer page with a strict Content-Security-Policy', () => {
    const html = readFileSync('out/renderer/index.html', 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/u.exec(html)?.[1] ?? '';
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)|https?:/u);
    // The meta tag and main's header are the same policy, written once in shared/csp.ts.
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
  });

  it('has an ESM main that Electron starts', () => {
    expect(readFileSync('out/main/index.js', 'utf8')).toMatch(/from ["']electron["']/u);
  });
});

import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CspConfigError, DEFAULT_HUB_ORIGINS, engineOrigins, hubOrigins } from './csp';

describe('contentSecurityPolicy', () => {
  it('allows the own origin, WASM compilation and the hubs; never eval or inline script', () => {
    const policy = contentSecurityPolicy({ hubs: ['https://hub.example'], delivery: 'header' });
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' blob:;");
    expect(policy).toContain("connect-src 'self' https://hub.example;");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).not.toMatch(/'unsafe-eval'|'unsafe-inline'|\*;|\* /);
  });

  it('leaves frame-ancestors out of a <meta> policy, where browsers ignore it', () => {
    expect(contentSecurityPolicy({ hubs: [], delivery: 'meta' })).not.toContain('frame-ancestors');
  });
});

describe('hubOrigins', () => {
  it('defaults to huggingface.co and its CDNs', () => {
    expect(hubOrigins(undefined)).toEqual(DEFAULT_HUB_ORIGINS);
    expect(hubOrigins('  ')).toEqual(DEFAULT_HUB_ORIGINS);
  });

  it('reads a space- or comma-separated list, trailing slashes dropped', () => {
    expect(hubOrigins('https://hub.example/, http://127.0.0.1:4318 https://*.cdn.example')).toEqual([
      'https://hub.example',
      'http://127.0.0.1:4318',
      'https://*.cdn.example',
    ]);
  });

  it('refuses what is not an origin: a quote or a semicolon would add to the policy', () => {
    for (const bad of [
      "'unsafe-eval'",
      'https://a.example;script-src',
      '*',
      'https://a.example/path',
      'ftp://a',
    ]) {
      expect(() => hubOrigins(bad)).toThrow(CspConfigError);
    }
  });
});

describe('engineOrigins', () => {
  it('allows no server by default; the listed ones join connect-src, and only origins are taken', () => {
    expect(engineOrigins(undefined)).toEqual([]);
    const engines = engineOrigins('http://localhost:8000/ http://192.168.1.5:30000');
    expect(engines).toEqual(['http://localhost:8000', 'http://192.168.1.5:30000']);
    const policy = contentSecurityPolicy({ hubs: ['https://hub.example'], engines, delivery: 'meta' });
    expect(policy).toContain(
      "connect-src 'self' https://hub.example http://localhost:8000 http://192.168.1.5:30000;",
    );
    expect(() => engineOrigins("http://localhost:8000 'unsafe-eval'")).toThrow(CspConfigError);
  });
});

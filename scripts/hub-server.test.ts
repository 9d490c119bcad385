import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HTML_PAGE, parseRange, startHubServer, type HubServer } from '../e2e/hub/hub-server';

// The e2e stand-in for the Hugging Face hub (e2e/hub/hub-server.ts), over a small model-like tree.
const root = mkdtempSync(join(tmpdir(), 'hub-server-'));
const model = 'rlm-playground/tiny-math-chat';
const onnx = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256));
const config = JSON.stringify({ model_type: 'llama', vocab_size: 32 });
mkdirSync(join(root, model, 'onnx'), { recursive: true });
writeFileSync(join(root, model, 'onnx', 'model_quantized.onnx'), onnx);
writeFileSync(join(root, model, 'config.json'), config);
writeFileSync(join(root, 'outside.txt'), 'not a model file');

const onnxPath = `/${model}/resolve/main/onnx/model_quantized.onnx`;
const configPath = `/${model}/resolve/main/config.json`;

let hub: HubServer;
beforeAll(async () => {
  hub = await startHubServer({ root, port: 0 });
});
afterAll(async () => {
  await hub.stop();
  rmSync(root, { recursive: true, force: true });
});
beforeEach(async () => {
  await fetch(`${hub.url}/__hub/reset`, { method: 'POST' });
});

const get = (path: string, init?: RequestInit) => fetch(`${hub.url}${path}`, init);
const setMode = (body: object) =>
  fetch(`${hub.url}/__hub/mode`, { method: 'POST', body: JSON.stringify(body) });

describe('hub server: files', () => {
  it('serves a full GET with the bytes and the cross-origin headers', async () => {
    const res = await get(onnxPath);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(onnx);
    expect(res.headers.get('content-length')).toBe('1000');
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('Content-Range');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('etag')).toMatch(/^".+"$/);
    expect(res.headers.get('accept-ranges')).toBe('bytes');

    const json = await get(configPath);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await json.json()).toEqual(JSON.parse(config));
  });

  it('answers a range probe with 206, Content-Range and one byte', async () => {
    const res = await get(onnxPath, { headers: { Range: 'bytes=0-0' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 0-0/1000');
    expect(res.headers.get('content-length')).toBe('1');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([onnx[0]]);
  });

  it('serves open, bounded and clamped ranges; 416 when unsatisfiable', async () => {
    const open = await get(onnxPath, { headers: { Range: 'bytes=990-' } });
    expect(open.status).toBe(206);
    expect(open.headers.get('content-range')).toBe('bytes 990-999/1000');
    expect(Buffer.from(await open.arrayBuffer())).toEqual(onnx.subarray(990));

    const mid = await get(onnxPath, { headers: { Range: 'bytes=10-19' } });
    expect(Buffer.from(await mid.arrayBuffer())).toEqual(onnx.subarray(10, 20));

    const clamped = await get(onnxPath, { headers: { Range: 'bytes=995-5000' } });
    expect(clamped.headers.get('content-range')).toBe('bytes 995-999/1000');

    const bad = await get(onnxPath, { headers: { Range: 'bytes=1000-' } });
    expect(bad.status).toBe(416);
    expect(bad.headers.get('content-range')).toBe('bytes */1000');
    await bad.arrayBuffer();
  });

  it('parses ranges', () => {
    expect(parseRange(undefined, 10)).toEqual({ kind: 'none' });
    expect(parseRange('bytes=0-0', 10)).toEqual({ kind: 'range', start: 0, end: 0 });
    expect(parseRange('bytes=3-', 10)).toEqual({ kind: 'range', start: 3, end: 9 });
    expect(parseRange('bytes=-4', 10)).toEqual({ kind: 'range', start: 6, end: 9 });
    expect(parseRange('bytes=10-12', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-1,4-5', 10)).toEqual({ kind: 'none' });
    expect(parseRange('items=0-1', 10)).toEqual({ kind: 'none' });
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await get(onnxPath, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('1000');
    expect(res.headers.get('etag')).toBeTruthy();
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers 404 with a JSON error for a missing file, a folder, or a path outside the root', async () => {
    for (const path of [
      `/${model}/resolve/main/onnx/missing.onnx`,
      `/${model}/resolve/main/onnx`,
      `/${model}/resolve/main/..%2F..%2F..%2Foutside.txt`,
      '/not-a-hub-path',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await res.json()) as object).toHaveProperty('error');
    }
  });

  it('answers a CORS preflight', async () => {
    const res = await get(onnxPath, {
      method: 'OPTIONS',
      headers: { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'range' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toBe('range');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('hub server: failure modes', () => {
  it('404 and 500 modes answer JSON errors for every file', async () => {
    expect((await setMode({ mode: '404' })).status).toBe(200);
    const missing = await get(onnxPath);
    expect(missing.status).toBe(404);
    expect((await missing.json()) as object).toHaveProperty('error');

    await setMode({ mode: '500' });
    const broken = await get(configPath, { headers: { Range: 'bytes=0-0' } });
    expect(broken.status).toBe(500);
    expect((await broken.json()) as object).toHaveProperty('error');
  });

  it('html mode answers a sign-in page with 200 text/html, even to a range probe', async () => {
    await setMode({ mode: 'html' });
    for (const init of [{}, { headers: { Range: 'bytes=0-0' } }]) {
      const res = await get(onnxPath, init);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const text = await res.text();
      expect(text).toBe(HTML_PAGE);
      expect(text).toContain('Sign in');
    }
  });

  it('cut mode sends the full Content-Length, then drops the connection mid-body', async () => {
    await setMode({ mode: 'cut' });
    // The one-byte probe still succeeds, so the failure lands in the download.
    const probe = await get(onnxPath, { headers: { Range: 'bytes=0-0' } });
    expect(probe.status).toBe(206);
    await probe.arrayBuffer();

    // Either fetch itself rejects, or the headers arrive (with the full length) and the body read fails.
    let received = 0;
    let res: Response | undefined;
    try {
      res = await get(onnxPath);
    } catch {
      res = undefined;
    }
    if (res) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-length')).toBe('1000');
      const reader = res.body!.getReader();
      const readAll = async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          received += value.byteLength;
        }
      };
      await expect(readAll()).rejects.toThrow();
    }
    expect(received).toBeLessThan(1000);
  });

  it('a mode with match affects only the matching paths', async () => {
    await setMode({ mode: '500', match: '.onnx' });
    expect((await get(onnxPath)).status).toBe(500);
    const json = await get(configPath);
    expect(json.status).toBe(200);
    expect(await json.text()).toBe(config);
  });

  it('rejects an unknown mode, and reset puts the mode back to ok', async () => {
    expect((await setMode({ mode: 'flaky' })).status).toBe(400);
    await setMode({ mode: '404' });
    expect((await get(onnxPath)).status).toBe(404);
    const reset = await fetch(`${hub.url}/__hub/reset`, { method: 'POST' });
    expect(await reset.json()).toEqual({ mode: 'ok' });
    const res = await get(onnxPath);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(onnx);
  });
});

describe('hub server: request counts', () => {
  it('counts full GETs, range probes and HEADs per path, and reset zeroes them', async () => {
    await (await get(onnxPath, { headers: { Range: 'bytes=0-0' } })).arrayBuffer();
    await (await get(onnxPath)).arrayBuffer();
    await (await get(onnxPath)).arrayBuffer();
    await get(onnxPath, { method: 'HEAD' });
    await (await get(configPath)).arrayBuffer();

    const res = await fetch(`${hub.url}/__hub/requests`);
    expect(res.status).toBe(200);
    const counts = await res.json();
    expect(counts.paths[onnxPath]).toEqual({ get: 2, range: 1, head: 1, options: 0 });
    expect(counts.paths[configPath]).toEqual({ get: 1, range: 0, head: 0, options: 0 });
    expect(counts.totals).toEqual({ get: 3, range: 1, head: 1, options: 0 });
    expect(hub.requests().paths[onnxPath]?.get).toBe(2);

    await fetch(`${hub.url}/__hub/reset`, { method: 'POST' });
    expect(await (await fetch(`${hub.url}/__hub/requests`)).json()).toEqual({
      paths: {},
      totals: { get: 0, range: 0, head: 0, options: 0 },
      mode: { mode: 'ok' },
    });
  });
});

describe('hub server: CLI', () => {
  it('starts with npx tsx, prints its url, and answers the readiness check', async () => {
    const child = spawn('npx', ['tsx', 'e2e/hub/hub-cli.ts', '--root', root, '--port', '0'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so npx, tsx and node all stop together
    });
    try {
      const url = await new Promise<string>((ok, fail) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /hub listening on (\S+)/.exec(out);
          if (m?.[1]) ok(m[1]);
        });
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.on('exit', (code) => fail(new Error(`exited ${code}: ${out}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/__hub/requests`)).status).toBe(200);
      const res = await fetch(`${url}${configPath}`);
      expect(await res.text()).toBe(config);
    } finally {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    }
  });
});

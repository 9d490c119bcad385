/**
 * A stand-in for the Hugging Face hub, for browser tests: serves model files from a local folder at
 * the URLs transformers.js asks for, `{host}/{model id}/resolve/{revision}/{file}`, and can be told
 * to fail in the ways a real network fails (404, 500, a connection cut mid-download, a captive
 * portal's HTML page). Node's http module only.
 *
 * Layout: `{root}/{owner}/{name}/{file path}` (the revision is ignored: every revision serves the
 * same files). Control endpoints, under `/__hub/`:
 *   POST /__hub/mode      `{ "mode": "ok" | "404" | "500" | "cut" | "html" | "slow", "match"?: "path substring" }`
 *   GET  /__hub/mode      the current mode
 *   GET  /__hub/requests  request counts per file path: `{ get, range, head, options }`, plus totals
 *   POST /__hub/reset     zero the counts, mode back to "ok"
 *
 * Started from the command line by hub-cli.ts (Playwright's webServer).
 */
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve, sep } from 'node:path';
import { contentType, CORS_HEADERS, FILE_PATH, HTML_PAGE, parseRange, readBody, sendJson } from './hub-http';

export { HTML_PAGE, parseRange };

export const HUB_MODES = ['ok', '404', '500', 'cut', 'html', 'slow'] as const;
export type HubMode = (typeof HUB_MODES)[number];

export interface HubModeState {
  mode: HubMode;
  /** Only file paths containing this substring are affected; undefined: every file. */
  match?: string;
}

/** Counts for one file path. `get`: GET without Range; `range`: GET with Range (probes, resumes). */
export interface HubPathCounts {
  get: number;
  range: number;
  head: number;
  options: number;
}

export interface HubRequestCounts {
  /** Keyed by the decoded URL path, e.g. `/owner/name/resolve/main/onnx/model.onnx`. */
  paths: Record<string, HubPathCounts>;
  totals: HubPathCounts;
  mode: HubModeState;
}

export interface HubServerOptions {
  /** Folder laid out as `{root}/{owner}/{name}/...`. */
  root: string;
  /** 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface HubServer {
  /** e.g. `http://127.0.0.1:4318` (no trailing slash). */
  url: string;
  port: number;
  setMode(mode: HubMode, match?: string): void;
  requests(): HubRequestCounts;
  reset(): void;
  stop(): Promise<void>;
}

const zeroCounts = (): HubPathCounts => ({ get: 0, range: 0, head: 0, options: 0 });

export async function startHubServer(options: HubServerOptions): Promise<HubServer> {
  const root = resolve(options.root);
  const host = options.host ?? '127.0.0.1';
  let state: HubModeState = { mode: 'ok' };
  let counts = new Map<string, HubPathCounts>();

  const requests = (): HubRequestCounts => {
    const paths: Record<string, HubPathCounts> = {};
    const totals = zeroCounts();
    for (const [path, c] of counts) {
      paths[path] = { ...c };
      totals.get += c.get;
      totals.range += c.range;
      totals.head += c.head;
      totals.options += c.options;
    }
    return { paths, totals, mode: { ...state } };
  };
  const setMode = (mode: HubMode, match?: string): void => {
    state = match === undefined || match === '' ? { mode } : { mode, match };
  };
  const reset = (): void => {
    counts = new Map();
    state = { mode: 'ok' };
  };

  function count(path: string, req: IncomingMessage): void {
    const c = counts.get(path) ?? zeroCounts();
    counts.set(path, c);
    if (req.method === 'HEAD') c.head++;
    else if (req.method === 'OPTIONS') c.options++;
    else if (req.headers.range !== undefined) c.range++;
    else c.get++;
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/__hub/requests' && (req.method === 'GET' || req.method === 'HEAD')) {
      return sendJson(res, 200, requests(), req.method === 'HEAD');
    }
    if (path === '/__hub/mode' && req.method === 'GET') return sendJson(res, 200, state);
    if (path === '/__hub/reset' && req.method === 'POST') {
      reset();
      return sendJson(res, 200, state);
    }
    if (path === '/__hub/mode' && req.method === 'POST') {
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return sendJson(res, 400, { error: 'body must be JSON: { "mode": ..., "match"?: ... }' });
      }
      const { mode, match } = (body ?? {}) as { mode?: unknown; match?: unknown };
      if (!HUB_MODES.includes(mode as HubMode)) {
        return sendJson(res, 400, { error: `mode must be one of ${HUB_MODES.join(', ')}` });
      }
      if (match !== undefined && typeof match !== 'string') {
        return sendJson(res, 400, { error: 'match must be a string' });
      }
      setMode(mode as HubMode, match);
      return sendJson(res, 200, state);
    }
    return sendJson(res, 404, { error: `no control endpoint ${req.method} ${path}` });
  }

  async function serveFile(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const head = req.method === 'HEAD';
    const m = FILE_PATH.exec(path);
    const file = m ? resolve(root, m[1] ?? '', m[3] ?? '') : undefined;
    if (!file || !file.startsWith(root + sep)) {
      return sendJson(res, 404, { error: `Entry not found: ${path}` }, head);
    }

    const affected = state.mode !== 'ok' && (state.match === undefined || path.includes(state.match));
    if (affected && state.mode === '404') {
      return sendJson(res, 404, { error: `Entry not found (hub mode 404): ${path}` }, head);
    }
    if (affected && state.mode === '500') {
      return sendJson(res, 500, { error: 'Internal Error (hub mode 500)' }, head);
    }
    if (affected && state.mode === 'html') {
      res.writeHead(200, {
        ...CORS_HEADERS,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(HTML_PAGE),
      });
      res.end(head ? undefined : HTML_PAGE);
      return;
    }

    let info: Stats;
    try {
      info = await stat(file);
    } catch {
      return sendJson(res, 404, { error: `Entry not found: ${path}` }, head);
    }
    if (!info.isFile()) return sendJson(res, 404, { error: `Entry not found: ${path}` }, head);

    const size = info.size;
    const headers: Record<string, string | number> = {
      ...CORS_HEADERS,
      'Content-Type': contentType(file),
      'Accept-Ranges': 'bytes',
      ETag: `"${size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
      'Last-Modified': info.mtime.toUTCString(),
    };
    const range = parseRange(req.headers.range, size);
    if (range.kind === 'unsatisfiable') {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
      res.end();
      return;
    }
    const start = range.kind === 'range' ? range.start : 0;
    const end = range.kind === 'range' ? range.end : size - 1;
    const length = Math.max(0, end - start + 1);
    if (range.kind === 'range') headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    headers['Content-Length'] = length;
    res.writeHead(range.kind === 'range' ? 206 : 200, headers);
    if (head || length === 0) {
      res.end();
      return;
    }

    // "cut": the full Content-Length goes out, then the connection drops after half the body.
    // A one-byte range probe is spared, so the failure lands in the download itself.
    if (affected && state.mode === 'cut' && length > 1) {
      const half = Math.floor(length / 2);
      const stream = createReadStream(file, { start, end: start + half - 1 });
      stream.on('data', (chunk) => res.write(chunk));
      stream.on('error', () => res.destroy());
      stream.on('end', () => {
        res.write('', () => setTimeout(() => res.socket?.destroy(), 50));
      });
      return;
    }

    // "slow": the body goes out in 16 KB pieces 40 ms apart, so a download's progress can be watched.
    if (affected && state.mode === 'slow' && length > 1) {
      const stream = createReadStream(file, { start, end, highWaterMark: 16 * 1024 });
      stream.on('error', () => res.destroy());
      stream.on('data', (chunk) => {
        stream.pause();
        res.write(chunk, () => setTimeout(() => stream.resume(), 40));
      });
      stream.on('end', () => res.end());
      return;
    }

    const stream = createReadStream(file, { start, end });
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  const server = createServer((req, res) => {
    void (async () => {
      let path: string;
      try {
        path = decodeURIComponent(new URL(req.url ?? '/', 'http://hub').pathname);
      } catch {
        return sendJson(res, 400, { error: 'bad URL' });
      }
      if (path.startsWith('/__hub/')) return control(req, res, path);
      count(path, req);
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          ...CORS_HEADERS,
          'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
          'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
          'Access-Control-Max-Age': '600',
        });
        res.end();
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendJson(res, 405, { error: `method ${req.method} not allowed` });
      }
      return serveFile(req, res, path);
    })().catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(e) });
      else res.destroy();
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    setMode,
    requests,
    reset,
    stop: () =>
      new Promise<void>((ok, fail) => {
        server.close((e) => (e ? fail(e) : ok()));
        server.closeAllConnections();
      }),
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';

/** The HTTP details of the stand-in hub (hub-server.ts): headers, content types, ranges, JSON replies. */
export const HTML_PAGE =
  '<!doctype html><html><head><title>Sign in</title></head>' +
  '<body><h1>Sign in</h1><p>Sign in to continue to the network.</p></body></html>';

export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Content-Range, Content-Length, ETag, Accept-Ranges',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  // no-store: every fetch reaches the server, so request counts show what the app's own cache did.
  'Cache-Control': 'no-store',
} as const;

export const FILE_PATH = /^\/(.+?)\/resolve\/([^/]+)\/(.+)$/;

export function contentType(file: string): string {
  switch (extname(file).toLowerCase()) {
    case '.json':
      return 'application/json; charset=utf-8';
    case '.txt':
    case '.md':
      return 'text/plain; charset=utf-8';
    default:
      return 'application/octet-stream';
  }
}

export type RangeResult =
  { kind: 'none' } | { kind: 'unsatisfiable' } | { kind: 'range'; start: number; end: number };

/** A single `bytes=` range; anything else (several ranges, other units, bad syntax) is ignored. */
export function parseRange(header: string | undefined, size: number): RangeResult {
  if (!header) return { kind: 'none' };
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/.exec(header);
  if (!m) return { kind: 'none' };
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return { kind: 'none' };
  let start: number;
  let end: number;
  if (a === '') {
    // Suffix range: the last b bytes.
    const n = Number(b);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
    if (b !== '' && Number(b) < start) return { kind: 'none' };
    if (start >= size) return { kind: 'unsatisfiable' };
  }
  return { kind: 'range', start, end };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, head = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(head ? undefined : text);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A minimal ustar writer: regular files and their folders, names up to 100 bytes (or split into a
 * 155-byte prefix and a 100-byte name at a slash). Enough to hand a model folder to `tar xf`
 * from the browser, where nothing else writes archives.
 */
export interface TarEntry {
  /** Path inside the archive, with '/' between folders. */
  readonly path: string;
  readonly data: Uint8Array | string;
}

export class TarError extends Error {
  override readonly name = 'TarError';
}

const BLOCK = 512;
const encoder = new TextEncoder();

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function splitName(path: string): { name: string; prefix: string } {
  if (encoder.encode(path).length <= 100) return { name: path, prefix: '' };
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (encoder.encode(prefix).length <= 155 && encoder.encode(name).length <= 100) return { name, prefix };
  }
  throw new TarError(`${path}: too long a path for a tar archive`);
}

function header(path: string, size: number, type: '0' | '5', mtime: number): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const put = (text: string, offset: number) => block.set(encoder.encode(text), offset);
  const { name, prefix } = splitName(path);
  put(name, 0);
  put(octal(type === '5' ? 0o755 : 0o644, 8), 100);
  put(octal(0, 8), 108);
  put(octal(0, 8), 116);
  put(octal(size, 12), 124);
  put(octal(mtime, 12), 136);
  put('        ', 148);
  put(type, 156);
  put('ustar\0', 257);
  put('00', 263);
  put(prefix, 345);
  const sum = block.reduce((a, b) => a + b, 0);
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

/** The archive's bytes: each folder once (before its files), each file padded to 512 bytes. */
export function tarArchive(entries: readonly TarEntry[], mtime = Math.floor(Date.now() / 1000)): Uint8Array {
  const parts: Uint8Array[] = [];
  const folders = new Set<string>();
  for (const entry of entries) {
    const path = entry.path.replace(/^\/+/, '');
    if (path === '' || path.split('/').includes('..'))
      throw new TarError(`${entry.path}: not a relative path`);
    const dirs = path.split('/').slice(0, -1);
    dirs.forEach((_, i) => {
      const dir = `${dirs.slice(0, i + 1).join('/')}/`;
      if (folders.has(dir)) return;
      folders.add(dir);
      parts.push(header(dir, 0, '5', mtime));
    });
    const data = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data;
    parts.push(header(path, data.length, '0', mtime), data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad > 0) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

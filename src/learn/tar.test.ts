import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TarError, tarArchive } from './tar';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function written(bytes: Uint8Array): { dir: string; archive: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tar-test-'));
  dirs.push(dir);
  const archive = join(dir, 'a.tar');
  writeFileSync(archive, bytes);
  return { dir, archive };
}

describe('tarArchive', () => {
  const binary = Uint8Array.from({ length: 1500 }, (_, i) => (i * 7) % 256);
  const long = `countdown-policy/${'deep/'.repeat(25)}file.txt`;
  const entries = [
    { path: 'countdown-policy/config.json', data: '{"model_type":"gpt2"}' },
    { path: 'countdown-policy/onnx/model.onnx', data: binary },
    { path: 'countdown-value/MODEL_CARD.md', data: '# card\n' },
    { path: long, data: 'far down' },
  ];

  it('is listed by tar with every folder and file', () => {
    const { archive } = written(tarArchive(entries));
    const listed = execFileSync('tar', ['tf', archive], { encoding: 'utf8' }).trim().split('\n');
    expect(listed).toEqual(
      expect.arrayContaining(['countdown-policy/', 'countdown-policy/onnx/', ...entries.map((e) => e.path)]),
    );
    expect(listed.filter((p) => p === 'countdown-policy/')).toHaveLength(1);
  });

  it('extracts with tar to the same bytes', () => {
    const { dir, archive } = written(tarArchive(entries));
    execFileSync('tar', ['xf', archive, '-C', dir]);
    expect(new Uint8Array(readFileSync(join(dir, 'countdown-policy/onnx/model.onnx')))).toEqual(binary);
    expect(readFileSync(join(dir, 'countdown-policy/config.json'), 'utf8')).toBe('{"model_type":"gpt2"}');
    expect(readFileSync(join(dir, long), 'utf8')).toBe('far down');
  });

  it('pads to whole blocks and ends with two empty ones', () => {
    const bytes = tarArchive([{ path: 'a.txt', data: 'x' }]);
    expect(bytes.length % 512).toBe(0);
    expect(bytes.length).toBe(512 * 4);
    expect(bytes.slice(-1024).every((b) => b === 0)).toBe(true);
  });

  it('refuses paths that climb out or cannot be stored', () => {
    expect(() => tarArchive([{ path: '../x', data: '' }])).toThrow(TarError);
    expect(() => tarArchive([{ path: 'x'.repeat(300), data: '' }])).toThrow(/too long/);
  });
});

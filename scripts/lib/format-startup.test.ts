import { describe, expect, it } from 'vitest';
import { assetName, formatStartup, median, type StartupRun } from './format-startup';

describe('startup bench formatting', () => {
  it('names hashed assets without their hash, and model files by their folder', () => {
    expect(assetName('http://127.0.0.1:4402/assets/main-Dvedn5Ii.js')).toBe('main.js');
    expect(assetName('http://127.0.0.1:4402/assets/main-e-a4kgzN.js')).toBe('main.js');
    expect(assetName('http://127.0.0.1:4402/assets/ort-wasm-simd-threaded.jspi-CP6SXO_B.wasm')).toBe(
      'ort-wasm-simd-threaded.jspi.wasm',
    );
    expect(assetName('http://127.0.0.1:4402/models/countdown-policy/onnx/model.onnx')).toBe(
      'countdown-policy/onnx/model.onnx',
    );
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('summarizes each page and lists its events in order', () => {
    const run = (label: string, readyMs: number): StartupRun => ({
      label,
      readyMs,
      requests: [{ name: 'x.wasm', startMs: 100, endMs: 300 }],
      marks: [{ name: 'runtime warmed up', atMs: readyMs - 50 }],
    });
    const text = formatStartup([run('app', 1000), run('app', 2000), run('app', 1500), run('floor', 900)]);
    expect(text).toMatch(/app\s+3\s+1500\s+1000\s+2000/);
    expect(text).toMatch(/floor\s+1\s+900/);
    expect(text.indexOf('fetch x.wasm')).toBeLessThan(text.indexOf('mark runtime warmed up'));
  });
});

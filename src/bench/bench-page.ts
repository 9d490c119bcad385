import type { BenchReport } from './bench-workload';
import type { BenchRequest, BenchMessage } from './bench-worker';

/** bench.html: runs the benchmark in a worker and shows its report (Playwright reads #report). */
const params = new URLSearchParams(window.location.search);
const request: BenchRequest = {
  puzzles: Number(params.get('puzzles') ?? 20),
  simulations: Number(params.get('sims') ?? 64),
  backend: params.get('backend') === 'webgpu' ? 'webgpu' : 'wasm',
};
const progress = document.getElementById('progress');
const report = document.getElementById('report');
const worker = new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module', name: 'bench' });
worker.onmessage = (event: MessageEvent<BenchMessage>) => {
  const m = event.data;
  if (m.type === 'progress') {
    if (progress) progress.textContent += `\n${m.line}`;
  } else if (report) {
    report.textContent =
      m.type === 'report' ? JSON.stringify(m.report satisfies BenchReport, null, 2) : m.message;
    report.dataset.state = m.type === 'report' ? 'done' : 'error';
  }
};
worker.postMessage(request);

/// <reference lib="webworker" />
import { env } from '@huggingface/transformers';
import { COUNTDOWN_POLICY, COUNTDOWN_VALUE } from '../inference/model-files';
import { TransformersPolicy } from '../inference/policy';
import { loadCausalLm, loadValueModel } from '../inference/transformers-models';
import { TransformersValue } from '../inference/value';
import { configureBrowserEnv } from '../inference/worker/browser-models';
import totPuzzles from '../../benchmarks/game24/tot-test-901-1000.jsonl?raw';
import { runBench, type BenchModels, type BenchReport } from './bench-workload';
import { timedModel, type ForwardClock } from './timed-model';

export interface BenchRequest {
  readonly puzzles: number;
  readonly simulations: number;
  readonly backend: 'wasm' | 'webgpu';
}

export type BenchMessage =
  | { readonly type: 'progress'; readonly line: string }
  | { readonly type: 'report'; readonly report: BenchReport }
  | { readonly type: 'error'; readonly message: string };

const post = (m: BenchMessage) => self.postMessage(m);

/** The benchmark's models in this worker, as the Node bench loads them in-process. */
async function load(prefixCache: boolean, device: 'wasm' | 'webgpu'): Promise<BenchModels> {
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.localModelPath = '/models/';
  const clock: ForwardClock = { policy: 0, value: 0 };
  const [policyModel, valueModel] = await Promise.all([
    loadCausalLm(COUNTDOWN_POLICY, { dtype: 'fp32', device }),
    loadValueModel(COUNTDOWN_VALUE, { dtype: 'fp32', device }),
  ]);
  // Chromium's non-standard heap figure, where a worker has it; NaN (null in the JSON) when unknown.
  const heap = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return {
    policy: new TransformersPolicy(timedModel(policyModel, clock, 'policy'), { prefixCache }),
    value: new TransformersValue(timedModel(valueModel, clock, 'value'), { prefixCache }),
    forwardMs: () => ({ ...clock }),
    memoryMB: () => (heap ? heap.usedJSHeapSize / (1024 * 1024) : Number.NaN),
    dispose: async () => {
      await Promise.all([policyModel.dispose(), valueModel.dispose()]);
    },
  };
}

self.onmessage = async (event: MessageEvent<BenchRequest>) => {
  const { puzzles, simulations, backend } = event.data;
  try {
    configureBrowserEnv('/models/');
    const all = totPuzzles
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { numbers: number[]; target: number })
      .map(({ numbers, target }) => ({ numbers, target }));
    // The same warm-up as the Node bench: the file's last puzzle, untimed.
    const report = await runBench(
      (cache) => load(cache, backend),
      all.slice(0, puzzles),
      simulations,
      (line) => post({ type: 'progress', line }),
      all.slice(-1),
    );
    post({ type: 'report', report });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};

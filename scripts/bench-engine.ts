import { parseArgs } from 'node:util';
import { SearchSession } from '../src/core/session';
import { createStrategy } from '../src/core/strategies/create';
import { DEFAULT_CONFIG, runToEnd } from '../src/core/strategies/strategy';
import { countdownTask, type CountdownProblem } from '../src/core/tasks/countdown';
import { loadCountdownModels } from '../src/inference/node-models';
import { CompletionsClient } from '../src/inference/openai/completions-client';
import { probeEngine } from '../src/inference/openai/engine-probe';
import { OpenAiPolicy } from '../src/inference/openai/openai-policy';
import { VllmDouble } from '../src/inference/openai/testing/vllm-double';

/**
 * npm run bench:engine: simulations per second of MCTS on a server engine, one leaf at a time
 * against P leaves per round with virtual loss, on the vLLM TEST DOUBLE (the project's embedded
 * policy in this process) with a latency added to every request. The value model runs in-process,
 * as it would in the page. A ratio in one run, on one machine.
 */
const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '50' },
    sims: { type: 'string', default: '32' },
    parallel: { type: 'string', default: '1,4,8' },
    k: { type: 'string', default: String(DEFAULT_CONFIG.k) },
    // fp32 keeps the prefix cache on, as vLLM's automatic prefix caching; q8 computes every context.
    dtype: { type: 'string', default: 'fp32' },
  },
});
const latencyMs = Number(values.latency);
const simulations = Number(values.sims);
const widths = (values.parallel ?? '1,4,8').split(',').map(Number);
const k = Number(values.k);
const dtype = values.dtype === 'q8' ? 'q8' : 'fp32';
const PUZZLES: CountdownProblem[] = [
  { numbers: [4, 5, 6, 10], target: 24 },
  { numbers: [1, 8, 10, 11], target: 24 },
  { numbers: [3, 3, 8, 8], target: 24 },
];

const models = await loadCountdownModels(dtype);

interface Row {
  readonly parallel: number;
  readonly simsPerSecond: number;
  readonly requests: number;
  readonly maxInFlight: number;
  /** Completions per model call (1 when the double runs one at a time). */
  readonly perBatch: number;
}

/** Every width on one double: `batch` makes it batch the requests waiting, as a real server. */
async function measure(batch: boolean): Promise<Row[]> {
  const double = new VllmDouble({ model: 'countdown-policy', policy: models.policy, latencyMs, batch });
  const base = await double.start();
  const client = new CompletionsClient({ base, model: 'countdown-policy' });
  const policy = new OpenAiPolicy(client, await probeEngine(client));
  const rows: Row[] = [];
  for (const parallel of widths) {
    const before = double.completions;
    const batchesBefore = double.batcher?.batches ?? 0;
    double.maxInFlight = 0;
    let sims = 0;
    const started = performance.now();
    for (const [i, problem] of PUZZLES.entries()) {
      const session = new SearchSession(countdownTask, problem, { policy, value: models.value }, i + 1);
      const config = {
        ...DEFAULT_CONFIG,
        strategy: 'mcts' as const,
        simulations,
        k,
        parallel,
        stopOnSolved: false,
      };
      sims += (await runToEnd(createStrategy(session, config))).iterations;
    }
    const seconds = (performance.now() - started) / 1000;
    const requests = double.completions - before;
    const batches = double.batcher ? double.batcher.batches - batchesBefore : requests;
    rows.push({
      parallel,
      simsPerSecond: sims / seconds,
      requests,
      maxInFlight: double.maxInFlight,
      perBatch: batches > 0 ? requests / batches : 1,
    });
  }
  await double.close();
  return rows;
}

const modes = [
  { name: 'the double generating one request at a time', rows: await measure(false) },
  { name: 'the double batching the requests that wait, as vLLM does', rows: await measure(true) },
];
await models.dispose();

console.log(
  `MCTS on the vLLM test double (${dtype}), ${latencyMs} ms per request, ${simulations} simulations x ${PUZZLES.length} puzzles, k=${k}`,
);
for (const { name, rows } of modes) {
  const one = rows.find((r) => r.parallel === 1)?.simsPerSecond ?? Number.NaN;
  console.log(`\n${name}`);
  console.log('parallel  sims/s  ratio  requests  max in flight  requests per model call');
  for (const r of rows)
    console.log(
      `${String(r.parallel).padStart(8)}  ${r.simsPerSecond.toFixed(2).padStart(6)}  ${(r.simsPerSecond / one).toFixed(2).padStart(5)}  ${String(r.requests).padStart(8)}  ${String(r.maxInFlight).padStart(13)}  ${r.perBatch.toFixed(2).padStart(23)}`,
    );
}

import { parseArgs } from 'node:util';
import { loadCountdownModels } from '../src/inference/node-models';
import { VllmDouble } from '../src/inference/openai/testing/vllm-double';

/**
 * npm run engine:double -- [--port 8011] [--latency 50]: the vLLM TEST DOUBLE on 127.0.0.1,
 * serving the embedded Countdown policy as "countdown-policy", to try the server engine without a
 * GPU (npm run eval -- --engine openai --base http://127.0.0.1:8011 --model countdown-policy).
 */
const { values } = parseArgs({
  options: { port: { type: 'string', default: '8011' }, latency: { type: 'string', default: '0' } },
});
const models = await loadCountdownModels('q8');
const double = new VllmDouble({
  model: 'countdown-policy',
  policy: models.policy,
  latencyMs: Number(values.latency),
});
const base = await double.start(Number(values.port));
console.log(`vLLM test double at ${base} (model countdown-policy); Ctrl-C stops it`);
process.on(
  'SIGINT',
  () =>
    void double
      .close()
      .then(() => models.dispose())
      .then(() => process.exit(0)),
);
process.on(
  'SIGTERM',
  () =>
    void double
      .close()
      .then(() => models.dispose())
      .then(() => process.exit(0)),
);

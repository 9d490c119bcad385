import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCountdownModels } from '../src/inference/node-models';
import { serializeSession, sessionFile } from '../src/state/files/session-file';
import { DEFAULT_RECORDING_PATH } from '../src/state/recording';
import { SearchRunner } from '../src/state/search-runner';
import { DEFAULT_SETUP, type Setup } from '../src/state/setup';
import { validateSetup } from '../src/state/setup-validate';

/**
 * `npm run record:default`: records the search the page opens with (the default setup, on the
 * embedded models, in Node) as a session file the app ships, shown while the models load.
 * Also says where MCTS first solved it and what the greedy chain does on the same puzzle.
 */
async function searchToEnd(setup: Setup, models: Awaited<ReturnType<typeof loadCountdownModels>>) {
  const { valid, errors } = validateSetup(setup);
  if (!valid) throw new Error(`the default setup is not valid: ${JSON.stringify(errors)}`);
  const runner = new SearchRunner(valid, models);
  while (!runner.done) await runner.stepPhase();
  return runner;
}

async function main(): Promise<void> {
  const models = await loadCountdownModels('fp32');
  const setup: Setup = { ...DEFAULT_SETUP, backend: 'wasm' };
  const runner = await searchToEnd(setup, models);
  const chain = await searchToEnd({ ...setup, strategy: 'cot' }, models);
  await models.dispose();
  const file = sessionFile({
    setup: DEFAULT_SETUP,
    events: runner.session.events,
    tree: runner.session.tree,
    checkpoints: runner.checkpoints,
    exportedAt: new Date(0),
  });
  const out = resolve(import.meta.dirname, '../public', DEFAULT_RECORDING_PATH);
  writeFileSync(out, serializeSession(file));
  const result = runner.strategy.result;
  const sims = runner.checkpoints.filter((c) => c.operator === 'backpropagate').length;
  console.log(
    `MCTS: ${result?.solved ? 'solved' : 'not solved'} (${result?.answer}) after ${sims} simulations, ${runner.session.generatedTokens} tokens, ${Object.keys(runner.session.tree.nodes).length} nodes`,
  );
  console.log(
    `chain: ${chain.strategy.result?.solved ? 'solved' : 'not solved'} (${chain.strategy.result?.answer}), ${chain.session.generatedTokens} tokens`,
  );
  console.log(`wrote ${out}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

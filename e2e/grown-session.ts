import { ScriptedCountdownPolicy, SolverValue } from '../src/core/testing/scripted-models';
import { serializeSession, sessionFile } from '../src/state/files/session-file';
import { SearchRunner } from '../src/state/search-runner';
import { setupFromQuery } from '../src/state/setup';
import { validateSetup } from '../src/state/setup-validate';

/**
 * A session file holding an MCTS search of more than `minNodes` nodes, grown here in Node by the
 * engine itself (the playground's own SearchRunner) over the FAKE scripted models.
 *
 * Why not the embedded models: their policy writes only 4-number Countdown steps, and every
 * 4-number puzzle has under 1,000 distinct valid steps in all (4,5,7,9 -> 24: 700), so no search
 * on them reaches 2,000 nodes (measured: 150 to 770 nodes at the setup limits of sims, k and
 * temperature). The scripted policy samples legal 5-number moves, which leaves room for thousands.
 * The file names the embedded models, which the page has loaded already, so that the import
 * restores it as a search of its own, timeline included.
 */
export async function grownSession(query: string, minNodes: number): Promise<Buffer> {
  const { setup } = setupFromQuery(query);
  const { valid, errors } = validateSetup(setup);
  if (!valid || valid.task !== 'countdown') throw new Error(`unusable setup: ${JSON.stringify(errors)}`);
  const models = {
    policy: new ScriptedCountdownPolicy(valid.problem, 0.05),
    value: new SolverValue(valid.problem),
  };
  const runner = new SearchRunner(valid, models);
  // Whole simulations only, so that the file ends where a paused search would.
  while (
    !runner.done &&
    (Object.keys(runner.session.tree.nodes).length < minNodes || runner.phase !== 'select')
  ) {
    await runner.stepPhase();
  }
  const file = sessionFile({
    setup,
    events: runner.session.events,
    tree: runner.session.tree,
    checkpoints: runner.checkpoints,
    exportedAt: new Date(0),
  });
  return Buffer.from(serializeSession(file), 'utf8');
}

import { describe, expect, it } from 'vitest';
import { countdownTask } from '../tasks/countdown';
import { fakeConfig, fakeSession } from '../testing/fake-session';
import { treeInvariantViolations } from '../testing/invariants';
import { getNode, ROOT_ID, type ReasoningTree } from '../tree';
import { createStrategy } from './create';
import { runToEnd } from './strategy';

// Engine tests on the scripted FAKE policy and solver-backed FAKE value (testing/fake-session.ts).
const FIVE = { numbers: [2, 3, 5, 7, 11], target: 97 };

function states(tree: ReasoningTree, steps: (id: string) => string[]): string[] {
  return Object.values(tree.nodes)
    .filter((n) => n.transpositionOf === undefined && (n.status === 'open' || n.status === 'expanded'))
    .map((n) => countdownTask.stateKey?.(FIVE, steps(n.id)) ?? '?');
}

describe('graph mode: one node per state (transpositions)', () => {
  it('merges states reached in another order, and the visits still add up after every simulation', async () => {
    const session = fakeSession(4, 0, FIVE);
    const strategy = createStrategy(
      session,
      fakeConfig('mcts', { graph: true, stopOnSolved: false, simulations: 60 }),
    );
    while (strategy.phase !== 'done') {
      if ((await strategy.step()) !== 'backpropagate') continue;
      expect(treeInvariantViolations(session.tree)).toEqual([]);
      // Every evaluation's visit reaches the root once, by whichever route it went up.
      const own = Object.values(session.tree.nodes).reduce((a, n) => a + n.ownVisits, 0);
      expect(getNode(session.tree, ROOT_ID).visits).toBe(own);
    }
    const aliases = Object.values(session.tree.nodes).filter((n) => n.transpositionOf !== undefined);
    expect(aliases.length).toBeGreaterThan(0);
    for (const a of aliases) {
      expect(a.childIds).toEqual([]);
      expect(a.status).toBe('open');
      const holder = getNode(session.tree, a.transpositionOf ?? '');
      expect(holder.transpositions).toContain(a.id);
      expect(countdownTask.stateKey?.(FIVE, session.steps(a.id))).toBe(
        countdownTask.stateKey?.(FIVE, session.steps(holder.id)),
      );
    }
    // Some simulation went through a transposition and on below the node holding its state.
    expect(aliases.some((a) => a.visits > a.ownVisits)).toBe(true);
    const keys = states(session.tree, (id) => session.steps(id));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('grows fewer nodes per state than the tree from the same seed, and stays deterministic', async () => {
    const grow = async (graph: boolean) => {
      const session = fakeSession(4, 0, FIVE);
      await runToEnd(
        createStrategy(session, fakeConfig('mcts', { graph, stopOnSolved: false, simulations: 60 })),
      );
      const keys = states(session.tree, (id) => session.steps(id));
      return { nodes: session.tree.nextId, keys, json: JSON.stringify(session.tree) };
    };
    const tree = await grow(false);
    const dag = await grow(true);
    expect(new Set(tree.keys).size).toBeLessThan(tree.keys.length);
    expect(new Set(dag.keys).size).toBe(dag.keys.length);
    expect((await grow(true)).json).toBe(dag.json);
  });

  it('keeps the sums when the node holding a state is pruned, and never enters it again', async () => {
    const session = fakeSession(4, 0, FIVE);
    const strategy = createStrategy(
      session,
      fakeConfig('mcts', { graph: true, stopOnSolved: false, simulations: 80 }),
    );
    let sims = 0;
    while (sims < 40) if ((await strategy.step()) === 'backpropagate') sims++;
    const holder = Object.values(session.tree.nodes).find((n) => (n.transpositions ?? []).length > 0);
    if (!holder) throw new Error('no transposition after 40 simulations');
    session.prune(holder.id);
    expect(treeInvariantViolations(session.tree)).toEqual([]);
    const mark = session.events.length;
    await runToEnd(strategy);
    for (const e of session.events.slice(mark))
      if (e.type === 'select') expect(e.nodeIds).not.toContain(holder.id);
    expect(treeInvariantViolations(session.tree)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { fakeConfig, fakeSession } from '../testing/fake-session';
import { treeInvariantViolations } from '../testing/invariants';
import { getNode, ROOT_ID } from '../tree';
import { createStrategy } from './create';
import { runToEnd, type Phase } from './strategy';

// Parallel MCTS with virtual loss, on the scripted FAKE policy and solver-backed FAKE value.

describe('parallel MCTS (virtual loss)', () => {
  it('selects up to P distinct leaves per round, expands them in one policy call, and backs each up', async () => {
    const session = fakeSession(4);
    const config = fakeConfig('mcts', { parallel: 4, simulations: 24, stopOnSolved: false });
    const strategy = createStrategy(session, config);
    const rounds: string[][] = [];
    let selects = 0;
    while (strategy.phase !== 'done') {
      const before = session.events.length;
      const ran: Phase = await strategy.step();
      if (ran !== 'select') continue;
      selects++;
      const leaves = session.events
        .slice(before)
        .flatMap((e) => (e.type === 'select' ? [e.nodeIds[e.nodeIds.length - 1] ?? ''] : []));
      rounds.push(leaves);
    }
    // Round one has only the root to offer; after it, virtual loss spreads each round over several leaves.
    expect(rounds[0]).toEqual([ROOT_ID]);
    expect(rounds[1]?.length).toBe(4);
    for (const leaves of rounds) expect(new Set(leaves).size).toBe(leaves.length);
    expect(rounds.flat()).toHaveLength(24);
    expect(strategy.result?.iterations).toBe(24);
    // Fewer rounds than simulations, one batched expansion each (at most).
    expect(selects).toBeLessThan(24);
    expect(session.policyCalls).toBeLessThanOrEqual(selects);
    expect(treeInvariantViolations(session.tree)).toEqual([]);
    // Children variant: N(root) is the number of evaluations, as in the one-at-a-time search.
    const evaluations = session.events.reduce(
      (a, e) => a + (e.type === 'evaluate' ? e.evaluations.length : 0),
      0,
    );
    expect(getNode(session.tree, ROOT_ID).visits).toBe(evaluations);
  });

  it('the same seed and P give the same tree; P = 1 is the one-at-a-time search', async () => {
    const grow = async (parallel: number) => {
      const session = fakeSession(6);
      await runToEnd(createStrategy(session, fakeConfig('mcts', { parallel, stopOnSolved: false })));
      return session;
    };
    const [a, b] = [await grow(4), await grow(4)];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
    const one = await grow(1);
    // One path per round: every select is followed by its own expand or evaluate.
    const kinds = one.events.map((e) => e.type).filter((t) => t === 'select' || t === 'backpropagate');
    for (let i = 0; i + 1 < kinds.length; i += 2)
      expect(kinds.slice(i, i + 2)).toEqual(['select', 'backpropagate']);
    expect(one.policyCalls).toBeGreaterThan(a.policyCalls);
  });

  it('works for every variant and with the solver and Gumbel, keeping the invariants', async () => {
    for (const [strategy, variant, solver] of [
      ['mcts', 'alphazero', false],
      ['mcts', 'x1', false],
      ['mcts', 'children', true],
      ['gumbel', 'children', false],
    ] as const) {
      const session = fakeSession(8, 0.3);
      const result = await runToEnd(
        createStrategy(session, fakeConfig(strategy, { parallel: 3, variant, solver, stopOnSolved: false })),
      );
      expect(result.iterations, `${strategy} ${variant}`).toBe(24);
      // x1's backup sets Q to its children's discounted mean and N to the simulations through it.
      if (variant === 'x1') expect(getNode(session.tree, ROOT_ID).visits).toBe(24);
      else expect(treeInvariantViolations(session.tree), `${strategy} ${variant}`).toEqual([]);
    }
  });

  it('a snapshot taken before parallel selection (one path) still restores', async () => {
    const session = fakeSession(2);
    const strategy = createStrategy(session, fakeConfig('mcts', { stopOnSolved: false }));
    await strategy.step();
    await strategy.step();
    const now = strategy.snapshot();
    const state = now.state as { paths: string[][]; groups: string[][] };
    const legacy = { ...state, path: state.paths[0], toEvaluate: state.groups[0] } as Record<string, unknown>;
    delete legacy.paths;
    delete legacy.groups;
    strategy.restore({ strategy: 'mcts', state: legacy });
    expect(strategy.snapshot()).toEqual(now);
  });
});

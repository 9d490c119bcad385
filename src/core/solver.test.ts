import { describe, expect, it } from 'vitest';
import { replay } from './events';
import { newProofs } from './solver';
import { createStrategy } from './strategies/create';
import { runToEnd } from './strategies/strategy';
import { fakeConfig, fakeSession } from './testing/fake-session';
import { getNode, isKnownFailed, ROOT_ID } from './tree';

// Engine tests on the scripted FAKE policy and solver-backed FAKE value (testing/fake-session.ts).
const child = (text: string, status: 'open' | 'failed' | 'solved') => ({
  text,
  logProb: -1,
  prior: 0.5,
  tokens: 3,
  samples: 1,
  status,
});

describe('MCTS-Solver proofs', () => {
  it('proves a node failed when every live child failed, and carries the proof up', () => {
    const session = fakeSession(1);
    session.apply({
      type: 'expand',
      parentId: ROOT_ID,
      children: [child('a', 'failed'), child('b', 'open')],
    });
    expect(newProofs(session.tree, ROOT_ID)).toEqual({ solved: [], failed: [] });
    session.apply({ type: 'expand', parentId: 'n2', children: [child('c', 'failed'), child('d', 'failed')] });
    expect(newProofs(session.tree, 'n2')).toEqual({ solved: [], failed: ['n2', ROOT_ID] });
    session.prove('n2');
    expect(getNode(session.tree, 'n2').proven).toBe('failed');
    expect(getNode(session.tree, ROOT_ID).proven).toBe('failed');
  });

  it('proves a solution up from the first solved child, and leaves pruned children out', () => {
    const session = fakeSession(1);
    session.apply({ type: 'expand', parentId: ROOT_ID, children: [child('a', 'open'), child('b', 'open')] });
    session.apply({ type: 'expand', parentId: 'n1', children: [child('c', 'solved'), child('d', 'failed')] });
    expect(newProofs(session.tree, 'n1')).toEqual({ solved: ['n1', ROOT_ID], failed: [] });
    session.apply({ type: 'expand', parentId: 'n2', children: [child('e', 'failed'), child('f', 'open')] });
    session.prune('n6');
    expect(newProofs(session.tree, 'n2').failed).toEqual(['n2']);
  });
});

describe('MCTS with the solver', () => {
  // Half the scripted samples are invalid steps: many failed leaves for selection to fall into.
  const grow = async (solver: boolean) => {
    const session = fakeSession(4, 0.5);
    const strategy = createStrategy(
      session,
      fakeConfig('mcts', { solver, stopOnSolved: false, simulations: 60 }),
    );
    const result = await runToEnd(strategy);
    return { session, result };
  };

  it('wastes simulations on failed leaves without it, none with it, and never selects one', async () => {
    const off = await grow(false);
    const on = await grow(true);
    expect(off.result.wastedSimulations).toBeGreaterThan(0);
    expect(on.result.wastedSimulations).toBe(0);
    const proofs = on.session.events.filter((e) => e.type === 'prove');
    expect(proofs.length).toBeGreaterThan(0);
    // Replaying the log up to each select: its path never enters a node known failed by then.
    on.session.events.forEach((e, i) => {
      if (e.type !== 'select') return;
      const before = replay(on.session.events, i);
      for (const id of e.nodeIds) expect(isKnownFailed(getNode(before, id))).toBe(false);
    });
  });

  it('stops early once the root is proven failed (an unsolvable puzzle)', async () => {
    const session = fakeSession(2, 0, { numbers: [1, 1, 2], target: 97 });
    const result = await runToEnd(
      createStrategy(session, fakeConfig('mcts', { solver: true, simulations: 200 })),
    );
    expect(result.solved).toBe(false);
    expect(getNode(session.tree, ROOT_ID).proven).toBe('failed');
    expect(result.iterations).toBeLessThan(200);
    expect(result.wastedSimulations).toBe(0);
  });

  it('marks the line of a solution proven solved', async () => {
    const session = fakeSession(3, 0);
    const result = await runToEnd(
      createStrategy(session, fakeConfig('mcts', { solver: true, simulations: 64 })),
    );
    expect(result.solved).toBe(true);
    expect(getNode(session.tree, ROOT_ID).proven).toBe('solved');
  });
});

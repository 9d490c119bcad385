import { describe, expect, it } from 'vitest';
import { fakeConfig, fakeSession } from '../testing/fake-session';
import { treeInvariantViolations } from '../testing/invariants';
import { getNode, isInPrunedSubtree, liveChildren, pathTo, qValue, ROOT_ID, type NodeId } from '../tree';
import { createStrategy } from './create';
import { X1_GAMMA } from './selection';
import { runToEnd, type Phase } from './strategy';

// Engine tests on the scripted FAKE policy and solver-backed FAKE value (testing/fake-session.ts).

describe('MCTS variants', () => {
  it('alphazero: evaluates the selected leaf; its new children wait at N = 0 with their priors', async () => {
    const session = fakeSession(1);
    const strategy = createStrategy(
      session,
      fakeConfig('mcts', { variant: 'alphazero', stopOnSolved: false }),
    );
    let backups = 0;
    while (backups < 1) if ((await strategy.step()) === 'backpropagate') backups++;
    const root = getNode(session.tree, ROOT_ID);
    expect(root.visits).toBe(1);
    expect(root.ownVisits).toBe(1);
    const kids = liveChildren(session.tree, root);
    expect(kids.length).toBeGreaterThan(1);
    for (const k of kids) expect(k.visits).toBe(0);
    expect(kids.reduce((a, k) => a + k.prior, 0)).toBeCloseTo(1);
    await runToEnd(strategy);
    expect(treeInvariantViolations(session.tree)).toEqual([]);
    // One evaluation per simulation: the root's N is the number of simulations.
    expect(getNode(session.tree, ROOT_ID).visits).toBe(strategy.result?.iterations);
  });

  it("x1: each backup sets Q(s) to the visit-weighted mean of the children's discounted Q", async () => {
    const session = fakeSession(2);
    const strategy = createStrategy(session, fakeConfig('mcts', { variant: 'x1', stopOnSolved: false }));
    let sims = 0;
    while (strategy.phase !== 'done') {
      if ((await strategy.step()) !== 'backpropagate') continue;
      sims++;
      const root = getNode(session.tree, ROOT_ID);
      expect(root.visits).toBe(sims);
      const kids = liveChildren(session.tree, root);
      const n = kids.reduce((a, k) => a + k.visits, 0);
      const mean = kids.reduce((a, k) => a + k.visits * X1_GAMMA * qValue(k), 0) / n;
      expect(qValue(root)).toBeCloseTo(mean, 9);
    }
    expect(sims).toBe(24);
  });
});

describe('beam and BFS prune what they drop', () => {
  it('beam: every open child outside the next beam is pruned, and no beam holds a pruned node', async () => {
    const session = fakeSession(8, 0);
    await runToEnd(
      createStrategy(session, fakeConfig('beam', { simulations: 2, k: 5, stopOnSolved: false })),
    );
    const pruned = session.events.filter((e) => e.type === 'prune');
    expect(pruned.length).toBeGreaterThan(0);
    for (const e of session.events)
      if (e.type === 'select')
        for (const id of e.nodeIds) expect(isInPrunedSubtree(session.tree, id)).toBe(false);
    expect(treeInvariantViolations(session.tree)).toEqual([]);
  });

  it('BFS: a child valued below the threshold is pruned even when the breadth has room', async () => {
    const session = fakeSession(8, 0);
    // The fake value says 0.9 where the target is still reachable and 0.1 where not.
    await runToEnd(
      createStrategy(
        session,
        fakeConfig('bfs', { simulations: 50, k: 6, threshold: 0.5, stopOnSolved: false }),
      ),
    );
    const open = Object.values(session.tree.nodes).filter(
      (n) => n.value !== undefined && n.status !== 'failed',
    );
    const low = open.filter((n) => (n.value ?? 0) < 0.5 && n.status === 'open');
    expect(low.length).toBeGreaterThan(0);
    for (const n of low) expect(n.pruned).toBe(true);
  });
});

describe('DFS backtracks', () => {
  it('returns to an ancestor of the abandoned node, then goes on below that ancestor', async () => {
    // Past its first solution DFS goes on, and each exhausted line sends it back up.
    const session = fakeSession(5, 0.3, { numbers: [2, 3, 5, 7, 11], target: 24 });
    await runToEnd(
      createStrategy(session, fakeConfig('dfs', { simulations: 40, threshold: 0.05, stopOnSolved: false })),
    );
    const { events } = session;
    const backtracks = events.flatMap((e, i) => (e.type === 'backtrack' ? [{ e, i }] : []));
    expect(backtracks.length).toBeGreaterThan(0);
    for (const { e, i } of backtracks) {
      expect(pathTo(session.tree, e.fromId)).toContain(e.toId);
      expect(e.toId).not.toBe(e.fromId);
      const next = events[i + 1];
      expect(next?.type).toBe('select');
      if (next?.type === 'select') expect(next.nodeIds).toContain(e.toId);
    }
  });
});

describe('DVTS', () => {
  it('splits N into N / M subtrees that each keep one node per depth, below distinct first steps', async () => {
    const session = fakeSession(6, 0, { numbers: [2, 3, 5, 7, 11], target: 97 });
    await runToEnd(
      createStrategy(session, fakeConfig('dvts', { simulations: 12, k: 4, stopOnSolved: false })),
    );
    const selects = session.events.filter((e) => e.type === 'select');
    expect(selects.length).toBeGreaterThan(1);
    let previous: readonly NodeId[] = [];
    selects.forEach((e, depth) => {
      if (e.type !== 'select') return;
      expect(e.nodeIds.length).toBeLessThanOrEqual(3);
      if (depth === 0) expect(new Set(e.nodeIds).size).toBe(e.nodeIds.length);
      // Every head after the first depth is a child of a head before it.
      else for (const id of e.nodeIds) expect(previous).toContain(getNode(session.tree, id).parentId);
      previous = e.nodeIds;
    });
  });
});

describe('Gumbel with Sequential Halving', () => {
  it('halves the root actions it visits phase by phase, from at most m = min(children, budget)', async () => {
    const session = fakeSession(7, 0, { numbers: [2, 3, 5, 7, 11], target: 97 });
    const strategy = createStrategy(
      session,
      fakeConfig('gumbel', { simulations: 33, k: 8, stopOnSolved: false }),
    );
    const rootActions: NodeId[] = [];
    let ran: Phase;
    while (strategy.phase !== 'done') {
      ran = await strategy.step();
      const last = session.events.at(-1);
      if (ran === 'select' && last?.type === 'select' && last.nodeIds.length > 1)
        rootActions.push(last.nodeIds[1] as NodeId);
    }
    const kids = liveChildren(session.tree, getNode(session.tree, ROOT_ID)).length;
    const distinct = (from: number, to: number) => new Set(rootActions.slice(from, to)).size;
    expect(distinct(0, rootActions.length)).toBeLessThanOrEqual(Math.min(kids, 32));
    // The last simulations go to fewer actions than the first ones (the halving).
    expect(distinct(rootActions.length - 4, rootActions.length)).toBeLessThan(distinct(0, 8));
    expect(treeInvariantViolations(session.tree)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { replay } from '../events';
import { SearchSession } from '../session';
import { countdownTask, verifyTrace, type CountdownProblem } from '../tasks/countdown';
import { treeInvariantViolations } from '../testing/invariants';
import { ScriptedCountdownPolicy, SolverValue } from '../testing/scripted-models';
import { isInPrunedSubtree, ROOT_ID } from '../tree';
import { createStrategy } from './create';
import { DEFAULT_CONFIG, runToEnd, STRATEGY_NAMES, type SearchConfig, type StrategyName } from './strategy';

// These tests use the scripted FAKE policy and solver-backed FAKE value: their point is the
// engine (tree invariants, determinism, phases), not the models.
const problem: CountdownProblem = { numbers: [4, 5, 6, 10], target: 24 };

function makeSession(seed: number, invalidRate = 0.1, p: CountdownProblem = problem) {
  return new SearchSession(
    countdownTask,
    p,
    { policy: new ScriptedCountdownPolicy(p, invalidRate), value: new SolverValue(p) },
    seed,
  );
}

function config(strategy: StrategyName, overrides: Partial<SearchConfig> = {}): SearchConfig {
  return { ...DEFAULT_CONFIG, strategy, simulations: strategy === 'mcts' ? 24 : 6, k: 4, ...overrides };
}

describe.each(STRATEGY_NAMES)('strategy %s', (name) => {
  it('keeps the tree invariants after every phase', async () => {
    const session = makeSession(3);
    const strategy = createStrategy(session, config(name, { stopOnSolved: false }));
    let phases = 0;
    while (strategy.phase !== 'done') {
      // The statistics are whole once a backpropagation has landed (between evaluate and
      // backpropagate, the new evaluations have not reached the ancestors yet).
      if ((await strategy.step()) === 'backpropagate')
        expect(treeInvariantViolations(session.tree)).toEqual([]);
      phases++;
    }
    expect(treeInvariantViolations(session.tree)).toEqual([]);
    expect(phases).toBeGreaterThan(2);
    expect(strategy.result).toBeDefined();
  });

  it('grows the same tree from the same seed, and another from another seed', async () => {
    const grow = async (seed: number) => {
      const session = makeSession(seed);
      await runToEnd(createStrategy(session, config(name, { stopOnSolved: false })));
      return JSON.stringify(session.tree);
    };
    const first = await grow(11);
    expect(await grow(11)).toBe(first);
    if (name !== 'cot') expect(await grow(12)).not.toBe(first);
  });

  it('replays its event log to the same tree, and to every earlier state', async () => {
    const session = makeSession(5);
    const strategy = createStrategy(session, config(name));
    const snapshots = new Map<number, string>();
    while (strategy.phase !== 'done') {
      await strategy.step();
      snapshots.set(session.events.length, JSON.stringify(session.tree));
    }
    expect(JSON.stringify(replay(session.events))).toBe(JSON.stringify(session.tree));
    expect(snapshots.size).toBeGreaterThan(2);
    for (const [count, snapshot] of snapshots)
      expect(JSON.stringify(replay(session.events, count))).toBe(snapshot);
  });

  it('rewinds to any earlier phase and, searching on from there, grows the same tree again', async () => {
    const session = makeSession(7);
    const strategy = createStrategy(session, config(name, { stopOnSolved: false }));
    const checkpoints = [{ session: session.checkpoint(), strategy: strategy.snapshot() }];
    while (strategy.phase !== 'done') {
      await strategy.step();
      checkpoints.push({ session: session.checkpoint(), strategy: strategy.snapshot() });
    }
    const finalTree = JSON.stringify(session.tree);
    const finalEvents = session.events.length;
    const middle = checkpoints[Math.floor(checkpoints.length / 2)];
    if (!middle) throw new Error('no checkpoints');
    session.rewind(middle.session);
    strategy.restore(middle.strategy);
    expect(session.events.length).toBe(middle.session.eventCount);
    expect(JSON.stringify(session.tree)).toBe(JSON.stringify(replay(session.events)));
    expect(strategy.phase).not.toBe('done');
    await runToEnd(strategy);
    expect(session.events.length).toBe(finalEvents);
    expect(JSON.stringify(session.tree)).toBe(finalTree);
  });

  it('refuses a snapshot made by another strategy', () => {
    const other = name === 'mcts' ? 'cot' : 'mcts';
    const snapshot = createStrategy(makeSession(1), config(other)).snapshot();
    expect(() => createStrategy(makeSession(1), config(name)).restore(snapshot)).toThrow(
      /snapshot cannot restore/,
    );
  });

  it('returns a verified answer when it reports solved', async () => {
    const session = makeSession(7, 0);
    const result = await runToEnd(
      createStrategy(session, config(name, { simulations: name === 'mcts' ? 48 : 16 })),
    );
    if (result.solved) expect(verifyTrace(problem, result.steps)).toMatchObject({ ok: true, solved: true });
    expect(session.events.at(-1)).toMatchObject({
      type: 'answer',
      nodeId: result.nodeId,
      solved: result.solved,
    });
  });
});

describe('MCTS', () => {
  it('runs select, expand, evaluate, backpropagate in order', async () => {
    const session = makeSession(1);
    const strategy = createStrategy(session, config('mcts', { stopOnSolved: false, simulations: 3 }));
    const phases: string[] = [];
    while (strategy.phase !== 'done') phases.push(await strategy.step());
    expect(phases.slice(0, 8)).toEqual([
      'select',
      'expand',
      'evaluate',
      'backpropagate',
      'select',
      'expand',
      'evaluate',
      'backpropagate',
    ]);
  });

  it('solves with a value model that knows reachability, and stops on the first verified solution', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const session = makeSession(seed, 0);
      const result = await runToEnd(createStrategy(session, config('mcts', { simulations: 64 })));
      expect(result.solved).toBe(true);
      expect(result.iterations).toBeLessThan(64);
    }
  });

  it('never selects into a pruned subtree, and the pruned statistics leave the ancestors', async () => {
    const session = makeSession(9);
    const strategy = createStrategy(session, config('mcts', { stopOnSolved: false, simulations: 40 }));
    // Prune between simulations, as the UI does (never between evaluate and backpropagate).
    let sims = 0;
    while (sims < 4) if ((await strategy.step()) === 'backpropagate') sims++;
    expect(strategy.phase).toBe('select');
    const root = session.tree.nodes[ROOT_ID];
    const victim = root?.childIds.map((id) => session.tree.nodes[id]).find((n) => n && n.status !== 'failed');
    expect(victim).toBeDefined();
    if (!victim || !root) return;
    const before = root.visits;
    session.prune(victim.id);
    expect(root.visits).toBe(before - victim.visits);
    const mark = session.events.length;
    await runToEnd(strategy);
    for (const event of session.events.slice(mark)) {
      if (event.type === 'select')
        for (const id of event.nodeIds) expect(isInPrunedSubtree(session.tree, id)).toBe(false);
      if (event.type === 'expand') expect(isInPrunedSubtree(session.tree, event.parentId)).toBe(false);
    }
    expect(treeInvariantViolations(session.tree)).toEqual([]);
  });

  it('respects the token budget', async () => {
    const session = makeSession(2);
    await runToEnd(
      createStrategy(session, config('mcts', { stopOnSolved: false, simulations: 1000, maxTokens: 200 })),
    );
    // The budget is checked before each expansion, so it is overshot by at most one expansion.
    expect(session.generatedTokens).toBeGreaterThanOrEqual(200);
    expect(session.generatedTokens).toBeLessThan(200 + 4 * 32);
  });

  it('can use UCT instead of PUCT', async () => {
    const session = makeSession(4, 0);
    const result = await runToEnd(
      createStrategy(session, config('mcts', { selection: 'uct', simulations: 64 })),
    );
    expect(result.solved).toBe(true);
  });
});

describe('best-of-N', () => {
  it('samples N chains that end on terminals, batching one policy call per depth', async () => {
    const session = makeSession(6, 0, { numbers: [1, 1, 1, 2], target: 50 });
    const policy = session.models.policy as ScriptedCountdownPolicy;
    const result = await runToEnd(createStrategy(session, config('bon', { simulations: 8 })));
    expect(result.solved).toBe(false);
    expect(policy.calls).toBe(3);
    const finalChains = Object.values(session.tree.nodes)
      .filter((n) => n.status === 'failed')
      .reduce((a, n) => a + n.samples, 0);
    expect(finalChains).toBe(8);
    expect(result.answer).not.toBe('');
  });
});

describe('beam search', () => {
  it('keeps at most `width` open nodes per depth, chosen by value', async () => {
    const session = makeSession(8, 0);
    await runToEnd(createStrategy(session, config('beam', { simulations: 2, k: 5, stopOnSolved: false })));
    const beams = session.events.filter((e) => e.type === 'select');
    expect(beams.length).toBeGreaterThan(0);
    for (const b of beams) {
      if (b.type !== 'select') continue;
      expect(b.nodeIds.length).toBeLessThanOrEqual(2);
      const values = b.nodeIds.map((id) => session.tree.nodes[id]?.value ?? 0);
      const depth = session.tree.nodes[b.nodeIds[0] ?? '']?.depth;
      const others = Object.values(session.tree.nodes).filter(
        (n) => n.depth === depth && n.status === 'open',
      );
      for (const o of others) expect(o.value ?? 0).toBeLessThanOrEqual(Math.max(...values));
    }
  });
});

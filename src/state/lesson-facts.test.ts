import { describe, expect, it } from 'vitest';
import { SearchSession } from '../core/session';
import { createStrategy } from '../core/strategies/create';
import { DEFAULT_CONFIG, type SearchConfig } from '../core/strategies/strategy';
import { countdownTask, type CountdownProblem } from '../core/tasks/countdown';
import { ScriptedCountdownPolicy, SolverValue } from '../core/testing/scripted-models';
import { firstSolvedNode, getNode, liveChildren, ROOT_ID, type ReasoningTree } from '../core/tree';
import { answerCandidates, bestQPath, mctsAnswer } from './lesson-answer';

// The lesson states facts about this engine; these tests hold the engine to them. FAKE models
// (a scripted policy, a solver-backed value): the claims are about the search, not the models.
const PUZZLES: readonly CountdownProblem[] = [
  { numbers: [1, 8, 10, 11], target: 24 },
  { numbers: [4, 5, 6, 10], target: 24 },
  { numbers: [3, 4, 4, 13], target: 24 },
];

function search(problem: CountdownProblem, seed: number, overrides: Partial<SearchConfig> = {}) {
  const session = new SearchSession(
    countdownTask,
    problem,
    { policy: new ScriptedCountdownPolicy(problem, 0.1, 0.6), value: new SolverValue(problem) },
    seed,
  );
  const strategy = createStrategy(session, { ...DEFAULT_CONFIG, simulations: 24, k: 8, seed, ...overrides });
  return { session, strategy };
}

/** Runs to the end, calling `after` with the tree and the simulation count after every backpropagation. */
async function runWatching(
  problem: CountdownProblem,
  seed: number,
  overrides: Partial<SearchConfig>,
  after: (tree: ReasoningTree, simulations: number) => void,
) {
  const { session, strategy } = search(problem, seed, overrides);
  let simulations = 0;
  while (strategy.phase !== 'done')
    if ((await strategy.step()) === 'backpropagate') after(session.tree, ++simulations);
  return { tree: session.tree, result: strategy.result };
}

describe('what the lesson says about this engine', () => {
  it('counts every new child at expansion: after one simulation N(root) is the number of children, each child N = 1', async () => {
    for (const problem of PUZZLES) {
      const { session, strategy } = search(problem, 1);
      while ((await strategy.step()) !== 'backpropagate');
      const root = getNode(session.tree, ROOT_ID);
      expect(root.childIds.length).toBeGreaterThan(1);
      expect(root.visits).toBe(root.childIds.length);
      for (const id of root.childIds) expect(getNode(session.tree, id).visits).toBe(1);
    }
  });

  it("keeps N of an expanded node at its own evaluations plus its children's N (the root: its children's alone), no child at N = 0 (UCT included)", async () => {
    for (const selection of ['puct', 'uct'] as const) {
      await runWatching(PUZZLES[0] as CountdownProblem, 2, { selection, stopOnSolved: false }, (tree) => {
        for (const node of Object.values(tree.nodes)) {
          const kids = liveChildren(tree, node);
          if (kids.length === 0) continue;
          // A node's own evaluation came when it was created, with its siblings; the root has none.
          expect(node.ownVisits).toBe(node.id === ROOT_ID ? 0 : 1);
          expect(node.visits).toBe(node.ownVisits + kids.reduce((sum, k) => sum + k.visits, 0));
          for (const k of kids) expect(k.visits).toBeGreaterThanOrEqual(1);
        }
      });
    }
  });

  it('grows the tree at most one step deeper per simulation, so a four-number puzzle is never solved before simulation 3', async () => {
    for (const problem of PUZZLES) {
      for (const seed of [1, 2, 3, 4]) {
        await runWatching(problem, seed, { stopOnSolved: false }, (tree, simulations) => {
          const deepest = Math.max(...Object.values(tree.nodes).map((n) => n.depth));
          expect(deepest).toBeLessThanOrEqual(simulations);
          if (simulations < 3) expect(firstSolvedNode(tree)).toBeUndefined();
        });
      }
    }
  });

  it('answers with the first verified solution under either stop rule, else the end of the most-visited path', async () => {
    let rules = new Set<string>();
    for (const problem of PUZZLES) {
      for (const stopOnSolved of [true, false]) {
        for (const simulations of [2, 24]) {
          const { tree, result } = await runWatching(
            problem,
            1,
            { stopOnSolved, simulations },
            () => undefined,
          );
          const expected = mctsAnswer(tree);
          expect(result?.nodeId).toBe(expected.nodeId);
          rules = rules.add(expected.rule);
          const { firstVerified, mostVisited } = answerCandidates(tree);
          expect(expected.nodeId).toBe(firstVerified?.id ?? mostVisited.at(-1));
        }
      }
    }
    // Both branches of the rule were exercised (2 simulations can never verify a solution).
    expect([...rules].sort()).toEqual(['verified', 'visits']);
  });

  it('follows the highest Q down to a leaf for the best-Q candidate', async () => {
    const { tree } = await runWatching(
      PUZZLES[1] as CountdownProblem,
      1,
      { stopOnSolved: false },
      () => undefined,
    );
    const path = bestQPath(tree);
    expect(path[0]).toBe(ROOT_ID);
    for (let i = 1; i < path.length; i++) {
      const parent = getNode(tree, path[i - 1] as string);
      const chosen = getNode(tree, path[i] as string);
      for (const sibling of liveChildren(tree, parent))
        expect(sibling.visits > 0 ? sibling.valueSum / sibling.visits : 0).toBeLessThanOrEqual(
          chosen.valueSum / chosen.visits,
        );
    }
    expect(liveChildren(tree, getNode(tree, path.at(-1) as string))).toHaveLength(0);
  });
});

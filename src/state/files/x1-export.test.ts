import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../core/strategies/create';
import { runToEnd } from '../../core/strategies/strategy';
import { fakeConfig, fakeSession, FAKE_PROBLEM } from '../../core/testing/fake-session';
import { isInPrunedSubtree, pathTo, qValue, type ReasoningTree } from '../../core/tree';
import { treeToX1 } from './x1-export';
import { parseX1Tree } from './x1-tree';

// The trees are grown by the engine over the scripted FAKE policy and value: the point is the format.

/** Each live node by its steps from the root: status, visits and Q, what a round trip must keep. */
function byPath(tree: ReasoningTree): Map<string, string> {
  const out = new Map<string, string>();
  for (const node of Object.values(tree.nodes)) {
    if (isInPrunedSubtree(tree, node.id)) continue;
    const key = pathTo(tree, node.id)
      .slice(1)
      .map((id) => tree.nodes[id]?.text)
      .join(' | ');
    out.set(key, `${node.status} N=${node.visits} Q=${qValue(node).toFixed(9)} P=${node.prior.toFixed(9)}`);
  }
  return out;
}

describe('x1 tree export', () => {
  it.each(['x1', 'children'] as const)(
    'round-trips a %s MCTS tree through the x1 import: steps, statuses, visits, Q and priors',
    async (variant) => {
      const session = fakeSession(3, 0.2);
      await runToEnd(
        createStrategy(session, fakeConfig('mcts', { variant, stopOnSolved: false, simulations: 20 })),
      );
      const x1 = treeToX1(session.tree, { question: 'q', answer: '24', simulations: 20, k: 4 });
      // Written as a file and read back, as a user would.
      const back = parseX1Tree(JSON.parse(JSON.stringify(x1)));
      expect(byPath(back.tree)).toEqual(byPath(session.tree));
      expect(back.question).toBe('q');
    },
  );

  it("writes x1's field names and args, and leaves pruned subtrees out", async () => {
    const session = fakeSession(8, 0);
    await runToEnd(
      createStrategy(session, fakeConfig('beam', { simulations: 2, k: 5, stopOnSolved: false })),
    );
    const pruned = Object.values(session.tree.nodes).filter((n) => n.pruned);
    expect(pruned.length).toBeGreaterThan(0);
    const x1 = treeToX1(session.tree, {
      question: `${FAKE_PROBLEM.numbers.join(' ')} -> 24`,
      answer: '24',
      simulations: 2,
      k: 5,
    });
    expect(Object.keys(x1)).toEqual(
      expect.arrayContaining([
        'id',
        'reasoning_step',
        'parent',
        'visit_count',
        'q_value',
        'is_terminal',
        'children',
      ]),
    );
    expect(x1.args).toMatchObject({
      reward_range: [0, 1],
      c1: 1.25,
      c2: 19652,
      gamma: 0.96,
      gt_solution: '24',
    });
    const ids = JSON.stringify(x1).match(/"id":"n\d+"/g) ?? [];
    for (const p of pruned) expect(ids).not.toContain(`"id":"${p.id}"`);
  });
});

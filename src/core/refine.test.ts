import { describe, expect, it } from 'vitest';
import { InvalidEventError, replay } from './events';
import type { Policy, PolicyInput, StepSample } from './models';
import { critiqueOf } from './refine';
import { SearchSession } from './session';
import { createStrategy } from './strategies/create';
import { runToEnd } from './strategies/strategy';
import { countdownTask, verifyTrace, type CountdownProblem } from './tasks/countdown';
import { CountdownSolver, legalMoves } from './tasks/countdown-solver';
import { fakeConfig, FAKE_PROBLEM } from './testing/fake-session';
import { treeInvariantViolations } from './testing/invariants';
import { ScriptedCountdownPolicy, SolverValue } from './testing/scripted-models';
import { getNode, stepsTo, type ReasoningTree, type TreeNode } from './tree';

/**
 * A FAKE policy for the Refine operator's tests (the point is the operator, not the model): it
 * samples like the scripted Countdown policy, with many invalid steps, and when the last line it
 * reads is a critique it answers with a move that keeps the target reachable after the steps
 * before the criticised one. It records what each refine request showed it.
 */
class ScriptedRefiningPolicy implements Policy {
  readonly critiqued: (readonly string[])[] = [];
  private readonly base: ScriptedCountdownPolicy;
  private readonly solver = new CountdownSolver();

  constructor(
    private readonly problem: CountdownProblem,
    invalidRate: number,
  ) {
    this.base = new ScriptedCountdownPolicy(problem, invalidRate);
  }

  async sample(input: PolicyInput): Promise<StepSample[][]> {
    const plain = input.requests.filter((r) => !isCritique(r.steps));
    const drawn = plain.length > 0 ? await this.base.sample({ ...input, requests: plain }) : [];
    let next = 0;
    return input.requests.map((r) => {
      if (!isCritique(r.steps)) return drawn[next++] ?? [];
      this.critiqued.push(r.steps);
      const before = r.steps.slice(0, -2);
      const state = verifyTrace(this.problem, before);
      const moves = state.ok ? legalMoves(state.remaining) : [];
      const good = moves.find((m) => this.solver.reachable(m.remaining, this.problem.target)) ?? moves[0];
      return good ? [{ text: good.text, logProb: -1, tokens: good.text.length + 1 }] : [];
    });
  }
}

const isCritique = (steps: readonly string[]) => steps[steps.length - 1]?.startsWith('Critique:') ?? false;

function refiningSession(seed: number, invalidRate = 0.5) {
  const policy = new ScriptedRefiningPolicy(FAKE_PROBLEM, invalidRate);
  const session = new SearchSession(
    countdownTask,
    FAKE_PROBLEM,
    { policy, value: new SolverValue(FAKE_PROBLEM) },
    seed,
  );
  return { session, policy };
}

const rewrites = (tree: ReasoningTree): TreeNode[] =>
  Object.values(tree.nodes).filter((n) => n.refines !== undefined);

describe('the Refine operator', () => {
  it('MCTS: each failed or low-valued new step gets one rewrite, a sibling marked as refining it', async () => {
    const { session, policy } = refiningSession(1);
    await runToEnd(createStrategy(session, fakeConfig('mcts', { refine: true, stopOnSolved: false })));
    const { tree } = session;
    const made = rewrites(tree);
    expect(made.length).toBeGreaterThan(0);
    // A rewrite repeating a step already there adds no node.
    expect(policy.critiqued.length).toBeGreaterThanOrEqual(made.length);
    const refinedIds = made.map((r) => r.refines);
    // A step is refined at most once, and a rewrite is never refined again.
    expect(new Set(refinedIds).size).toBe(refinedIds.length);
    for (const r of made) {
      const original = getNode(tree, r.refines ?? '');
      expect(r.parentId).toBe(original.parentId);
      expect(refinedIds).not.toContain(r.id);
      expect(original.status === 'failed' || (original.value ?? 1) < 0.05).toBe(true);
      expect(r.critique).toMatch(/^Critique: /);
      // Judged against the steps before the original: the rewrite is a valid step there.
      expect(verifyTrace(FAKE_PROBLEM, stepsTo(tree, r.id)).ok).toBe(true);
      // It was evaluated with its siblings (children variant): one visit at least.
      expect(r.visits).toBeGreaterThan(0);
    }
    expect(treeInvariantViolations(tree)).toEqual([]);
  });

  it('shows the policy the steps before, the step itself and the critique quoting the verifier', async () => {
    const { session, policy } = refiningSession(3);
    await runToEnd(createStrategy(session, fakeConfig('mcts', { refine: true, stopOnSolved: false })));
    const r = rewrites(session.tree)[0];
    if (!r) throw new Error('no rewrite');
    const original = getNode(session.tree, r.refines ?? '');
    const shown = policy.critiqued.find((s) => s[s.length - 2] === original.text);
    expect(shown?.slice(0, -2)).toEqual(stepsTo(session.tree, original.parentId ?? ''));
    if (original.reason) expect(shown?.[shown.length - 1]).toContain(original.reason);
  });

  it('is off by default, and the same seed gives the same refined tree; the log replays it', async () => {
    const off = refiningSession(2);
    await runToEnd(createStrategy(off.session, fakeConfig('mcts', { stopOnSolved: false })));
    expect(rewrites(off.session.tree)).toEqual([]);
    expect(off.policy.critiqued).toEqual([]);

    const shape = async () => {
      const { session } = refiningSession(2);
      await runToEnd(createStrategy(session, fakeConfig('mcts', { refine: true, stopOnSolved: false })));
      return session;
    };
    const [a, b] = [await shape(), await shape()];
    expect(JSON.stringify(a.tree)).toBe(JSON.stringify(b.tree));
    expect(a.events.some((e) => e.type === 'refine')).toBe(true);
    expect(replay(a.events)).toEqual(a.tree);
  });

  it('the chain goes on from the rewrite of a failed step', async () => {
    // The scripted policy draws greedily at temperature 0, so its invalid steps come at temperature > 0:
    // a policy that writes an invalid step first and the critique's rewrite after.
    const policy: Policy = {
      async sample(input) {
        return input.requests.map((r) => {
          if (isCritique(r.steps)) {
            const state = verifyTrace(FAKE_PROBLEM, r.steps.slice(0, -2));
            const move = state.ok ? legalMoves(state.remaining)[0] : undefined;
            return move ? [{ text: move.text, logProb: -1, tokens: 3 }] : [];
          }
          return [{ text: '1+1=3 (left: 3)', logProb: -1, tokens: 3 }];
        });
      },
    };
    const session = new SearchSession(
      countdownTask,
      FAKE_PROBLEM,
      { policy, value: new SolverValue(FAKE_PROBLEM) },
      1,
    );
    const result = await runToEnd(createStrategy(session, fakeConfig('cot', { refine: true })));
    const first = getNode(session.tree, 'n1');
    expect(first.status).toBe('failed');
    const rewrite = getNode(session.tree, 'n2');
    expect(rewrite.refines).toBe('n1');
    // The chain went on below the rewrite, not below the failed step.
    expect(rewrite.childIds.length).toBeGreaterThan(0);
    expect(first.childIds).toEqual([]);
    expect(result.steps[0]).toBe(rewrite.text);
  });

  it('needs a reason: open steps valued above the threshold, rewrites and the root are never refined', () => {
    const base: Omit<TreeNode, 'status'> = {
      id: 'n1',
      parentId: 'n0',
      childIds: [],
      depth: 1,
      text: '4+5=9 (left: 6 9 10)',
      logProb: 0,
      prior: 1,
      tokens: 1,
      samples: 1,
      visits: 1,
      valueSum: 0.9,
      ownVisits: 1,
      ownValueSum: 0.9,
      pruned: false,
    };
    expect(critiqueOf({ ...base, status: 'open', value: 0.9 }, 0.05)).toBeUndefined();
    expect(critiqueOf({ ...base, status: 'open', value: 0.01 }, 0.05)).toMatch(/value is 0\.01/);
    expect(critiqueOf({ ...base, status: 'failed', reason: 'no 1 left' }, 0.05)).toMatch(/no 1 left/);
    expect(critiqueOf({ ...base, status: 'failed', refines: 'n2' }, 0.05)).toBeUndefined();
    const tree = replay([]);
    expect(() =>
      replay([
        {
          type: 'refine',
          nodeId: tree.rootId,
          critique: 'Critique: x',
          child: { text: 'a', logProb: 0, prior: 1, tokens: 1, samples: 1, status: 'open' },
        },
      ]),
    ).toThrow(InvalidEventError);
  });
});

import { describe, expect, it } from 'vitest';
import { replay } from './events';
import type { Policy, PolicyInput, ScoreStepsInput, StepSample, StepScore } from './models';
import { SearchSession } from './session';
import { countdownTask } from './tasks/countdown';
import { FAKE_PROBLEM } from './testing/fake-session';
import { treeInvariantViolations } from './testing/invariants';
import { ScriptedCountdownPolicy, SolverValue } from './testing/scripted-models';
import { getNode, type NodeId } from './tree';
import { StepRefusedError, writeRefusal } from './write-step';

/**
 * A FAKE policy for writing steps by hand (the point is the operator, not the model): it samples
 * like the scripted Countdown policy, scores any given step as −0.5 per character, and records
 * what it was asked to score.
 */
class ScoringPolicy implements Policy {
  readonly asked: ScoreStepsInput[] = [];
  private readonly base = new ScriptedCountdownPolicy(FAKE_PROBLEM, 0);
  sample(input: PolicyInput): Promise<StepSample[][]> {
    return this.base.sample(input);
  }
  async scoreSteps(input: ScoreStepsInput): Promise<StepScore[]> {
    this.asked.push(input);
    return input.items.map((i) => ({ logProb: -0.5 * i.step.length, tokens: i.step.length + 1 }));
  }
}

function session(policy: Policy = new ScoringPolicy()) {
  return new SearchSession(countdownTask, FAKE_PROBLEM, { policy, value: new SolverValue(FAKE_PROBLEM) }, 3);
}

describe('writing a step by hand', () => {
  it('expands an open node with the written step alone: scored by the policy, judged by the verifier', async () => {
    const policy = new ScoringPolicy();
    const s = session(policy);
    const id = await s.write(s.tree.rootId, '  10 - 4 = 6 ');
    const node = getNode(s.tree, id);
    expect(node).toMatchObject({
      text: '10-4=6 (left: 5 6 6)',
      written: true,
      status: 'open',
      prior: 1,
      samples: 0,
    });
    expect(node.logProb).toBeCloseTo(-0.5 * '10-4=6 (left: 5 6 6)'.length);
    expect(getNode(s.tree, s.tree.rootId).status).toBe('expanded');
    expect(policy.asked[0]?.items).toEqual([{ steps: [], step: '10-4=6 (left: 5 6 6)' }]);
    expect(policy.asked[0]?.prompt).toBe(s.prompt);
    // The next step is scored after the written one, written in full this time.
    const next = await s.write(id, '6*6=36 (left: 5 36)');
    expect(policy.asked[1]?.items[0]?.steps).toEqual(['10-4=6 (left: 5 6 6)']);
    expect(getNode(s.tree, next).status).toBe('open');
    expect(treeInvariantViolations(s.tree)).toEqual([]);
  });

  it('beside sampled siblings, the prior is its probability normalized with theirs, and theirs stay', async () => {
    const s = session();
    const [kids = []] = await s.expand([{ nodeId: s.tree.rootId, k: 4 }], 1, 16);
    const before = kids.map((k) => getNode(s.tree, k).prior);
    const id = await s.write(s.tree.rootId, '5+4=9');
    const text = getNode(s.tree, id).text;
    const siblings = kids.map((k) => getNode(s.tree, k));
    const expected =
      Math.exp(-0.5 * text.length) /
      (Math.exp(-0.5 * text.length) + siblings.reduce((a, c) => a + Math.exp(c.logProb), 0));
    expect(getNode(s.tree, id).prior).toBeCloseTo(expected, 10);
    expect(siblings.map((c) => c.prior)).toEqual(before);
  });

  it('is an event: the log replays to the same tree, the written mark included', async () => {
    const s = session();
    await s.expand([{ nodeId: s.tree.rootId, k: 3 }], 1, 16);
    const id = await s.write(s.tree.rootId, '10/5=2');
    await s.evaluate([id]);
    expect(s.events.some((e) => e.type === 'write')).toBe(true);
    expect(replay(s.events)).toEqual(s.tree);
  });

  it('invalid arithmetic joins the tree as failed, with the verifier reason', async () => {
    const s = session();
    const id = await s.write(s.tree.rootId, '10-4=7');
    expect(getNode(s.tree, id)).toMatchObject({ text: '10-4=7 (left: 5 6 7)', status: 'failed' });
    expect(getNode(s.tree, id).reason).toBe('10-4 is 6, not 7');
  });

  it('refuses what is not one new step at a live node, and leaves the tree as it was', async () => {
    const s = session();
    const first = await s.write(s.tree.rootId, '10-4=6');
    const count = s.events.length;
    const refused = async (parent: NodeId, text: string) => {
      const why = writeRefusal(s, parent, text);
      await expect(s.write(parent, text)).rejects.toThrow(StepRefusedError);
      return why;
    };
    expect(await refused(s.tree.rootId, '   ')).toBe('write a step first');
    expect(await refused(s.tree.rootId, '10-4=6\n6*4=24')).toMatch(/one step at a time/);
    expect(await refused(s.tree.rootId, '10-4=6')).toBe(`${first} already says "10-4=6 (left: 5 6 6)"`);
    const bad = await s.write(s.tree.rootId, '4-10=3');
    const afterBad = s.events.length;
    expect(await refused(bad, '6*4=24')).toMatch(/failed: no step follows it/);
    expect(getNode(s.tree, bad).reason).toBe('4-10 is not a positive integer');
    s.prune(first);
    expect(await refused(first, '6*4=24')).toMatch(/pruned/);
    expect(s.events.length).toBe(afterBad + 1);
    expect(count).toBeLessThan(afterBad);
  });

  it('says so when the policy cannot score a given step', async () => {
    const s = session(new ScriptedCountdownPolicy(FAKE_PROBLEM, 0));
    await expect(s.write(s.tree.rootId, '10-4=6')).rejects.toThrow('this policy cannot score a given step');
    expect(s.events).toEqual([]);
  });
});

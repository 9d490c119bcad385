import { describe, expect, it } from 'vitest';
import { SearchSession } from '../core/session';
import { createStrategy } from '../core/strategies/create';
import { DEFAULT_CONFIG, runToEnd } from '../core/strategies/strategy';
import { countdownTask } from '../core/tasks/countdown';
import { ScriptedCountdownPolicy, SolverValue } from '../core/testing/scripted-models';
import { getNode, ROOT_ID } from '../core/tree';
import { tokenRow } from './batches';
import { pathExamples, simulationVisits } from './examples';
import { encodeChars } from './vocab';

const problem = { numbers: [4, 5, 6, 10], target: 24 };

/** A finished MCTS search with FAKE models (scripted policy, solver value): the point is the tree. */
async function searched(simulations: number, seed: number, goodShare = 0.4) {
  const models = {
    policy: new ScriptedCountdownPolicy(problem, 0.2, goodShare),
    value: new SolverValue(problem),
  };
  const session = new SearchSession(countdownTask, problem, models, seed);
  const config = { ...DEFAULT_CONFIG, simulations, k: 4, stopOnSolved: false, seed };
  await runToEnd(createStrategy(session, config));
  return session;
}

const key = (steps: readonly string[]) => steps.join('|');

describe('path examples from a finished search', () => {
  it('count every simulation at the root and give each state and edge its target once', async () => {
    const session = await searched(24, 5);
    const visits = simulationVisits(session.events);
    expect(visits.get(ROOT_ID)).toBe(24);
    const examples = pathExamples(session.tree, session.events, session.prompt);
    expect(examples.length).toBeGreaterThan(1);
    const policyByState = new Map<string, number>();
    const outcomes = new Map<string, number>();
    for (const e of examples) {
      expect(e.policy).toHaveLength(e.steps.length);
      expect(e.outcome).toHaveLength(e.steps.length + 1);
      expect(e.q).toHaveLength(e.steps.length + 1);
      e.policy.forEach((w, i) => {
        const state = key(e.steps.slice(0, i));
        policyByState.set(state, (policyByState.get(state) ?? 0) + w);
      });
      e.outcome.forEach((o, i) => {
        if (o === null) return;
        const state = key(e.steps.slice(0, i));
        expect(outcomes.has(state), `state "${state}" has two targets`).toBe(false);
        outcomes.set(state, o);
      });
    }
    // The visit distribution over a state's children sums to 1, counted once however many paths pass.
    for (const [state, total] of policyByState) expect(total, state).toBeCloseTo(1, 6);
    expect(outcomes.get('')).toBeDefined();
  });

  it('give outcome 1 exactly to searched states with a verified solution below', async () => {
    const session = await searched(32, 2);
    const tree = session.tree;
    const solved = Object.values(tree.nodes).filter((n) => n.status === 'solved');
    expect(solved.length).toBeGreaterThan(0);
    const examples = pathExamples(tree, session.events, session.prompt);
    const textsBelow = (steps: readonly string[]) =>
      solved.some((s) => {
        const path: string[] = [];
        for (let n = s; n.parentId !== null; n = getNode(tree, n.parentId)) path.unshift(n.text);
        return key(path.slice(0, steps.length)) === key(steps);
      });
    let ones = 0;
    for (const e of examples)
      e.outcome.forEach((o, i) => {
        if (o === null) return;
        expect(o, key(e.steps.slice(0, i))).toBe(textsBelow(e.steps.slice(0, i)) ? 1 : 0);
        if (o === 1) ones++;
      });
    expect(ones).toBeGreaterThan(0);
  });

  it('leave out steps no simulation passed through (the policy never learns unsearched or invalid samples)', async () => {
    const session = await searched(8, 3);
    const visits = simulationVisits(session.events);
    const examples = pathExamples(session.tree, session.events, session.prompt);
    const learned = new Set(examples.flatMap((e) => e.steps));
    const never = Object.values(session.tree.nodes).filter((n) => n.id !== ROOT_ID && !visits.has(n.id));
    expect(never.length).toBeGreaterThan(0);
    for (const n of never) {
      const sameTextVisited = Object.values(session.tree.nodes).some(
        (m) => m.text === n.text && visits.has(m.id),
      );
      if (!sameTextVisited) expect(learned.has(n.text)).toBe(false);
    }
  });
});

describe('the policy target options', () => {
  it('sharpen the visit shares (pi ~ N^(1/tau)) and keep them only where a solution was found below', async () => {
    const session = await searched(32, 2);
    const flat = pathExamples(session.tree, session.events, session.prompt);
    const sharp = pathExamples(session.tree, session.events, session.prompt, {
      temperature: 0.5,
      from: 'solved',
    });
    const firstStepShares = (examples: typeof flat) =>
      examples.filter((e) => e.policy[0]! > 0).map((e) => e.policy[0]!);
    const [f, s] = [firstStepShares(flat), firstStepShares(sharp)];
    expect(Math.max(...s)).toBeGreaterThan(Math.max(...f));
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    // Each state's outcome sits on one path; the steps out of it may sit on others.
    const outcome = new Map<string, number>();
    for (const e of sharp)
      e.outcome.forEach((o, i) => {
        if (o !== null) outcome.set(key(e.steps.slice(0, i)), o);
      });
    let weighted = 0;
    for (const e of sharp)
      e.policy.forEach((w, i) => {
        if (w === 0) return;
        weighted++;
        expect(outcome.get(key(e.steps.slice(0, i))), key(e.steps.slice(0, i))).toBe(1);
      });
    expect(weighted).toBeGreaterThan(0);
  });
});

describe('outcome negatives', () => {
  it("'proven' calls a state failed only when every child below it failed; the rest of the unsolved get no outcome", async () => {
    // A policy that rarely finds good steps: failures, some proven and some not.
    const session = await searched(12, 3, 0.1);
    const tree = session.tree;
    const byState = (negatives: 'unsolved' | 'proven') => {
      const out = new Map<string, number | null>();
      for (const e of pathExamples(tree, session.events, session.prompt, undefined, negatives))
        e.outcome.forEach((o, i) => {
          const state = key(e.steps.slice(0, i));
          if (o !== null || !out.has(state)) out.set(state, o);
        });
      return out;
    };
    const [unsolved, proven] = [byState('unsolved'), byState('proven')];
    const nodeAt = (state: string) => {
      let node = getNode(tree, ROOT_ID);
      for (const text of state === '' ? [] : state.split('|'))
        node = getNode(
          tree,
          node.childIds.find((id) => getNode(tree, id).text === text)!,
        );
      return node;
    };
    const allFailedBelow = (id: string): boolean => {
      const n = getNode(tree, id);
      if (n.status === 'failed') return true;
      return n.status === 'expanded' && n.childIds.length > 0 && n.childIds.every(allFailedBelow);
    };
    let zeros = 0;
    let unknown = 0;
    for (const [state, o] of proven) {
      if (o === 1) expect(unsolved.get(state)).toBe(1);
      if (o === 0) {
        zeros++;
        expect(allFailedBelow(nodeAt(state).id), state).toBe(true);
      }
      if (o === null && unsolved.get(state) === 0) unknown++;
    }
    expect(zeros + unknown).toBe([...unsolved.values()].filter((o) => o === 0).length);
    expect(unknown).toBeGreaterThan(0);
    expect(zeros).toBeGreaterThan(0);
  });
});

describe('token rows', () => {
  it('put a step weight on the positions that predict its tokens and a value target on the newline that ends each state', () => {
    const row = tokenRow(
      { prompt: '1 2 -> 3\n', steps: ['2+1=3 (left: 3)'], policy: [0.5], outcome: [1, null], q: [0.8, null] },
      'outcome',
    );
    const prompt = encodeChars('1 2 -> 3\n').length;
    const step = encodeChars('2+1=3 (left: 3)\n').length;
    expect(row.ids).toHaveLength(prompt + step);
    // Positions prompt-1 .. prompt+step-2 predict the step's tokens (its newline included).
    row.policyWeight.forEach((w, p) => expect(w).toBe(p >= prompt - 1 && p <= prompt + step - 2 ? 0.5 : 0));
    expect(row.valueWeight[prompt - 1]).toBe(1);
    expect(row.valueTarget[prompt - 1]).toBe(1);
    expect(row.valueWeight.reduce((a, b) => a + b, 0)).toBe(1);
    expect(row.nextIds[prompt - 1]).toBe(row.ids[prompt]);
    expect(
      tokenRow({ prompt: '1 2 -> 3\n', steps: [], policy: [], outcome: [0.2], q: [0.7] }, 'process')
        .valueTarget[prompt - 1],
    ).toBeCloseTo(0.7);
  });
});

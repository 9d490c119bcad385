import { resolve } from 'node:path';
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchSession } from '../core/session';
import { createStrategy } from '../core/strategies/create';
import { DEFAULT_CONFIG, runToEnd, type SearchConfig } from '../core/strategies/strategy';
import { mathTask, type MathProblem } from '../core/tasks/math';
import { MATH_PROBLEMS } from '../core/tasks/math-problems';
import { treeInvariantViolations } from '../core/testing/invariants';
import { getNode, isTerminal } from '../core/tree';
import { RolloutValue } from '../core/values/rollout-value';
import { TransformersPolicy } from './policy';
import { SelfEvalValue } from './self-eval-value';
import { chatPrompt } from './trace-text';
import { loadCausalLm, type LoadedModel } from './transformers-models';

/**
 * The math task and the value options without a trained value model, on a real (tiny) chat model
 * of the project's own: e2e/fixtures/hub/rlm-playground/tiny-math-chat, made by
 * training/make_fixture_chat_model.py. It is no good at math; these tests check the mechanics on
 * a real model run by transformers.js: the chat template, paragraph steps, answers, the values.
 */
const FIXTURES = resolve(import.meta.dirname, '../../e2e/fixtures/hub/rlm-playground');
let model: LoadedModel;
let policy: TransformersPolicy;

beforeAll(async () => {
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.localModelPath = `${FIXTURES}/`;
  model = await loadCausalLm('tiny-math-chat', { dtype: 'q8', device: 'cpu' });
  policy = new TransformersPolicy(model);
});
afterAll(async () => {
  await model?.dispose();
});

const problem: MathProblem = MATH_PROBLEMS[0] ?? { question: 'Mia has 12 apples.', answer: 15 };
const config: SearchConfig = {
  ...DEFAULT_CONFIG,
  strategy: 'mcts',
  simulations: 6,
  k: 3,
  temperature: 0.8,
  maxStepTokens: 160,
};

describe('math task on a real chat model', () => {
  it('wraps the problem in the chat template and writes paragraph steps that stop at a blank line', async () => {
    expect(chatPrompt(model.tokenizer, model.name, 'hello')).toMatch(
      /^<\|user\|>\nhello<\|end\|>\n<\|assistant\|>\n$/,
    );
    const [samples = []] = await policy.sample({
      prompt: mathTask.prompt(problem),
      format: 'chat',
      stepSeparator: '\n\n',
      requests: [{ steps: [], k: 4 }],
      temperature: 0.8,
      seed: 3,
      maxStepTokens: 160,
    });
    expect(samples).toHaveLength(4);
    for (const s of samples) {
      expect(s.text).not.toContain('\n\n');
      expect(s.text.trim()).toBe(s.text);
      expect(s.logProb).toBeLessThan(0);
    }
    expect(samples.filter((s) => s.end === 'newline').length).toBeGreaterThan(0);
  });

  it('self-evaluation gives P(Yes) in (0, 1), one batched pass for all traces', async () => {
    const value = new SelfEvalValue(model);
    const scores = await value.score({
      prompt: mathTask.prompt(problem),
      format: 'chat',
      stepSeparator: '\n\n',
      traces: [
        [],
        ['Mia starts with 12 apples.', 'She gives away 5, so 12 - 5 = 7.'],
        ['She gives away 5, so 12 - 5 = 9.'],
      ],
    });
    expect(scores).toHaveLength(3);
    for (const v of scores) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThan(1);
    }
    // One pass for all traces, and different traces get different values. (Whether the fixture
    // prefers a right step to a wrong one is at chance: it is too small to judge arithmetic.)
    expect(value.forwardCalls).toBe(1);
    expect(new Set(scores).size).toBeGreaterThan(1);
  });

  it('MCTS with self-evaluation grows a tree of paragraphs and ends on answers', async () => {
    const session = new SearchSession(mathTask, problem, { policy, value: new SelfEvalValue(model) }, 5);
    const result = await runToEnd(createStrategy(session, { ...config, stopOnSolved: false }));
    expect(treeInvariantViolations(session.tree)).toEqual([]);
    const nodes = Object.values(session.tree.nodes);
    expect(nodes.length).toBeGreaterThan(3);
    expect(nodes.some((n) => n.answer !== undefined)).toBe(true);
    expect(result.iterations).toBe(6);
  });

  it('refine: the chat model rewrites steps after a critique; each rewrite a judged paragraph beside its step', async () => {
    const session = new SearchSession(mathTask, problem, { policy, value: new SelfEvalValue(model) }, 5);
    // Threshold 1: every step the self-evaluation scores below certainty is refined, so the
    // operator runs whatever this (math-blind) fixture writes.
    const refineConfig = { ...config, simulations: 3, stopOnSolved: false, refine: true, threshold: 1 };
    await runToEnd(createStrategy(session, refineConfig));
    const rewrites = Object.values(session.tree.nodes).filter((n) => n.refines !== undefined);
    expect(rewrites.length).toBeGreaterThan(0);
    for (const r of rewrites) {
      const original = getNode(session.tree, r.refines ?? '');
      expect(r.parentId).toBe(original.parentId);
      expect(r.text).not.toBe(original.text);
      expect(r.text).not.toContain('\n\n');
      expect(r.critique).toMatch(/^Critique: /);
    }
    expect(session.events.filter((e) => e.type === 'refine')).toHaveLength(rewrites.length);
    expect(treeInvariantViolations(session.tree)).toEqual([]);
  });

  it('rollouts score by the known answer, or by agreement when there is none', async () => {
    const known = new RolloutValue(policy, mathTask, problem, {
      mode: 'answer',
      rollouts: 1,
      temperature: 0,
      maxStepTokens: 160,
    });
    const input = {
      prompt: mathTask.prompt(problem),
      format: 'chat' as const,
      stepSeparator: '\n\n',
      traces: [[], ['Mia starts with 12 apples.']],
    };
    const byAnswer = await known.score(input);
    for (const v of byAnswer) expect([0, 1]).toContain(v);
    expect(known.generatedTokens).toBeGreaterThan(0);
    const open: MathProblem = { question: problem.question };
    const agreement = new RolloutValue(policy, mathTask, open, {
      mode: 'agreement',
      rollouts: 4,
      temperature: 0.8,
      maxStepTokens: 160,
    });
    const byAgreement = await agreement.score({ ...input, prompt: mathTask.prompt(open) });
    for (const v of byAgreement) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(byAgreement.some((v) => v > 0)).toBe(true);
  });

  it('a problem without a known answer ends on answered terminals, valued by the value option', async () => {
    const open: MathProblem = { question: problem.question };
    const value = new RolloutValue(policy, mathTask, open, {
      mode: 'agreement',
      rollouts: 3,
      temperature: 0.8,
      maxStepTokens: 160,
    });
    const session = new SearchSession(mathTask, open, { policy, value }, 7);
    await runToEnd(createStrategy(session, { ...config, strategy: 'bon', simulations: 4 }));
    const answered = Object.values(session.tree.nodes).filter((n) => n.status === 'answered');
    expect(answered.length).toBeGreaterThan(0);
    for (const n of answered) {
      expect(isTerminal(n)).toBe(true);
      expect(getNode(session.tree, n.id).value).toBeGreaterThanOrEqual(0);
    }
  });
});

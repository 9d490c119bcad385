import { applyEvent, replay, type Evaluation, type NewChild, type SearchEvent } from './events';
import type { Policy, StepSample, Value } from './models';
import { judgeStep } from './judge-step';
import { refineSteps } from './refine';
import { Rng } from './rng';
import { newProofs } from './solver';
import { writeStep } from './write-step';
import { withTranspositions } from './transpositions';
import type { Task } from './tasks/task';
import { createTree, getNode, isVerified, nodeIdAt, stepsTo, type NodeId, type ReasoningTree } from './tree';

/**
 * A search session: the tree, its event log, and the blueprint's operators (expand, evaluate,
 * backpropagate, select, prune, backtrack) over a task, a policy and a value model. Strategies
 * call these operators; every operator records its change as an event.
 */
export interface ExpandRequest {
  readonly nodeId: NodeId;
  readonly k: number;
}

export interface SessionModels {
  readonly policy: Policy;
  /** Optional: without one, open nodes are not scored (chains need only the verifier). */
  readonly value?: Value;
}

/** Everything of a session besides its log that a rewind must restore (the tree is replayed). */
export interface SessionCheckpoint {
  readonly eventCount: number;
  readonly rngState: number;
  readonly generatedTokens: number;
  readonly policyCalls: number;
  readonly valueCalls: number;
}

export class BudgetExhaustedError extends Error {
  override readonly name = 'BudgetExhaustedError';
}

export class SearchSession<P> {
  private currentTree: ReasoningTree = createTree();
  readonly events: SearchEvent[] = [];
  readonly rng: Rng;
  readonly prompt: string;
  generatedTokens = 0;
  policyCalls = 0;
  valueCalls = 0;

  constructor(
    readonly task: Task<P>,
    readonly problem: P,
    readonly models: SessionModels,
    seed: number,
  ) {
    this.rng = new Rng(seed);
    this.prompt = task.prompt(problem);
  }

  get tree(): ReasoningTree {
    return this.currentTree;
  }

  checkpoint(): SessionCheckpoint {
    return {
      eventCount: this.events.length,
      rngState: this.rng.state32,
      generatedTokens: this.generatedTokens,
      policyCalls: this.policyCalls,
      valueCalls: this.valueCalls,
    };
  }

  /**
   * Goes back to a checkpoint: the later events leave the log and the tree is rebuilt from the
   * rest, so searching on from here forks a new history (the same seed then gives the same fork).
   */
  rewind(checkpoint: SessionCheckpoint): void {
    if (checkpoint.eventCount > this.events.length) {
      throw new RangeError(
        `cannot rewind to event ${checkpoint.eventCount}: the log holds ${this.events.length}`,
      );
    }
    this.events.length = checkpoint.eventCount;
    this.currentTree = replay(this.events);
    this.rng.state32 = checkpoint.rngState;
    this.generatedTokens = checkpoint.generatedTokens;
    this.policyCalls = checkpoint.policyCalls;
    this.valueCalls = checkpoint.valueCalls;
  }

  /**
   * Takes over a whole saved log (an imported session) and stands at `checkpoint` in it: the tree
   * is rebuilt by replaying, so it is exactly the tree the log describes.
   */
  restoreLog(events: readonly SearchEvent[], checkpoint: SessionCheckpoint): void {
    this.events.length = 0;
    this.events.push(...events);
    this.rewind(checkpoint);
  }

  apply(event: SearchEvent): void {
    applyEvent(this.tree, event);
    this.events.push(event);
  }

  steps(nodeId: NodeId): string[] {
    return stepsTo(this.tree, nodeId);
  }

  /**
   * Expand: one batched policy call samples k steps for each node; identical samples merge into
   * one child; each step is checked by the task's verifier; priors are the step probabilities
   * normalized over the distinct siblings. Returns the new child ids per request.
   */
  async expand(
    requests: readonly ExpandRequest[],
    temperature: number,
    maxStepTokens: number,
    graph = false,
  ): Promise<NodeId[][]> {
    const live = requests.filter((r) => getNode(this.tree, r.nodeId).status === 'open');
    if (live.length === 0) return requests.map(() => []);
    const samples = await this.models.policy.sample({
      prompt: this.prompt,
      format: this.task.format,
      stepSeparator: this.task.stepSeparator,
      requests: live.map((r) => {
        const steps = this.steps(r.nodeId);
        const nextSteps = this.task.nextSteps?.(this.problem, steps);
        return nextSteps ? { steps, k: r.k, nextSteps } : { steps, k: r.k };
      }),
      temperature,
      seed: this.rng.nextUint32(),
      maxStepTokens,
    });
    this.policyCalls++;
    const created = new Map<NodeId, NodeId[]>();
    live.forEach((r, i) => {
      const drawn = samples[i] ?? [];
      for (const s of drawn) this.generatedTokens += s.tokens;
      const firstId = this.tree.nextId;
      const drawnChildren = this.toChildren(r.nodeId, drawn);
      const { stateKey } = this.task;
      const children =
        graph && stateKey
          ? withTranspositions(this.tree, r.nodeId, drawnChildren, (steps) => stateKey(this.problem, steps))
          : drawnChildren;
      this.apply({ type: 'expand', parentId: r.nodeId, children });
      created.set(
        r.nodeId,
        children.map((_, j) => nodeIdAt(firstId + j)),
      );
    });
    return requests.map((r) => created.get(r.nodeId) ?? []);
  }

  private toChildren(parentId: NodeId, drawn: readonly StepSample[]): NewChild[] {
    const previous = this.steps(parentId);
    const distinct = new Map<string, { sample: StepSample; count: number }>();
    for (const s of drawn) {
      const seen = distinct.get(s.text);
      if (seen) seen.count++;
      else distinct.set(s.text, { sample: s, count: 1 });
    }
    const entries = [...distinct.values()];
    const maxLog = Math.max(...entries.map((e) => e.sample.logProb));
    const weights = entries.map((e) => Math.exp(e.sample.logProb - maxLog));
    const total = weights.reduce((a, b) => a + b, 0);
    return entries.map((e, i) =>
      judgeStep(this.task, this.problem, previous, {
        text: e.sample.text,
        logProb: e.sample.logProb,
        prior: (weights[i] ?? 0) / total,
        tokens: e.sample.tokens,
        samples: e.count,
      }),
    );
  }

  /**
   * Evaluate: verified terminals take the verifier's reward (1 solved, 0 failed); the rest (open
   * nodes, and answers no verifier can check) are scored by the value model in one batch. Each
   * evaluation is one visit of its node.
   */
  async evaluate(nodeIds: readonly NodeId[]): Promise<Evaluation[]> {
    const nodes = nodeIds.map((id) => getNode(this.tree, id));
    const open = nodes.filter((n) => !isVerified(n));
    const scores = new Map<NodeId, number>();
    if (open.length > 0 && this.models.value) {
      const values = await this.models.value.score({
        prompt: this.prompt,
        format: this.task.format,
        stepSeparator: this.task.stepSeparator,
        traces: open.map((n) => this.steps(n.id)),
      });
      this.valueCalls++;
      open.forEach((n, i) => scores.set(n.id, values[i] ?? 0));
    }
    const evaluations: Evaluation[] = [];
    for (const n of nodes) {
      if (isVerified(n))
        evaluations.push({ nodeId: n.id, value: n.status === 'solved' ? 1 : 0, source: 'verifier' });
      else {
        const v = scores.get(n.id);
        if (v !== undefined) evaluations.push({ nodeId: n.id, value: v, source: 'value-model' });
      }
    }
    if (evaluations.length > 0) this.apply({ type: 'evaluate', evaluations });
    return evaluations;
  }

  /** Backpropagate: adds the evaluations' visits and values to every node of `nodeIds`. */
  backpropagate(nodeIds: readonly NodeId[], evaluations: readonly Evaluation[]): void {
    if (evaluations.length === 0 || nodeIds.length === 0) return;
    const valueSum = evaluations.reduce((a, e) => a + e.value, 0);
    this.apply({ type: 'backpropagate', nodeIds, visits: evaluations.length, valueSum });
  }

  select(nodeIds: readonly NodeId[], kind: 'path' | 'beam'): void {
    this.apply({ type: 'select', nodeIds, kind });
  }

  /** MCTS-Solver: records the proofs that follow from a change at `nodeId` (see solver.ts). */
  prove(nodeId: NodeId): void {
    // Graph mode: a proof also reaches the parents of the node's transpositions.
    for (const work = [nodeId]; work.length > 0;) {
      const { solved, failed } = newProofs(this.tree, work.pop() ?? nodeId);
      if (solved.length > 0) this.apply({ type: 'prove', nodeIds: solved, outcome: 'solved' });
      if (failed.length > 0) this.apply({ type: 'prove', nodeIds: failed, outcome: 'failed' });
      for (const id of [...solved, ...failed])
        for (const alias of getNode(this.tree, id).transpositions ?? [])
          work.push(getNode(this.tree, alias).parentId ?? this.tree.rootId);
    }
  }

  /**
   * The Blueprint's Refine: the steps of `nodeIds` that need it are rewritten by the policy after a
   * critique, each rewrite a sibling of its step (refine.ts). Returns the new ids.
   */
  refine(nodeIds: readonly NodeId[], threshold: number, temperature: number, maxStepTokens: number) {
    return refineSteps(this, nodeIds, threshold, temperature, maxStepTokens);
  }

  /** A step written by hand under `parentId`, scored by the policy (write-step.ts). Returns its id. */
  write(parentId: NodeId, text: string): Promise<NodeId> {
    return writeStep(this, parentId, text);
  }

  prune(nodeId: NodeId): void {
    this.apply({ type: 'prune', nodeId });
  }

  /**
   * The Blueprint's Backtrack operator: a strategy gives up the line at `fromId` and goes on from
   * its ancestor `toId`; the tree keeps the branch (it is recorded, not undone). DFS emits it. The
   * page's Backtrack button is the same idea done by hand on the history: it
   * rewinds the log to before the last operator (state/search-slice.ts).
   */
  backtrack(fromId: NodeId, toId: NodeId, reason: string): void {
    this.apply({ type: 'backtrack', fromId, toId, reason });
  }

  answer(nodeId: NodeId): void {
    const node = getNode(this.tree, nodeId);
    this.apply({ type: 'answer', nodeId, solved: node.status === 'solved', answer: node.answer ?? '' });
  }
}

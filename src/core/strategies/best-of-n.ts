import type { Evaluation } from '../events';
import type { SearchSession } from '../session';
import {
  firstSolvedNode,
  getNode,
  isInPrunedSubtree,
  mostVisitedPath,
  pathTo,
  ROOT_ID,
  type NodeId,
} from '../tree';
import { StatefulStrategy, type BaseState } from './stateful-strategy';
import { finish, type Phase, type SearchConfig } from './strategy';

/** The strategy's mutable state, kept together so that a snapshot copies all of it. */
interface State extends BaseState {
  frontier: Map<NodeId, number>;
  finished: Map<NodeId, number>;
  added: NodeId[][];
  evaluations: Evaluation[];
  depth: number;
}

/**
 * Best-of-N: N chains sampled at the configured temperature, grown together one depth at a time
 * (chains that wrote the same steps share nodes, so each depth is one batched policy call). The
 * answer: a chain the verifier accepts if there is one, else the majority vote of the chains'
 * final answers. Phases: expand, evaluate, backpropagate, then aggregate once all chains ended.
 */
export class BestOfNStrategy<P> extends StatefulStrategy<State> {
  readonly name = 'bon';
  /** Open nodes where chains stand, with how many chains stand there. */
  /** Chains that ended on a terminal node, per node. */

  constructor(
    private readonly session: SearchSession<P>,
    private readonly config: SearchConfig,
  ) {
    super({
      phase: 'expand',
      result: undefined,
      frontier: new Map<NodeId, number>(),
      finished: new Map<NodeId, number>(),
      added: [],
      evaluations: [],
      depth: 0,
    });
    this.s.frontier.set(ROOT_ID, config.simulations);
  }

  async step(): Promise<Phase> {
    const ran = this.s.phase;
    switch (this.s.phase) {
      case 'expand':
        await this.expand();
        break;
      case 'evaluate':
        this.s.evaluations = await this.session.evaluate(this.s.added.flat());
        this.s.phase = 'backpropagate';
        break;
      case 'backpropagate':
        this.backpropagate();
        break;
      case 'aggregate':
        this.aggregate();
        break;
      case 'select':
      case 'done':
        break;
    }
    return ran;
  }

  private async expand(): Promise<void> {
    const requests = [...this.s.frontier]
      .filter(([id]) => !isInPrunedSubtree(this.session.tree, id))
      .map(([nodeId, k]) => ({ nodeId, k }));
    if (requests.length === 0 || this.session.generatedTokens >= this.config.maxTokens) {
      this.s.phase = 'aggregate';
      return;
    }
    this.s.added = await this.session.expand(requests, this.config.temperature, this.config.maxStepTokens);
    const next = new Map<NodeId, number>();
    for (const ids of this.s.added) {
      for (const id of ids) {
        const node = getNode(this.session.tree, id);
        const target = node.status === 'open' ? next : this.s.finished;
        target.set(id, (target.get(id) ?? 0) + node.samples);
      }
    }
    this.s.frontier = next;
    this.s.phase = 'evaluate';
  }

  private backpropagate(): void {
    for (const ids of this.s.added) {
      const first = ids[0];
      if (first === undefined) continue;
      const parentId = getNode(this.session.tree, first).parentId ?? ROOT_ID;
      const mine = this.s.evaluations.filter((e) => ids.includes(e.nodeId));
      this.session.backpropagate(pathTo(this.session.tree, parentId), mine);
    }
    this.s.depth++;
    const stop = this.config.stopOnSolved && firstSolvedNode(this.session.tree) !== undefined;
    const exhausted = this.s.depth >= this.session.task.maxSteps(this.session.problem);
    this.s.phase = stop || exhausted || this.s.frontier.size === 0 ? 'aggregate' : 'expand';
  }

  /** Verifier first, then the majority vote over the final answers of the chains. */
  private aggregate(): void {
    const solved = firstSolvedNode(this.session.tree);
    let choice = solved?.id;
    if (!choice) {
      const votes = new Map<string, { count: number; nodeId: NodeId }>();
      for (const [id, count] of this.s.finished) {
        const answer = getNode(this.session.tree, id).answer;
        if (answer === undefined) continue;
        const v = votes.get(answer) ?? { count: 0, nodeId: id };
        v.count += count;
        votes.set(answer, v);
      }
      let best: { count: number; nodeId: NodeId } | undefined;
      for (const v of votes.values()) if (!best || v.count > best.count) best = v;
      const fallback = mostVisitedPath(this.session.tree);
      choice = best?.nodeId ?? fallback[fallback.length - 1] ?? ROOT_ID;
    }
    this.s.result = finish(this.session, choice, this.config.simulations);
    this.s.phase = 'done';
  }
}

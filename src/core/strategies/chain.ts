import type { Evaluation } from '../events';
import { refinable } from '../refine';
import type { SearchSession } from '../session';
import { getNode, pathTo, ROOT_ID, type NodeId } from '../tree';
import { StatefulStrategy, type BaseState } from './stateful-strategy';
import { finish, type Phase, type SearchConfig } from './strategy';

/** The strategy's mutable state, kept together so that a snapshot copies all of it. */
interface State extends BaseState {
  current: NodeId;
  added: NodeId[];
  evaluations: Evaluation[];
  depth: number;
}

/**
 * The plain chain (CoT): one greedy step at a time (temperature 0), never branching and never
 * going back; it ends at the first terminal or invalid step. Phases: expand, evaluate, backpropagate.
 * With refine on, a failed or low-valued step gets one rewrite after a critique, and the chain
 * goes on from the rewrite (Self-Refine inside a chain).
 */
export class ChainStrategy<P> extends StatefulStrategy<State> {
  readonly name = 'cot';

  constructor(
    private readonly session: SearchSession<P>,
    private readonly config: SearchConfig,
  ) {
    super({
      phase: 'expand',
      result: undefined,
      current: ROOT_ID,
      added: [],
      evaluations: [],
      depth: 0,
    });
  }

  async step(): Promise<Phase> {
    const ran = this.s.phase;
    switch (this.s.phase) {
      case 'expand': {
        if (this.session.generatedTokens >= this.config.maxTokens) {
          this.end(this.s.current);
          break;
        }
        const [children = []] = await this.session.expand(
          [{ nodeId: this.s.current, k: 1 }],
          0,
          this.config.maxStepTokens,
        );
        this.s.added = children;
        this.s.phase = children.length > 0 ? 'evaluate' : 'done';
        if (children.length === 0) this.end(this.s.current);
        break;
      }
      case 'evaluate':
        this.s.evaluations = await this.session.evaluate(this.s.added);
        if (this.config.refine) await this.refine();
        this.s.phase = 'backpropagate';
        break;
      case 'backpropagate': {
        this.session.backpropagate(pathTo(this.session.tree, this.s.current), this.s.evaluations);
        this.s.depth++;
        const next = this.s.added[0] ?? this.s.current;
        const node = getNode(this.session.tree, next);
        if (node.status !== 'open' || this.s.depth >= this.session.task.maxSteps(this.session.problem))
          this.end(next);
        else {
          this.s.current = next;
          this.s.phase = 'expand';
        }
        break;
      }
      case 'select':
      case 'aggregate':
      case 'done':
        break;
    }
    return ran;
  }

  /**
   * Refine: a step that failed or scored below the threshold is written again (greedily, like every
   * step of the chain) after a critique, and the chain goes on from the rewrite.
   */
  private async refine(): Promise<void> {
    const { threshold, maxStepTokens } = this.config;
    const ids = refinable(this.session.tree, this.s.current, threshold);
    const [rewrite] = await this.session.refine(ids, threshold, 0, maxStepTokens);
    if (rewrite === undefined) return;
    this.s.added = [rewrite];
    this.s.evaluations = [...this.s.evaluations, ...(await this.session.evaluate([rewrite]))];
  }

  private end(nodeId: NodeId): void {
    this.s.result = finish(this.session, nodeId, this.s.depth);
    this.s.phase = 'done';
  }
}

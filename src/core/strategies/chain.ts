import type { Evaluation } from '../events';
import type { SearchSession } from '../session';
import { getNode, pathTo, ROOT_ID, type NodeId } from '../tree';
import { finish, type Phase, type SearchConfig, type SearchResult, type Strategy } from './strategy';

/**
 * The plain chain (CoT): one greedy step at a time (temperature 0), never branching and never
 * going back; it ends at the first terminal or invalid step. Phases: expand, evaluate, backpropagate.
 */
export class ChainStrategy<P> implements Strategy {
  readonly name = 'cot';
  phase: Phase = 'expand';
  result: SearchResult | undefined;
  private current: NodeId = ROOT_ID;
  private added: NodeId[] = [];
  private evaluations: Evaluation[] = [];
  private depth = 0;

  constructor(
    private readonly session: SearchSession<P>,
    private readonly config: SearchConfig,
  ) {}

  async step(): Promise<Phase> {
    const ran = this.phase;
    switch (this.phase) {
      case 'expand': {
        if (this.session.generatedTokens >= this.config.maxTokens) {
          this.end(this.current);
          break;
        }
        const [children = []] = await this.session.expand([{ nodeId: this.current, k: 1 }], 0, this.config.maxStepTokens);
        this.added = children;
        this.phase = children.length > 0 ? 'evaluate' : 'done';
        if (children.length === 0) this.end(this.current);
        break;
      }
      case 'evaluate':
        this.evaluations = await this.session.evaluate(this.added);
        this.phase = 'backpropagate';
        break;
      case 'backpropagate': {
        this.session.backpropagate(pathTo(this.session.tree, this.current), this.evaluations);
        this.depth++;
        const next = this.added[0] ?? this.current;
        const node = getNode(this.session.tree, next);
        if (node.status !== 'open' || this.depth >= this.session.task.maxSteps(this.session.problem)) this.end(next);
        else {
          this.current = next;
          this.phase = 'expand';
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

  private end(nodeId: NodeId): void {
    this.result = finish(this.session, nodeId, this.depth);
    this.phase = 'done';
  }
}

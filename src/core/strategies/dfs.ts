import type { Evaluation } from '../events';
import type { SearchSession } from '../session';
import { firstSolvedNode, getNode, liveChildren, pathTo, ROOT_ID, type NodeId, type TreeNode } from '../tree';
import { StatefulStrategy, type BaseState } from './stateful-strategy';
import { finish, type Phase, type SearchConfig } from './strategy';

/** The strategy's mutable state, kept together so that a snapshot copies all of it. */
interface State extends BaseState {
  current: NodeId;
  added: NodeId[];
  evaluations: Evaluation[];
  expansions: number;
}

/** Open children first by value, then by prior (no value model), then in creation order. */
function bestOpenChild(children: readonly TreeNode[]): TreeNode | undefined {
  let best: TreeNode | undefined;
  for (const c of children) {
    if (c.status !== 'open') continue;
    if (!best || (c.value ?? c.prior) > (best.value ?? best.prior)) best = c;
  }
  return best;
}

/**
 * Tree of Thoughts' DFS: expand the current state (k samples), evaluate the children, prune those
 * valued below the threshold, and go down into the best one left. When none is left (every step
 * failed or fell below the threshold), backtrack to the nearest ancestor that still has an
 * unexplored child above the threshold, recorded as the Blueprint's Backtrack operator. One
 * expansion is one iteration; `simulations` bounds them (ToT's step limit T).
 */
export class DfsStrategy<P> extends StatefulStrategy<State> {
  readonly name = 'dfs';

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
      expansions: 0,
    });
  }

  async step(): Promise<Phase> {
    const ran = this.s.phase;
    switch (this.s.phase) {
      case 'expand':
        await this.expand();
        break;
      case 'evaluate':
        this.s.evaluations = await this.session.evaluate(this.s.added);
        this.s.phase = 'backpropagate';
        break;
      case 'backpropagate':
        this.session.backpropagate(pathTo(this.session.tree, this.s.current), this.s.evaluations);
        this.s.expansions++;
        this.pruneBelowThreshold();
        if (this.config.stopOnSolved && firstSolvedNode(this.session.tree)) this.end();
        else if (this.s.expansions >= this.config.simulations) this.end();
        else this.s.phase = 'select';
        break;
      case 'select':
        this.selectNext();
        break;
      case 'aggregate':
      case 'done':
        break;
    }
    return ran;
  }

  private async expand(): Promise<void> {
    if (this.session.generatedTokens >= this.config.maxTokens) return this.end();
    const [children = []] = await this.session.expand(
      [{ nodeId: this.s.current, k: this.config.k }],
      this.config.temperature,
      this.config.maxStepTokens,
    );
    this.s.added = children;
    this.s.phase = 'evaluate';
  }

  private pruneBelowThreshold(): void {
    for (const id of this.s.added) {
      const node = getNode(this.session.tree, id);
      if (node.status === 'open' && node.value !== undefined && node.value < this.config.threshold)
        this.session.prune(id);
    }
  }

  private selectNext(): void {
    const { tree } = this.session;
    let from = getNode(tree, this.s.current);
    let next = bestOpenChild(liveChildren(tree, from));
    while (!next) {
      if (from.parentId === null) return this.end();
      from = getNode(tree, from.parentId);
      next = bestOpenChild(liveChildren(tree, from));
    }
    if (from.id !== this.s.current) {
      this.session.backtrack(
        this.s.current,
        from.id,
        `no step below it is left above the value threshold ${this.config.threshold}`,
      );
    }
    this.s.current = next.id;
    this.session.select(pathTo(tree, next.id), 'path');
    this.s.phase = 'expand';
  }

  private end(): void {
    const solved = firstSolvedNode(this.session.tree);
    this.s.result = finish(this.session, solved?.id ?? this.s.current, this.s.expansions);
    this.s.phase = 'done';
  }
}

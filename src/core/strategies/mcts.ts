import type { Evaluation } from '../events';
import type { SearchSession } from '../session';
import { firstSolvedNode, getNode, liveChildren, mostVisitedPath, ROOT_ID, type NodeId } from '../tree';
import { bestChild } from './selection';
import { StatefulStrategy, type BaseState } from './stateful-strategy';
import { finish, type Phase, type SearchConfig } from './strategy';

/** The strategy's mutable state, kept together so that a snapshot copies all of it. */
interface State extends BaseState {
  path: NodeId[];
  toEvaluate: NodeId[];
  evaluations: Evaluation[];
  simulations: number;
}

/**
 * Monte Carlo Tree Search, one phase per step():
 *  select        descend from the root by PUCT (or UCT) to a leaf, skipping pruned subtrees;
 *  expand        sample k next steps for the leaf (verified as they are created);
 *  evaluate      score the new children: verifier reward on terminals, value model on the rest;
 *  backpropagate add those visits and values to every node on the selected path.
 * A selected terminal is re-evaluated by the verifier instead of expanded.
 */
export class MctsStrategy<P> extends StatefulStrategy<State> {
  readonly name = 'mcts';

  constructor(
    private readonly session: SearchSession<P>,
    private readonly config: SearchConfig,
  ) {
    super({
      phase: 'select',
      result: undefined,
      path: [],
      toEvaluate: [],
      evaluations: [],
      simulations: 0,
    });
  }

  async step(): Promise<Phase> {
    const ran = this.s.phase;
    switch (this.s.phase) {
      case 'select':
        this.select();
        break;
      case 'expand':
        await this.expand();
        break;
      case 'evaluate':
        this.s.evaluations = await this.session.evaluate(this.s.toEvaluate);
        this.s.phase = 'backpropagate';
        break;
      case 'backpropagate':
        this.backpropagate();
        break;
      case 'aggregate':
      case 'done':
        break;
    }
    return ran;
  }

  private select(): void {
    const { tree } = this.session;
    if (this.session.generatedTokens >= this.config.maxTokens) return this.end();
    let node = getNode(tree, ROOT_ID);
    const path = [node.id];
    while (node.status === 'expanded') {
      const next = bestChild(this.config.selection, node, liveChildren(tree, node), this.config.c);
      if (!next) break;
      node = next;
      path.push(node.id);
    }
    this.s.path = path;
    this.session.select(path, 'path');
    if (node.status === 'open') {
      this.s.phase = 'expand';
    } else {
      // A terminal, or a dead end whose children were all pruned: evaluate it again.
      this.s.toEvaluate = [node.id];
      this.s.phase = 'evaluate';
    }
  }

  private async expand(): Promise<void> {
    const leaf = this.s.path[this.s.path.length - 1] ?? ROOT_ID;
    const [children = []] = await this.session.expand(
      [{ nodeId: leaf, k: this.config.k }],
      this.config.temperature,
      this.config.maxStepTokens,
    );
    this.s.toEvaluate = children.length > 0 ? children : [leaf];
    this.s.phase = 'evaluate';
  }

  private backpropagate(): void {
    const leaf = this.s.path[this.s.path.length - 1];
    // Children of the leaf were evaluated: the whole path receives; the leaf itself: its ancestors.
    const receivers = this.s.toEvaluate.includes(leaf ?? '') ? this.s.path.slice(0, -1) : this.s.path;
    this.session.backpropagate(receivers, this.s.evaluations);
    this.s.simulations++;
    const solved = this.config.stopOnSolved && firstSolvedNode(this.session.tree) !== undefined;
    if (solved || this.s.simulations >= this.config.simulations) return this.end();
    this.s.phase = 'select';
  }

  private end(): void {
    const solved = firstSolvedNode(this.session.tree);
    const path = mostVisitedPath(this.session.tree);
    this.s.result = finish(this.session, solved?.id ?? path[path.length - 1] ?? ROOT_ID, this.s.simulations);
    this.s.phase = 'done';
  }
}

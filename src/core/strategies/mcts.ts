import type { Evaluation } from '../events';
import type { SearchSession } from '../session';
import { firstSolvedNode, getNode, liveChildren, mostVisitedPath, ROOT_ID, type NodeId } from '../tree';
import { bestChild } from './selection';
import { finish, type Phase, type SearchConfig, type SearchResult, type Strategy } from './strategy';

/**
 * Monte Carlo Tree Search, one phase per step():
 *  select        descend from the root by PUCT (or UCT) to a leaf, skipping pruned subtrees;
 *  expand        sample k next steps for the leaf (verified as they are created);
 *  evaluate      score the new children: verifier reward on terminals, value model on the rest;
 *  backpropagate add those visits and values to every node on the selected path.
 * A selected terminal is re-evaluated by the verifier instead of expanded.
 */
export class MctsStrategy<P> implements Strategy {
  readonly name = 'mcts';
  phase: Phase = 'select';
  result: SearchResult | undefined;
  private path: NodeId[] = [];
  private toEvaluate: NodeId[] = [];
  private evaluations: Evaluation[] = [];
  private simulations = 0;

  constructor(
    private readonly session: SearchSession<P>,
    private readonly config: SearchConfig,
  ) {}

  async step(): Promise<Phase> {
    const ran = this.phase;
    switch (this.phase) {
      case 'select':
        this.select();
        break;
      case 'expand':
        await this.expand();
        break;
      case 'evaluate':
        this.evaluations = await this.session.evaluate(this.toEvaluate);
        this.phase = 'backpropagate';
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
    this.path = path;
    this.session.select(path, 'path');
    if (node.status === 'open') {
      this.phase = 'expand';
    } else {
      // A terminal, or a dead end whose children were all pruned: evaluate it again.
      this.toEvaluate = [node.id];
      this.phase = 'evaluate';
    }
  }

  private async expand(): Promise<void> {
    const leaf = this.path[this.path.length - 1] ?? ROOT_ID;
    const [children = []] = await this.session.expand(
      [{ nodeId: leaf, k: this.config.k }],
      this.config.temperature,
      this.config.maxStepTokens,
    );
    this.toEvaluate = children.length > 0 ? children : [leaf];
    this.phase = 'evaluate';
  }

  private backpropagate(): void {
    const leaf = this.path[this.path.length - 1];
    // Children of the leaf were evaluated: the whole path receives; the leaf itself: its ancestors.
    const receivers = this.toEvaluate.includes(leaf ?? '') ? this.path.slice(0, -1) : this.path;
    this.session.backpropagate(receivers, this.evaluations);
    this.simulations++;
    const solved = this.config.stopOnSolved && firstSolvedNode(this.session.tree) !== undefined;
    if (solved || this.simulations >= this.config.simulations) return this.end();
    this.phase = 'select';
  }

  private end(): void {
    const solved = firstSolvedNode(this.session.tree);
    const path = mostVisitedPath(this.session.tree);
    this.result = finish(this.session, solved?.id ?? path[path.length - 1] ?? ROOT_ID, this.simulations);
    this.phase = 'done';
  }
}

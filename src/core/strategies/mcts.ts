import type { Evaluation } from '../events';
import { refinable } from '../refine';
import type { SearchSession } from '../session';
import {
  firstSolvedNode,
  getNode,
  isInPrunedSubtree,
  isKnownFailed,
  liveChildren,
  mostVisitedPath,
  qValue,
  ROOT_ID,
  type NodeId,
  type TreeNode,
} from '../tree';
import { bestChild, type ScoreRule } from './selection';
import { StatefulStrategy, type BaseState } from './stateful-strategy';
import { finish, type Phase, type SearchConfig, type StrategyName } from './strategy';
import { x1Backup } from './x1-backup';

/** The strategy's mutable state, kept together so that a snapshot copies all of it. */
export interface MctsState extends BaseState {
  path: NodeId[];
  toEvaluate: NodeId[];
  evaluations: Evaluation[];
  simulations: number;
  /** Simulations whose selection ended on a failed terminal or a proven-failed node. */
  wasted: number;
}

export function initialMctsState(): MctsState {
  return {
    phase: 'select',
    result: undefined,
    path: [],
    toEvaluate: [],
    evaluations: [],
    simulations: 0,
    wasted: 0,
  };
}

/**
 * Monte Carlo Tree Search, one phase per step():
 *  select        descend from the root by the variant's score to a leaf, skipping pruned subtrees
 *                (and, with the solver, proven-failed nodes);
 *  expand        sample k next steps for the leaf (verified as they are created);
 *  evaluate      `children` and `x1`: score the new children (verifier reward on terminals, value
 *                model on the rest); `alphazero`: score the leaf itself, its children wait at N = 0;
 *                with refine on, new steps that failed or scored low are rewritten here too;
 *  backpropagate add those visits and values to the path (x1: its discounted, visit-weighted mean).
 * A selected terminal is re-evaluated by the verifier instead of expanded.
 */
export abstract class MctsBase<P, S extends MctsState> extends StatefulStrategy<S> {
  protected constructor(
    protected readonly session: SearchSession<P>,
    protected readonly config: SearchConfig,
    state: S,
  ) {
    super(state);
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
        if (this.config.refine) await this.refine();
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

  protected get rule(): ScoreRule {
    return this.config.variant === 'x1' ? 'x1' : this.config.selection;
  }

  /** What a child stands for: itself, or for a transposition the node holding its state. */
  protected target(node: TreeNode): TreeNode {
    return node.transpositionOf === undefined ? node : getNode(this.session.tree, node.transpositionOf);
  }

  /**
   * The children selection may enter: live ones (a transposition only while the node it stands
   * for is live), and with the solver none known failed.
   */
  protected candidates(node: TreeNode): TreeNode[] {
    const { tree } = this.session;
    const live = liveChildren(tree, node).filter(
      (c) => c.transpositionOf === undefined || !isInPrunedSubtree(tree, c.transpositionOf),
    );
    return this.config.solver ? live.filter((c) => !isKnownFailed(this.target(c))) : live;
  }

  /**
   * The child selection descends into from `node`; Gumbel overrides it at the root. A
   * transposition is scored with the shared Q of the state it stands for and its own edge's N.
   */
  protected choose(node: TreeNode): TreeNode | undefined {
    const kids = this.candidates(node);
    const views = kids.map((k) =>
      k.transpositionOf === undefined ? k : { ...k, valueSum: qValue(this.target(k)) * k.visits },
    );
    const best = bestChild(this.rule, node, views, this.config.c);
    return kids.find((k) => k.id === best?.id);
  }

  private select(): void {
    const { tree } = this.session;
    const root = getNode(tree, ROOT_ID);
    if (this.session.generatedTokens >= this.config.maxTokens) return this.end();
    // The solver proved that nothing this search drew can succeed: no simulation is left to spend.
    if (this.config.solver && isKnownFailed(root)) return this.end();
    let node = root;
    const path = [node.id];
    while (node.status === 'expanded') {
      const next = this.choose(node);
      if (!next) break;
      path.push(next.id);
      // Graph mode: through a transposition the search goes on from the node holding the state.
      node = this.target(next);
      if (node !== next) path.push(node.id);
    }
    this.s.path = path;
    this.session.select(path, 'path');
    if (isKnownFailed(node)) this.s.wasted++;
    if (node.status === 'open') {
      this.s.phase = 'expand';
    } else {
      // A terminal, or a dead end whose children were all pruned: evaluate it again.
      this.s.toEvaluate = [node.id];
      this.s.phase = 'evaluate';
    }
  }

  private async expand(): Promise<void> {
    const leaf = this.leaf();
    const [children = []] = await this.session.expand(
      [{ nodeId: leaf, k: this.config.k }],
      this.config.temperature,
      this.config.maxStepTokens,
      this.config.graph,
    );
    const evaluateLeaf = this.config.variant === 'alphazero' || children.length === 0;
    this.s.toEvaluate = evaluateLeaf ? [leaf] : children;
    this.s.phase = 'evaluate';
  }

  /**
   * Refine: the leaf's new steps that failed or scored below the threshold are rewritten after a
   * critique. The rewrites are evaluated with their siblings (AlphaZero's wait at N = 0 like them).
   */
  private async refine(): Promise<void> {
    const { tree } = this.session;
    const leaf = this.leaf();
    if (getNode(tree, leaf).status !== 'expanded') return;
    const { threshold, temperature, maxStepTokens } = this.config;
    const ids = refinable(tree, leaf, threshold);
    const rewrites = await this.session.refine(ids, threshold, temperature, maxStepTokens);
    if (rewrites.length === 0 || this.config.variant === 'alphazero') return;
    this.s.toEvaluate = [...this.s.toEvaluate, ...rewrites];
    this.s.evaluations = [...this.s.evaluations, ...(await this.session.evaluate(rewrites))];
  }

  private backpropagate(): void {
    const leaf = this.leaf();
    if (this.config.variant === 'x1') {
      const updates = x1Backup(this.session.tree, this.s.path);
      if (updates.length > 0) this.session.apply({ type: 'backup', updates });
    } else {
      // Children of the leaf were evaluated: the whole path receives; the leaf itself: its ancestors.
      const receivers = this.s.toEvaluate.includes(leaf) ? this.s.path.slice(0, -1) : this.s.path;
      this.session.backpropagate(receivers, this.s.evaluations);
    }
    if (this.config.solver) this.session.prove(leaf);
    this.s.simulations++;
    const solved = this.config.stopOnSolved && firstSolvedNode(this.session.tree) !== undefined;
    if (solved || this.s.simulations >= this.config.simulations) return this.end();
    this.s.phase = 'select';
  }

  private leaf(): NodeId {
    return this.s.path[this.s.path.length - 1] ?? ROOT_ID;
  }

  /** The answer when no solution was found: the end of the most-visited path (Gumbel overrides). */
  protected fallbackAnswer(): NodeId {
    const path = mostVisitedPath(this.session.tree);
    return path[path.length - 1] ?? ROOT_ID;
  }

  private end(): void {
    const solved = firstSolvedNode(this.session.tree);
    const chosenId = this.fallbackAnswer();
    const result = finish(this.session, solved?.id ?? chosenId, this.s.simulations, this.s.wasted);
    this.s.result = { ...result, chosenId };
    this.s.phase = 'done';
  }
}

export class MctsStrategy<P> extends MctsBase<P, MctsState> {
  readonly name: StrategyName = 'mcts';

  constructor(session: SearchSession<P>, config: SearchConfig) {
    super(session, config, initialMctsState());
  }
}

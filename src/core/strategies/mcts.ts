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
import { finish, type Phase, type SearchConfig, type StrategyName, type StrategySnapshot } from './strategy';
import { x1Backup } from './x1-backup';

/** Virtual visits (each of value 0) this round's earlier paths put on a node. */
type VirtualLoss = ReadonlyMap<NodeId, number>;
const NO_VIRTUAL_LOSS: VirtualLoss = new Map();

/** The node as selection sees it this round: its virtual visits counted, with value 0. */
function withVirtualLoss(node: TreeNode, virtual: VirtualLoss): TreeNode {
  const extra = virtual.get(node.id) ?? 0;
  return extra === 0 ? node : { ...node, visits: node.visits + extra };
}

const leafOf = (path: readonly NodeId[]): NodeId => path[path.length - 1] ?? ROOT_ID;

/** The strategy's mutable state, kept together so that a snapshot copies all of it. */
export interface MctsState extends BaseState {
  /** The paths selected this round: one per simulation (several with `parallel` > 1). */
  paths: NodeId[][];
  /** Per path, the nodes evaluated for it: its leaf, or the leaf's new children (and rewrites). */
  groups: NodeId[][];
  evaluations: Evaluation[];
  simulations: number;
  /** Simulations whose selection ended on a failed terminal or a proven-failed node. */
  wasted: number;
}

export function initialMctsState(): MctsState {
  return {
    phase: 'select',
    result: undefined,
    paths: [],
    groups: [],
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
 *
 * With `parallel` = P > 1 each round selects up to P paths before anything is expanded: every path
 * chosen adds a virtual loss (one visit of value 0) along it, so the next descent turns elsewhere
 * (Chaslot et al.'s virtual loss, as in AlphaGo's asynchronous search). The P leaves are expanded in
 * one policy call and evaluated in one value call, then each path is backed up. The order is fixed,
 * so a seed gives the same tree for a given P.
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
        this.s.evaluations = await this.session.evaluate(this.s.groups.flat());
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

  override restore(snapshot: StrategySnapshot): void {
    super.restore(snapshot);
    // A snapshot written before parallel selection holds one path and the nodes evaluated for it.
    const legacy: { path?: NodeId[]; toEvaluate?: NodeId[]; paths?: NodeId[][] } = this.s;
    if (legacy.paths === undefined) {
      const { path, toEvaluate, ...rest } = legacy;
      this.s = { ...(rest as S), paths: path ? [path] : [], groups: path ? [toEvaluate ?? []] : [] };
    }
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
  protected choose(node: TreeNode, virtual: VirtualLoss = NO_VIRTUAL_LOSS): TreeNode | undefined {
    const kids = this.candidates(node);
    const views = kids.map((k) =>
      withVirtualLoss(
        k.transpositionOf === undefined ? k : { ...k, valueSum: qValue(this.target(k)) * k.visits },
        virtual,
      ),
    );
    const best = bestChild(this.rule, withVirtualLoss(node, virtual), views, this.config.c);
    return kids.find((k) => k.id === best?.id);
  }

  private select(): void {
    const { tree } = this.session;
    const root = getNode(tree, ROOT_ID);
    if (this.session.generatedTokens >= this.config.maxTokens) return this.end();
    // The solver proved that nothing this search drew can succeed: no simulation is left to spend.
    if (this.config.solver && isKnownFailed(root)) return this.end();
    const width = Math.max(1, Math.min(this.config.parallel, this.config.simulations - this.s.simulations));
    const virtual = new Map<NodeId, number>();
    const paths: NodeId[][] = [];
    // A descent that reaches a leaf already taken (a collision) adds its virtual loss and tries
    // again, a bounded number of times: a narrow tree may have fewer than P leaves worth taking.
    for (let attempt = 0; paths.length < width && attempt < 2 * width; attempt++) {
      const path = this.descend(virtual);
      const leaf = leafOf(path);
      for (const id of path) virtual.set(id, (virtual.get(id) ?? 0) + 1);
      if (paths.some((p) => leafOf(p) === leaf)) continue;
      paths.push(path);
      this.session.select(path, 'path');
      if (isKnownFailed(getNode(tree, leaf))) this.s.wasted++;
    }
    this.s.paths = paths;
    // A terminal, or a dead end whose children were all pruned, is evaluated again.
    this.s.groups = paths.map((p) => (this.isOpen(leafOf(p)) ? [] : [leafOf(p)]));
    this.s.phase = paths.some((p) => this.isOpen(leafOf(p))) ? 'expand' : 'evaluate';
  }

  /** One descent from the root by the variant's score, through the virtual losses of this round. */
  private descend(virtual: VirtualLoss): NodeId[] {
    let node = getNode(this.session.tree, ROOT_ID);
    const path = [node.id];
    while (node.status === 'expanded') {
      const next = this.choose(node, virtual);
      if (!next) break;
      path.push(next.id);
      // Graph mode: through a transposition the search goes on from the node holding the state.
      node = this.target(next);
      if (node !== next) path.push(node.id);
    }
    return path;
  }

  private isOpen(id: NodeId): boolean {
    return getNode(this.session.tree, id).status === 'open';
  }

  private async expand(): Promise<void> {
    const open = this.s.paths.map(leafOf).filter((id) => this.isOpen(id));
    const created = await this.session.expand(
      open.map((nodeId) => ({ nodeId, k: this.config.k })),
      this.config.temperature,
      this.config.maxStepTokens,
      this.config.graph,
    );
    this.s.groups = this.s.paths.map((p) => {
      const leaf = leafOf(p);
      const i = open.indexOf(leaf);
      if (i < 0) return [leaf];
      const children = created[i] ?? [];
      return this.config.variant === 'alphazero' || children.length === 0 ? [leaf] : children;
    });
    this.s.phase = 'evaluate';
  }

  /**
   * Refine: the leaves' new steps that failed or scored below the threshold are rewritten after a
   * critique, in one policy call. The rewrites are evaluated with their siblings (AlphaZero's wait
   * at N = 0 like them).
   */
  private async refine(): Promise<void> {
    const { tree } = this.session;
    const { threshold, temperature, maxStepTokens } = this.config;
    const leaves = this.s.paths.map(leafOf).filter((id) => getNode(tree, id).status === 'expanded');
    const ids = leaves.flatMap((leaf) => refinable(tree, leaf, threshold));
    const rewrites = await this.session.refine(ids, threshold, temperature, maxStepTokens);
    if (rewrites.length === 0 || this.config.variant === 'alphazero') return;
    this.s.groups = this.s.paths.map((p, i) => {
      const group = this.s.groups[i] ?? [];
      const mine = rewrites.filter((id) => getNode(this.session.tree, id).parentId === leafOf(p));
      return [...group, ...mine];
    });
    this.s.evaluations = [...this.s.evaluations, ...(await this.session.evaluate(rewrites))];
  }

  private backpropagate(): void {
    this.s.paths.forEach((path, i) => {
      const group = this.s.groups[i] ?? [];
      const leaf = leafOf(path);
      if (this.config.variant === 'x1') {
        const updates = x1Backup(this.session.tree, path);
        if (updates.length > 0) this.session.apply({ type: 'backup', updates });
      } else {
        // Children of the leaf were evaluated: the whole path receives; the leaf itself: its ancestors.
        const receivers = group.includes(leaf) ? path.slice(0, -1) : path;
        const mine = this.s.evaluations.filter((e) => group.includes(e.nodeId));
        this.session.backpropagate(receivers, mine);
      }
      if (this.config.solver) this.session.prove(leaf);
      this.s.simulations++;
    });
    const solved = this.config.stopOnSolved && firstSolvedNode(this.session.tree) !== undefined;
    if (solved || this.s.simulations >= this.config.simulations) return this.end();
    this.s.phase = 'select';
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

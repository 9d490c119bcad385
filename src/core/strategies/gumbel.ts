import type { SearchSession } from '../session';
import {
  getNode,
  isKnownFailed,
  liveChildren,
  mostVisitedPath,
  qValue,
  ROOT_ID,
  type NodeId,
  type TreeNode,
} from '../tree';
import { initialMctsState, MctsBase, type MctsState } from './mcts';
import type { SearchConfig } from './strategy';

/** Danihelka et al.'s constants for σ(q) = (c_visit + max_b N(b)) · c_scale · q. */
export const GUMBEL_C_VISIT = 50;
export const GUMBEL_C_SCALE = 1;

interface GumbelState extends MctsState {
  /** g(a) + log π(a) of each root action drawn, fixed once drawn. */
  noisy: Record<NodeId, number>;
  /** The actions still in the halving, best first. */
  remaining: NodeId[];
  /** The root actions the next simulations go to, in order. */
  queue: NodeId[];
  /** Simulations each halving phase spends (0 before the draw). */
  phaseBudget: number;
}

/**
 * Gumbel MCTS's root (Danihelka, Guez, Schrittwieser and Silver, ICLR 2022): after the root's
 * expansion, m of its children are drawn without replacement by Gumbel-top-m on their log priors,
 * and Sequential Halving spends the rest of the budget on them: in each of ⌈log2 m⌉ phases every
 * action left gets an equal share of simulations, then the half with the lower g + log π + σ(q̂)
 * drops out. Below the root, selection is the MCTS variant's (the paper's full algorithm also
 * replaces it there; this playground keeps PUCT so that only the root differs).
 */
export class GumbelStrategy<P> extends MctsBase<P, GumbelState> {
  readonly name = 'gumbel';

  constructor(session: SearchSession<P>, config: SearchConfig) {
    super(session, config, { ...initialMctsState(), noisy: {}, remaining: [], queue: [], phaseBudget: 0 });
  }

  protected override choose(node: TreeNode, virtual?: ReadonlyMap<NodeId, number>): TreeNode | undefined {
    // At the root the halving's queue decides; virtual loss acts below it.
    if (node.id !== ROOT_ID) return super.choose(node, virtual);
    if (this.s.phaseBudget === 0) this.draw(node);
    const alive = (id: NodeId): boolean =>
      !this.config.solver || !isKnownFailed(this.target(getNode(this.session.tree, id)));
    this.s.remaining = this.s.remaining.filter(alive);
    this.s.queue = this.s.queue.filter(alive);
    if (this.s.queue.length === 0) this.nextPhase();
    const id = this.s.queue.shift();
    return id === undefined ? super.choose(node) : getNode(this.session.tree, id);
  }

  /** Gumbel-top-m: m = min(children, simulations left), each with g ~ Gumbel(0, 1). */
  private draw(root: TreeNode): void {
    const kids = this.candidates(root);
    const left = Math.max(1, this.config.simulations - this.s.simulations);
    for (const k of kids) {
      const u = Math.min(1 - 1e-12, Math.max(1e-12, this.session.rng.nextFloat()));
      this.s.noisy[k.id] = -Math.log(-Math.log(u)) + Math.log(Math.max(k.prior, 1e-12));
    }
    const m = Math.min(kids.length, left);
    this.s.remaining = this.rank(kids.map((k) => k.id)).slice(0, m);
    const phases = Math.max(1, Math.ceil(Math.log2(Math.max(1, m))));
    this.s.phaseBudget = Math.max(1, Math.floor(left / phases));
    this.fill();
  }

  /** Halves the actions left (keeping the better ⌈n/2⌉), then queues the next phase's visits. */
  private nextPhase(): void {
    if (this.s.remaining.length > 1) {
      const ranked = this.rank(this.s.remaining);
      this.s.remaining = ranked.slice(0, Math.ceil(ranked.length / 2));
    }
    this.fill();
  }

  private fill(): void {
    const n = this.s.remaining.length;
    if (n === 0) return;
    const each = Math.max(1, Math.floor(this.s.phaseBudget / n));
    this.s.queue = [];
    for (let v = 0; v < each; v++) this.s.queue.push(...this.s.remaining);
  }

  /** g + log π + σ(q̂), best first (stable: ties keep their order). */
  private rank(ids: readonly NodeId[]): NodeId[] {
    const { tree } = this.session;
    const root = getNode(tree, ROOT_ID);
    const maxVisits = Math.max(0, ...liveChildren(tree, root).map((c) => c.visits));
    const sigma = (id: NodeId): number =>
      (GUMBEL_C_VISIT + maxVisits) * GUMBEL_C_SCALE * qValue(getNode(tree, id));
    const score = (id: NodeId): number => (this.s.noisy[id] ?? 0) + sigma(id);
    return [...ids].sort((a, b) => score(b) - score(a));
  }

  /** Without a solution: the action the halving ranks first, then its most-visited line. */
  protected override fallbackAnswer(): NodeId {
    const best = this.rank(this.s.remaining)[0];
    if (best === undefined) return super.fallbackAnswer();
    const path = mostVisitedPath(this.session.tree, best);
    return path[path.length - 1] ?? best;
  }
}

import type { Evaluation } from '../events';
import type { SearchSession } from '../session';
import {
  firstSolvedNode,
  getNode,
  isInPrunedSubtree,
  pathTo,
  ROOT_ID,
  type NodeId,
  type TreeNode,
} from '../tree';
import { StatefulStrategy, type BaseState } from './stateful-strategy';
import { finish, type Phase, type SearchConfig, type StrategyName } from './strategy';

/** The strategy's mutable state, kept together so that a snapshot copies all of it. */
interface State extends BaseState {
  beam: NodeId[];
  added: NodeId[][];
  evaluations: Evaluation[];
  depth: number;
}

/**
 * Beam search: keep the `width` best open nodes of each depth by value. Each depth runs
 * expand (k samples per beam node, one batched call), evaluate (all new children, one batch),
 * backpropagate, and select (the new beam); the open children left out are pruned, so the tree
 * shows what the beam dropped.
 *
 * ToT's BFS (`bfs`) is the same loop with Tree of Thoughts' names (breadth b = the width) and a
 * value threshold: a child valued below it is pruned even when the beam has room.
 */
export class BeamStrategy<P> extends StatefulStrategy<State> {
  readonly name: StrategyName;

  constructor(
    private readonly session: SearchSession<P>,
    private readonly config: SearchConfig,
    private readonly threshold: number | undefined = undefined,
  ) {
    super({
      phase: 'expand',
      result: undefined,
      beam: [ROOT_ID],
      added: [],
      evaluations: [],
      depth: 0,
    });
    this.name = threshold === undefined ? 'beam' : 'bfs';
  }

  async step(): Promise<Phase> {
    const ran = this.s.phase;
    switch (this.s.phase) {
      case 'expand': {
        const live = this.s.beam.filter((id) => !isInPrunedSubtree(this.session.tree, id));
        if (live.length === 0 || this.session.generatedTokens >= this.config.maxTokens) {
          this.end();
          break;
        }
        this.s.added = await this.session.expand(
          live.map((nodeId) => ({ nodeId, k: this.config.k })),
          this.config.temperature,
          this.config.maxStepTokens,
        );
        this.s.phase = 'evaluate';
        break;
      }
      case 'evaluate':
        this.s.evaluations = await this.session.evaluate(this.s.added.flat());
        this.s.phase = 'backpropagate';
        break;
      case 'backpropagate':
        for (const ids of this.s.added) {
          const first = ids[0];
          if (first === undefined) continue;
          const parentId = getNode(this.session.tree, first).parentId ?? ROOT_ID;
          this.session.backpropagate(
            pathTo(this.session.tree, parentId),
            this.s.evaluations.filter((e) => ids.includes(e.nodeId)),
          );
        }
        this.s.depth++;
        this.s.phase = this.config.stopOnSolved && firstSolvedNode(this.session.tree) ? 'done' : 'select';
        if (this.s.phase === 'done') this.end();
        break;
      case 'select':
        this.selectBeam();
        break;
      case 'aggregate':
      case 'done':
        break;
    }
    return ran;
  }

  private selectBeam(): void {
    const candidates = this.s.added
      .flat()
      .map((id) => getNode(this.session.tree, id))
      .filter((n) => n.status === 'open');
    const { threshold } = this;
    const passing =
      threshold === undefined
        ? candidates
        : candidates.filter((n) => n.value === undefined || n.value >= threshold);
    // Stable sort: equal values keep creation order, so the beam is deterministic.
    const ranked = [...passing].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
    this.s.beam = ranked.slice(0, this.config.simulations).map((n) => n.id);
    for (const n of candidates) if (!this.s.beam.includes(n.id)) this.session.prune(n.id);
    if (this.s.beam.length === 0 || this.s.depth >= this.session.task.maxSteps(this.session.problem)) {
      this.end();
      return;
    }
    this.session.select(this.s.beam, 'beam');
    this.s.phase = 'expand';
  }

  private end(): void {
    const solved = firstSolvedNode(this.session.tree);
    this.s.result = finish(this.session, solved?.id ?? this.bestLeaf().id, this.s.depth);
    this.s.phase = 'done';
  }

  /** Without a verified solution: the deepest, then most valuable, node reached. */
  private bestLeaf(): TreeNode {
    let best = getNode(this.session.tree, ROOT_ID);
    for (const node of Object.values(this.session.tree.nodes)) {
      if (node.pruned) continue;
      if (node.depth > best.depth || (node.depth === best.depth && (node.value ?? 0) > (best.value ?? 0)))
        best = node;
    }
    return best;
  }
}

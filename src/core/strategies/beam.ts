import type { Evaluation } from '../events';
import type { SearchSession } from '../session';
import { firstSolvedNode, getNode, isInPrunedSubtree, pathTo, ROOT_ID, type NodeId, type TreeNode } from '../tree';
import { finish, type Phase, type SearchConfig, type SearchResult, type Strategy } from './strategy';

/**
 * Beam search: keep the `width` best open nodes of each depth by value. Each depth runs
 * expand (k samples per beam node, one batched call), evaluate (all new children, one batch),
 * backpropagate, and select (the new beam).
 */
export class BeamStrategy<P> implements Strategy {
  readonly name = 'beam';
  phase: Phase = 'expand';
  result: SearchResult | undefined;
  private beam: NodeId[] = [ROOT_ID];
  private added: NodeId[][] = [];
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
        const live = this.beam.filter((id) => !isInPrunedSubtree(this.session.tree, id));
        if (live.length === 0 || this.session.generatedTokens >= this.config.maxTokens) {
          this.end();
          break;
        }
        this.added = await this.session.expand(
          live.map((nodeId) => ({ nodeId, k: this.config.k })),
          this.config.temperature,
          this.config.maxStepTokens,
        );
        this.phase = 'evaluate';
        break;
      }
      case 'evaluate':
        this.evaluations = await this.session.evaluate(this.added.flat());
        this.phase = 'backpropagate';
        break;
      case 'backpropagate':
        for (const ids of this.added) {
          const first = ids[0];
          if (first === undefined) continue;
          const parentId = getNode(this.session.tree, first).parentId ?? ROOT_ID;
          this.session.backpropagate(
            pathTo(this.session.tree, parentId),
            this.evaluations.filter((e) => ids.includes(e.nodeId)),
          );
        }
        this.depth++;
        this.phase = this.config.stopOnSolved && firstSolvedNode(this.session.tree) ? 'done' : 'select';
        if (this.phase === 'done') this.end();
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
    const candidates = this.added
      .flat()
      .map((id) => getNode(this.session.tree, id))
      .filter((n) => n.status === 'open');
    // Stable sort: equal values keep creation order, so the beam is deterministic.
    const ranked = [...candidates].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
    this.beam = ranked.slice(0, this.config.simulations).map((n) => n.id);
    if (this.beam.length === 0 || this.depth >= this.session.task.maxSteps(this.session.problem)) {
      this.end();
      return;
    }
    this.session.select(this.beam, 'beam');
    this.phase = 'expand';
  }

  private end(): void {
    const solved = firstSolvedNode(this.session.tree);
    this.result = finish(this.session, solved?.id ?? this.bestLeaf().id, this.depth);
    this.phase = 'done';
  }

  /** Without a verified solution: the deepest, then most valuable, node reached. */
  private bestLeaf(): TreeNode {
    let best = getNode(this.session.tree, ROOT_ID);
    for (const node of Object.values(this.session.tree.nodes)) {
      if (node.depth > best.depth || (node.depth === best.depth && (node.value ?? 0) > (best.value ?? 0))) best = node;
    }
    return best;
  }
}

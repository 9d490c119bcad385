import type { Evaluation } from '../events';
import type { SearchSession } from '../session';
import { firstSolvedNode, getNode, pathTo, ROOT_ID, type NodeId, type TreeNode } from '../tree';
import { StatefulStrategy, type BaseState } from './stateful-strategy';
import { finish, type Phase, type SearchConfig } from './strategy';

/** The strategy's mutable state, kept together so that a snapshot copies all of it. */
interface State extends BaseState {
  /** The node each subtree goes on from (the root alone before the first step). */
  heads: NodeId[];
  added: NodeId[][];
  evaluations: Evaluation[];
  depth: number;
}

function byValue(a: TreeNode, b: TreeNode): number {
  return (b.value ?? b.prior) - (a.value ?? a.prior);
}

/**
 * Diverse Verifier Tree Search (Beeching, Tunstall and Rush, Hugging Face 2024): the budget of N
 * beams (`simulations`) is split into N / M independent subtrees, M = `k`. The root's N samples
 * give the subtrees distinct first steps (the best N / M by value); then each subtree samples M
 * steps from its one node and keeps the best by value, greedily, until it ends. What a subtree
 * does not keep is pruned. Spreading the budget over subtrees keeps the searches apart, where one
 * beam of width N tends to collapse onto one line.
 */
export class DvtsStrategy<P> extends StatefulStrategy<State> {
  readonly name = 'dvts';

  constructor(
    private readonly session: SearchSession<P>,
    private readonly config: SearchConfig,
  ) {
    super({ phase: 'expand', result: undefined, heads: [ROOT_ID], added: [], evaluations: [], depth: 0 });
  }

  private get subtrees(): number {
    return Math.max(1, Math.floor(this.config.simulations / this.config.k));
  }

  async step(): Promise<Phase> {
    const ran = this.s.phase;
    switch (this.s.phase) {
      case 'expand': {
        if (this.s.heads.length === 0 || this.session.generatedTokens >= this.config.maxTokens) {
          this.end();
          break;
        }
        const k = this.s.depth === 0 ? this.config.simulations : this.config.k;
        this.s.added = await this.session.expand(
          this.s.heads.map((nodeId) => ({ nodeId, k })),
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
        this.s.heads.forEach((head, i) => {
          const ids = this.s.added[i] ?? [];
          this.session.backpropagate(
            pathTo(this.session.tree, head),
            this.s.evaluations.filter((e) => ids.includes(e.nodeId)),
          );
        });
        this.s.depth++;
        if (this.config.stopOnSolved && firstSolvedNode(this.session.tree)) this.end();
        else this.s.phase = 'select';
        break;
      case 'select':
        this.selectHeads();
        break;
      case 'aggregate':
      case 'done':
        break;
    }
    return ran;
  }

  /** Each subtree keeps its best open child; at the root, the N / M best become the subtrees. */
  private selectHeads(): void {
    const { tree } = this.session;
    const heads: NodeId[] = [];
    for (const ids of this.s.added) {
      const open = ids.map((id) => getNode(tree, id)).filter((n) => n.status === 'open');
      const keep = [...open].sort(byValue).slice(0, this.s.depth === 1 ? this.subtrees : 1);
      for (const n of open) if (!keep.includes(n)) this.session.prune(n.id);
      heads.push(...keep.map((n) => n.id));
    }
    this.s.heads = heads;
    if (heads.length === 0 || this.s.depth >= this.session.task.maxSteps(this.session.problem))
      return this.end();
    this.session.select(heads, 'beam');
    this.s.phase = 'expand';
  }

  private end(): void {
    const solved = firstSolvedNode(this.session.tree);
    const best = [...this.s.heads].map((id) => getNode(this.session.tree, id)).sort(byValue)[0];
    this.s.result = finish(this.session, solved?.id ?? best?.id ?? ROOT_ID, this.s.depth);
    this.s.phase = 'done';
  }
}

import type { SearchEvent } from '../core/events';
import { selectionScore } from '../core/strategies/selection';
import type { Phase, SearchConfig } from '../core/strategies/strategy';
import { getNode, liveChildren, type NodeId, type ReasoningTree } from '../core/tree';
import { count } from './plural';

/**
 * One line saying what a phase did and why, and the nodes to highlight on the tree; built from
 * the events the phase appended, so it always matches the tree.
 */
export interface PhaseNote {
  readonly phase: Phase | 'prune' | 'expand-here' | 'write' | 'start';
  readonly text: string;
  readonly highlight: readonly NodeId[];
}

const f = (x: number) => x.toFixed(2);

function describeSelect(
  ids: readonly NodeId[],
  kind: 'path' | 'beam',
  tree: ReasoningTree,
  config: SearchConfig,
): string {
  if (kind === 'beam') {
    if (config.strategy === 'dvts')
      return `Select: each subtree keeps its best node (${ids.join(', ')}), ${count(ids.length, 'subtree')} in all.`;
    return `Select: the beam keeps the ${count(ids.length, 'open node')} with the highest value (${ids.join(', ')}).`;
  }
  if (ids.length <= 1) return 'Select: the root is still a leaf, so it is the node to expand.';
  const last = ids[ids.length - 1] ?? '';
  if (config.strategy === 'dfs')
    return `Select: DFS goes down to ${last}, the best-valued child not yet explored.`;
  const rule = config.variant === 'x1' ? 'x1' : config.selection;
  const hops: string[] = [];
  for (let i = 1; i < ids.length; i++) {
    const parent = getNode(tree, ids[i - 1] ?? '');
    const child = getNode(tree, ids[i] ?? '');
    if (i === 1 && config.strategy === 'gumbel') {
      hops.push(`${child.id} (its turn in Sequential Halving)`);
      continue;
    }
    const t = selectionScore(rule, parent, child, config.c);
    const rivals = liveChildren(tree, parent).length - 1;
    hops.push(`${child.id} (Q ${f(t.q)} + U ${f(t.exploration)} = ${f(t.score)}, best of ${rivals + 1})`);
  }
  const leaf = getNode(tree, ids[ids.length - 1] ?? '');
  const next =
    leaf.status === 'open'
      ? 'an open leaf: it will be expanded'
      : `a ${leaf.status} node: it is evaluated again`;
  return `Select: ${rule === 'x1' ? "x1's score" : rule.toUpperCase()} walks from the root through ${hops.join(' → ')}, reaching ${next}.`;
}

function describeExpand(event: Extract<SearchEvent, { type: 'expand' }>, config: SearchConfig): string {
  const kids = event.children;
  const invalid = kids.filter((c) => c.status === 'failed' && c.answer === undefined).length;
  const solved = kids.filter((c) => c.status === 'solved').length;
  const samples = kids.reduce((a, c) => a + c.samples, 0);
  const parts = [`${count(kids.length, 'distinct step')} from ${count(samples, 'sample')}`];
  if (invalid > 0) parts.push(`${invalid} invalid`);
  if (solved > 0) parts.push(`${solved} solving the puzzle`);
  // Graph mode's aggregate: a child reaching a state already on the tree joins that node.
  const merged = kids.filter((c) => c.transpositionOf !== undefined);
  if (merged.length > 0)
    parts.push(
      `${merged.length} reaching a state already on the tree (aggregated into ${[...new Set(merged.map((c) => c.transpositionOf))].join(', ')})`,
    );
  return `Expand ${event.parentId}: the policy sampled ${count(samples, 'next step')} (temperature ${config.temperature}); ${parts.join(', ')}. Priors are the step probabilities normalized over the siblings.`;
}

/** `what`: 'Evaluate', or after a refine in the same phase 'Evaluate the rewrites'. */
function describeEvaluate(event: Extract<SearchEvent, { type: 'evaluate' }>, what = 'Evaluate'): string {
  const byModel = event.evaluations.filter((e) => e.source === 'value-model');
  const byVerifier = event.evaluations.filter((e) => e.source === 'verifier');
  const parts: string[] = [];
  if (byModel.length > 0) {
    const mean = byModel.reduce((a, e) => a + e.value, 0) / byModel.length;
    parts.push(`the value model scored ${count(byModel.length, 'open node')} (mean ${f(mean)})`);
  }
  if (byVerifier.length > 0) {
    const ok = byVerifier.filter((e) => e.value === 1).length;
    parts.push(
      `the verifier judged ${count(byVerifier.length, 'terminal')}: ${ok} solved, ${byVerifier.length - ok} failed`,
    );
  }
  return `${what}: ${parts.join('; ') || 'nothing to score'}.`;
}

function describePrunes(ids: readonly NodeId[]): string {
  const named = ids.length > 4 ? `${ids.slice(0, 4).join(', ')} and ${ids.length - 4} more` : ids.join(', ');
  if (ids.length === 1)
    return `Prune ${named}: its subtree is never selected again and its visits and value leave its ancestors.`;
  return `Prune ${named}: their subtrees are never selected again and their visits and value leave the ancestors.`;
}

type RefineEvent = Extract<SearchEvent, { type: 'refine' }>;
type WriteEvent = Extract<SearchEvent, { type: 'write' }>;

/** The node a write event made (the parent's written child with its text). */
function writtenNode(tree: ReasoningTree, e: WriteEvent): NodeId | undefined {
  return getNode(tree, e.parentId).childIds.find((id) => {
    const n = tree.nodes[id];
    return n?.written === true && n.text === e.child.text;
  });
}

/** What the policy and the verifier made of a step written by hand. */
function describeWrite(e: WriteEvent, tree: ReasoningTree): string {
  const { child } = e;
  const id = writtenNode(tree, e) ?? 'it';
  const siblings = getNode(tree, e.parentId).childIds.filter(
    (c) => c !== id && !tree.nodes[c]?.pruned,
  ).length;
  const prior =
    siblings > 0
      ? `prior ${f(child.prior)} against its ${count(siblings, 'sibling')}, whose priors stay as sampled`
      : 'prior 1, the only step here';
  const verdict =
    child.status === 'failed'
      ? `the verifier fails it: ${child.reason ?? 'wrong'}`
      : child.status === 'solved'
        ? `the verifier accepts the answer ${child.answer ?? ''}`
        : child.status === 'answered'
          ? `it answers ${child.answer ?? ''} (nothing can check it)`
          : 'the verifier lets it stand, so the search can go on below it';
  return `Write ${id} under ${e.parentId}: "${child.text}" was not sampled; the policy reads it and gives it probability ${Math.exp(child.logProb).toPrecision(2)} (log p ${child.logProb.toFixed(2)}), ${prior}; ${verdict}.`;
}
type SelectEvent = Extract<SearchEvent, { type: 'select' }>;
type BackupEvent = Extract<SearchEvent, { type: 'backpropagate' }>;

function describeParallelSelect(paths: readonly SelectEvent[]): string {
  const leaves = paths.map((p) => p.nodeIds[p.nodeIds.length - 1] ?? '');
  return `Select, ${paths.length} leaves at once (${leaves.join(', ')}): each path chosen adds a virtual loss, a visit worth 0, along it, so the next descent turns elsewhere; they are expanded together.`;
}

function describeParallelBackups(backups: readonly BackupEvent[]): string {
  const visits = backups.reduce((a, b) => a + b.visits, 0);
  const value = backups.reduce((a, b) => a + b.valueSum, 0);
  return `Backpropagate ${backups.length} paths: ${count(visits, 'visit')} and value ${f(value)} in all go up each path to the root; the virtual losses are gone, real values stand in their place.`;
}

/** The rewrite of `nodeId` (a sibling marked as refining it), as a list of zero or one id. */
function rewriteOf(tree: ReasoningTree, nodeId: NodeId): NodeId[] {
  const parentId = tree.nodes[nodeId]?.parentId;
  if (parentId === null || parentId === undefined) return [];
  return getNode(tree, parentId).childIds.filter((id) => tree.nodes[id]?.refines === nodeId);
}

/** One sentence for a phase's refines: the first critique quoted, what the rewrites came to. */
function describeRefines(events: readonly RefineEvent[], tree: ReasoningTree): string {
  const first = events[0];
  if (!first) return '';
  const pairs = events.map((e) => `${e.nodeId} → ${rewriteOf(tree, e.nodeId).join('') || '?'}`);
  const named =
    pairs.length > 4 ? `${pairs.slice(0, 4).join(', ')} and ${pairs.length - 4} more` : pairs.join(', ');
  const failed = events.filter((e) => e.child.status === 'failed').length;
  const solved = events.filter((e) => e.child.status === 'solved').length;
  const outcome = [
    ...(solved > 0 ? [`${count(solved, 'rewrite')} solving the problem`] : []),
    ...(failed > 0 ? [`${count(failed, 'rewrite')} failing again`] : []),
  ];
  const who = events.length === 1 ? 'the step' : 'each step';
  return `Refine ${named}: the policy read ${who} followed by a critique ("${first.critique}") and wrote it again beside it${outcome.length > 0 ? `; ${outcome.join(', ')}` : ''}.`;
}

export function describePhase(
  ran: PhaseNote['phase'],
  events: readonly SearchEvent[],
  tree: ReasoningTree,
  config: SearchConfig,
): PhaseNote {
  const texts: string[] = [];
  const highlight: NodeId[] = [];
  // A beam drops many nodes at once: one sentence for all of a phase's prunes.
  const pruned = events.flatMap((e) => (e.type === 'prune' ? [e.nodeId] : []));
  const refines = events.flatMap((e) => (e.type === 'refine' ? [e] : []));
  const paths = events.flatMap((e) => (e.type === 'select' && e.kind === 'path' ? [e] : []));
  const backups = events.flatMap((e) => (e.type === 'backpropagate' ? [e] : []));
  const parallelRound = config.parallel > 1 && (config.strategy === 'mcts' || config.strategy === 'gumbel');
  for (const e of events) {
    switch (e.type) {
      case 'select':
        // Parallel MCTS selects several paths in one phase: one sentence names their leaves.
        if (paths.length <= 1 || e.kind !== 'path')
          texts.push(describeSelect(e.nodeIds, e.kind, tree, config));
        else if (e === paths[0]) texts.push(describeParallelSelect(paths));
        highlight.push(...e.nodeIds);
        break;
      case 'expand':
        texts.push(describeExpand(e, config));
        highlight.push(e.parentId, ...getNode(tree, e.parentId).childIds);
        break;
      case 'evaluate':
        texts.push(
          describeEvaluate(e, refines.length > 0 && texts.length > 0 ? 'Evaluate the rewrites' : undefined),
        );
        highlight.push(...e.evaluations.map((x) => x.nodeId));
        break;
      case 'backpropagate':
        if (parallelRound && backups.length > 1) {
          if (e === backups[0]) texts.push(describeParallelBackups(backups));
        } else if (ran === 'backpropagate' || ran === 'expand-here' || ran === 'write') {
          texts.push(
            `Backpropagate: ${count(e.visits, 'visit')} and value ${f(e.valueSum)} added to ${count(e.nodeIds.length, 'ancestor')}, so their Q = W / N moves toward what was found.`,
          );
        }
        highlight.push(...e.nodeIds);
        break;
      case 'prune':
        if (e.nodeId === pruned[0]) texts.push(describePrunes(pruned));
        highlight.push(e.nodeId);
        break;
      case 'backup':
        texts.push(
          `Backpropagate (x1): ${count(e.updates.length, 'node')} on the path take one more visit, and each Q becomes the visit-weighted mean of its children's Q discounted by γ = 0.96.`,
        );
        highlight.push(...e.updates.map((u) => u.nodeId));
        break;
      case 'prove':
        texts.push(
          e.outcome === 'failed'
            ? `Solver: ${e.nodeIds.join(', ')} proven failed (every child sampled there failed): never selected again.`
            : `Solver: ${e.nodeIds.join(', ')} proven solved (a solution lies below).`,
        );
        highlight.push(...e.nodeIds);
        break;
      case 'refine':
        if (e === refines[0]) texts.push(describeRefines(refines, tree));
        highlight.push(e.nodeId, ...rewriteOf(tree, e.nodeId));
        break;
      case 'write': {
        texts.push(describeWrite(e, tree));
        const written = writtenNode(tree, e);
        highlight.push(e.parentId, ...(written ? [written] : []));
        break;
      }
      case 'backtrack':
        texts.push(`Backtrack from ${e.fromId} to ${e.toId}: ${e.reason}.`);
        highlight.push(e.fromId, e.toId);
        break;
      case 'answer': {
        const verdict = e.solved
          ? `solved: ${e.answer}`
          : `no verified solution (best answer ${e.answer || 'none'})`;
        texts.push(`Done: ${verdict}.`);
        highlight.push(e.nodeId);
        break;
      }
    }
  }
  if (texts.length === 0)
    texts.push(ran === 'start' ? 'Ready: press Run, Step or Step phase.' : `${ran}: nothing changed.`);
  return { phase: ran, text: texts.join(' '), highlight: [...new Set(highlight)] };
}

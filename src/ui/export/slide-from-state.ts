import { firstSolvedNode, mostVisitedPath, pathTo, type NodeId } from '../../core/tree';
import { selectDisplayedTree } from '../../state/selectors';
import type { ValidProblem } from '../../state/setup-validate';
import type { PlaygroundState } from '../../state/store-types';
import { STRATEGY_LABELS } from '../strategy-labels';
import { problemLabel, stepLabel, titleLabel, type NodeLabel } from '../tree/node-label';
import type { SlideInput } from './slide-svg';

/**
 * What the slide says, from the store: the problem as the title; the strategy, its settings and the
 * outcome as the subtitle; the solution (else the most-visited line) as the highlighted path.
 */

/** "Game of 24: 1 8 10 11 → 24", "Countdown: 2 5 8 → 30", or the math question. */
export function problemTitle(problem: ValidProblem): string {
  if (problem.task === 'math') return `Math: ${problem.problem.question.replace(/\s+/g, ' ').trim()}`;
  const numbers = [...problem.problem.numbers].sort((a, b) => a - b).join(' ');
  const game = problem.problem.target === 24 ? 'Game of 24' : 'Countdown';
  return `${game}: ${numbers} → ${problem.problem.target}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function searchSubtitle(s: PlaygroundState, nodes: number, solved: boolean): string {
  const search = s.search;
  if (!search) return '';
  const { config } = search;
  const done = search.shown.simulations;
  const strategy =
    config.strategy === 'mcts'
      ? `MCTS (${config.selection.toUpperCase()}, c = ${config.c}, k = ${config.k}, T = ${config.temperature})`
      : config.strategy === 'beam'
        ? `Beam search (width ${config.simulations}, k = ${config.k}, T = ${config.temperature})`
        : config.strategy === 'bon'
          ? `Best-of-N (N = ${config.simulations}, T = ${config.temperature})`
          : STRATEGY_LABELS.cot;
  const progress =
    config.strategy === 'mcts'
      ? `${done} of ${plural(config.simulations, 'simulation')}`
      : plural(done, 'iteration');
  const first = search.shown.firstSolvedAt;
  const outcome = solved
    ? `solved ✓${config.strategy === 'mcts' && first !== null ? ` (first at simulation ${first})` : ''}`
    : 'not solved';
  return [strategy, progress, plural(nodes, 'node'), outcome, `seed ${config.seed}`].join(' · ');
}

/** The slide's input for the tree on show, or null when there is none. */
export function slideFromState(s: PlaygroundState): SlideInput | null {
  const tree = selectDisplayedTree(s);
  if (!tree) return null;
  const solved = firstSolvedNode(tree);
  const path: readonly NodeId[] = solved ? pathTo(tree, solved.id) : mostVisitedPath(tree);
  const nodes = Object.keys(tree.nodes).length;
  let root: NodeLabel;
  let title: string;
  let subtitle: string;
  if (s.imported) {
    root = titleLabel(s.imported.title);
    title = s.imported.title;
    subtitle = `Imported x1 tree · ${plural(s.imported.stats.nodes, 'node')} · root N ${s.imported.stats.rootVisits} · ${solved ? 'solved ✓' : 'not solved'}`;
  } else if (s.search) {
    root = problemLabel(s.search.setup);
    title = problemTitle(s.search.setup);
    subtitle = searchSubtitle(s, nodes, solved !== undefined);
  } else {
    return null;
  }
  return {
    tree,
    title,
    subtitle,
    labelOf: (id, text) => (id === tree.rootId ? root : stepLabel(text)),
    path,
    pathLabel: solved ? 'solution path' : 'most-visited path',
  };
}

import type { SessionModels } from '../core/session';
import { firstSolvedNode, getNode, type ReasoningTree } from '../core/tree';
import { answerCandidates } from './lesson-answer';
import { openRunner, puzzleSetup, searchToEnd, type BatchPuzzle } from './lesson-batches';
import type { Setup } from './setup';

/**
 * The lesson's experiments on this engine, run beside the playground's search on the same loaded
 * models: PUCT against UCT, how deep the tree gets per simulation, and what each answer rule says.
 */

export interface SelectionOutcome {
  readonly selection: 'puct' | 'uct';
  /** Puzzles with a verified solution within the budget. */
  readonly solved: number;
  readonly total: number;
  /** Simulations run over all the puzzles (each stops at its first solution, or at the budget). */
  readonly simulations: number;
  readonly generatedTokens: number;
}

/**
 * MCTS under PUCT and under UCT on the same puzzles, seed and models, each puzzle stopping at its
 * first verified solution: the only difference between the two rows is the selection rule. A batch,
 * because on one puzzle both rules can land on the same simulation by chance.
 */
export async function raceSelections(
  setup: Setup,
  models: SessionModels,
  puzzles: readonly BatchPuzzle[],
  budget: number,
  onOutcome: (outcome: SelectionOutcome) => void,
  signal?: AbortSignal,
): Promise<SelectionOutcome[]> {
  const outcomes: SelectionOutcome[] = [];
  for (const selection of ['puct', 'uct'] as const) {
    let solved = 0;
    let simulations = 0;
    let generatedTokens = 0;
    for (const puzzle of puzzles) {
      const runner = await searchToEnd(puzzleSetup(setup, puzzle, budget, selection), models, signal);
      const result = runner.strategy.result;
      if (result?.solved) solved++;
      simulations += result?.iterations ?? 0;
      generatedTokens += runner.session.generatedTokens;
    }
    const outcome: SelectionOutcome = {
      selection,
      solved,
      total: puzzles.length,
      simulations,
      generatedTokens,
    };
    outcomes.push(outcome);
    onOutcome(outcome);
  }
  return outcomes;
}

/** The tree after one simulation of a depth trace. */
export interface DepthRow {
  readonly simulation: number;
  /** The depth of the deepest step on the tree: how many steps its partial solution has made. */
  readonly deepest: number;
  /** The deepest node's step, for the room to read (the most recent of the deepest ones). */
  readonly deepestStep: string;
  readonly solved: boolean;
}

/**
 * MCTS on `setup`, recording after each simulation how deep the tree goes, until the first
 * verified solution or `maxSimulations`: each simulation expands one leaf, so the tree grows at
 * most one step deeper per simulation.
 */
export async function depthTrace(
  setup: Setup,
  models: SessionModels,
  maxSimulations: number,
  signal?: AbortSignal,
): Promise<DepthRow[]> {
  const runner = openRunner(
    { ...setup, strategy: 'mcts', stop: 'solved', sims: String(maxSimulations) },
    models,
  );
  const rows: DepthRow[] = [];
  while (!runner.done) {
    if (signal?.aborted) throw new DOMException('stopped', 'AbortError');
    const { ran } = await runner.stepPhase();
    if (ran !== 'backpropagate') continue;
    const { tree } = runner.session;
    let deepest = getNode(tree, tree.rootId);
    for (const node of Object.values(tree.nodes)) if (node.depth >= deepest.depth) deepest = node;
    rows.push({
      simulation: rows.length + 1,
      deepest: deepest.depth,
      deepestStep: deepest.text,
      solved: firstSolvedNode(tree) !== undefined,
    });
  }
  return rows;
}

/** Whether each answer rule ends at a verified solution, on one tree. */
export interface RulesVerdict {
  readonly visits: boolean;
  readonly q: boolean;
}

export interface AnswerRulesOutcome {
  readonly puzzle: string;
  /** The simulation of the first verified solution; null when none came within the budget. */
  readonly solvedAt: number | null;
  /** The rules on the tree as it was when the first solution appeared (null: never solved). */
  readonly atFirstSolution: RulesVerdict | null;
  /** The rules on the tree after the whole budget. */
  readonly atEnd: RulesVerdict;
}

function verdict(tree: ReasoningTree): RulesVerdict {
  const { mostVisited, bestQ } = answerCandidates(tree);
  const solvedAt = (path: readonly string[]) => getNode(tree, path.at(-1) ?? tree.rootId).status === 'solved';
  return { visits: solvedAt(mostVisited), q: solvedAt(bestQ) };
}

/**
 * MCTS spending its whole budget on each puzzle, asking at two moments whether the most-visited
 * path and the best-Q path end at a verified solution: when the first solution appeared, and at
 * the end. (The first-verified rule does, by definition, whenever there is one.)
 */
export async function answerRulesBatch(
  setup: Setup,
  models: SessionModels,
  puzzles: readonly BatchPuzzle[],
  budget: number,
  onOutcome: (outcome: AnswerRulesOutcome) => void,
  signal?: AbortSignal,
): Promise<AnswerRulesOutcome[]> {
  const outcomes: AnswerRulesOutcome[] = [];
  for (const puzzle of puzzles) {
    const runner = openRunner(
      {
        ...setup,
        task: 'countdown',
        numbers: puzzle.numbers.join(','),
        target: String(puzzle.target),
        strategy: 'mcts',
        sims: String(budget),
        stop: 'budget',
      },
      models,
    );
    let simulations = 0;
    let solvedAt: number | null = null;
    let atFirstSolution: RulesVerdict | null = null;
    while (!runner.done) {
      if (signal?.aborted) throw new DOMException('stopped', 'AbortError');
      if ((await runner.stepPhase()).ran !== 'backpropagate') continue;
      simulations++;
      if (solvedAt === null && firstSolvedNode(runner.session.tree)) {
        solvedAt = simulations;
        atFirstSolution = verdict(runner.session.tree);
      }
    }
    const outcome: AnswerRulesOutcome = {
      puzzle: `${puzzle.numbers.join(' ')} → ${puzzle.target}`,
      solvedAt,
      atFirstSolution,
      atEnd: verdict(runner.session.tree),
    };
    outcomes.push(outcome);
    onOutcome(outcome);
  }
  return outcomes;
}

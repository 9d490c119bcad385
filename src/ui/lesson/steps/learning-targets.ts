import { replay } from '../../../core/events';
import { getNode, ROOT_ID } from '../../../core/tree';
import { pathExamples, simulationVisits } from '../../../learn/examples';
import type { SessionFile } from '../../../state/files/session-file';

/** One root step as the learning loop would see it: the policy's prior against the search's share. */
export interface RootTarget {
  readonly id: string;
  readonly text: string;
  readonly prior: number;
  /** Simulations that went through the step. */
  readonly simulations: number;
  /** The policy target π: its share of the simulations through the root's children. */
  readonly share: number;
  readonly q: number | undefined;
}

export interface LearningTargets {
  readonly rows: readonly RootTarget[];
  /** Sampled root steps no simulation passed through: they teach the policy nothing. */
  readonly unsearched: number;
  /** The root state's value targets. */
  readonly outcome: number | null;
  readonly q: number | null;
  readonly examples: number;
}

/** The targets the learning loop (src/learn/examples.ts) would take from this session's search. */
export function learningTargets(file: SessionFile): LearningTargets {
  const tree = replay(file.events);
  const visits = simulationVisits(file.events);
  const root = getNode(tree, ROOT_ID);
  const through = root.childIds.map((id) => visits.get(id) ?? 0);
  const total = through.reduce((a, b) => a + b, 0);
  const rows = root.childIds
    .map((id, i) => {
      const n = getNode(tree, id);
      const simulations = through[i] ?? 0;
      return {
        id,
        text: n.text,
        prior: n.prior,
        simulations,
        share: total > 0 ? simulations / total : 0,
        q: n.visits > 0 ? n.valueSum / n.visits : undefined,
      };
    })
    .sort((a, b) => b.simulations - a.simulations || b.prior - a.prior);
  // The prompt only labels the examples; the targets do not depend on it.
  const examples = pathExamples(tree, file.events, '');
  const first = examples[0];
  return {
    rows,
    unsearched: rows.filter((r) => r.simulations === 0).length,
    outcome: first?.outcome[0] ?? null,
    q: first?.q[0] ?? null,
    examples: examples.length,
  };
}

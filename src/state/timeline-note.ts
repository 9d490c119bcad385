import type { ReasoningTree } from '../core/tree';
import { describePhase, type PhaseNote } from './phase-notes';
import type { SearchRunner } from './search-runner';

export const START_NOTE: PhaseNote = {
  phase: 'start',
  text: 'The start: only the root, before any operator. Run, Step or Step phase search from here.',
  highlight: [],
};

/**
 * The phase note of checkpoint `index`, told again from the events that operator appended, so the
 * note says what happened at the point the timeline shows, not what happened last.
 */
export function noteAtCheckpoint(runner: SearchRunner, index: number, tree: ReasoningTree): PhaseNote {
  const checkpoint = runner.checkpoints[index];
  const before = runner.checkpoints[index - 1];
  if (!checkpoint || !before) return START_NOTE;
  const events = runner.session.events.slice(before.session.eventCount, checkpoint.session.eventCount);
  return describePhase(checkpoint.operator, events, tree, runner.config);
}

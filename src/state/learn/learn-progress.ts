import type { LearnWorkerPhase } from '../../learn/worker/learn-protocol';
import type { LearnProgress, LearnSettings } from './learn-types';

/** What a phase of a round is doing, in words, before its first finer report. */
export function progressText(phase: LearnWorkerPhase, round: number, settings: LearnSettings): LearnProgress {
  switch (phase) {
    case 'evaluate':
      return {
        done: 0,
        total: settings.evalPuzzles,
        text: `Measuring generation ${round} on ${settings.evalPuzzles} held-out puzzles (MCTS at ${settings.measureSimulations.join(', ')} simulations, and the greedy chain)`,
      };
    case 'self-play':
      return { done: 0, total: settings.puzzlesPerRound, text: `Self-play, round ${round}: starting` };
    case 'train-policy':
      return { done: 0, total: settings.epochs, text: `Training the policy (round ${round})` };
    case 'train-value':
      return { done: 0, total: settings.epochs, text: `Training the value model (round ${round})` };
  }
}

import type { Generation } from '../../learn/learn-loop';
import type { LearnMessage, LearnRequest } from '../../learn/worker/learn-protocol';
import type { LearnStorage } from '../persistence/learn-db';
import type { SessionArchive } from '../persistence/session-archive';
import type { LearnPhase, StoredGeneration } from './learn-types';

/** What the Learn view's store (learn-store.ts) is given, and the small rules it reads its state by. */
export interface LearnWorkerPort {
  postMessage(message: LearnRequest): void;
  onmessage: ((event: MessageEvent<LearnMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface LearnStoreDeps {
  readonly storage: LearnStorage;
  readonly createWorker: () => LearnWorkerPort;
  /** The playground's saved sessions (absent where IndexedDB is). */
  readonly archive?: SessionArchive;
  /** Reads an app file (the shipped model folders' config and tokenizer, for an export). */
  readonly fetchText: (url: string) => Promise<string>;
  /** The embedded models' path, e.g. /models/. */
  readonly modelsPath: string;
  /** The playground's address without a query, e.g. /. */
  readonly playgroundPath: string;
  readonly now?: () => number;
}

const RUNNING: readonly LearnPhase[] = [
  'loading',
  'evaluate',
  'self-play',
  'train-policy',
  'train-value',
  'paused',
];

export function isRunning(phase: LearnPhase): boolean {
  return RUNNING.includes(phase);
}

/** The loop's own fields of a stored generation (what a resumed run starts from). */
export function plainGeneration(g: StoredGeneration): Generation {
  return {
    round: g.round,
    mcts: g.mcts,
    curve: g.curve,
    chain: g.chain,
    valueLoss: g.valueLoss,
    policyLoss: g.policyLoss,
    examples: g.examples,
    selfPlaySolved: g.selfPlaySolved,
    seconds: g.seconds,
  };
}

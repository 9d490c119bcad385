import type { StoreApi } from 'zustand/vanilla';
import { createBrowserLearnStore } from '../state/learn/browser-learn-store';
import type { LearnPhase, LearnState } from '../state/learn/learn-types';

/**
 * learn-bench.html: the Learn view's real store and worker without the view, for the browser
 * benchmark (npm run bench:learn) and the end-to-end test of the buffer and generations. The
 * store is on `window.learnStore`; seconds spent in each phase on `window.learnPhaseSeconds`.
 */
declare global {
  interface Window {
    learnStore: StoreApi<LearnState>;
    learnPhaseSeconds: Partial<Record<LearnPhase, number>>;
  }
}

const store = createBrowserLearnStore();
window.learnStore = store;
window.learnPhaseSeconds = {};
const view = document.getElementById('state');
let phaseSince = performance.now();

store.subscribe((s, prev) => {
  if (s.phase !== prev.phase) {
    const t = performance.now();
    const seconds = window.learnPhaseSeconds;
    seconds[prev.phase] = (seconds[prev.phase] ?? 0) + (t - phaseSince) / 1000;
    phaseSince = t;
  }
  if (!view) return;
  view.dataset.phase = s.phase;
  view.dataset.restored = String(s.restored);
  view.textContent = [
    `phase: ${s.phase} (round ${s.round})${s.progress ? ` — ${s.progress.text}` : ''}`,
    `backend: ${s.backend ?? '—'}`,
    `buffer: ${s.buffer.records} records, ${s.buffer.examples} examples`,
    ...s.generations.map(
      (g) =>
        `generation ${g.round}: MCTS ${(g.mcts.rate * 100).toFixed(0)}%, chain ${(g.chain.rate * 100).toFixed(0)}%`,
    ),
    ...(s.message ? [`message: ${s.message}`] : []),
    ...(s.error ? [`error: ${s.error}`] : []),
  ].join('\n');
});

const params = new URLSearchParams(window.location.search);
if (params.get('run') === '1') {
  const n = (name: string, fallback: number) => Number(params.get(name) ?? fallback);
  store.getState().setSettings({
    rounds: 1,
    puzzlesPerRound: n('puzzles', 20),
    simulations: n('sims', 16),
    epochs: n('epochs', 1),
    evalPuzzles: n('eval', 10),
    measureSimulations: (params.get('measure') ?? '16').split(',').map(Number),
    seed: n('seed', 1),
  });
  void store.getState().start();
}

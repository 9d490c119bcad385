import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  BufferFileError,
  bufferFileText,
  checkBufferFileSize,
  parseBufferFile,
  type BufferRecord,
} from '../../learn/buffer-file';
import { addToSummary, DEFAULT_LEARN_SETTINGS, EMPTY_BUFFER, learnConfigOf } from './learn-config';
import { generationTar, playgroundQuery } from './generation-export';
import type { LearnMessage } from '../../learn/worker/learn-protocol';
import { isRunning, plainGeneration, type LearnStoreDeps, type LearnWorkerPort } from './learn-store-deps';
import type { LearnPhase, LearnState, StoredGeneration } from './learn-types';
import { progressText } from './learn-progress';
import { recordKey, sessionRecords } from './session-records';

/**
 * The Learn view's store: runs go to a learn worker (one per run, so a cancel is immediate: the
 * worker is let go), everything it reports is written to IndexedDB as it arrives (each self-play
 * record, each generation with its weights), and a reload reads it all back. Start resumes from
 * the newest stored generation with the whole stored buffer.
 */
export type { LearnStoreDeps, LearnWorkerPort } from './learn-store-deps';

export function createLearnStore(deps: LearnStoreDeps): StoreApi<LearnState> {
  /** What a Start goes on from: the whole stored buffer, the newest generation and its weights. */
  const readStart = async () => {
    const [records, generations] = await Promise.all([deps.storage.records(), deps.storage.generations()]);
    const newest = generations.at(-1);
    return { records, newest, weights: newest ? await deps.storage.weights(newest.id) : undefined };
  };
  const now = deps.now ?? (() => Date.now());
  let worker: LearnWorkerPort | null = null;
  let finish: (() => void) | null = null;
  /** Writes in the order they were made; a run ends only once its writes are stored. */
  let writes: Promise<void> = Promise.resolve();
  let resumeTo: LearnPhase = 'self-play';

  const store = createStore<LearnState>()((set, get) => {
    const fail = (message: string) => set({ message });
    const write = (what: string, job: () => Promise<void>) => {
      writes = writes
        .then(job)
        .catch((e: unknown) =>
          set({ message: `${what} could not be stored (${e instanceof Error ? e.message : String(e)})` }),
        );
    };
    const end = (phase: LearnPhase, error: string | null = null) => {
      worker?.terminate();
      worker = null;
      void writes.then(() => {
        set({ phase, error, progress: null });
        finish?.();
        finish = null;
      });
    };

    const onMessage = (m: LearnMessage, runId: string) => {
      switch (m.type) {
        case 'backend':
          set({ backend: `${m.backend === 'webgpu' ? 'WebGPU' : 'WASM'}: ${m.reason}` });
          return;
        case 'phase':
          set({ phase: m.phase, round: m.round, progress: progressText(m.phase, m.round, get().settings) });
          resumeTo = m.phase;
          return;
        case 'self-play': {
          const record: BufferRecord = { ...m.record, source: 'self-play' };
          set((s) => ({
            buffer: addToSummary(s.buffer, [record]),
            progress: {
              done: m.index + 1,
              total: m.total,
              text: `Self-play, round ${m.record.round}: puzzle ${m.index + 1} of ${m.total}`,
            },
          }));
          write('A self-play record', () => deps.storage.addRecords([record]));
          return;
        }
        case 'loss':
          set((s) => ({ losses: [...s.losses, { ...m.point, round: m.round }] }));
          return;
        case 'generation': {
          const stored: StoredGeneration = {
            ...m.generation,
            id: `${runId}g${m.generation.round}`,
            settings: get().settings,
            createdAt: now(),
            hasValue: m.weights.value !== null,
          };
          set((s) => ({ generations: [...s.generations, stored] }));
          write(`Generation ${stored.round}`, () => deps.storage.putGeneration(stored, m.weights));
          return;
        }
        case 'paused':
          set({ phase: 'paused' });
          return;
        case 'resumed':
          set({ phase: resumeTo });
          return;
        case 'done':
          end('done');
          return;
        case 'cancelled':
          end('cancelled');
          return;
        case 'error':
          end('error', m.message);
          return;
        default: {
          const never: never = m;
          throw new Error(`unknown message ${JSON.stringify(never)}`);
        }
      }
    };

    return {
      phase: 'idle',
      round: 0,
      progress: null,
      settings: DEFAULT_LEARN_SETTINGS,
      losses: [],
      generations: [],
      buffer: EMPTY_BUFFER,
      backend: null,
      message: null,
      error: null,
      restored: false,

      setSettings: (patch) => set((s) => ({ settings: { ...s.settings, ...patch } })),

      start: async () => {
        if (isRunning(get().phase)) return;
        set({
          phase: 'loading',
          error: null,
          losses: [],
          progress: { done: 0, total: 1, text: 'Starting the learn worker…' },
        });
        await writes;
        let stored;
        try {
          stored = await readStart();
        } catch (e) {
          set({
            phase: 'error',
            progress: null,
            error: `this browser's storage could not be read (${e instanceof Error ? e.message : String(e)})`,
          });
          return;
        }
        const { records, newest, weights } = stored;
        if (newest && !weights)
          fail(
            `The weights of generation ${newest.round} are gone from this browser's storage: starting again from generation 0.`,
          );
        const runId = `r${now().toString(36)}`;
        const settings = get().settings;
        const ended = new Promise<void>((resolve) => (finish = resolve));
        const w = deps.createWorker();
        worker = w;
        w.onmessage = (event) => worker === w && onMessage(event.data, runId);
        w.onerror = (event) => worker === w && end('error', `the learn worker failed: ${event.message}`);
        w.postMessage({
          type: 'start',
          config: learnConfigOf(settings),
          evalPuzzles: settings.evalPuzzles,
          buffer: records,
          ...(newest && weights ? { from: { generation: plainGeneration(newest), weights } } : {}),
        });
        await ended;
      },
      pause: () => {
        if (worker && isRunning(get().phase)) worker.postMessage({ type: 'pause' });
      },
      resume: () => {
        if (worker && get().phase === 'paused') worker.postMessage({ type: 'resume' });
      },
      cancel: () => {
        if (worker) end('cancelled');
      },

      addSavedSessions: async () => {
        if (!deps.archive)
          return fail('No saved sessions: this browser keeps none (IndexedDB is not available).');
        const { records, skipped } = await sessionRecords(deps.archive);
        const known = new Set((await deps.storage.records()).map(recordKey));
        const fresh = records.filter((r) => !known.has(recordKey(r)));
        await deps.storage.addRecords(fresh);
        set((s) => ({ buffer: addToSummary(s.buffer, fresh) }));
        const why = Object.entries(skipped).map(([reason, n]) => `${n} ${reason}`);
        fail(
          `Added ${fresh.length} saved ${fresh.length === 1 ? 'search' : 'searches'} to the buffer` +
            (records.length > fresh.length ? ` (${records.length - fresh.length} already there)` : '') +
            (why.length > 0 ? `; skipped: ${why.join(', ')}` : '') +
            '.',
        );
      },

      importBuffer: async (file) => {
        let records: BufferRecord[];
        try {
          checkBufferFileSize(file.size);
          records = parseBufferFile(await file.text());
        } catch (e) {
          if (!(e instanceof BufferFileError)) throw e;
          return fail(`${file.name} was refused (${e.message}); the buffer is unchanged.`);
        }
        await deps.storage.addRecords(records);
        set((s) => ({ buffer: addToSummary(s.buffer, records) }));
        fail(`Added ${records.length} ${records.length === 1 ? 'record' : 'records'} from ${file.name}.`);
      },
      exportBuffer: async () =>
        new Blob([bufferFileText(await deps.storage.records())], { type: 'application/json' }),
      clearBuffer: async () => {
        await deps.storage.clearBuffer();
        set({ buffer: EMPTY_BUFFER });
      },
      clearGenerations: async () => {
        if (isRunning(get().phase)) return fail('Stop the run before forgetting its generations.');
        await deps.storage.clearGenerations();
        set({ generations: [], losses: [], round: 0, phase: 'idle' });
      },

      exportGeneration: async (id) => {
        const all = get().generations;
        const index = all.findIndex((g) => g.id === id);
        const generation = all[index];
        if (!generation) throw new Error(`no generation ${id} in this browser`);
        try {
          return await generationTar(
            generation,
            all.slice(0, index + 1),
            await deps.storage.weights(id),
            deps.fetchText,
            deps.modelsPath,
          );
        } catch (e) {
          fail(e instanceof Error ? e.message : String(e));
          throw e;
        }
      },
      playgroundUrl: (id) => {
        const generation = get().generations.find((g) => g.id === id);
        if (!generation) return deps.playgroundPath;
        return `${deps.playgroundPath}?${playgroundQuery(generation)}`;
      },
      dismissMessage: () => set({ message: null }),
    };
  });

  // What earlier visits stored comes back (the view shows it while this reads), with the newest
  // generation's settings: a run that goes on from it measures on the same held-out puzzles.
  void Promise.all([deps.storage.records(), deps.storage.generations()]).then(
    ([records, generations]) =>
      store.setState((s) => ({
        buffer: addToSummary(EMPTY_BUFFER, records),
        settings: generations.at(-1)?.settings ?? s.settings,
        generations: [
          ...generations,
          ...s.generations.filter((g) => !generations.some((h) => h.id === g.id)),
        ],
        restored: true,
      })),
    (e: unknown) =>
      store.setState({
        restored: true,
        message: `This browser's storage could not be read (${e instanceof Error ? e.message : String(e)}): nothing is kept between visits.`,
      }),
  );
  return store;
}

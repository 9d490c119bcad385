import type { StateCreator } from 'zustand';
import { sessionTextOf } from './persistence/archive-record';
import { bindArchiveId, MAX_SESSION_NAME, type SavedSessionInfo } from './persistence/session-archive';
import type { SearchHost } from './search-host';
import { setupToQuery } from './setup';
import type { PlaygroundState, SessionsSlice, StoreDeps } from './store-types';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The sessions kept between visits (deps.archive): listed, reopened, renamed, deleted. Saving is
 * autosave.ts's; reopening goes through the import's checks, so a damaged record is refused
 * like a damaged file and the current session stays as it was.
 */
export function createSessionsSlice(
  deps: StoreDeps,
  host: SearchHost,
): StateCreator<PlaygroundState, [], [], SessionsSlice> {
  return (set, get) => {
    const archive = deps.archive;
    const replace = (info: SavedSessionInfo) =>
      set((s) => ({ sessions: [info, ...s.sessions.filter((x) => x.id !== info.id)] }));

    const openSession = async (id: string): Promise<boolean> => {
      if (!archive) return false;
      let record;
      try {
        record = await archive.get(id);
      } catch (e) {
        set({ appError: `The saved session could not be read: ${message(e)}` });
        return false;
      }
      if (!record) {
        set({ appError: 'That saved session is gone (deleted in another tab?)' });
        return false;
      }
      let text: string;
      try {
        text = sessionTextOf(record.text);
      } catch (e) {
        set({ appError: `The saved session "${record.info.name}" could not be reopened: ${message(e)}` });
        return false;
      }
      const before = host.runner;
      await get().importText(text, `"${record.info.name}"`);
      const runner = host.runner;
      if (!runner || runner === before || get().appError !== null) return false;
      bindArchiveId(runner, id);
      const midway = runner.strategy.name === 'mcts' && runner.phase !== 'select' && runner.phase !== 'done';
      const { nodes, simulations } = record.info.summary;
      const note = {
        phase: 'start' as const,
        text: `Reopened "${record.info.name}" where it was: ${nodes} nodes, ${simulations} simulations.${
          midway ? ` It stopped halfway through a simulation: Run or Step goes on with ${runner.phase}.` : ''
        }`,
        highlight: [],
      };
      // Published anew: the snapshot carries the id the session is saved under.
      set({ sessionsOpen: false, search: host.snapshot(runner, note) });
      return true;
    };

    return {
      sessions: [],
      sessionsOpen: false,
      saveError: null,

      toggleSessions: (open) => {
        const next = open ?? !get().sessionsOpen;
        set({ sessionsOpen: next });
        if (next) void get().refreshSessions();
      },

      refreshSessions: async () => {
        if (!archive) return;
        try {
          set({ sessions: await archive.list() });
        } catch (e) {
          set({ saveError: `The saved sessions could not be listed: ${message(e)}` });
        }
      },

      openSession: async (id) => void (await openSession(id)),

      reopenLatest: async (anySetup) => {
        if (!archive) return;
        await get().refreshSessions();
        const query = setupToQuery(get().setup);
        const latest = get().sessions.find((s) => anySetup || s.query === query);
        if (latest) await openSession(latest.id);
      },

      renameSession: async (id, name) => {
        const trimmed = name.trim().slice(0, MAX_SESSION_NAME);
        if (!archive || trimmed === '') return;
        try {
          await archive.rename(id, trimmed);
          set((s) => ({ sessions: s.sessions.map((x) => (x.id === id ? { ...x, name: trimmed } : x)) }));
        } catch (e) {
          set({ saveError: `The session could not be renamed: ${message(e)}` });
        }
      },

      deleteSession: async (id) => {
        if (!archive) return;
        try {
          await archive.remove(id);
        } catch (e) {
          return set({ saveError: `The session could not be deleted: ${message(e)}` });
        }
        set((s) => ({ sessions: s.sessions.filter((x) => x.id !== id) }));
        // The session on show was deleted: a fresh search starts, or saving would bring it back.
        if (get().search?.sessionId === id) get().reset();
      },

      noteSaved: (info) => {
        replace(info);
        if (get().saveError !== null) set({ saveError: null });
      },

      noteSaveFailed: (why) => set({ saveError: `The session could not be saved: ${why}` }),
    };
  };
}

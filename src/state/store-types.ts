import type { SessionModels } from '../core/session';
import type { Phase } from '../core/strategies/strategy';
import type { ReasoningTree, NodeId } from '../core/tree';
import type { Journey } from './files/journey';
import type { X1TreeFile } from './files/x1-export';
import type { SessionFile } from './files/session-file';
import type { SavedSessionInfo, SessionArchive } from './persistence/session-archive';
import type { LoadProgress, ModelProvider } from './model-provider';
import type { PendingDownload } from './download-confirm';
import type { SearchSnapshot } from './search-snapshot';
import type { BackendSetting, Setup, SetupErrors, SetupField } from './setup';
import type { ModelChoice } from './setup-validate';

/** The playground's one store, built from four slices (setup, models, search, view). */
export interface SetupSlice {
  readonly setup: Setup;
  /** Problems with the setup, by field; a search starts only when this is empty. */
  readonly setupErrors: SetupErrors;
  /** Values in the opening URL that could not be used (their defaults were kept). */
  readonly urlErrors: SetupErrors;
  setField<F extends SetupField>(field: F, value: Setup[F]): void;
  /** Several fields at once, with one reset (or one model load when the models change). */
  applySetup(patch: Partial<Setup>): void;
  /** Loads the models again after a failed download (the same setup). */
  retryModels(): void;
  setProblem(numbers: readonly number[], target: number): void;
  randomPuzzle(): void;
}

/** confirm: a hub download waits for the user's go-ahead (its size is shown first). */
export type ModelStatus = 'idle' | 'confirm' | 'loading' | 'ready' | 'error';

export interface ModelsSlice {
  readonly modelStatus: ModelStatus;
  /** What a load would fetch from the hub, shown for the user to confirm; null when nothing waits. */
  readonly pendingDownload: PendingDownload | null;
  /** Starts the download that waits for confirmation. */
  confirmDownload(): void;
  readonly backend: 'webgpu' | 'wasm' | 'server' | null;
  readonly backendReason: string;
  readonly dtype: string;
  readonly progress: LoadProgress | null;
  readonly modelError: string | null;
  /** The models in use (null before the first load). */
  readonly loadedModels: (ModelChoice & { readonly key: string }) | null;
  /** The policy being loaded right now, for the progress line. */
  readonly loadingModels: string | null;
  /** Loads (or reloads) the models on the backend setting given, or the setup's. */
  loadModels(backend?: BackendSetting): Promise<void>;
  /**
   * The share of the policy's prompt tokens its prefix cache supplied since the models loaded
   * (0..1), or null when unknown (nothing sampled yet, a server engine, a provider without one).
   */
  prefixReuse(): number | null;
  /** The loaded models, for searches of their own beside the store's (the lesson's batches). */
  sessionModels(): SessionModels | null;
  /** What happened to the model worker, when it was lost and replaced; null when nothing did. */
  readonly workerNote: WorkerNote | null;
  dismissWorkerNote(): void;
}

export interface WorkerNote {
  readonly state: 'restarting' | 'restored' | 'failed';
  readonly text: string;
}

export interface SearchSlice {
  /**
   * The search as views see it, replaced by a new object after every operator, seek or edit
   * (search-snapshot.ts); null while the setup has errors or the models are not loaded. The
   * engine's runner itself stays inside the state layer.
   */
  readonly search: SearchSnapshot | null;
  readonly running: boolean;
  /** A phase or edit is in flight. */
  readonly busy: boolean;
  readonly searchError: string | null;
  /** The search error may pass on its own (a server engine's timeout, 429, 500): offer Retry. */
  readonly searchRetry: boolean;
  /** Pause between phases while running, in milliseconds. */
  readonly speedMs: number;
  /** Runs to the end; `speedMs` overrides the pause between phases for this run (the lesson's). */
  run(options?: { readonly speedMs?: number }): Promise<void>;
  pause(): void;
  /** One whole iteration (an MCTS simulation; one depth for the others); the last phase it ran. */
  step(): Promise<Phase | null>;
  /** One phase; the phase it ran, or null when none ran (nothing to do, cancelled, failed). */
  stepPhase(): Promise<Phase | null>;
  reset(): void;
  prune(nodeId?: NodeId): void;
  expandHere(nodeId?: NodeId): Promise<void>;
  /**
   * Writes `text` as the next step at `nodeId` (the selected node by default): the policy scores
   * it, the verifier and the value model judge it. Resolves to the new node's id, or null when
   * it did not join the tree (searchError then says why).
   */
  writeStep(text: string, nodeId?: NodeId): Promise<NodeId | null>;
  /** Rewinds the search to before the last operator at the point shown (the timeline's step back). */
  backtrack(): void;
  seek(index: number): void;
  setSpeed(ms: number): void;
}

/**
 * The tree view's pan and zoom, as the view registers it (ui/tree/tree-viewport.ts): the store
 * reaches it through actions, so fitting the tree is a call, not a counter to watch.
 */
export interface ViewportControl {
  /** Fits the whole tree into the view, now and again once the next tree drawn is laid out. */
  fit(): void;
}

export interface ViewSlice {
  readonly selectedId: NodeId | null;
  readonly collapsed: ReadonlySet<NodeId>;
  select(id: NodeId | null): void;
  toggleCollapse(id: NodeId): void;
  /** The tree view registers its viewport while it is on the page (null when it leaves). */
  attachViewport(viewport: ViewportControl | null): void;
  /** Fits the tree into the view (a no-op while no tree view is on the page). */
  fit(): void;
}

export type LessonStatus =
  { readonly state: 'entering' | 'ready' } | { readonly state: 'error'; readonly message: string };

/** The guided lesson and the presenter view (the steps themselves live in ui/lesson/). */
export interface LessonSlice {
  readonly lessonOpen: boolean;
  /** The current step's index (the lesson panel clamps it to its steps). */
  readonly lessonStep: number;
  /** The presenter view: the whole page scaled for a projector, the canvas and one side panel. */
  readonly presenter: boolean;
  /** Whether the current step has finished driving the playground to its point. */
  readonly lessonStatus: LessonStatus;
  setLessonStatus(status: LessonStatus): void;
  openLesson(step?: number): void;
  closeLesson(): void;
  goToLessonStep(step: number): void;
  setPresenter(on: boolean): void;
}

/** A tree brought in from x1: shown and inspected, not searched (it has no log to go on from). */
export interface ImportedTree {
  /** An x1 MCTS tree, or a journey read back as a chain (files/journey.ts). */
  readonly source: 'x1' | 'journey';
  readonly tree: ReasoningTree;
  /** Our node id -> x1's node id. */
  readonly x1Ids: Readonly<Record<NodeId, string>>;
  readonly stats: {
    readonly nodes: number;
    readonly maxDepth: number;
    readonly rootVisits: number;
    readonly terminals: number;
  };
  readonly title: string;
}

export interface FilesSlice {
  /** An x1 tree on show instead of the search; null = the search. */
  readonly imported: ImportedTree | null;
  /** An error not tied to the search or the models: a refused import, an unusable link. */
  readonly appError: string | null;
  dismissError(): void;
  /** The session as our JSON format (docs/tree-format.md); null when there is no search. */
  exportSession(): SessionFile | null;
  /** The search's tree in x1's mcts_tree_final.json form (files/x1-export.ts), or null without one. */
  exportX1(): X1TreeFile | null;
  /** The search told as one linear trace, failures and backtracks included (files/journey.ts). */
  exportJourney(): Journey | null;
  /** Imports our JSON or an x1 tree; a refused file changes nothing and sets appError. */
  importText(text: string, fileName?: string): Promise<void>;
  /** The same for a picked file; one too big is refused before it is read into memory. */
  importFile(file: { readonly name: string; readonly size: number; text(): Promise<string> }): Promise<void>;
  closeImported(): void;
}

/** Sessions kept between visits (IndexedDB in the page): listed, reopened, renamed, deleted. */
export interface SessionsSlice {
  /** Newest first. */
  readonly sessions: readonly SavedSessionInfo[];
  readonly sessionsOpen: boolean;
  /** Saving or listing failed (a full disk, a private window): the search itself goes on. */
  readonly saveError: string | null;
  toggleSessions(open?: boolean): void;
  refreshSessions(): Promise<void>;
  openSession(id: string): Promise<void>;
  /** The newest session of this setup (or of any, when `anySetup`), reopened where it was. */
  reopenLatest(anySetup: boolean): Promise<void>;
  renameSession(id: string, name: string): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Autosave's reports. */
  noteSaved(info: SavedSessionInfo): void;
  noteSaveFailed(why: string): void;
}

/** The recorded search shown while the models load (recording.ts). */
export interface RecordingSlice {
  /**
   * Shows a recorded search (a session file's text) until the models are ready, when it fits the
   * setup and nothing else is on show; false when it was not shown.
   */
  showRecording(text: string): boolean;
}

export type PlaygroundState = SetupSlice &
  RecordingSlice &
  ModelsSlice &
  SearchSlice &
  ViewSlice &
  LessonSlice &
  FilesSlice &
  SessionsSlice;

export interface StoreDeps {
  readonly provider: ModelProvider;
  /** The opening query string (the URL's setup). */
  readonly query: string;
  /** Called whenever the setup changes (the page writes the URL). */
  readonly onSetupChange?: (setup: Setup) => void;
  /** The device's memory in GB when known (navigator.deviceMemory): too-big models are refused. */
  readonly deviceMemoryGb?: () => number | undefined;
  /** Waits between phases while running; the page yields to rendering here. */
  readonly wait?: (ms: number) => Promise<void>;
  /** A problem found while opening the page (an unusable compare link), shown as appError. */
  readonly openingError?: string;
  /**
   * Whether a hub model is already in this browser (downloaded before): it loads without asking.
   * Without it, every hub model is asked about once per page.
   */
  readonly isDownloaded?: (id: string, hub: string) => Promise<boolean>;
  /** The pause between phases while running, to start with (0 = as fast as the models go). */
  readonly speedMs?: number;
  /** Where sessions are kept between visits; without one nothing is saved. */
  readonly archive?: SessionArchive;
}

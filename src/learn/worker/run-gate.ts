/**
 * Pause and cancel for a run that checks in between units of work (`between()` of the learning
 * loop): a pause holds the next check until resume, a cancel makes it throw. Each check first lets
 * the worker's event loop turn (`yieldTask`), so that a pause or cancel message sent meanwhile is
 * read even while training runs batch after batch without awaiting anything else.
 */
export class RunCancelledError extends Error {
  override readonly name = 'RunCancelledError';
  constructor() {
    super('the run was cancelled');
  }
}

export class RunGate {
  private paused = false;
  private cancelled = false;
  private wake: (() => void) | null = null;

  /** `onHold`: called when a pause takes hold (the run is waiting), not when it is asked for. */
  constructor(
    private readonly yieldTask: () => Promise<void>,
    private readonly onHold: () => void = () => undefined,
  ) {}

  get isPaused(): boolean {
    return this.paused;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.wake?.();
  }

  cancel(): void {
    this.cancelled = true;
    this.wake?.();
  }

  readonly between = async (): Promise<void> => {
    await this.yieldTask();
    if (this.paused && !this.cancelled) this.onHold();
    while (this.paused && !this.cancelled) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = null;
    }
    if (this.cancelled) throw new RunCancelledError();
  };
}

import type { Policy, StepSample } from '../../../core/models';

/**
 * The vLLM TEST DOUBLE's batching (Node only): completions that wait while the model is busy run
 * together as one batched policy call, as a real server batches the requests in flight. Each
 * keeps its own seed as its own random stream, so its samples are the ones it would draw alone
 * (the texts exactly; the log-probabilities to float precision, since a batch pads its rows).
 */
export interface GenerationJob {
  readonly prompt: string;
  readonly n: number;
  readonly stop: string;
  readonly temperature: number;
  readonly seed: number;
  readonly maxTokens: number;
}

interface Waiting {
  readonly job: GenerationJob;
  readonly done: (samples: StepSample[]) => void;
  readonly fail: (e: unknown) => void;
}

/** Jobs that can share a call: the same stop, temperature and length cap. */
const sameCall = (a: GenerationJob, b: GenerationJob) =>
  a.stop === b.stop && a.temperature === b.temperature && a.maxTokens === b.maxTokens;

export class DoubleBatcher {
  /** Batches run, and the most jobs one held. */
  batches = 0;
  largest = 0;
  private readonly waiting: Waiting[] = [];
  private pumping = false;

  /** `serialize` runs one model call at a time with everything else the double asks of the model. */
  constructor(
    private readonly policy: Policy,
    private readonly serialize: <T>(call: () => Promise<T>) => Promise<T>,
  ) {}

  run(job: GenerationJob): Promise<StepSample[]> {
    return new Promise((done, fail) => {
      this.waiting.push({ job, done, fail });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let first = this.waiting[0]; first; first = this.waiting[0]) {
        const lead = first.job;
        const group = this.waiting.filter((w) => sameCall(w.job, lead));
        for (const w of group) this.waiting.splice(this.waiting.indexOf(w), 1);
        try {
          const samples = await this.serialize(() => this.call(group.map((w) => w.job)));
          group.forEach((w, i) => w.done(samples[i] ?? []));
        } catch (e) {
          for (const w of group) w.fail(e);
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  /**
   * One policy call for `jobs`. The policy reads one prompt and each request's steps after it:
   * a raw prompt that ends with the stop goes as the single "step" of an empty prompt, which
   * joins back to the very same text.
   */
  private call(jobs: readonly GenerationJob[]): Promise<StepSample[][]> {
    this.batches++;
    this.largest = Math.max(this.largest, jobs.length);
    const lead = jobs[0];
    if (!lead) return Promise.resolve([]);
    const joinable = jobs.every((j) => j.prompt.endsWith(j.stop));
    if (!joinable && jobs.length > 1)
      return Promise.all(jobs.map(async (j) => (await this.call([j]))[0] ?? []));
    return this.policy.sample({
      prompt: joinable ? '' : lead.prompt,
      stepSeparator: lead.stop,
      requests: jobs.map((j) => ({
        steps: joinable ? [j.prompt.slice(0, j.prompt.length - j.stop.length)] : [],
        k: j.n,
        seed: j.seed,
      })),
      temperature: lead.temperature,
      seed: lead.seed,
      maxStepTokens: lead.maxTokens,
    });
  }
}

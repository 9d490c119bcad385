import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Policy, StepSample } from '../../../core/models';
import { DoubleBatcher, type GenerationJob } from './double-batcher';

/**
 * A TEST DOUBLE of a vLLM server (Node only): `/v1/models` and `/v1/completions` in vLLM's dialect
 * (`n`, `stop`, `seed`, `logprobs`, `finish_reason`, `stop_reason`), answered by one of the
 * project's own models in-process. It is not vLLM: generation runs one request at a time (one
 * model, like one GPU), or with `batch` the requests that wait as one batch; a sample's log-probability is the step's total spread evenly over its
 * tokens, and there is no top_logprobs. `echo` returns the prompt's own tokens with their
 * log-probabilities and `text_offset` (and generates nothing after them). It adds a latency per
 * request and plays faults on request ('no-echo': refuses `echo` as llama.cpp's server does).
 */
export type DoubleFault =
  'none' | 'timeout' | '429' | '500' | 'malformed' | 'cut' | 'single-choice' | 'no-echo';

/** A policy that can also give each token of a text its log-probability (for `echo`). */
export type DoublePolicy = Policy & {
  promptLogProbs?(text: string): Promise<{ tokens: string[]; logProbs: (number | null)[] }>;
};

export interface VllmDoubleOptions {
  readonly model: string;
  readonly policy: DoublePolicy;
  /**
   * Batch the completions that wait while the model is busy into one policy call, as a real
   * server does (double-batcher.ts); off by default, one completion at a time.
   */
  readonly batch?: boolean;
  /** Milliseconds added before each answer (a network and a busy server). */
  readonly latencyMs?: number;
}

interface CompletionBody {
  prompt?: unknown;
  n?: unknown;
  max_tokens?: unknown;
  temperature?: unknown;
  seed?: unknown;
  stop?: unknown;
  echo?: unknown;
}

export class VllmDouble {
  fault: DoubleFault = 'none';
  /** How many more requests the fault applies to (then the server is healthy again). */
  faultCount = Number.POSITIVE_INFINITY;
  latencyMs: number;
  completions = 0;
  /** The Authorization header of the last request (the e2e checks a key arrives, and only here). */
  lastAuthorization: string | null = null;
  inFlight = 0;
  maxInFlight = 0;
  private server: Server | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly hanging = new Set<ServerResponse>();

  /** The batching of completions, when the double batches (null: one at a time). */
  readonly batcher: DoubleBatcher | null;

  constructor(private readonly options: VllmDoubleOptions) {
    this.latencyMs = options.latencyMs ?? 0;
    this.batcher = options.batch ? new DoubleBatcher(options.policy, (call) => this.serialize(call)) : null;
  }

  /** Listens on 127.0.0.1 (`port` 0: any free one) and returns the base address. */
  async start(port = 0): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }

  /** Plays `fault` for the next `count` completion requests. */
  setFault(fault: DoubleFault, count = Number.POSITIVE_INFINITY): void {
    this.fault = fault;
    this.faultCount = count;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'content-type, authorization');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const body = await readBody(req);
    if (req.url?.startsWith('/__double/')) return this.control(req, res, body);
    this.lastAuthorization = req.headers.authorization ?? null;
    if (req.method === 'GET' && req.url === '/v1/models')
      return json(res, 200, { object: 'list', data: [{ id: this.options.model, object: 'model' }] });
    if (req.method !== 'POST' || req.url !== '/v1/completions') return json(res, 404, { error: 'not found' });
    this.completions++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.latencyMs > 0) await new Promise((done) => setTimeout(done, this.latencyMs));
      const fault = this.faultCount > 0 ? this.fault : 'none';
      if (fault !== 'none') this.faultCount--;
      if (fault === 'timeout') {
        this.hanging.add(res);
        return;
      }
      if (fault === 'cut') {
        // Cut halfway through the answer: headers and part of the body, then the connection goes.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id": "cmpl-cut", "choices": [{"text": "4+');
        setTimeout(() => res.destroy(), 20);
        return;
      }
      if (fault === '429') return json(res, 429, { error: { message: 'Too many requests' } });
      if (fault === '500') return json(res, 500, { error: { message: 'CUDA out of memory' } });
      if (fault === 'malformed')
        return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": [');
      return json(res, 200, await this.complete(JSON.parse(body) as CompletionBody, fault));
    } catch (e) {
      return json(res, 400, { error: { message: e instanceof Error ? e.message : String(e) } });
    } finally {
      this.inFlight--;
    }
  }

  /**
   * The tests' controls: POST /__double/fault {fault, count?} plays a fault; POST /__double/reset
   * heals and zeroes the counters; GET /__double/stats reports them.
   */
  private control(req: IncomingMessage, res: ServerResponse, body: string): void {
    if (req.method === 'POST' && req.url === '/__double/fault') {
      const { fault, count } = JSON.parse(body || '{}') as { fault?: DoubleFault; count?: number };
      this.setFault(fault ?? 'none', count ?? Number.POSITIVE_INFINITY);
      return json(res, 200, { fault: this.fault });
    }
    if (req.method === 'POST' && req.url === '/__double/reset') {
      this.setFault('none');
      this.completions = 0;
      this.maxInFlight = 0;
      this.lastAuthorization = null;
      return json(res, 200, {});
    }
    if (req.method === 'GET' && req.url === '/__double/stats')
      return json(res, 200, {
        completions: this.completions,
        maxInFlight: this.maxInFlight,
        lastAuthorization: this.lastAuthorization,
      });
    return json(res, 404, { error: 'no such control' });
  }

  /** One model call at a time, in arrival order (one model, like one GPU). */
  private serialize<T>(call: () => Promise<T>): Promise<T> {
    const run = this.queue.then(call);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** One completion; generation waits its turn, or joins the next batch. */
  private async complete(body: CompletionBody, fault: DoubleFault): Promise<object> {
    if (this.batcher && body.echo !== true && fault !== 'single-choice') {
      const job = generationJob(body, false);
      return this.completion(await this.batcher.run(job), job.stop);
    }
    return this.serialize(() =>
      body.echo === true
        ? this.echo(body, fault === 'no-echo')
        : this.generate(body, fault === 'single-choice'),
    );
  }

  /** `echo`: the prompt back, each token with its log-probability and where it starts. */
  private async echo(body: CompletionBody, refuse: boolean): Promise<object> {
    const scorer = this.options.policy.promptLogProbs?.bind(this.options.policy);
    if (refuse || !scorer) throw new Error('echo is not supported');
    if (typeof body.prompt !== 'string') throw new Error('prompt must be a string');
    const { tokens, logProbs } = await scorer(body.prompt);
    let at = 0;
    const offsets = tokens.map((t) => {
      const start = at;
      at += t.length;
      return start;
    });
    return {
      id: `cmpl-${this.completions}`,
      object: 'text_completion',
      model: this.options.model,
      choices: [
        {
          index: 0,
          text: body.prompt,
          logprobs: { tokens, token_logprobs: logProbs, text_offset: offsets, top_logprobs: null },
          finish_reason: 'length',
          stop_reason: null,
        },
      ],
      usage: { prompt_tokens: tokens.length, completion_tokens: 0 },
    };
  }

  private async generate(body: CompletionBody, single: boolean): Promise<object> {
    const job = generationJob(body, single);
    const [samples = []] = await this.options.policy.sample({
      prompt: job.prompt,
      stepSeparator: job.stop,
      requests: [{ steps: [], k: job.n }],
      temperature: job.temperature,
      seed: job.seed,
      maxStepTokens: job.maxTokens,
    });
    return this.completion(samples, job.stop);
  }

  /** Samples as vLLM's completion: a choice each, how it ended, its log-probabilities. */
  private completion(samples: readonly StepSample[], stop: string): object {
    const choices = samples.map((s, index) => {
      const count = Math.max(1, s.tokens - (s.end === 'newline' ? 1 : 0));
      return {
        index,
        text: s.text,
        logprobs: {
          tokens: Array.from({ length: count }, (_, i) => `t${i}`),
          token_logprobs: Array.from({ length: count }, () => s.logProb / count),
          top_logprobs: null,
        },
        finish_reason: s.end === 'length' ? 'length' : 'stop',
        stop_reason: s.end === 'newline' ? stop : null,
      };
    });
    const tokens = samples.reduce((a, s) => a + s.tokens, 0);
    return {
      id: `cmpl-${this.completions}`,
      object: 'text_completion',
      model: this.options.model,
      choices,
      usage: { completion_tokens: tokens },
    };
  }
}

function generationJob(body: CompletionBody, single: boolean): GenerationJob {
  if (typeof body.prompt !== 'string') throw new Error('prompt must be a string');
  return {
    prompt: body.prompt,
    n: single ? 1 : Number(body.n ?? 1),
    stop: Array.isArray(body.stop) && typeof body.stop[0] === 'string' ? body.stop[0] : '\n',
    temperature: Number(body.temperature ?? 1),
    seed: Number(body.seed ?? 0),
    maxTokens: Number(body.max_tokens ?? 16),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => done(text));
    req.on('error', fail);
  });
}

function json(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

import type { WorkerLike } from './model-client';
import type { WorkerMessage, WorkerRequest } from './protocol';

/**
 * A FAKE worker: it records what the client posts and lets the test answer by hand. The point
 * here is the client's side of the protocol (ids, progress, errors, cancel), not the models.
 */
export class FakeWorker implements WorkerLike {
  readonly posted: WorkerRequest[] = [];
  terminated = false;
  private onMessage: ((event: MessageEvent<WorkerMessage>) => void) | undefined;
  private onError: ((event: { readonly message?: string }) => void) | undefined;

  postMessage(message: WorkerRequest): void {
    this.posted.push(message);
  }

  addEventListener(
    type: 'message' | 'error',
    listener: ((e: MessageEvent<WorkerMessage>) => void) & ((e: { readonly message?: string }) => void),
  ): void {
    if (type === 'message') this.onMessage = listener;
    else this.onError = listener;
  }

  terminate(): void {
    this.terminated = true;
  }

  answer(message: WorkerMessage): void {
    this.onMessage?.(new MessageEvent('message', { data: message }));
  }

  crash(message: string): void {
    this.onError?.({ message });
  }

  last(): WorkerRequest {
    const r = this.posted[this.posted.length - 1];
    if (!r) throw new Error('nothing posted');
    return r;
  }
}

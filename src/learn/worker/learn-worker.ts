/// <reference lib="webworker" />
import { configureBrowserEnv } from '../../inference/worker/browser-models';
import { nextTask } from '../../inference/worker/next-task';
import { evalPuzzles, heldOutKeys } from '../benchmark-puzzles';
import { browserModelHost } from '../browser-host';
import { learn } from '../learn-loop';
import { initBrowserTf } from '../tf-browser';
import type { LearnRequest } from './learn-protocol';
import { createLearnWorkerHandler } from './learn-worker-handler';

/**
 * The learn worker: self-play, training and measuring run here, never on the page's main thread.
 * This entry wires the browser in (TensorFlow.js, transformers.js, messages); the logic is in
 * learn-worker-handler.ts.
 */
declare const self: DedicatedWorkerGlobalScope;

const modelsPath = `${import.meta.env.BASE_URL}models/`;
configureBrowserEnv(modelsPath);

const handler = createLearnWorkerHandler({
  initTf: initBrowserTf,
  host: () => browserModelHost(modelsPath),
  run: learn,
  evalPuzzles,
  heldOutKeys,
  post: (message, transfer = []) => self.postMessage(message, transfer),
  yieldTask: nextTask,
});

self.onmessage = (event: MessageEvent<LearnRequest>) => handler(event.data);

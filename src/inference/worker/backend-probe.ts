import { env, type Tensor } from '@huggingface/transformers';
import { int64Tensor } from '../batch';
import { parseLearnedModelId } from '../learned-models';
import { COUNTDOWN_POLICY } from '../model-files';
import { encodePlain, loadCausalLm, type LoadedModel } from '../transformers-models';
import { timePasses, type ProbeResult } from './backend-choice';

/**
 * Browser-only (the worker): times the embedded policy on WASM and on WebGPU the way a search
 * drives it, a batch of rows decoding one token per pass with the keys/values of the passes
 * before, so that `auto` can pick the faster backend. Kept short: one warm-up pass per backend
 * (a GPU compiles its kernels then), and a few timed passes capped by a time budget.
 */

/** Countdown's default k: one expansion's samples decode together. */
const BATCH = 16;
/** About a countdown prompt's length in tokens. */
const CONTEXT = 24;
const PASSES = 4;
const BUDGET_MS = 150;
const TYPICAL_TEXT = '3 4 4 13 -> 24\n13 - 4 = 9 (3 4 9)\n';

export function createBackendProbe(modelsPath: string): (policy: string) => Promise<ProbeResult> {
  return async (requested) => {
    // A learned policy has the shipped one's shape (and so its speed); only the shipped one is a folder.
    const policy = parseLearnedModelId(requested) ? COUNTDOWN_POLICY : requested;
    // The embedded models come from the app; the loads after the probe point `env` again themselves.
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    env.localModelPath = modelsPath;
    const wasm = await timeOn(await loadCausalLm(policy, { dtype: 'fp32', device: 'wasm' }));
    const webgpu = await timeOn(await loadCausalLm(policy, { dtype: 'fp32', device: 'webgpu' }));
    return { wasm, webgpu };
  };
}

/** A pass's present.* outputs as the next pass's past; every other output is let go. */
function asPast(out: Record<string, Tensor>): Record<string, Tensor> {
  const past: Record<string, Tensor> = {};
  for (const [name, tensor] of Object.entries(out)) {
    if (name.startsWith('present.')) past[name.replace('present.', 'past_key_values.')] = tensor;
    else tensor.dispose();
  }
  return past;
}

const letGo = (tensors: Record<string, Tensor>): void => {
  for (const t of Object.values(tensors)) t.dispose();
};

async function timeOn(model: LoadedModel): Promise<number> {
  const text = encodePlain(model.tokenizer, TYPICAL_TEXT);
  const ids = Array.from({ length: BATCH * CONTEXT }, (_, i) => text[(i % CONTEXT) % text.length] ?? 0);
  let width = CONTEXT;
  let past: Record<string, Tensor> = {};
  try {
    past = asPast(
      await model.forward({
        input_ids: int64Tensor(ids, [BATCH, CONTEXT]),
        attention_mask: int64Tensor(new Array<number>(BATCH * CONTEXT).fill(1), [BATCH, CONTEXT]),
        position_ids: int64Tensor(
          ids.map((_, i) => i % CONTEXT),
          [BATCH, CONTEXT],
        ),
      }),
    );
    const pass = async (): Promise<void> => {
      const out = await model.forward({
        input_ids: int64Tensor(ids.slice(0, BATCH), [BATCH, 1]),
        attention_mask: int64Tensor(new Array<number>(BATCH * (width + 1)).fill(1), [BATCH, width + 1]),
        position_ids: int64Tensor(new Array<number>(BATCH).fill(width), [BATCH, 1]),
        past_key_values: past,
      });
      letGo(past);
      // The logits are read as sampling reads them: on the CPU.
      if (!(out.logits?.data instanceof Float32Array)) throw new Error('the policy returned no logits');
      past = asPast(out);
      width += 1;
    };
    // The decode pass has shapes of its own: a GPU compiles its kernels on the first one.
    await pass();
    return await timePasses(pass, { passes: PASSES, budgetMs: BUDGET_MS, now: () => performance.now() });
  } finally {
    letGo(past);
    await model.dispose();
  }
}

import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchSession } from '../core/session';
import { createStrategy } from '../core/strategies/create';
import { DEFAULT_CONFIG, runToEnd } from '../core/strategies/strategy';
import { mathTask, type MathProblem } from '../core/tasks/math';
import { treeInvariantViolations } from '../core/testing/invariants';
import { leftPad } from './batch';
import { greedyTokens } from './device-check';
import { argmaxes, comparePrompts } from './testing/greedy-compare';
import { ONNX_FILE } from './model-files';
import { TransformersPolicy } from './policy';
import { SelfEvalValue } from './self-eval-value';
import { chatPrompt, contextText } from './trace-text';
import { encodePlain, loadCausalLm, type LoadedModel, type ModelDtype } from './transformers-models';

/**
 * The hub catalogue's architectures on tiny models of the project's own, loaded as hub models are:
 * e2e/fixtures/hub/rlm-playground/tiny-{qwen2,llama,qwen3}-chat, made by
 * training/make_fixture_hub_archs.py (model_type qwen2 / llama / qwen3 as Qwen2.5-Instruct,
 * SmolLM2-Instruct and Qwen3: grouped-query attention, a byte-level BPE tokenizer, a ChatML
 * template, and fp32, q8, q4 (MatMulNBits) and q4f16 graphs with Optimum's inputs and outputs).
 * Every dtype runs on onnxruntime-node's CPU backend (q4f16's float16 MatMulNBits included), so
 * none is skipped.
 *
 * Per architecture and dtype: the cache layout (key/value heads, not query heads) and the greedy
 * next tokens against fp32's on the same contexts; then the app's policy: paragraph steps of the
 * math prompt in the chat template, the prefix cache on a request that extends an earlier one,
 * its greedy step against the model's own greedy tokens, and a short search. The per-dtype
 * figures are printed as a table at the end.
 */
const FIXTURES = resolve(import.meta.dirname, '../../e2e/fixtures/hub/rlm-playground');

interface Arch {
  readonly name: string;
  readonly modelType: string;
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim: number;
}

const ARCHS: readonly Arch[] = [
  { name: 'tiny-qwen2-chat', modelType: 'qwen2', layers: 2, heads: 4, kvHeads: 2, headDim: 16 },
  { name: 'tiny-llama-chat', modelType: 'llama', layers: 2, heads: 4, kvHeads: 2, headDim: 16 },
  // Qwen3 sets head_dim on its own: 4 heads x 32 > hidden 64.
  { name: 'tiny-qwen3-chat', modelType: 'qwen3', layers: 2, heads: 4, kvHeads: 2, headDim: 32 },
];
const DTYPES: readonly ModelDtype[] = ['fp32', 'q8', 'q4', 'q4f16'];

const PROBLEMS: readonly MathProblem[] = [
  { question: 'Sara has 12 apples. She buys 7 more. How many apples does she have now?', answer: 19 },
  { question: 'Tom has 4 boxes with 6 pencils in each. How many pencils does Tom have?', answer: 24 },
];
const SEP = '\n\n';
/** Greedy tokens per prompt compared with fp32's (on fp32's own continuation). */
const COMPARE_TOKENS = 16;

interface Row {
  arch: string;
  dtype: ModelDtype;
  loaded: boolean;
  sampled: string;
  searched: string;
  cacheHitTokens: number | null;
  agreement: string;
  sizeKb: number;
}
const table: Row[] = [];

beforeAll(() => {
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.localModelPath = `${FIXTURES}/`;
});

afterAll(() => {
  // The figures the fixtures' report quotes (vitest prints them with the run).
  console.table(table);
});

describe.each(ARCHS)('$name (model_type $modelType)', (arch) => {
  const config = JSON.parse(readFileSync(resolve(FIXTURES, arch.name, 'config.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  let reference: LoadedModel;
  /** fp32's greedy continuation of each compared prompt: [prompt ids, continuation]. */
  const references: [number[], number[]][] = [];

  beforeAll(async () => {
    reference = await loadCausalLm(arch.name, { dtype: 'fp32', device: 'cpu' });
    for (const prompt of comparePrompts(
      reference,
      [PROBLEMS[0] as MathProblem, PROBLEMS[1] as MathProblem],
      SEP,
    )) {
      references.push([
        encodePlain(reference.tokenizer, prompt),
        await greedyTokens(reference, prompt, COMPARE_TOKENS),
      ]);
    }
  });
  afterAll(async () => {
    await reference?.dispose();
  });

  it('has the hub config fields transformers.js reads, and the ChatML template', () => {
    expect(config).toMatchObject({
      model_type: arch.modelType,
      num_hidden_layers: arch.layers,
      num_attention_heads: arch.heads,
      num_key_value_heads: arch.kvHeads,
      tie_word_embeddings: true,
      use_cache: true,
    });
    for (const key of [
      'hidden_size',
      'intermediate_size',
      'max_position_embeddings',
      'rms_norm_eps',
      'rope_theta',
    ]) {
      expect(typeof config[key], key).toBe('number');
    }
    // transformers.js 4 sizes the empty cache from the graph's input shapes; head_dim is in the
    // config where the hub's has it (Qwen3 must: its heads x head_dim is not hidden_size).
    if (arch.modelType === 'qwen3') expect(config.head_dim).toBe(arch.headDim);
    else expect(config.head_dim ?? (config.hidden_size as number) / arch.heads).toBe(arch.headDim);
    expect(config.num_key_value_heads).toBeLessThan(config.num_attention_heads as number);

    const text = chatPrompt(reference.tokenizer, reference.name, 'hello');
    expect(text).toBe('<|im_start|>user\nhello<|im_end|>\n<|im_start|>assistant\n');
    // A real byte-level BPE: merged tokens, exact round trip, special tokens kept whole.
    const sample = `${text}First, Sara has 12 apples.${SEP}The answer is 19.<|im_end|>\n`;
    const ids = encodePlain(reference.tokenizer, sample);
    expect(ids.length).toBeLessThan(sample.length / 2);
    expect(reference.tokenizer.decode(ids)).toBe(sample);
    const imEnd = encodePlain(reference.tokenizer, '<|im_end|>');
    expect(imEnd).toHaveLength(1);
    expect(ids.filter((t) => t === imEnd[0])).toHaveLength(2);
    expect(encodePlain(reference.tokenizer, 'Yes')).toHaveLength(1);
  });

  describe.each(DTYPES)('%s on onnxruntime-node CPU', (dtype) => {
    let model: LoadedModel;
    let row: Row;

    beforeAll(async () => {
      row = {
        arch: arch.modelType,
        dtype,
        loaded: false,
        sampled: '-',
        searched: '-',
        cacheHitTokens: null,
        agreement: '-',
        sizeKb: Math.round(statSync(resolve(FIXTURES, arch.name, ONNX_FILE[dtype])).size / 1000),
      };
      table.push(row);
      model = dtype === 'fp32' ? reference : await loadCausalLm(arch.name, { dtype, device: 'cpu' });
      row.loaded = true;
    });
    afterAll(async () => {
      if (dtype !== 'fp32') await model?.dispose();
    });

    const input = {
      prompt: mathTask.prompt(PROBLEMS[0] as MathProblem),
      format: 'chat' as const,
      stepSeparator: SEP,
      temperature: 0.8,
      seed: 3,
      maxStepTokens: 48,
    };

    it('loads; keys/values in grouped heads; greedy next tokens against fp32', async () => {
      expect(model.config.model_type).toBe(arch.modelType);
      expect(model.inputNames).toEqual(
        expect.arrayContaining(['input_ids', 'attention_mask', 'position_ids', 'past_key_values.0.key']),
      );
      // No past given: transformers.js makes the empty one from the graph's input shapes and types.
      const promptIds = encodePlain(model.tokenizer, contextText(model.tokenizer, model.name, input, []));
      const batch = leftPad([promptIds], model.config.pad_token_id ?? 0);
      const out = await model.forward({
        input_ids: batch.inputIds,
        attention_mask: batch.attentionMask,
        position_ids: batch.positionIds,
      });
      const half = dtype === 'q4f16';
      for (let i = 0; i < arch.layers; i++) {
        for (const kv of ['key', 'value']) {
          const t = out[`present.${i}.${kv}`];
          expect(t?.dims).toEqual([1, arch.kvHeads, promptIds.length, arch.headDim]);
          expect(t?.type).toBe(half ? 'float16' : 'float32');
        }
      }
      // q4f16 gives float16 logits, as the hub's q4f16 graphs (raw 16-bit words in Node 20).
      const logits = out.logits;
      expect(logits?.type).toBe(half ? 'float16' : 'float32');
      expect(logits?.dims).toEqual([1, promptIds.length, config.vocab_size]);
      for (const t of Object.values(out)) t.dispose();

      // Greedy next tokens on fp32's greedy continuations (the same contexts for every dtype).
      let same = 0;
      let total = 0;
      for (const [ids, continuation] of references) {
        const got = await argmaxes(model, [...ids, ...continuation], ids.length - 1);
        continuation.forEach((tok, j) => {
          same += got[j] === tok ? 1 : 0;
          total += 1;
        });
      }
      row.agreement = `${same}/${total}`;
      if (dtype === 'fp32') expect(same).toBe(total);
      else expect(same / total).toBeGreaterThan(0.6);
    });

    // The app's policy over the model, as with a hub model. What these configs and graphs ask of
    // it: the layer count is num_hidden_layers (there is no n_layer outside GPT-2's config; the
    // prefix cache, on for every dtype but q8, reads the keys/values of every layer), and q4f16's
    // logits are float16 (Uint16Array words in Node 20, which has no Float16Array).
    it('the policy: paragraph steps, the prefix cache on a request that extends one, greedy, a search', async () => {
      const policy = new TransformersPolicy(model);
      const [first = []] = await policy.sample({ ...input, requests: [{ steps: [], k: 3 }] });
      expect(first).toHaveLength(3);
      for (const s of first) {
        expect(s.text).not.toContain(SEP);
        expect(s.text.trim()).toBe(s.text);
        expect(s.logProb).toBeLessThan(0);
      }
      expect(first.filter((s) => s.end === 'newline').length).toBeGreaterThan(0);
      row.sampled = JSON.stringify(first[0]?.text ?? '');

      // A second request after the first's step: the prefix cache serves the prompt and the step
      // (8-bit graphs keep it off: their outputs depend on the rest of the batch).
      const step = first.find((s) => s.end === 'newline')?.text ?? '';
      const promptTokens = encodePlain(
        model.tokenizer,
        contextText(model.tokenizer, model.name, input, []),
      ).length;
      const before = policy.cacheStats?.hitTokens ?? 0;
      const [second = []] = await policy.sample({ ...input, seed: 4, requests: [{ steps: [step], k: 2 }] });
      expect(second).toHaveLength(2);
      if (dtype === 'q8') {
        expect(policy.cacheStats).toBeNull();
      } else {
        const hits = (policy.cacheStats?.hitTokens ?? 0) - before;
        row.cacheHitTokens = hits;
        expect(hits).toBeGreaterThan(promptTokens);
      }

      // The policy's greedy step is the model's own greedy continuation (full passes, float16
      // logits decoded here) up to the blank line. An 8-bit graph quantizes its activations per
      // call, so its cached decoding may drift from full passes after the first token.
      const [[greedy] = []] = await policy.sample({
        ...input,
        temperature: 0,
        requests: [{ steps: [], k: 1 }],
      });
      const promptText = contextText(model.tokenizer, model.name, input, []);
      const ownIds = await greedyTokens(model, promptText, 48);
      if (dtype === 'q8') {
        const head = model.tokenizer.decode(ownIds.slice(0, 1), { skip_special_tokens: true });
        expect(greedy?.text.startsWith(head.trim())).toBe(true);
      } else {
        const own = model.tokenizer.decode(ownIds, { skip_special_tokens: true });
        expect(greedy?.text).toBe(own.split(SEP)[0]?.trim());
      }

      // A short search with self-evaluation grows a tree of paragraphs.
      const session = new SearchSession(
        mathTask,
        PROBLEMS[0] as MathProblem,
        { policy, value: new SelfEvalValue(model) },
        5,
      );
      const result = await runToEnd(
        createStrategy(session, {
          ...DEFAULT_CONFIG,
          strategy: 'mcts',
          simulations: 3,
          k: 2,
          temperature: 0.8,
          maxStepTokens: 48,
          stopOnSolved: false,
        }),
      );
      expect(treeInvariantViolations(session.tree)).toEqual([]);
      expect(result.iterations).toBe(3);
      const nodes = Object.values(session.tree.nodes).length;
      expect(nodes).toBeGreaterThan(2);
      row.searched = `${nodes} nodes`;
    });
  });
});

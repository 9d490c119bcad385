// Checks the exported models with the installed transformers.js against torch's outputs.
//
//   node training/check_onnx.mjs            (from the repository root, after export_onnx.py)
//
// Reads training/out/onnx_reference.json (written by export_onnx.py). Exits 1 on any mismatch:
// tokenizer ids / round trip, policy logits (left-padded batch, empty cache, then a two-token
// step from the returned cache), greedy generate() of one step line, value logits (left-padded
// batch, empty cache: the logit at each row's last token; then one step line per row from the cache).
// fp32 must match torch to FP32_TOL; q8 is held to looser bounds.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoModel, AutoModelForCausalLM, AutoTokenizer, Tensor, env } from '@huggingface/transformers';

const here = path.dirname(fileURLToPath(import.meta.url));
env.localModelPath = path.resolve(here, '../public/models') + '/';
env.allowLocalModels = true;
env.allowRemoteModels = false;

const FP32_TOL = 1e-4; // relative to max(1, |logit|)
const Q8 = { policyArgmax: 0.97, policyMaxAbs: 1.5, valueMaxAbs: 0.75 };

const ref = JSON.parse(readFileSync(path.join(here, 'out/onnx_reference.json'), 'utf8'));
let failures = 0;
const fail = (msg) => {
  failures += 1;
  console.log(`FAIL ${msg}`);
};
const ok = (msg) => console.log(`ok   ${msg}`);

const i64 = (rows) =>
  new Tensor('int64', BigInt64Array.from(rows.flat().map((x) => BigInt(x))), [rows.length, rows[0].length]);
const flat = (a) => (Array.isArray(a) ? a.flatMap(flat) : [a]);

function compare(name, got, want, dims, mask, dtype) {
  if (JSON.stringify(got.dims) !== JSON.stringify(dims)) {
    fail(`${name}: dims ${JSON.stringify(got.dims)} != ${JSON.stringify(dims)}`);
    return;
  }
  const g = got.data;
  const w = flat(want);
  const V = dims.at(-1);
  let maxRel = 0;
  let maxAbs = 0;
  let rows = 0;
  let agree = 0;
  for (let r = 0; r < w.length / V; r += 1) {
    if (mask && !mask[r]) continue; // padding position: any value is fine
    let ga = 0;
    let wa = 0;
    for (let v = 0; v < V; v += 1) {
      const i = r * V + v;
      const d = Math.abs(g[i] - w[i]);
      maxAbs = Math.max(maxAbs, d);
      maxRel = Math.max(maxRel, d / Math.max(1, Math.abs(w[i])));
      if (g[i] > g[r * V + ga]) ga = v;
      if (w[i] > w[r * V + wa]) wa = v;
    }
    rows += 1;
    if (ga === wa) agree += 1;
  }
  const info = `max abs diff ${maxAbs.toExponential(2)}, argmax agree ${agree}/${rows}`;
  if (dtype === 'fp32') {
    if (maxRel > FP32_TOL || !Number.isFinite(maxRel)) fail(`${name} [fp32]: ${info}`);
    else ok(`${name} [fp32]: ${info}`);
  } else {
    const isValue = V === 1;
    const bad = isValue
      ? maxAbs > Q8.valueMaxAbs
      : maxAbs > Q8.policyMaxAbs || agree / rows < Q8.policyArgmax;
    if (bad || !Number.isFinite(maxAbs)) fail(`${name} [q8]: ${info}`);
    else ok(`${name} [q8]: ${info}`);
  }
}

async function checkTokenizer(name) {
  const tok = await AutoTokenizer.from_pretrained(name);
  for (let i = 0; i < ref.texts.length; i += 1) {
    const ids = tok.encode(ref.texts[i]);
    if (JSON.stringify(ids) !== JSON.stringify(ref.ids[i]))
      fail(`${name} tokenizer ids for ${JSON.stringify(ref.texts[i])}`);
    const back = tok.decode(ids, { skip_special_tokens: true });
    if (back !== ref.texts[i]) fail(`${name} tokenizer round trip: ${JSON.stringify(back)}`);
  }
  const padded = tok(['1 2 3 -> 6\n', '4 5 6 10 -> 24\n'], { padding: true });
  const firstRow = Array.from(padded.input_ids.data.slice(0, padded.input_ids.dims[1])).map(Number);
  if (firstRow[0] !== 0 || tok.padding_side !== 'left') fail(`${name} tokenizer does not pad on the left`);
  ok(`${name} tokenizer: ${ref.texts.length} texts encode to Python's ids and decode back exactly`);
  return tok;
}

async function checkPolicy(dtype, tok) {
  const p = ref.policy;
  const model = await AutoModelForCausalLM.from_pretrained('countdown-policy', { dtype });
  const mask = flat(p.attention_mask);
  const out = await model.forward({
    input_ids: i64(p.input_ids),
    attention_mask: i64(p.attention_mask),
    position_ids: i64(p.position_ids),
  });
  const B = p.input_ids.length;
  const T = p.input_ids[0].length;
  compare(
    'policy logits, left-padded batch, empty cache',
    out.logits,
    p.logits,
    [B, T, ref.vocab.length],
    mask,
    dtype,
  );

  const past = {};
  for (const k of Object.keys(out)) {
    if (k.startsWith('present.')) past[k.replace('present.', 'past_key_values.')] = out[k];
  }
  const out2 = await model.forward({
    input_ids: i64(p.next_ids),
    attention_mask: i64(p.next_attention_mask),
    position_ids: i64(p.next_position_ids),
    past_key_values: past,
  });
  compare(
    'policy logits, two tokens from the cache',
    out2.logits,
    p.next_logits,
    [B, 2, ref.vocab.length],
    null,
    dtype,
  );
  const present0 = out2['present.0.key'];
  if (present0.dims[2] !== T + 2) fail(`present length ${present0.dims[2]} != ${T + 2}`);

  const enc = tok(p.greedy_prompt);
  const gen = await model.generate({ ...enc, max_new_tokens: 40, do_sample: false });
  const newIds = Array.from(gen.data.slice(enc.input_ids.dims[1])).map(Number);
  const line = tok.decode(newIds, { skip_special_tokens: true });
  if (line !== p.greedy_line)
    fail(`policy greedy generate [${dtype}]: ${JSON.stringify(line)} != ${JSON.stringify(p.greedy_line)}`);
  else ok(`policy greedy generate [${dtype}] stops at the newline: ${JSON.stringify(line)}`);
  await model.dispose();
}

const lastColumn = (t) => {
  const [B, T] = t.dims;
  return { dims: [B, 1], data: Array.from({ length: B }, (_, b) => t.data[b * T + T - 1]) };
};

async function checkValue(dtype) {
  const v = ref.value;
  const model = await AutoModel.from_pretrained('countdown-value', { dtype });
  // first call: no past_key_values (transformers.js feeds an empty cache [batch, heads, 0, head_dim])
  const out = await model.forward({
    input_ids: i64(v.input_ids),
    attention_mask: i64(v.attention_mask),
    position_ids: i64(v.position_ids),
  });
  const B = v.input_ids.length;
  const T = v.input_ids[0].length;
  if (JSON.stringify(out.logits.dims) !== JSON.stringify([B, T]))
    fail(`value logits dims ${JSON.stringify(out.logits.dims)} != [${B}, ${T}]`);
  const last = lastColumn(out.logits);
  compare('value logit at the last token, left-padded', last, v.logits, [B, 1], null, dtype);
  const probs = last.data.map((z) => (1 / (1 + Math.exp(-z))).toFixed(3));
  console.log(
    `     value P(reachable) [${dtype}]: ${v.texts.map((t, i) => `${JSON.stringify(t.split('\n').at(-2))}=${probs[i]}`).join(', ')}`,
  );

  const past = {};
  for (const k of Object.keys(out)) {
    if (k.startsWith('present.')) past[k.replace('present.', 'past_key_values.')] = out[k];
  }
  const out2 = await model.forward({
    input_ids: i64(v.next_ids),
    attention_mask: i64(v.next_attention_mask),
    position_ids: i64(v.next_position_ids),
    past_key_values: past,
  });
  // (q8 quantizes activations per call, so from the cache its numbers are not the full forward's)
  compare(
    'value of each row continued by a step line, from the cache',
    lastColumn(out2.logits),
    v.next_logits,
    [B, 1],
    null,
    dtype,
  );
  await model.dispose();
}

const tok = await checkTokenizer('countdown-policy');
await checkTokenizer('countdown-value');
for (const dtype of ['fp32', 'q8']) {
  await checkPolicy(dtype, tok);
  await checkValue(dtype);
}
console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);

// Checks the value model's key/value-cache graph with the installed transformers.js.
//
//   node training/check_value_cache.mjs [REFERENCE.json]
//
// REFERENCE.json (default training/out/value_cache_reference.json) is written by
// reexport_value_cached.py before it replaces the graphs: traces, their token ids, (parent, child)
// pairs, and the outputs of the graphs it replaced (value logit per trace, fp32 and q8, one row at a
// time and in left-padded batches). Exits 1 on a failed check.
//
// (a) full forward (no cache): the logit at the last token equals the old graph's value.
//     The first call's ways that must agree: no past_key_values and no position_ids
//     (transformers.js makes both), explicit position_ids, an explicit empty past
//     [batch, 4, 0, 32], an empty DynamicCache. (A plain `{}` throws in 4.3.1: reported.)
// (b) cached continuation: forward the parent, then only the child's extra tokens with the
//     parent's present.* as past: the last logit equals the child's full forward.
// (c) batches: (c1) left-padded parents in one batch, then left-padded extra tokens of different
//     lengths from that batch's cache; (c2) per-row caches of different lengths from single-row
//     forwards, left-padded with zeros (attention_mask 0) into one batch.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoModel, AutoTokenizer, DynamicCache, Tensor, env } from '@huggingface/transformers';

const here = path.dirname(fileURLToPath(import.meta.url));
env.localModelPath = path.resolve(here, '../public/models') + '/';
env.allowLocalModels = true;
env.allowRemoteModels = false;

const NAME = 'countdown-value';
const FP32_TOL = 1e-4;
// q8: activations are quantized per tensor at run time (DynamicQuantizeLinear), so a q8 value
// depends on every position in the call (the other rows of a batch, padding, where a cache split
// the trace). Bounds are regression guards at about 2x what was measured when the graph was made.
const Q8 = { vsOldSingle: 0.15, vsOldBatched: 0.45, vsFp32Max: 1.2, vsFp32MeanSlack: 0.01, cache: 0.8 };

const refPath = process.argv[2] ?? path.join(here, 'out/value_cache_reference.json');
const ref = JSON.parse(readFileSync(refPath, 'utf8'));
const cfg = JSON.parse(readFileSync(path.join(env.localModelPath, NAME, 'config.json'), 'utf8'));
const L = cfg.n_layer;
const H = cfg.n_head;
const HD = cfg.n_embd / cfg.n_head;
// one token per character (checked against the tokenizer below)
const vocab = JSON.parse(readFileSync(path.join(env.localModelPath, NAME, 'tokenizer.json'), 'utf8')).model
  .vocab;
const encodeText = (s) => Array.from(s).map((c) => vocab[c]);

let failures = 0;
const report = (okay, msg) => {
  if (!okay) failures += 1;
  console.log(`${okay ? 'ok  ' : 'FAIL'} ${msg}`);
};

const i64 = (rows) =>
  new Tensor('int64', BigInt64Array.from(rows.flat().map((x) => BigInt(x))), [rows.length, rows[0].length]);

/** Left padding: ids, mask and positions counting real tokens (from `start`), 1 on padding. */
function leftPad(rows, start = rows.map(() => 0)) {
  const T = Math.max(...rows.map((r) => r.length));
  const ids = [];
  const mask = [];
  const pos = [];
  rows.forEach((r, b) => {
    const pad = T - r.length;
    ids.push([...Array(pad).fill(0), ...r]);
    mask.push([...Array(pad).fill(0), ...r.map(() => 1)]);
    pos.push([...Array(pad).fill(1), ...r.map((_, t) => start[b] + t)]);
  });
  return { ids, mask, pos };
}

const lastColumn = (logits) => {
  const [B, T] = logits.dims;
  return Array.from({ length: B }, (_, b) => logits.data[b * T + T - 1]);
};

/** The present.* outputs renamed to past_key_values.* (what the next call takes). */
function pastOf(out) {
  const past = {};
  for (const k of Object.keys(out))
    if (k.startsWith('present.')) past[k.replace('present.', 'past_key_values.')] = out[k];
  return past;
}

function emptyPast(B) {
  const past = {};
  for (let i = 0; i < L; i += 1)
    for (const kv of ['key', 'value'])
      past[`past_key_values.${i}.${kv}`] = new Tensor('float32', new Float32Array(0), [B, H, 0, HD]);
  return past;
}

/** Stack single-row caches of different lengths into one batch, left-padded with zeros. */
function stackPasts(pasts) {
  const P = Math.max(...pasts.map((p) => p['past_key_values.0.key'].dims[2]));
  const out = {};
  for (const name of Object.keys(pasts[0])) {
    const data = new Float32Array(pasts.length * H * P * HD);
    pasts.forEach((p, b) => {
      const t = p[name];
      const len = t.dims[2];
      for (let h = 0; h < H; h += 1)
        data.set(t.data.subarray(h * len * HD, (h + 1) * len * HD), ((b * H + h) * P + (P - len)) * HD);
    });
    out[name] = new Tensor('float32', data, [pasts.length, H, P, HD]);
  }
  return { past: out, P };
}

const maxAbs = (a, b) => Math.max(...a.map((x, i) => Math.abs(x - b[i])));
const meanAbs = (a, b) => a.reduce((s, x, i) => s + Math.abs(x - b[i]), 0) / a.length;
const fmt = (x) => x.toExponential(2);
const chunks = (xs, n) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));

async function checkTokenizer() {
  const tok = await AutoTokenizer.from_pretrained(NAME);
  const bad = ref.traces.filter(
    (t, i) =>
      JSON.stringify(tok.encode(t.text, { add_special_tokens: false })) !== JSON.stringify(ref.ids[i]),
  );
  report(bad.length === 0, `tokenizer: ${ref.traces.length} traces encode to the reference ids`);
}

async function check(dtype) {
  // logSeverityLevel 4: one check below makes a run fail on purpose; keep onnxruntime's log quiet
  const model = await AutoModel.from_pretrained(NAME, { dtype, session_options: { logSeverityLevel: 4 } });
  const sess = model.sessions.model;
  if (dtype === 'fp32') {
    console.log(`     graph inputs: ${sess.inputNames.join(', ')}`);
    console.log(`     graph outputs: ${sess.outputNames.join(', ')}`);
    const meta = sess.inputMetadata.find((m) => m.name === 'past_key_values.0.key');
    console.log(`     past_key_values.0.key declared shape: ${JSON.stringify(meta?.shape)}`);
  }
  const fp32 = dtype === 'fp32';
  const oldSingle = ref.old[`${dtype}_single`];
  const oldBatched = ref.old[`${dtype}_batched`];
  const run = (inputs) => model.forward(inputs);

  // (a) full forward, one row at a time and in the reference's batches, three ways
  const singles = [];
  for (const ids of ref.ids) {
    const { ids: x, mask, pos } = leftPad([ids]);
    const out = await run({ input_ids: i64(x), attention_mask: i64(mask) });
    if (out.logits.dims.join() !== `1,${ids.length}`) report(false, `logits dims ${out.logits.dims}`);
    singles.push(lastColumn(out.logits)[0]);
    if (ids === ref.ids[0]) {
      const p = out['present.0.key'].dims;
      report(
        p.join() === `1,${H},${ids.length},${HD}`,
        `[${dtype}] present.0.key dims ${JSON.stringify(p)} (no past given)`,
      );
    }
  }
  const batched = [];
  const variants = {
    'explicit position_ids': [],
    'explicit empty past [b,4,0,32]': [],
    'an empty DynamicCache': [],
  };
  for (const rows of chunks(ref.ids, ref.batch)) {
    const { ids, mask, pos } = leftPad(rows);
    const base = { input_ids: i64(ids), attention_mask: i64(mask) };
    batched.push(...lastColumn((await run(base)).logits));
    variants['explicit position_ids'].push(
      ...lastColumn((await run({ ...base, position_ids: i64(pos) })).logits),
    );
    variants['explicit empty past [b,4,0,32]'].push(
      ...lastColumn(
        (await run({ ...base, position_ids: i64(pos), past_key_values: emptyPast(rows.length) })).logits,
      ),
    );
    variants['an empty DynamicCache'].push(
      ...lastColumn((await run({ ...base, past_key_values: new DynamicCache() })).logits),
    );
  }
  const emptyObject = await run({
    input_ids: i64([ref.ids[0]]),
    attention_mask: i64([ref.ids[0].map(() => 1)]),
    past_key_values: {},
  }).then(
    () => 'works',
    (e) => `throws ${e.constructor.name}: ${e.message.split('\n')[0]}`,
  );
  console.log(`     [${dtype}] first call with past_key_values: {} (a plain empty object): ${emptyObject}`);
  const n = ref.ids.length;
  if (fp32) {
    report(
      maxAbs(singles, oldSingle) < FP32_TOL,
      `(a) [fp32] ${n} traces, one at a time: max |new last logit - old value| = ${fmt(maxAbs(singles, oldSingle))}`,
    );
    report(
      maxAbs(batched, oldBatched) < FP32_TOL,
      `(a) [fp32] ${n} traces, left-padded batches of ${ref.batch}: max |diff| = ${fmt(maxAbs(batched, oldBatched))}`,
    );
  } else {
    const f32 = ref.old.fp32_single;
    const dS = maxAbs(singles, oldSingle);
    const dB = maxAbs(batched, oldBatched);
    const flips = singles.filter((z, i) => z > 0 !== oldSingle[i] > 0).length;
    report(
      dS < Q8.vsOldSingle,
      `(a) [q8] ${n} traces, one at a time: max |new q8 - old q8| = ${fmt(dS)} (mean ${fmt(meanAbs(singles, oldSingle))}; P>0.5 decision differs on ${flips})`,
    );
    report(
      dB < Q8.vsOldBatched,
      `(a) [q8] batches of ${ref.batch}: max |new q8 - old q8| = ${fmt(dB)} (the old q8 graph itself: batched vs one at a time ${fmt(maxAbs(ref.old.q8_batched, oldSingle))})`,
    );
    const mNew = meanAbs(singles, f32);
    const mOld = meanAbs(oldSingle, f32);
    report(
      maxAbs(singles, f32) < Q8.vsFp32Max && mNew <= mOld + Q8.vsFp32MeanSlack,
      `(a) [q8] error against fp32: new max ${fmt(maxAbs(singles, f32))} mean ${fmt(mNew)}; old max ${fmt(maxAbs(oldSingle, f32))} mean ${fmt(mOld)}`,
    );
  }
  for (const [k, v] of Object.entries(variants)) {
    const d = maxAbs(v, batched);
    report(d < FP32_TOL, `(a) [${dtype}] first call with ${k} = without: max |diff| ${fmt(d)}`);
  }

  // (b) cached continuation, one pair at a time
  const full = [];
  const cached = [];
  const cachedNoPos = [];
  const parentPasts = [];
  const extras = [];
  for (const { parent, child } of ref.pairs) {
    const cIds = encodeText(child);
    const pIds = encodeText(parent);
    const extra = cIds.slice(pIds.length);
    const P = pIds.length;
    const outFull = await run({ input_ids: i64([cIds]), attention_mask: i64([cIds.map(() => 1)]) });
    full.push(lastColumn(outFull.logits)[0]);
    const outP = await run({ input_ids: i64([pIds]), attention_mask: i64([pIds.map(() => 1)]) });
    const past = pastOf(outP);
    const mask = [[...pIds, ...extra].map(() => 1)];
    const out = await run({
      input_ids: i64([extra]),
      attention_mask: i64(mask),
      position_ids: i64([extra.map((_, t) => P + t)]),
      past_key_values: past,
    });
    const pk = out['present.0.key'].dims;
    if (pk[2] !== P + extra.length) report(false, `present length ${pk[2]} != ${P + extra.length}`);
    cached.push(lastColumn(out.logits)[0]);
    const out2 = await run({ input_ids: i64([extra]), attention_mask: i64(mask), past_key_values: past });
    cachedNoPos.push(lastColumn(out2.logits)[0]);
    parentPasts.push(past);
    extras.push({ pIds, extra });
  }
  const m = ref.pairs.length;
  const dC = maxAbs(cached, full);
  const lens = extras.map((e) => e.extra.length);
  if (fp32) {
    report(
      dC < FP32_TOL,
      `(b) [fp32] ${m} pairs (parent ${Math.min(...extras.map((e) => e.pIds.length))}..${Math.max(...extras.map((e) => e.pIds.length))} tokens + ${Math.min(...lens)}..${Math.max(...lens)} new): max |cached - full| = ${fmt(dC)}`,
    );
    const oldChild = ref.pairs.map(({ child }) => oldSingle[ref.traces.findIndex((t) => t.text === child)]);
    report(
      maxAbs(cached, oldChild) < FP32_TOL,
      `(b) [fp32] cached child value vs the old graph: max |diff| = ${fmt(maxAbs(cached, oldChild))}`,
    );
  } else {
    report(
      dC < Q8.cache,
      `(b) [q8] ${m} pairs: max |cached - full| = ${fmt(dC)} (mean ${fmt(meanAbs(cached, full))}; P>0.5 decision differs on ${cached.filter((z, i) => z > 0 !== full[i] > 0).length})`,
    );
  }
  report(
    maxAbs(cachedNoPos, cached) < FP32_TOL,
    `(b) [${dtype}] position_ids left out (transformers.js makes them from the mask): max |diff| ${fmt(maxAbs(cachedNoPos, cached))}`,
  );

  // (c1) one left-padded batch of parents, then left-padded extra tokens from its cache
  const c1 = [];
  const c2 = [];
  const idx = [...extras.keys()];
  for (const rowsIdx of chunks(idx, 8)) {
    const ps = rowsIdx.map((i) => extras[i].pIds);
    const es = rowsIdx.map((i) => extras[i].extra);
    const P = leftPad(ps);
    const outP = await run({ input_ids: i64(P.ids), attention_mask: i64(P.mask), position_ids: i64(P.pos) });
    const E = leftPad(
      es,
      ps.map((p) => p.length),
    );
    const mask = P.mask.map((r, b) => [...r, ...E.mask[b]]);
    const out = await run({
      input_ids: i64(E.ids),
      attention_mask: i64(mask),
      position_ids: i64(E.pos),
      past_key_values: pastOf(outP),
    });
    c1.push(...lastColumn(out.logits));
    // (c2) single-row caches of different lengths, stacked with zero left padding
    const { past, P: Pmax } = stackPasts(rowsIdx.map((i) => parentPasts[i]));
    const mask2 = ps.map((p, b) => [...Array(Pmax - p.length).fill(0), ...p.map(() => 1), ...E.mask[b]]);
    const out2 = await run({
      input_ids: i64(E.ids),
      attention_mask: i64(mask2),
      position_ids: i64(E.pos),
      past_key_values: past,
    });
    c2.push(...lastColumn(out2.logits));
  }
  const tol = fp32 ? FP32_TOL : Q8.cache;
  report(
    maxAbs(c1, full) < tol,
    `(c1) [${dtype}] left-padded batches of 8 parents + left-padded extras from the batch cache: max |diff to full| = ${fmt(maxAbs(c1, full))}`,
  );
  report(
    maxAbs(c2, full) < tol,
    `(c2) [${dtype}] per-row caches of different lengths, zero-padded on the left into batches of 8: max |diff to full| = ${fmt(maxAbs(c2, full))}`,
  );

  // a cache spread as top-level inputs is silently replaced by an empty one (documented pitfall)
  const { pIds, extra } = extras[0];
  const quiet = console.error;
  console.error = () => {}; // transformers.js prints the whole failed feed
  const spread = await run({
    input_ids: i64([extra]),
    attention_mask: i64([[...pIds, ...extra].map(() => 1)]),
    ...parentPasts[0],
  }).then(
    (o) => lastColumn(o.logits)[0],
    (e) => `throws (${e.message.split('\n')[0].slice(0, 90)}...)`,
  );
  console.error = quiet;
  console.log(
    `     [${dtype}] cache spread as top-level inputs instead of past_key_values: ${typeof spread === 'number' ? `${spread.toFixed(4)} vs ${cached[0].toFixed(4)} (not used)` : spread}`,
  );
  await model.dispose();
}

await checkTokenizer();
for (const dtype of ['fp32', 'q8']) await check(dtype);
console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);

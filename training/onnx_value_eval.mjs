// Runs a value graph with onnxruntime-node (no transformers.js) and prints the value logit of each
// row: the logit at the row's last token. Used by reexport_value_cached.py, which has no Python
// onnxruntime, to compare a graph against torch.
//
//   node training/onnx_value_eval.mjs MODEL.onnx ROWS.json OUT.json
//
// ROWS.json: { "groups": [[ids, ids, ...], ...] }: each group is one left-padded batch.
// Works for both value graph layouts: the old one (input_ids, attention_mask -> logits [batch, 1])
// and the cached one (also position_ids and past_key_values.* -> logits [batch, seq]); a cached
// graph gets an empty past [batch, heads, 0, head_dim] and positions counting real tokens.
// OUT.json: { "inputs": [...], "outputs": [...], "logits": [[per row of group 0], ...] }.
import { readFileSync, writeFileSync } from 'node:fs';
import ort from 'onnxruntime-node';

const [modelPath, rowsPath, outPath] = process.argv.slice(2);
const { groups } = JSON.parse(readFileSync(rowsPath, 'utf8'));
const session = await ort.InferenceSession.create(modelPath, { intraOpNumThreads: 2 });
const meta = Object.fromEntries(session.inputMetadata.map((m) => [m.name, m]));

const i64 = (vals, dims) => new ort.Tensor('int64', BigInt64Array.from(vals.map((x) => BigInt(x))), dims);

const logits = [];
for (const rows of groups) {
  const B = rows.length;
  const T = Math.max(...rows.map((r) => r.length));
  const ids = [];
  const mask = [];
  const pos = [];
  for (const r of rows) {
    const pad = T - r.length;
    for (let t = 0; t < T; t += 1) {
      ids.push(t < pad ? 0 : r[t - pad]);
      mask.push(t < pad ? 0 : 1);
      pos.push(t < pad ? 1 : t - pad);
    }
  }
  const feeds = { input_ids: i64(ids, [B, T]), attention_mask: i64(mask, [B, T]) };
  if (meta.position_ids) feeds.position_ids = i64(pos, [B, T]);
  for (const name of session.inputNames) {
    if (!name.startsWith('past_key_values.')) continue;
    const shape = meta[name].shape.map((d, i) => (i === 0 ? B : typeof d === 'number' ? d : 0));
    feeds[name] = new ort.Tensor('float32', new Float32Array(0), shape);
  }
  const out = await session.run(feeds);
  const L = out.logits;
  const S = L.dims[1];
  logits.push(rows.map((_, b) => L.data[b * S + S - 1]));
}
writeFileSync(outPath, JSON.stringify({ inputs: session.inputNames, outputs: session.outputNames, logits }));

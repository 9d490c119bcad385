// Prints one graph output (logits or value) for one trace: node training/ort_outputs.mjs MODEL.onnx "[ids]"
import * as ort from 'onnxruntime-node';
const [path, idsJson] = process.argv.slice(2);
const ids = JSON.parse(idsJson);
const s = await ort.InferenceSession.create(path);
const T = ids.length;
const feeds = {
  input_ids: new ort.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, T]),
  attention_mask: new ort.Tensor('int64', BigInt64Array.from(ids.map(() => 1n)), [1, T]),
  position_ids: new ort.Tensor('int64', BigInt64Array.from(ids.map((_, i) => BigInt(i))), [1, T]),
};
for (const n of s.inputNames)
  if (n.startsWith('past')) feeds[n] = new ort.Tensor('float32', new Float32Array(0), [1, 4, 0, 32]);
const out = await s.run(feeds);
const o = out[s.outputNames[0]];
console.log(JSON.stringify({ dims: o.dims, data: Array.from(o.data) }));

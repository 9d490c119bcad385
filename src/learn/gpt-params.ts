import {
  listInitializers,
  OnnxFormatError,
  readFloats,
  writeFloats,
  type OnnxInitializer,
} from './onnx-initializers';

/**
 * The weights of the embedded GPT (training/model.py) by their torch names, as flat float32
 * arrays with shapes, and the mapping onto the exported ONNX graphs' initializers.
 *
 * The export keeps the torch names for embeddings, layer norms and biases; constant folding renamed
 * every Linear weight `onnx::MatMul_<n>` and stored it transposed ([in, out]). Those come in layer
 * order (c_attn, attn_proj, c_fc, mlp_proj per block), then the head: the policy's is the tied
 * embedding again (wte transposed), the value's is v_head. A round trip test checks the mapping by
 * running the ONNX graph against the tfjs model on the same weights.
 */
export type ModelKind = 'policy' | 'value';

export interface GptShape {
  readonly nLayer: number;
  readonly nEmbd: number;
  readonly nHead: number;
  readonly vocabSize: number;
  readonly nPositions: number;
}

export interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** Weights by torch name; Linear weights here are [in, out] (the ONNX layout, ready for x @ W). */
export interface GptParams {
  readonly kind: ModelKind;
  readonly shape: GptShape;
  readonly tensors: Record<string, Tensor>;
}

const LINEARS = ['c_attn', 'attn_proj', 'c_fc', 'mlp_proj'] as const;

/** The parameter names in a fixed order (the optimizer's and the hash's order). */
export function paramNames(kind: ModelKind, nLayer: number): string[] {
  const names = ['wte.weight', 'wpe.weight'];
  for (let l = 0; l < nLayer; l++) {
    const p = `h.${l}.`;
    names.push(`${p}ln_1.weight`, `${p}ln_1.bias`, `${p}ln_2.weight`, `${p}ln_2.bias`);
    for (const lin of LINEARS) names.push(`${p}${lin}.weight`, `${p}${lin}.bias`);
  }
  names.push('ln_f.weight', 'ln_f.bias');
  if (kind === 'value') names.push('v_head.weight', 'v_head.bias');
  return names;
}

function matmulNumber(name: string): number {
  const m = /^onnx::MatMul_(\d+)$/.exec(name);
  return m ? Number(m[1]) : Number.NaN;
}

/** Which initializer holds which parameter (the policy's head maps to wte, transposed). */
function initializerMap(kind: ModelKind, inits: readonly OnnxInitializer[]): Map<string, OnnxInitializer> {
  const byName = new Map(inits.map((i) => [i.name, i]));
  const out = new Map<string, OnnxInitializer>();
  for (const i of inits) if (i.name.startsWith('m.')) out.set(i.name.slice(2), i);
  const matmuls = inits
    .filter((i) => !Number.isNaN(matmulNumber(i.name)))
    .sort((a, b) => matmulNumber(a.name) - matmulNumber(b.name));
  const nLayer = (matmuls.length - 1) / LINEARS.length;
  if (!Number.isInteger(nLayer) || nLayer < 1 || !byName.has('m.wte.weight'))
    throw new OnnxFormatError(`not an embedded GPT ${kind} graph (${matmuls.length} MatMul weights)`);
  matmuls.forEach((init, i) => {
    const layer = Math.floor(i / LINEARS.length);
    if (layer < nLayer) out.set(`h.${layer}.${LINEARS[i % LINEARS.length]}.weight`, init);
    else out.set(kind === 'policy' ? 'lm_head' : 'v_head.weight', init);
  });
  return out;
}

function shapeOf(map: Map<string, OnnxInitializer>): GptShape {
  const wte = map.get('wte.weight');
  const wpe = map.get('wpe.weight');
  const attn = map.get('h.0.c_attn.weight');
  if (!wte || !wpe || !attn) throw new OnnxFormatError('embedded GPT graph lacks its embeddings');
  let nLayer = 0;
  while (map.has(`h.${nLayer}.c_attn.weight`)) nLayer++;
  const nEmbd = wte.dims[1] ?? 0;
  // The head count is not stored as a weight; every embedded model has 32-wide heads.
  return { nLayer, nEmbd, nHead: nEmbd / 32, vocabSize: wte.dims[0] ?? 0, nPositions: wpe.dims[0] ?? 0 };
}

/** Reads a policy or value ONNX file's weights. */
export function readGptParams(kind: ModelKind, onnx: Uint8Array): GptParams {
  const map = initializerMap(kind, listInitializers(onnx));
  const shape = shapeOf(map);
  const tensors: Record<string, Tensor> = {};
  for (const name of paramNames(kind, shape.nLayer)) {
    const init = map.get(name);
    if (!init) throw new OnnxFormatError(`the ${kind} graph has no weight for ${name}`);
    tensors[name] = { shape: [...init.dims], data: readFloats(onnx, init) };
  }
  if (kind === 'value' && tensors['v_head.weight']) {
    tensors['v_head.weight'] = { shape: [shape.nEmbd, 1], data: tensors['v_head.weight'].data };
  }
  return { kind, shape, tensors };
}

function transpose(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c] ?? 0;
  return out;
}

/** A copy of `template` (an ONNX file of the same kind and shape) holding `params`' weights. */
export function writeGptParams(template: Uint8Array, params: GptParams): Uint8Array {
  const bytes = template.slice();
  const map = initializerMap(params.kind, listInitializers(bytes));
  for (const name of paramNames(params.kind, params.shape.nLayer)) {
    const init = map.get(name);
    const t = params.tensors[name];
    if (!init || !t) throw new OnnxFormatError(`the ${params.kind} graph has no weight for ${name}`);
    writeFloats(bytes, init, t.data);
  }
  const head = map.get('lm_head');
  const wte = params.tensors['wte.weight'];
  if (params.kind === 'policy' && head && wte) {
    writeFloats(bytes, head, transpose(wte.data, params.shape.vocabSize, params.shape.nEmbd));
  }
  return bytes;
}

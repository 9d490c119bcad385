import type { ModelDtype } from '../inference/transformers-models';

/**
 * The models the playground offers. The embedded pair ships with the app; the others are small
 * instruct models published in ONNX for transformers.js, fetched from the hub on first use and
 * then served from the browser's cache. Sizes are the weight file per dtype in MB, read off the
 * hub's file listings (≈ marks sizes estimated from a sibling model of the same architecture).
 */
export interface CatalogueEntry {
  readonly id: string;
  readonly label: string;
  readonly task: 'countdown' | 'math';
  readonly role: 'policy' | 'value';
  readonly sizesMb: Partial<Record<ModelDtype, number>>;
  readonly estimated?: boolean;
  readonly note: string;
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: 'countdown-policy',
    label: 'Countdown policy (embedded)',
    task: 'countdown',
    role: 'policy',
    sizesMb: { fp32: 3.3, q8: 1.0 },
    note: 'trained by this project; ships with the app',
  },
  {
    id: 'countdown-value',
    label: 'Countdown value (embedded)',
    task: 'countdown',
    role: 'value',
    sizesMb: { fp32: 3.3, q8: 1.0 },
    note: 'trained by this project: P(the target is still reachable)',
  },
  {
    id: 'countdown-orm',
    label: 'Countdown outcome model (embedded)',
    task: 'countdown',
    role: 'value',
    sizesMb: { fp32: 3.3, q8: 1.0 },
    note: 'trained by this project on final results alone: P(this chain ends solved)',
  },
  {
    id: 'onnx-community/Qwen2.5-0.5B-Instruct',
    label: 'Qwen2.5 0.5B Instruct',
    task: 'math',
    role: 'policy',
    sizesMb: { q4f16: 483, q4: 786, q8: 512, fp16: 997, fp32: 1990 },
    note: 'a good first choice: small and fluent',
  },
  {
    id: 'onnx-community/Qwen3-0.6B-ONNX',
    label: 'Qwen3 0.6B',
    task: 'math',
    role: 'policy',
    sizesMb: { q4f16: 560, q4: 900, q8: 600, fp16: 1200, fp32: 2400 },
    estimated: true,
    note: 'thinks aloud at length; give it room',
  },
  {
    id: 'HuggingFaceTB/SmolLM2-360M-Instruct',
    label: 'SmolLM2 360M Instruct',
    task: 'math',
    role: 'policy',
    sizesMb: { q4f16: 270, q4: 560, q8: 368, fp16: 725, fp32: 1450 },
    estimated: true,
    note: 'the smallest; weak at arithmetic',
  },
  {
    id: 'onnx-community/Qwen2.5-Math-1.5B-Instruct',
    label: 'Qwen2.5 Math 1.5B Instruct',
    task: 'math',
    role: 'policy',
    sizesMb: { q4f16: 1220, q4: 1790, q8: 1580, fp16: 3100, fp32: 6210 },
    estimated: true,
    note: 'trained for math; needs a GPU with room',
  },
];

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((e) => e.id === id);
}

/** The dtype a model will load with on a device (the worker's rule, mirrored for display). */
export function displayDtype(
  id: string,
  backend: 'webgpu' | 'wasm',
  f16: boolean,
  requested?: ModelDtype,
): ModelDtype {
  // As the worker's dtypeFor: the embedded models always in fp32, hub models as asked.
  if (!id.includes('/')) return 'fp32';
  if (requested) return requested;
  if (backend === 'wasm') return 'q8';
  return f16 ? 'q4f16' : 'q4';
}

/**
 * Whether the weights fit: WebGPU buffers are bounded by the adapter's maxBufferSize (the largest
 * weight tensors must fit one buffer, and the whole model the GPU's memory); WASM by its 4 GB
 * address space, of which about half is usable for weights.
 */
export function fitsDevice(
  sizeMb: number,
  device: { backend: 'webgpu' | 'wasm'; maxBufferMb?: number; memoryGb?: number },
): string | null {
  if (device.backend === 'wasm' && sizeMb > 2000)
    return `${sizeMb} MB will not fit WASM's 4 GB memory with room to run`;
  if (device.memoryGb !== undefined && sizeMb / 1024 > device.memoryGb / 2) {
    return `${sizeMb} MB is more than half of this device's ${device.memoryGb} GB memory`;
  }
  return null;
}

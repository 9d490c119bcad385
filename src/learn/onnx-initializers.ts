/**
 * Reads and rewrites the weights of an ONNX model file in place, without a protobuf library.
 *
 * An ONNX file is a protobuf ModelProto. Its graph (field 7) holds the initializers (field 5), each
 * a TensorProto with dims (1), data_type (2), name (8) and the values as raw_data (9) or
 * float_data (4). Trained weights have the same shape as the shipped ones, so they are written over
 * the old bytes: every length prefix stays valid and the rest of the graph is untouched.
 */
export interface OnnxInitializer {
  readonly name: string;
  readonly dims: readonly number[];
  /** 1 = float32. Only float32 tensors can be read or written here. */
  readonly dataType: number;
  /** Byte offset and length of the raw float data inside the file (raw_data, little-endian). */
  readonly offset: number;
  readonly byteLength: number;
}

export class OnnxFormatError extends Error {
  override readonly name = 'OnnxFormatError';
}

const FLOAT = 1;

interface Field {
  readonly field: number;
  readonly wire: number;
  /** For varints the value; for length-delimited fields the payload's start. */
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

function varint(bytes: Uint8Array, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (pos >= bytes.length) throw new OnnxFormatError('truncated varint');
    const b = bytes[pos++] ?? 0;
    result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [result, pos];
    shift += 7;
    if (shift > 63) throw new OnnxFormatError('varint too long');
  }
}

function* fields(bytes: Uint8Array, start: number, end: number): Generator<Field> {
  let pos = start;
  while (pos < end) {
    const [key, afterKey] = varint(bytes, pos);
    const field = Math.floor(key / 8);
    const wire = key & 7;
    pos = afterKey;
    if (wire === 0) {
      const [value, next] = varint(bytes, pos);
      yield { field, wire, value, start: pos, end: next };
      pos = next;
    } else if (wire === 2) {
      const [length, payload] = varint(bytes, pos);
      if (payload + length > end) throw new OnnxFormatError('length-delimited field runs past its message');
      yield { field, wire, value: length, start: payload, end: payload + length };
      pos = payload + length;
    } else if (wire === 5) {
      yield { field, wire, value: 0, start: pos, end: pos + 4 };
      pos += 4;
    } else if (wire === 1) {
      yield { field, wire, value: 0, start: pos, end: pos + 8 };
      pos += 8;
    } else {
      throw new OnnxFormatError(`unsupported protobuf wire type ${wire}`);
    }
  }
  if (pos !== end) throw new OnnxFormatError('message ends inside a field');
}

function readTensor(bytes: Uint8Array, start: number, end: number): OnnxInitializer | undefined {
  const dims: number[] = [];
  let name = '';
  let dataType = 0;
  let raw: Field | undefined;
  for (const f of fields(bytes, start, end)) {
    if (f.field === 1 && f.wire === 0) dims.push(f.value);
    else if (f.field === 1 && f.wire === 2) {
      for (let p = f.start; p < f.end;) {
        const [d, next] = varint(bytes, p);
        dims.push(d);
        p = next;
      }
    } else if (f.field === 2 && f.wire === 0) dataType = f.value;
    else if (f.field === 8 && f.wire === 2) name = new TextDecoder().decode(bytes.subarray(f.start, f.end));
    else if (f.field === 9 && f.wire === 2) raw = f;
  }
  if (!raw) return undefined;
  return { name, dims, dataType, offset: raw.start, byteLength: raw.end - raw.start };
}

/** Every initializer stored as raw data, in file order. */
export function listInitializers(bytes: Uint8Array): OnnxInitializer[] {
  const out: OnnxInitializer[] = [];
  let graphs = 0;
  for (const model of fields(bytes, 0, bytes.length)) {
    if (model.field !== 7 || model.wire !== 2) continue;
    graphs++;
    for (const g of fields(bytes, model.start, model.end)) {
      if (g.field !== 5 || g.wire !== 2) continue;
      const t = readTensor(bytes, g.start, g.end);
      if (t) out.push(t);
    }
  }
  if (graphs !== 1) throw new OnnxFormatError(`expected one graph in the ONNX file, found ${graphs}`);
  return out;
}

function elementCount(dims: readonly number[]): number {
  return dims.reduce((a, d) => a * d, 1);
}

/** The float32 values of one initializer (a copy). */
export function readFloats(bytes: Uint8Array, init: OnnxInitializer): Float32Array {
  if (init.dataType !== FLOAT) throw new OnnxFormatError(`${init.name} is not float32`);
  const n = elementCount(init.dims);
  if (init.byteLength !== n * 4)
    throw new OnnxFormatError(`${init.name}: ${init.byteLength} bytes for ${n} floats`);
  const view = new DataView(bytes.buffer, bytes.byteOffset + init.offset, init.byteLength);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** Writes `values` over one initializer's data in `bytes` (same element count required). */
export function writeFloats(bytes: Uint8Array, init: OnnxInitializer, values: Float32Array): void {
  if (init.dataType !== FLOAT) throw new OnnxFormatError(`${init.name} is not float32`);
  const n = elementCount(init.dims);
  if (values.length !== n) throw new OnnxFormatError(`${init.name} holds ${n} floats, got ${values.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset + init.offset, init.byteLength);
  for (let i = 0; i < n; i++) view.setFloat32(i * 4, values[i] ?? 0, true);
}

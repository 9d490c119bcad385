/**
 * The smallest model ONNX Runtime accepts, y = Identity(x) over float[1], written out in ONNX's
 * protobuf encoding here rather than shipped as a file (one request fewer). Creating a session of
 * it starts the runtime: its WebAssembly downloaded and compiled, and the registry of its CPU
 * kernels built, all of which the first real model's session would otherwise wait for.
 */
function varint(n: number): number[] {
  const out: number[] = [];
  let rest = n;
  while (rest > 0x7f) {
    out.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  out.push(rest);
  return out;
}

const int = (field: number, value: number): number[] => [...varint(field << 3), ...varint(value)];
const bytes = (field: number, body: readonly number[]): number[] => [
  ...varint((field << 3) | 2),
  ...varint(body.length),
  ...body,
];
const text = (field: number, s: string): number[] => bytes(field, [...new TextEncoder().encode(s)]);

const FLOAT = 1;
const IR_VERSION = 8;
const OPSET = 13;

export function identityModel(): Uint8Array {
  // TypeProto { tensor_type { elem_type, shape { dim { dim_value: 1 } } } }
  const type = bytes(1, [...int(1, FLOAT), ...bytes(2, bytes(1, int(1, 1)))]);
  const valueInfo = (field: number, name: string) => bytes(field, [...text(1, name), ...bytes(2, type)]);
  const node = bytes(1, [...text(1, 'x'), ...text(2, 'y'), ...text(4, 'Identity')]);
  const graph = [...node, ...text(2, 'warm-up'), ...valueInfo(11, 'x'), ...valueInfo(12, 'y')];
  return new Uint8Array([...int(1, IR_VERSION), ...bytes(7, graph), ...bytes(8, int(2, OPSET))]);
}

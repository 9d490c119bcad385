"""8-bit weights by graph rewrite (no onnxruntime Python tools here).

Each MatMul whose second input is a constant 2-D weight becomes
  DynamicQuantizeLinear(A) -> MatMulInteger(A_q, W_q, A_zp, 0) -> Cast(float) -> Mul(A_scale * w_scale)
the op pattern of onnxruntime's dynamic quantization. Weights are symmetric int8 with one scale per
output column. Embedding tables (Gather) and LayerNorms stay fp32.

  python3 quantize.py model.onnx model_quantized.onnx
"""

from __future__ import annotations

import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def quantize(src: str, dst: str) -> int:
    model = onnx.load(src)
    g = model.graph
    inits = {t.name: t for t in g.initializer}
    used_elsewhere = {}
    for n in g.node:
        for i, name in enumerate(n.input):
            used_elsewhere.setdefault(name, []).append((n, i))

    new_nodes, new_inits, drop = [], [], set()
    count = 0
    for n in g.node:
        w_name = n.input[1] if n.op_type == "MatMul" and len(n.input) == 2 else None
        w = inits.get(w_name) if w_name else None
        if w is None or len(w.dims) != 2:
            new_nodes.append(n)
            continue
        W = numpy_helper.to_array(w).astype(np.float32)
        scale = np.abs(W).max(axis=0) / 127.0
        scale[scale == 0] = 1.0
        Wq = np.clip(np.round(W / scale), -127, 127).astype(np.int8)
        p = f"{n.name or w_name}_q8_{count}"
        count += 1
        new_inits += [
            numpy_helper.from_array(Wq, f"{p}_W"),
            numpy_helper.from_array(np.array(0, dtype=np.int8), f"{p}_Wzp"),
            numpy_helper.from_array(scale.astype(np.float32), f"{p}_Wscale"),
        ]
        a = n.input[0]
        new_nodes += [
            helper.make_node("DynamicQuantizeLinear", [a], [f"{p}_Aq", f"{p}_As", f"{p}_Azp"], name=f"{p}_dql"),
            helper.make_node("MatMulInteger", [f"{p}_Aq", f"{p}_W", f"{p}_Azp", f"{p}_Wzp"], [f"{p}_Y32"],
                             name=f"{p}_mmi"),
            helper.make_node("Cast", [f"{p}_Y32"], [f"{p}_Yf"], to=TensorProto.FLOAT, name=f"{p}_cast"),
            helper.make_node("Mul", [f"{p}_As", f"{p}_Wscale"], [f"{p}_S"], name=f"{p}_scale"),
            helper.make_node("Mul", [f"{p}_Yf", f"{p}_S"], [n.output[0]], name=f"{p}_mul"),
        ]
        if all(user is n for user, _ in used_elsewhere.get(w_name, [])):
            drop.add(w_name)

    del g.node[:]
    g.node.extend(new_nodes)
    kept = [t for t in g.initializer if t.name not in drop]
    del g.initializer[:]
    g.initializer.extend(kept + new_inits)
    onnx.checker.check_model(model)
    onnx.save(model, dst)
    return count


if __name__ == "__main__":
    n = quantize(sys.argv[1], sys.argv[2])
    print(f"quantized {n} MatMuls: {sys.argv[2]}")

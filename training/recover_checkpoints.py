"""Write out/policy.pt and out/value.pt from the shipped ONNX graphs (training/out is not kept).

The checkpoints let `train.py --init` fine-tune the shipped pair instead of training from scratch
(the 5-number fine-tune: from scratch is hours on a 2-core CPU without bfloat16 support).
The policy's output MatMul multiplies by the tied token embeddings (no bias), so it is skipped;
every other Linear is matched to its module through the bias Add after it, as in
reexport_value_cached.py. Each recovered model is checked against its graph's logits / value on
one trace run by onnxruntime-node (`ort_outputs.mjs`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Dict

import numpy as np
import onnx
import torch
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from model import GPT, encode  # noqa: E402
from reexport_value_cached import _strip  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, ".."))
OUT = os.path.join(HERE, "out")
N_HEAD = 4
TOL = 1e-4


def recover(onnx_path: str) -> Dict[str, torch.Tensor]:
    g = onnx.load(onnx_path).graph
    inits = {t.name: numpy_helper.to_array(t) for t in g.initializer}
    consumers: Dict[str, list] = {}
    for n in g.node:
        for x in n.input:
            consumers.setdefault(x, []).append(n)
    sd: Dict[str, torch.Tensor] = {}
    used = set()
    for n in g.node:
        if n.op_type != "MatMul" or n.input[1] not in inits or inits[n.input[1]].ndim != 2:
            continue
        adds = [c for c in consumers.get(n.output[0], []) if c.op_type == "Add"]
        biases = [x for c in adds for x in c.input if x in inits and _strip(x).endswith(".bias")]
        if len(biases) == 0:  # the tied output head: wte transposed
            used.add(n.input[1])
            continue
        if len(biases) != 1:
            raise ValueError(f"MatMul {n.name}: {biases}")
        module = _strip(biases[0])[: -len(".bias")]
        sd[module + ".weight"] = torch.from_numpy(inits[n.input[1]].T.copy())
        used.add(n.input[1])
    for name, arr in inits.items():
        key = _strip(name)
        if name not in used and key.endswith((".weight", ".bias")):
            sd[key] = torch.from_numpy(arr.copy())
    return sd


def build(sd: Dict[str, torch.Tensor], head: str) -> GPT:
    n_layer = len({k.split(".")[1] for k in sd if k.startswith("h.")})
    vocab, d = sd["wte.weight"].shape
    m = GPT(n_layer, N_HEAD, d, head=head, vocab_size=vocab, n_positions=sd["wpe.weight"].shape[0])
    want = m.state_dict()
    sd = {k: v for k, v in sd.items() if k in want or not k.startswith("lm_head")}
    m.load_state_dict(sd, strict=True)
    m.eval()
    return m


def check(m: GPT, onnx_path: str) -> float:
    """Max |torch - graph| over every output of one trace (the graph run by onnxruntime-node)."""
    ids = encode("1 5 1 9 2 -> 100\n9+1=10 (left: 1 2 5 10)\n10*5=50 (left: 1 2 50)\n")
    res = subprocess.run(["node", os.path.join(HERE, "ort_outputs.mjs"), onnx_path, json.dumps(ids)],
                         check=True, capture_output=True, text=True, cwd=ROOT)
    graph = np.array(json.loads(res.stdout)["data"], dtype=np.float32)
    with torch.no_grad():
        mine = m.forward_train(torch.tensor([ids])).float().numpy().reshape(-1)
    return float(np.abs(graph - mine).max())


def main() -> None:
    os.makedirs(OUT, exist_ok=True)
    for kind, head in (("policy", "lm"), ("value", "value")):
        path = os.path.join(ROOT, "public", "models", f"countdown-{kind}", "onnx", "model.onnx")
        m = build(recover(path), head)
        torch.save({"cfg": m.cfg, "model": m.state_dict()}, os.path.join(OUT, f"{kind}_shipped.pt"))
        diff = check(m, path)
        print(f"{kind}: recovered, max |torch - onnx| = {diff:.2e}")
        if diff > TOL:
            raise SystemExit(f"{kind}: the recovered model differs from its graph")


if __name__ == "__main__":
    main()

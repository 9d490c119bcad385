"""Write out/policy.pt and out/value.pt from the shipped ONNX graphs (training/out is not kept).

The checkpoints let `train.py --init` fine-tune the shipped pair instead of training from scratch
(the 5-number fine-tune: from scratch is hours on a 2-core CPU without bfloat16 support).
The policy's output MatMul multiplies by the tied token embeddings (no bias), so it is skipped;
every other Linear is matched to its module through the bias Add after it
(reexport_value_cached.recover_state_dict). Each recovered model is checked against its graph's logits / value on
one trace run by onnxruntime-node (`ort_outputs.mjs`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Dict

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from model import GPT, encode  # noqa: E402
from reexport_value_cached import recover_state_dict  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, ".."))
OUT = os.path.join(HERE, "out")
N_HEAD = 4
TOL = 1e-4


def build(sd: Dict[str, torch.Tensor], head: str) -> GPT:
    n_layer = len({k.split(".")[1] for k in sd if k.startswith("h.")})
    vocab, d = sd["wte.weight"].shape
    m = GPT(n_layer, N_HEAD, d, head=head, vocab_size=vocab, n_positions=sd["wpe.weight"].shape[0])
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
        m = build(recover_state_dict(path, tied_head=True), head)
        torch.save({"cfg": m.cfg, "model": m.state_dict()}, os.path.join(OUT, f"{kind}_shipped.pt"))
        diff = check(m, path)
        print(f"{kind}: recovered, max |torch - onnx| = {diff:.2e}")
        if diff > TOL:
            raise SystemExit(f"{kind}: the recovered model differs from its graph")


if __name__ == "__main__":
    main()

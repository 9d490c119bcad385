"""Re-export the shipped value model as a key/value-cache graph, without retraining.

The trained checkpoint is not kept (training/out is not in git), so the weights come from the
shipped fp32 graph `public/models/countdown-value/onnx/model.onnx`:

 1. recover: its initializers -> the state_dict of `GPT(..., head="value")` (model.py). torch kept
    the names of embeddings, LayerNorms and biases; the Linear weights were renamed by constant
    folding (`onnx::MatMul_NNN`) and are stored as MatMul's right operand, [in, out], i.e. the
    transpose of nn.Linear's weight. Each is matched to its module through the bias Add that
    consumes the MatMul's output (`<module>.bias`), and its shape is checked.
 2. verify: the recovered model's `forward_value_padded` against the source graph run by
    onnxruntime-node (`onnx_value_eval.mjs`; there is no Python onnxruntime here) on --traces varied
    traces (solutions and their prefixes, good / wrong-step / random traces, lines cut mid-way,
    steps with wrong arithmetic), one row at a time and in left-padded batches: max |diff| < 1e-4.
    The source fp32 and q8 graphs' outputs are saved as the reference of check_value_cache.mjs
    (training/out/value_cache_reference.json by default) BEFORE anything is replaced.
 3. export: `export_value_cached` (export_onnx.py) + config.json / tokenizer files as
    export_onnx.py writes them, then `quantize.py` for onnx/model_quantized.onnx.
 4. verify the new fp32 graph (value logit at the last token) against torch; report q8 against
    the old q8 graph.

It can be rerun: the source may be either layout (value-only or cached), the recovery and the
checks are the same. Then run `node training/check_value_cache.mjs` (transformers.js checks) and
`python3 training/make_cards.py --only countdown-value`.

  /usr/bin/python3 training/reexport_value_cached.py [--dry-run]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from typing import Dict, List

import numpy as np
import onnx
import torch
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
sys.path.insert(0, HERE)
from countdown import canon, prompt_line, reachable, solutions  # noqa: E402
from export_onnx import export_value_cached, write_common  # noqa: E402
from gen_data import trace  # noqa: E402
from model import GPT, N_POSITIONS, encode  # noqa: E402
from quantize import quantize  # noqa: E402

FOLDER = os.path.join(ROOT, "public", "models", "countdown-value")
OUT = os.path.join(HERE, "out")
TOL = 1e-4


# ---- 1. recovery -------------------------------------------------------------------------------

def _strip(name: str) -> str:
    while name.startswith("m."):  # the export wrappers hold the model as .m
        name = name[2:]
    return name


def recover_state_dict(onnx_path: str, tied_head: bool = False) -> Dict[str, torch.Tensor]:
    """tied_head: skip a MatMul with no bias after it (the policy's output head, wte transposed)."""
    g = onnx.load(onnx_path).graph
    inits = {t.name: numpy_helper.to_array(t) for t in g.initializer}
    consumers: Dict[str, list] = {}
    for n in g.node:
        for x in n.input:
            consumers.setdefault(x, []).append(n)
    sd: Dict[str, torch.Tensor] = {}
    matmul_weights = set()
    for n in g.node:  # Linear = MatMul(x, W[in, out]) -> Add(bias, .) ; bias keeps its torch name
        if n.op_type != "MatMul" or n.input[1] not in inits or inits[n.input[1]].ndim != 2:
            continue
        adds = [c for c in consumers.get(n.output[0], []) if c.op_type == "Add"]
        biases = [x for c in adds for x in c.input if x in inits and _strip(x).endswith(".bias")]
        if tied_head and not biases:
            matmul_weights.add(n.input[1])
            continue
        if len(biases) != 1:
            raise ValueError(f"MatMul {n.name}: no unique bias Add after it ({biases})")
        module = _strip(biases[0])[: -len(".bias")]
        if module + ".weight" in sd:
            raise ValueError(f"two MatMuls map to {module}")
        sd[module + ".weight"] = torch.from_numpy(inits[n.input[1]].T.copy())
        matmul_weights.add(n.input[1])
    for name, arr in inits.items():
        if name in matmul_weights:
            continue
        key = _strip(name)
        if key.endswith((".weight", ".bias")):  # named parameters torch kept
            sd[key] = torch.from_numpy(arr.copy())
    return sd


def recover_value_model(onnx_path: str, n_head: int) -> GPT:
    sd = recover_state_dict(onnx_path)
    n_layer = len({k.split(".")[1] for k in sd if k.startswith("h.")})
    vocab, d = sd["wte.weight"].shape
    m = GPT(n_layer, n_head, d, head="value", vocab_size=vocab, n_positions=sd["wpe.weight"].shape[0])
    want = m.state_dict()
    missing, extra = set(want) - set(sd), set(sd) - set(want)
    if missing or extra:
        raise ValueError(f"state_dict mismatch: missing {sorted(missing)}, unexpected {sorted(extra)}")
    for k, v in want.items():
        if tuple(v.shape) != tuple(sd[k].shape):
            raise ValueError(f"{k}: shape {tuple(sd[k].shape)} != {tuple(v.shape)}")
    m.load_state_dict(sd, strict=True)
    m.eval()
    return m


# ---- traces ------------------------------------------------------------------------------------

def random_root(rng: random.Random):
    k = 4 if rng.random() < 0.8 else 3
    nums = canon(rng.randint(1, 13) for _ in range(k))
    t = 24 if rng.random() < 0.5 else rng.randint(1, 100)
    return nums, t


def make_traces(seed: int, n: int) -> List[dict]:
    """Varied value-model inputs: {text, kind}. Most end with a newline (what the model scores)."""
    rng = random.Random(seed)
    out, seen = [], set()

    def add(text: str, kind: str):
        if text and len(text) <= N_POSITIONS and text not in seen:
            seen.add(text)
            out.append({"text": text, "kind": kind})

    while len(out) < n:
        r = rng.random()
        nums, t = random_root(rng)
        if r < 0.25:  # a solution and one of its prefixes
            if not reachable(nums, t):
                continue
            sols = solutions(nums, t)
            s = rng.choice(sols)
            add(prompt_line(nums, t) + "".join(s), "solution")
            add(prompt_line(nums, t) + "".join(s[: rng.randrange(len(s))]), "solution_prefix")
        elif r < 0.75:  # generated like the training data (good / one wrong step / random)
            mode = rng.choice(["good", "wrong", "random"])
            if mode != "random" and not reachable(nums, t):
                continue
            lines, _, _ = trace(rng, nums, t, mode)
            add("".join(lines[: rng.randint(1, len(lines))]), mode)
        elif r < 0.88:  # cut mid-line (not a scored position in training, still a valid input)
            lines, _, _ = trace(rng, nums, t, "random")
            text = "".join(lines)
            add(text[: rng.randint(len(lines[0]) + 1, len(text) - 1)], "mid_line")
        else:  # a step with wrong arithmetic or a wrong "left" list
            lines, _, _ = trace(rng, nums, t, "random")
            k = rng.randint(1, len(lines) - 1)
            line = lines[k]
            eq = line.index("=")
            sp = line.index(" ")
            wrong = line[: eq + 1] + str(rng.randint(1, 200)) + line[sp:]
            add("".join(lines[:k]) + wrong, "wrong_arithmetic")
    rng.shuffle(out)
    return out[:n]


def make_pairs(traces: List[dict], seed: int, n: int) -> List[dict]:
    """(parent, child) pairs for the cached-continuation check: child = parent + 1..3 lines or a
    partial line; the parent always ends with a newline."""
    rng = random.Random(seed + 1)
    pairs = []
    for tr in traces:
        lines = tr["text"].splitlines(keepends=True)
        if len(lines) < 2 or not lines[-1].endswith("\n"):
            continue
        k = rng.randint(1, len(lines) - 1)
        pairs.append({"parent": "".join(lines[:k]), "child": tr["text"]})
        if len(pairs) >= n:
            break
    return pairs


def groups_of(ids: List[List[int]], size: int) -> List[List[List[int]]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]


# ---- running graphs ----------------------------------------------------------------------------

def run_graph(path: str, groups) -> List[List[float]]:
    with tempfile.TemporaryDirectory() as tmp:
        rows, out = os.path.join(tmp, "rows.json"), os.path.join(tmp, "out.json")
        with open(rows, "w") as f:
            json.dump({"groups": groups}, f)
        subprocess.run(["node", os.path.join(HERE, "onnx_value_eval.mjs"), path, rows, out], check=True, cwd=ROOT)
        with open(out) as f:
            res = json.load(f)
    return res["logits"]


@torch.no_grad()
def torch_values(m: GPT, groups) -> List[List[float]]:
    res = []
    for rows in groups:
        T = max(len(r) for r in rows)
        ids = torch.zeros(len(rows), T, dtype=torch.long)
        mask = torch.zeros(len(rows), T, dtype=torch.long)
        for i, r in enumerate(rows):
            ids[i, T - len(r):] = torch.tensor(r)
            mask[i, T - len(r):] = 1
        res.append(m.forward_value_padded(ids, mask)[:, 0].tolist())
    return res


def max_diff(a, b) -> float:
    return float(np.max(np.abs(np.array(sum(a, []), dtype=np.float64) - np.array(sum(b, []), dtype=np.float64))))


def sha256(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folder", default=FOLDER)
    ap.add_argument("--traces", type=int, default=240)
    ap.add_argument("--batch", type=int, default=8, help="rows per left-padded batch in the checks")
    ap.add_argument("--seed", type=int, default=2027)
    ap.add_argument("--reference", default=os.path.join(OUT, "value_cache_reference.json"),
                    help="where to save the source graphs' outputs (the reference of check_value_cache.mjs)")
    ap.add_argument("--dry-run", action="store_true", help="recover and verify only; replace nothing")
    args = ap.parse_args()
    torch.set_num_threads(2)

    src = os.path.join(args.folder, "onnx", "model.onnx")
    src_q = os.path.join(args.folder, "onnx", "model_quantized.onnx")
    with open(os.path.join(args.folder, "config.json")) as f:
        n_head = json.load(f)["n_head"]
    src_inputs = [i.name for i in onnx.load(src).graph.input]
    layout = "cached" if "position_ids" in src_inputs else "value_only"

    # 1. recover
    m = recover_value_model(src, n_head)
    print(f"recovered {m.num_params():,} parameters from {os.path.relpath(src, ROOT)} ({layout} layout): "
          f"{m.n_layer} layers, d {m.n_embd}, {m.n_head} heads")

    # 2. verify against the source graph, one row at a time and in left-padded batches
    traces = make_traces(args.seed, args.traces)
    pairs = make_pairs(traces, args.seed, 60)
    ids = [encode(t["text"]) for t in traces]
    single, batched = groups_of(ids, 1), groups_of(ids, args.batch)
    old = {"fp32_single": run_graph(src, single), "fp32_batched": run_graph(src, batched),
           "q8_single": run_graph(src_q, single), "q8_batched": run_graph(src_q, batched)}
    mine = {"single": torch_values(m, single), "batched": torch_values(m, batched)}
    d1, d2 = max_diff(mine["single"], old["fp32_single"]), max_diff(mine["batched"], old["fp32_batched"])
    kinds = sorted({t["kind"] for t in traces})
    print(f"recovery check on {len(traces)} traces ({', '.join(kinds)}; lengths "
          f"{min(map(len, ids))}..{max(map(len, ids))}): max |torch - source graph| = {d1:.2e} single, "
          f"{d2:.2e} in batches of {args.batch}")
    if not (d1 < TOL and d2 < TOL):
        sys.exit(f"recovery FAILED: max diff {max(d1, d2):.2e} >= {TOL}")

    os.makedirs(os.path.dirname(os.path.abspath(args.reference)), exist_ok=True)
    ref = {"source": {"model.onnx": sha256(src), "model_quantized.onnx": sha256(src_q), "layout": layout,
                      "inputs": src_inputs},
           "batch": args.batch, "traces": traces, "ids": ids, "pairs": pairs,
           "old": {k: sum(v, []) for k, v in old.items()},
           "torch": {k: sum(v, []) for k, v in mine.items()},
           "recovery_max_abs_diff": max(d1, d2)}
    with open(args.reference, "w") as f:
        json.dump(ref, f)
    print(f"saved the source graphs' outputs: {os.path.relpath(args.reference, ROOT)}")
    if args.dry_run:
        return

    # 3. export into a temporary folder, then swap the onnx/ files and config.json in
    with tempfile.TemporaryDirectory() as tmp:
        write_common(tmp, m, "value")
        path = export_value_cached(m, tmp)
        qpath = os.path.join(tmp, "onnx", "model_quantized.onnx")
        n_q = quantize(path, qpath)
        # 4. verify the new graphs before they replace the old ones
        new32 = {"single": run_graph(path, single), "batched": run_graph(path, batched)}
        new8 = {"single": run_graph(qpath, single), "batched": run_graph(qpath, batched)}
        e1, e2 = max_diff(new32["single"], mine["single"]), max_diff(new32["batched"], mine["batched"])
        e3 = max(max_diff(new32["single"], old["fp32_single"]), max_diff(new32["batched"], old["fp32_batched"]))
        q1 = max(max_diff(new8["single"], old["q8_single"]), max_diff(new8["batched"], old["q8_batched"]))
        q2 = max(max_diff(new8["single"], old["fp32_single"]), max_diff(new8["batched"], old["fp32_batched"]))
        print(f"new fp32 graph, logit at the last token: max |new - torch| = {max(e1, e2):.2e}, "
              f"|new - old graph| = {e3:.2e}")
        print(f"new q8 graph ({n_q} MatMuls): max |new q8 - old q8| = {q1:.2e}, |new q8 - old fp32| = {q2:.2e}")
        if not (e1 < TOL and e2 < TOL and e3 < TOL):
            sys.exit("new fp32 graph disagrees: nothing replaced")
        onnx_dir = os.path.join(args.folder, "onnx")
        for name in ("model.onnx", "model_quantized.onnx"):
            shutil.copyfile(os.path.join(tmp, "onnx", name), os.path.join(onnx_dir, name))
        for name in ("config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json"):
            shutil.copyfile(os.path.join(tmp, name), os.path.join(args.folder, name))

    sizes_path = os.path.join(OUT, "export_sizes.json")
    sizes = {}
    if os.path.exists(sizes_path):
        with open(sizes_path) as f:
            sizes = json.load(f)
    sizes["countdown-value"] = {"model.onnx": os.path.getsize(os.path.join(onnx_dir, "model.onnx")),
                                "model_quantized.onnx": os.path.getsize(os.path.join(onnx_dir, "model_quantized.onnx")),
                                "quantized_matmuls": n_q, "params": m.num_params()}
    os.makedirs(OUT, exist_ok=True)
    with open(sizes_path, "w") as f:
        json.dump(sizes, f, indent=1)
    # the model card's note (make_cards.py): these graphs come from recovered weights, not a training run
    figures_path = os.path.join(HERE, "card_figures.json")
    figures = {}
    if os.path.exists(figures_path):
        with open(figures_path) as f:
            figures = json.load(f)
    figures.setdefault("countdown-value", {})["reexport"] = {
        "recovery_max_abs_diff": float(f"{max(d1, d2):.1e}"), "traces": len(traces),
        "source_layout": layout, "source_sha256": ref["source"]["model.onnx"]}
    with open(figures_path, "w") as f:
        json.dump(figures, f, indent=1, sort_keys=True)
        f.write("\n")
    s = sizes["countdown-value"]
    print(f"replaced {os.path.relpath(onnx_dir, ROOT)}: fp32 {s['model.onnx']:,} bytes, "
          f"q8 {s['model_quantized.onnx']:,} bytes")


if __name__ == "__main__":
    main()

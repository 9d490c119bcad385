"""Model-card figures: policy step validity and solve rates, value accuracy / AUC by depth.

Policy (on the validation puzzle sets and, for reporting only, the held-out files):
  valid_share       share of sampled step lines (temperature 1) that parse and verify, over 8
                    independent sampled chains per puzzle (on-policy states)
  good_share        share of sampled steps in a reachable state that keep the target reachable
  chain_solve       mean solve rate of those sampled chains (one sample per step)
  greedy_solve      one greedy step at a time until one number is left
  any8_solve        at each state sample 8 steps; continue from a good one if any; solved at target
  root_distinct_good  distinct good steps among the 8 root samples (diversity of the prior)
Value: accuracy (threshold 0.5) and ROC AUC of sigmoid(logit) against the solver, by the number of
numbers left in the state (4 = root of a 4-number puzzle ... 1 = final number).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from countdown import canon, check_step, prompt_line, reachable  # noqa: E402
from gen_data import Roots, heldout_keys, pack_value  # noqa: E402
from model import encode, load_checkpoint  # noqa: E402
from sampler import generate_lines  # noqa: E402

OUT = os.path.join(HERE, "out")


def run_chains(policy, puzzles, n_chains, greedy, gen):
    """Independent chains; returns per-puzzle solve flags and step statistics."""
    rows = [(i, canon(p["numbers"]), int(p["target"])) for i, p in enumerate(puzzles) for _ in range(n_chains)]
    texts = [prompt_line(s, t) for _, s, t in rows]
    states = [s for _, s, _ in rows]
    alive = list(range(len(rows)))
    n_steps = n_valid = n_good = n_reach = 0
    solved = [False] * len(rows)
    while alive:
        lines = generate_lines(policy, [encode(texts[r]) for r in alive], greedy=greedy, gen=gen)
        nxt_alive = []
        for r, line in zip(alive, lines):
            t = rows[r][2]
            was_reachable = reachable(states[r], t)
            nxt = check_step(states[r], line)
            n_steps += 1
            if nxt is None:
                continue
            n_valid += 1
            if was_reachable:
                n_reach += 1
                n_good += reachable(nxt, t)
            texts[r] += line
            states[r] = nxt
            if len(nxt) == 1:
                solved[r] = nxt[0] == t
            else:
                nxt_alive.append(r)
        alive = nxt_alive
    per_puzzle = np.array(solved, dtype=float).reshape(len(puzzles), n_chains)
    return per_puzzle, dict(steps=n_steps, valid=n_valid, good=n_good, in_reachable=n_reach)


def run_any8(policy, puzzles, k, gen):
    """At each state sample k steps; follow the first good one. Also root diversity."""
    cur = [(canon(p["numbers"]), int(p["target"]), prompt_line(p["numbers"], p["target"])) for p in puzzles]
    alive = list(range(len(puzzles)))
    solved = [False] * len(puzzles)
    distinct_root, good_root_avail = [], []
    depth = 0
    while alive:
        prefixes = [encode(cur[i][2]) for i in alive for _ in range(k)]
        lines = generate_lines(policy, prefixes, greedy=False, gen=gen)
        nxt_alive = []
        for j, i in enumerate(alive):
            state, t, text = cur[i]
            goods = {}
            for line in lines[j * k:(j + 1) * k]:
                nxt = check_step(state, line)
                if nxt is not None and reachable(nxt, t):
                    goods.setdefault(line, nxt)
            if depth == 0:
                from gen_data import split_steps
                distinct_root.append(len(goods))
                good_root_avail.append(len(split_steps(state, t)[0]))
            if not goods:
                continue
            line, nxt = next(iter(goods.items()))
            cur[i] = (nxt, t, text + line)
            if len(nxt) == 1:
                solved[i] = nxt[0] == t
            else:
                nxt_alive.append(i)
        alive = nxt_alive
        depth += 1
    return np.array(solved, dtype=float), np.array(distinct_root), np.array(good_root_avail)


def eval_policy(policy, sets, seed):
    gen = torch.Generator().manual_seed(seed)
    res = {}
    for name, puzzles in sets.items():
        t0 = time.time()
        chains, st = run_chains(policy, puzzles, 8, False, gen)
        greedy, gst = run_chains(policy, puzzles, 1, True, gen)
        any8, distinct, avail = run_any8(policy, puzzles, 8, gen)
        res[name] = dict(
            puzzles=len(puzzles),
            valid_share=round(st["valid"] / st["steps"], 4),
            good_share=round(st["good"] / max(1, st["in_reachable"]), 4),
            sampled_steps=st["steps"],
            chain_solve=round(float(chains.mean()), 4),
            chain_any_of_8=round(float(chains.max(1).mean()), 4),
            greedy_solve=round(float(greedy.mean()), 4),
            greedy_valid_share=round(gst["valid"] / gst["steps"], 4),
            any8_solve=round(float(any8.mean()), 4),
            root_distinct_good=round(float(distinct.mean()), 2),
            root_good_available=round(float(avail.mean()), 2),
        )
        print(name, res[name], f"({time.time() - t0:.0f}s)", flush=True)
    return res


def auc(scores, labels):
    pos, neg = scores[labels == 1], scores[labels == 0]
    if len(pos) == 0 or len(neg) == 0:
        return None
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    ranks = np.empty(len(order))
    ranks[order] = np.arange(1, len(order) + 1)
    allv = np.concatenate([pos, neg])
    # average ranks over ties
    _, inv, counts = np.unique(allv, return_inverse=True, return_counts=True)
    sums = np.bincount(inv, weights=ranks)
    ranks = (sums / counts)[inv]
    return float((ranks[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


@torch.no_grad()
def value_scores(value, toks, label, depth):
    zs, ls, ds = [], [], []
    lengths = (toks > 0).sum(1)
    for s in range(0, len(toks), 512):
        T = int(lengths[s:s + 512].max())
        x = torch.from_numpy(toks[s:s + 512, :T].astype(np.int64))
        z = value.forward_train(x).numpy()
        m = label[s:s + 512, :T] >= 0
        zs.append(z[m])
        ls.append(label[s:s + 512, :T][m])
        ds.append(depth[s:s + 512, :T][m])
    return np.concatenate(zs), np.concatenate(ls), np.concatenate(ds)


def value_report(z, lab, dep):
    out = {}
    for d in ["all", 4, 3, 2, 1]:
        m = np.ones_like(lab, dtype=bool) if d == "all" else dep == d
        if m.sum() == 0:
            continue
        pred = (z[m] > 0).astype(int)
        out[str(d)] = dict(n=int(m.sum()), positive=round(float(lab[m].mean()), 3),
                           accuracy=round(float((pred == lab[m]).mean()), 4),
                           auc=None if auc(z[m], lab[m]) is None else round(auc(z[m], lab[m]), 4))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--policy", default=os.path.join(OUT, "policy.pt"))
    ap.add_argument("--value", default=os.path.join(OUT, "value.pt"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--limit", type=int, default=0, help="puzzles per set (0 = all), for smoke runs")
    ap.add_argument("--skip", default="", help="comma list: policy,value")
    args = ap.parse_args()
    torch.set_num_threads(2)
    with open(os.path.join(OUT, "eval_puzzles.json")) as f:
        sets = json.load(f)
    if args.limit:
        sets = {k: v[:args.limit] for k, v in sets.items()}
    metrics = {}
    if "policy" not in args.skip:
        policy = load_checkpoint(args.policy)
        metrics["policy"] = eval_policy(policy, sets, args.seed)
    if "value" not in args.skip:
        value = load_checkpoint(args.value)
        d = np.load(os.path.join(OUT, "value_val.npz"))
        metrics["value"] = {"validation": value_report(*value_scores(value, d["tokens"], d["label"], d["depth"]))}
        heldout, _, _ = heldout_keys()

        keys = sorted(heldout)

        class HeldoutRoots(Roots):  # states of traces from the held-out roots (reporting only)
            def sample(self, rng, solvable, **kw):
                return rng.choice(keys)

        rng = random.Random(args.seed)
        toks, label, depth = pack_value(rng, HeldoutRoots(heldout, "x"), 3000 if not args.limit else 200)
        metrics["value"]["heldout_roots"] = value_report(*value_scores(value, toks, label, depth))
        print("value", json.dumps(metrics["value"]), flush=True)
    path = os.path.join(OUT, "metrics.json")
    old = {}
    if os.path.exists(path):
        with open(path) as f:
            old = json.load(f)
    old.update(metrics)
    with open(path, "w") as f:
        json.dump(old, f, indent=1)


if __name__ == "__main__":
    main()

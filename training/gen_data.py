"""Training and validation data from the exhaustive solver.

Writes into training/out/:
  policy_train.npz  tokens [N, 128] (right padded), loss [N, 128] (1 where the token is a loss target)
  value_train.npz   tokens [N, 128], label [N, 128] (-1 none, 0/1 at each newline: reachable after it)
  value_val.npz     the same for validation puzzles (model-card figures), plus depth [N, 128]
  eval_puzzles.json the validation puzzle sets used by evaluate.py (and the held-out ones)

Held out as roots (never trained on): benchmarks/countdown-100.jsonl, benchmarks/countdown5-100.jsonl
and the ToT Game of 24 test puzzles 901-1000. A deterministic hash of (sorted numbers, target)
sends 1/16 of all other puzzles to validation.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from functools import lru_cache
from typing import List, Optional, Tuple

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from countdown import State, canon, prompt_line, reachable, step_line, steps, values  # noqa: E402
from model import N_POSITIONS, encode  # noqa: E402

OUT = os.path.join(HERE, "out")
TOT_FILE = "/work/shared/benchmarks/game24/tot-test-901-1000.jsonl"
CD_FILE = os.path.join(HERE, "..", "benchmarks", "countdown-100.jsonl")
CD5_FILE = os.path.join(HERE, "..", "benchmarks", "countdown5-100.jsonl")
TOT_FALLBACK = os.path.join(HERE, "..", "benchmarks", "tot-test-901-1000.jsonl")

# The defaults are finetune-five.sh's mix; train-all.sh's first stage passes 0 / 0.85 / 0.5.
P_FIVE = 0.30    # share of 5-number roots (the app offers 3 to 5 numbers)
P_FOUR = 0.60    # share of 4-number roots (the rest, 0.10, 3 numbers)
P_TARGET24 = 0.4  # share of target 24 (the rest uniform 1..100, which may also give 24)


def load_jsonl(path: str):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def heldout_keys():
    tot_path = TOT_FILE if os.path.exists(TOT_FILE) else TOT_FALLBACK
    tot = load_jsonl(tot_path)
    cd = load_jsonl(CD_FILE)
    cd5 = load_jsonl(CD5_FILE)
    return {(canon(p["numbers"]), int(p["target"])) for p in tot + cd + cd5}, tot, cd, cd5


def is_val(key: Tuple[State, int]) -> bool:
    s = " ".join(map(str, key[0])) + "|" + str(key[1])
    return hashlib.md5(s.encode()).digest()[0] % 16 == 0


@lru_cache(maxsize=None)
def split_steps(state: State, target: int):
    good, bad = [], []
    for text, nxt in steps(state):
        (good if target in values(nxt) else bad).append((text, nxt))
    return tuple(good), tuple(bad)


class Roots:
    def __init__(self, heldout, split: str):
        self.heldout, self.split = heldout, split

    def ok(self, key) -> bool:
        return key not in self.heldout and is_val(key) == (self.split == "val")

    mix = dict(p_five=P_FIVE, p_four=P_FOUR, p24=P_TARGET24)  # main() sets it from the flags

    def sample(self, rng: random.Random, solvable: Optional[bool], p_four=None, p24=None, p_five=None):
        """solvable: True / False / None (any). Shares left out come from Roots.mix."""
        p_four = self.mix["p_four"] if p_four is None else p_four
        p24 = self.mix["p24"] if p24 is None else p24
        p_five = self.mix["p_five"] if p_five is None else p_five
        while True:
            u = rng.random()
            k = 5 if u < p_five else 4 if u < p_five + p_four else 3
            nums = canon(rng.randint(1, 13) for _ in range(k))
            t = 24 if rng.random() < p24 else rng.randint(1, 100)
            key = (nums, t)
            if not self.ok(key):
                continue
            if solvable is not None and reachable(nums, t) != solvable:
                continue
            return nums, t


def trace(rng: random.Random, root: State, target: int, mode: str):
    """Returns (lines, states_after_each_line, skip_line_index or -1).

    mode 'good': a uniformly random good step at every state (the puzzle must be solvable).
    mode 'wrong': good steps, then one valid-but-wrong step at a random depth, then uniformly
      random valid steps. The index of the wrong line is returned (no policy loss on it).
    mode 'random': uniformly random valid steps.
    """
    lines = [prompt_line(root, target)]
    states = [root]
    state = root
    wrong_at = rng.randrange(len(root) - 1) if mode == "wrong" else -1
    skip = -1
    depth = 0
    off_track = mode == "random"
    while len(state) > 1:
        good, bad = split_steps(state, target)
        if off_track:
            text, nxt = rng.choice(good + bad)
        elif depth >= wrong_at >= 0 and bad:
            text, nxt = rng.choice(bad)
            skip = len(lines)
            off_track = True
        elif good:
            text, nxt = rng.choice(good)
        else:  # only reachable when the root is unsolvable
            text, nxt = rng.choice(bad)
            off_track = True
        lines.append(step_line(text, nxt))
        states.append(nxt)
        state = nxt
        depth += 1
    return lines, states, skip


def fits(lines: List[str]) -> bool:
    return sum(len(line) for line in lines) <= N_POSITIONS


def pack_policy(rng, roots: Roots, n: int, p_wrong: float):
    toks = np.zeros((n, N_POSITIONS), np.uint8)
    loss = np.zeros((n, N_POSITIONS), np.uint8)
    for i in range(n):
        while True:  # 5-number traces with big products can pass the context; draw again
            root, t = roots.sample(rng, solvable=True)
            mode = "wrong" if rng.random() < p_wrong else "good"
            lines, _, skip = trace(rng, root, t, mode)
            if fits(lines):
                break
        pos = 0
        for j, line in enumerate(lines):
            ids = encode(line)
            toks[i, pos:pos + len(ids)] = ids
            if j > 0 and j != skip:
                loss[i, pos:pos + len(ids)] = 1
            pos += len(ids)
        assert pos <= N_POSITIONS
    return toks, loss


def value_example(rng, roots: Roots):
    """One value trace from a balanced mix: good, wrong, and random traces of random puzzles."""
    u = rng.random()
    if u < 0.35:
        root, t = roots.sample(rng, solvable=True)
        return trace(rng, root, t, "good"), t
    if u < 0.70:
        root, t = roots.sample(rng, solvable=True)
        return trace(rng, root, t, "wrong"), t
    root, t = roots.sample(rng, solvable=None)
    return trace(rng, root, t, "random"), t


def pack_value(rng, roots: Roots, n: int, outcome: bool = False):
    """Labels at each line: reachable after it (process), or with `outcome` the chain's final result
    at every line (an outcome reward model's labels: a step before a chain's mistake gets its 0)."""
    toks = np.zeros((n, N_POSITIONS), np.uint8)
    label = np.full((n, N_POSITIONS), -1, np.int8)
    depth = np.full((n, N_POSITIONS), -1, np.int8)  # numbers left in the state at each label
    for i in range(n):
        while True:
            (lines, states, _), t = value_example(rng, roots)
            if fits(lines):
                break
        pos = 0
        final = 1 if len(states[-1]) == 1 and states[-1][0] == t else 0
        for line, st in zip(lines, states):
            ids = encode(line)
            toks[i, pos:pos + len(ids)] = ids
            pos += len(ids)
            label[i, pos - 1] = final if outcome else (1 if t in values(st) else 0)
            depth[i, pos - 1] = len(st)
        assert pos <= N_POSITIONS
    return toks, label, depth


def eval_puzzles(rng, val_roots: Roots, tot, cd, cd5):
    from itertools import combinations_with_replacement as cwr
    g24 = [list(r) for r in cwr(range(1, 14), 4) if val_roots.ok((r, 24)) and reachable(r, 24)]
    cd_val, seen = [], set()
    while len(cd_val) < 100:
        nums = [rng.randint(1, 13) for _ in range(4)]
        t = rng.choice([x for x in range(1, 101) if x != 24])
        key = (canon(nums), t)
        if key in seen or not val_roots.ok(key) or not reachable(key[0], t):
            continue
        seen.add(key)
        cd_val.append({"numbers": nums, "target": t})
    three, seen = [], set()
    while len(three) < 50:
        nums, t = val_roots.sample(rng, solvable=True, p_four=0.0, p_five=0.0)
        if (nums, t) in seen:
            continue
        seen.add((nums, t))
        three.append({"numbers": list(nums), "target": t})
    five, seen = [], set()
    while len(five) < 50:
        nums, t = val_roots.sample(rng, solvable=True, p_four=0.0, p_five=1.0, p24=0.0)
        if (nums, t) in seen:
            continue
        seen.add((nums, t))
        five.append({"numbers": list(nums), "target": t})
    return {
        "val_game24": [{"numbers": r, "target": 24} for r in g24],
        "val_countdown": cd_val,
        "val_three": three,
        "val_five": five,
        "heldout_tot": [{"numbers": p["numbers"], "target": 24} for p in tot],
        "heldout_countdown": [{"numbers": p["numbers"], "target": p["target"]} for p in cd],
        "heldout_countdown5": [{"numbers": p["numbers"], "target": p["target"]} for p in cd5],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--policy", type=int, default=200000)
    ap.add_argument("--value", type=int, default=150000)
    ap.add_argument("--value-val", type=int, default=6000)
    ap.add_argument("--p-wrong", type=float, default=0.25)
    ap.add_argument("--p-five", type=float, default=P_FIVE, help="share of 5-number roots")
    ap.add_argument("--p-four", type=float, default=P_FOUR, help="share of 4-number roots")
    ap.add_argument("--p24", type=float, default=P_TARGET24, help="share of target 24")
    ap.add_argument("--orm-only", type=int, default=0,
                    help="write only orm_train.npz (this many traces) and orm_val.npz: the value traces "
                         "labelled by each chain's final result alone (an outcome reward model)")
    args = ap.parse_args()
    Roots.mix = dict(p_five=args.p_five, p_four=args.p_four, p24=args.p24)
    os.makedirs(OUT, exist_ok=True)
    t0 = time.time()
    heldout, tot, cd, cd5 = heldout_keys()
    train_roots, val_roots = Roots(heldout, "train"), Roots(heldout, "val")

    if args.orm_only:
        # Another seed than the value data's: the ORM sees other chains, labelled by outcome alone.
        rng = random.Random(args.seed + 10)
        toks, label, _ = pack_value(rng, train_roots, args.orm_only, outcome=True)
        np.savez_compressed(os.path.join(OUT, "orm_train.npz"), tokens=toks, label=label)
        lab = label[label >= 0]
        print(f"orm: {len(toks)} traces, {len(lab)} labels, {lab.mean():.3f} positive", flush=True)
        rng = random.Random(args.seed + 12)
        toks, label, depth = pack_value(rng, val_roots, args.value_val, outcome=True)
        np.savez_compressed(os.path.join(OUT, "orm_val.npz"), tokens=toks, label=label, depth=depth)
        return

    rng = random.Random(args.seed)
    toks, loss = pack_policy(rng, train_roots, args.policy, args.p_wrong)
    np.savez_compressed(os.path.join(OUT, "policy_train.npz"), tokens=toks, loss=loss)
    print(f"policy: {len(toks)} traces, {int((toks > 0).sum())} tokens, "
          f"{int(loss.sum())} loss tokens ({time.time() - t0:.0f}s)", flush=True)

    rng = random.Random(args.seed + 1)
    toks, label, _ = pack_value(rng, train_roots, args.value)
    np.savez_compressed(os.path.join(OUT, "value_train.npz"), tokens=toks, label=label)
    lab = label[label >= 0]
    print(f"value: {len(toks)} traces, {len(lab)} labels, {lab.mean():.3f} positive "
          f"({time.time() - t0:.0f}s)", flush=True)

    rng = random.Random(args.seed + 2)
    toks, label, depth = pack_value(rng, val_roots, args.value_val)
    np.savez_compressed(os.path.join(OUT, "value_val.npz"), tokens=toks, label=label, depth=depth)

    rng = random.Random(args.seed + 3)
    ev = eval_puzzles(rng, val_roots, tot, cd, cd5)
    with open(os.path.join(OUT, "eval_puzzles.json"), "w") as f:
        json.dump(ev, f)
    stats = {k: len(v) for k, v in ev.items()}
    stats.update(policy_traces=args.policy, value_traces=args.value, value_val_traces=args.value_val,
                 p_wrong=args.p_wrong, seed=args.seed, heldout_roots=len(heldout), **Roots.mix)
    with open(os.path.join(OUT, "data_stats.json"), "w") as f:
        json.dump(stats, f, indent=1)
    print("eval puzzles:", stats, f"({time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()

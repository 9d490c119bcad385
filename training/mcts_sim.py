"""A reference PUCT search in Python over the trained policy and value models (reporting only).

Not the playground's engine (that lives in src/core), but the same recipe: each simulation selects a
leaf by PUCT, expands it with k policy samples at temperature 1 (distinct valid steps become children,
prior = sample frequency), scores new non-terminal children with the value model, gives terminal
children the verifier's reward, and backs up the best new child's value. A puzzle counts as solved
when a verified solving step appears within the simulation budget.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from countdown import canon, check_step, prompt_line  # noqa: E402
from model import encode, left_pad, load_checkpoint  # noqa: E402
from sampler import generate_lines  # noqa: E402

OUT = os.path.join(HERE, "out")


class Node:
    __slots__ = ("state", "text", "prior", "n", "w", "children", "expanded", "terminal", "v0", "parent",
                 "counts", "samples", "expansions")

    def __init__(self, state, text, prior, parent):
        self.state, self.text, self.prior, self.parent = state, text, prior, parent
        self.n, self.w, self.children, self.expanded, self.terminal, self.v0 = 0, 0.0, [], False, False, 0.0
        self.counts, self.samples, self.expansions = {}, 0, 0


def q_est(ch: Node) -> float:
    return ch.w / ch.n if ch.n else ch.v0


def select(root: Node, c: float, widen: float = 0.0, max_expansions: int = 1) -> Node:
    """PUCT descent. With widen > 0, an expanded node whose children all look hopeless (best
    estimate below widen) is returned for another expansion, up to max_expansions in all."""
    node = root
    while node.expanded and node.children and not node.terminal:
        if widen > 0 and node.expansions < max_expansions and max(q_est(ch) for ch in node.children) < widen:
            return node
        sq = math.sqrt(node.n + 1)
        node = max(node.children, key=lambda ch: (ch.w / ch.n if ch.n else ch.v0) + c * ch.prior * sq / (1 + ch.n))
    return node


def backup(node: Node, v: float):
    while node is not None:
        node.n += 1
        node.w += v
        node = node.parent


@torch.no_grad()
def values_of(value, texts):
    out = []
    for s in range(0, len(texts), 512):
        ids, mask, _ = left_pad([encode(t) for t in texts[s:s + 512]])
        with torch.autocast("cpu", dtype=torch.bfloat16):
            z = value.forward_value_padded(ids, mask).float()[:, 0]
        out += torch.sigmoid(z).tolist()
    return out


def search(policy, value, puzzles, sims, k, c, gen, widen=0.0, max_expansions=1):
    roots = [Node(canon(p["numbers"]), prompt_line(p["numbers"], p["target"]), 1.0, None) for p in puzzles]
    targets = [int(p["target"]) for p in puzzles]
    solved_at = [0] * len(puzzles)
    for sim in range(1, sims + 1):
        active = [i for i in range(len(puzzles)) if not solved_at[i]]
        if not active:
            break
        leaves = []
        for i in active:
            leaf = select(roots[i], c, widen, max_expansions)
            if leaf.terminal or (leaf.expanded and leaf.expansions >= max_expansions):
                # terminal failure or dead end: back up its value
                backup(leaf, leaf.v0)
            else:
                leaves.append((i, leaf))
        if not leaves:
            continue
        lines = generate_lines(policy, [encode(leaf.text) for _, leaf in leaves for _ in range(k)], gen=gen)
        new_children = []
        for j, (i, leaf) in enumerate(leaves):
            leaf.expanded = True
            leaf.expansions += 1
            leaf.samples += k
            known = {ch.text: ch for ch in leaf.children}
            fresh = {}
            for line in lines[j * k:(j + 1) * k]:
                nxt = check_step(leaf.state, line)
                if nxt is None:
                    continue
                leaf.counts[line] = leaf.counts.get(line, 0) + 1
                if leaf.text + line not in known:
                    fresh[line] = nxt
            for ch in leaf.children:  # prior = share of all samples drawn at this node
                ch.prior = leaf.counts[ch.text[len(leaf.text):]] / leaf.samples
            for line, nxt in fresh.items():
                ch = Node(nxt, leaf.text + line, leaf.counts[line] / leaf.samples, leaf)
                if len(nxt) == 1:
                    ch.terminal = True
                    ch.v0 = 1.0 if nxt[0] == targets[i] else 0.0
                    if ch.v0 == 1.0:
                        solved_at[i] = sim
                else:
                    new_children.append(ch)
                leaf.children.append(ch)
        vals = values_of(value, [ch.text for ch in new_children]) if new_children else []
        for ch, v in zip(new_children, vals):
            ch.v0 = v
        for _, leaf in leaves:
            best = max((q_est(ch) for ch in leaf.children), default=0.0)
            leaf.v0 = best
            backup(leaf, best)
    search.roots = roots
    return solved_at


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--policy", default=os.path.join(OUT, "policy.pt"))
    ap.add_argument("--value", default=os.path.join(OUT, "value.pt"))
    ap.add_argument("--sims", type=int, default=64)
    ap.add_argument("--k", type=int, default=8)
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--widen", type=float, default=0.2,
                    help="re-expand a node whose children all score below this (0 = never)")
    ap.add_argument("--max-expansions", type=int, default=4)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--sets", default="heldout_tot,heldout_countdown,val_game24,val_countdown")
    args = ap.parse_args()
    torch.set_num_threads(2)
    policy, value = load_checkpoint(args.policy), load_checkpoint(args.value)
    with open(os.path.join(OUT, "eval_puzzles.json")) as f:
        sets = json.load(f)
    gen = torch.Generator().manual_seed(args.seed)
    res = {}
    for widen, tag in ((0.0, "one expansion per node"), (args.widen, f"re-expansion below {args.widen}")):
        if tag in res or (widen == 0.0 and tag != "one expansion per node"):
            continue
        res[tag] = {}
        for name in args.sets.split(","):
            puzzles = sets[name][:args.limit] if args.limit else sets[name]
            t0 = time.time()
            solved_at = search(policy, value, puzzles, args.sims, args.k, args.c, gen, widen,
                               args.max_expansions if widen > 0 else 1)
            ok = [s for s in solved_at if s]
            res[tag][name] = dict(puzzles=len(puzzles), solved=len(ok),
                                  mean_sims=sum(ok) / max(1, len(ok)), seconds=round(time.time() - t0))
            print(tag, name, res[tag][name], flush=True)
    desc = (f"PUCT (c = {args.c}), at most {args.sims} simulations, each expanding one leaf with "
            f"{args.k} policy samples at temperature 1 (duplicates merged, prior = sample share), value "
            "model on new non-terminal children, verifier reward on terminal ones, the best new child's "
            "value backed up; solved = a verified solving step found within the budget. 'one expansion "
            "per node': a node is expanded once. 're-expansion': a node whose children all score below "
            f"{args.widen} is expanded again with {args.k} fresh samples (at most {args.max_expansions} "
            "times), which recovers puzzles whose first samples hold no good step. 'mean simulations' "
            "counts the simulation in which the solution appeared (solved puzzles only).")
    path = os.path.join(OUT, "metrics.json")
    metrics = json.load(open(path)) if os.path.exists(path) else {}
    metrics["mcts"] = {"description": desc, "sets": res}
    with open(path, "w") as f:
        json.dump(metrics, f, indent=1)


if __name__ == "__main__":
    main()

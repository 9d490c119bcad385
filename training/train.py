"""Train the policy (next step line) or the value model (reachability at each newline).

  python3 train.py --kind policy --steps 1300 --layers 4 --d 128 --heads 4
  python3 train.py --kind value  --steps 900  --layers 4 --d 96  --heads 4

Policy: cross-entropy on step tokens only (never the prompt line, never a wrong step).
Value: binary cross-entropy at every newline against the solver's reachability label.
AdamW, linear warmup then cosine decay to 10% of the peak rate, gradient clipping at 1.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from model import GPT, VOCAB_SIZE  # noqa: E402

OUT = os.path.join(HERE, "out")


def batches(lengths: np.ndarray, batch: int, rng: np.random.Generator):
    """Endless stream of index batches; similar lengths are grouped to cut padding."""
    n = len(lengths)
    mega = batch * 32
    while True:
        perm = rng.permutation(n)
        out = []
        for s in range(0, n - batch + 1, mega):
            chunk = perm[s:s + mega]
            chunk = chunk[np.argsort(lengths[chunk], kind="stable")]
            out += [chunk[i:i + batch] for i in range(0, len(chunk) - batch + 1, batch)]
        for j in rng.permutation(len(out)):
            yield out[j]


def lr_at(step: int, total: int, peak: float, warmup: int) -> float:
    if step < warmup:
        return peak * (step + 1) / warmup
    p = (step - warmup) / max(1, total - warmup)
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, p))))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kind", choices=["policy", "value"], required=True)
    ap.add_argument("--steps", type=int, required=True)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--d", type=int, default=128)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--wd", type=float, default=0.01)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--log-every", type=int, default=50)
    ap.add_argument("--out", default=None)
    ap.add_argument("--init", default=None, help="start the trunk from this checkpoint (same sizes)")
    ap.add_argument("--init-head", action="store_true",
                    help="with --init, also take the value head (fine-tuning a value model)")
    ap.add_argument("--save-every", type=int, default=0, help="also keep out/<kind>_step<N>.pt")
    ap.add_argument("--fp32", action="store_true", help="no bfloat16 autocast (about 4x slower here)")
    ap.add_argument("--data", default=None,
                    help="train on out/<DATA>_train.npz (default: the kind's own; orm for the outcome model)")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    random.seed(args.seed)

    name = args.data or args.kind
    data = np.load(os.path.join(OUT, f"{name}_train.npz"))
    tokens = torch.from_numpy(data["tokens"])  # uint8, widened per batch
    target = torch.from_numpy(data["loss" if args.kind == "policy" else "label"])
    lengths = (data["tokens"] > 0).sum(1)

    model = GPT(args.layers, args.heads, args.d, "lm" if args.kind == "policy" else "value")
    if args.init:
        src = torch.load(args.init, map_location="cpu")["model"]
        own = model.state_dict()
        trunk = {k: v for k, v in src.items() if k in own and own[k].shape == v.shape
                 and (args.init_head or not k.startswith("v_head"))}
        model.load_state_dict(trunk, strict=False)
        print(f"trunk from {args.init}: {len(trunk)}/{len(own)} tensors", flush=True)
    n_params = model.num_params()
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": args.wd},
                             {"params": no_decay, "weight_decay": 0.0}],
                            lr=args.lr, betas=(0.9, 0.98), eps=1e-8)
    print(f"{args.kind}: {n_params} parameters, {len(tokens)} traces, {args.steps} steps "
          f"x batch {args.batch}", flush=True)

    stream = batches(lengths, args.batch, rng)
    t0 = time.time()
    acc_loss, acc_n, acc_hit = 0.0, 0, 0
    model.train()
    for step in range(args.steps):
        idx = torch.from_numpy(next(stream))
        T = int(lengths[idx.numpy()].max())
        x = tokens[idx, :T].long()
        y = target[idx, :T].long()
        for g in opt.param_groups:
            g["lr"] = lr_at(step, args.steps, args.lr, args.warmup)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=not args.fp32):
            out = model.forward_train(x).float()
        if args.kind == "policy":
            logits = out[:, :-1].reshape(-1, VOCAB_SIZE)
            nxt = x[:, 1:].reshape(-1)
            m = y[:, 1:].reshape(-1) > 0
            loss = F.cross_entropy(logits[m], nxt[m])
            hit = int((logits[m].argmax(-1) == nxt[m]).sum())
            cnt = int(m.sum())
        else:
            m = y >= 0
            z = out[m]
            lab = y[m].float()
            loss = F.binary_cross_entropy_with_logits(z, lab)
            hit = int(((z > 0).float() == lab).sum())
            cnt = int(m.sum())
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        acc_loss += float(loss) * cnt
        acc_n += cnt
        acc_hit += hit
        if (step + 1) % args.log_every == 0 or step + 1 == args.steps:
            el = time.time() - t0
            print(f"step {step + 1}/{args.steps} loss {acc_loss / acc_n:.4f} acc {acc_hit / acc_n:.4f} "
                  f"lr {opt.param_groups[0]['lr']:.2e} {el:.0f}s ({el / (step + 1):.2f}s/step)", flush=True)
            acc_loss, acc_n, acc_hit = 0.0, 0, 0
        if args.save_every and (step + 1) % args.save_every == 0 and step + 1 < args.steps:
            torch.save({"cfg": model.cfg, "model": model.state_dict()},
                       os.path.join(OUT, f"{args.kind}_step{step + 1}.pt"))

    train_s = time.time() - t0
    path = args.out or os.path.join(OUT, f"{args.kind}.pt")
    torch.save({"cfg": model.cfg, "model": model.state_dict()}, path)
    info = dict(kind=args.kind, params=n_params, steps=args.steps, batch=args.batch, lr=args.lr,
                warmup=args.warmup, weight_decay=args.wd, layers=args.layers, d=args.d, heads=args.heads,
                traces=len(tokens), traces_seen=args.steps * args.batch, train_seconds=round(train_s),
                seconds_per_step=round(train_s / args.steps, 3), seed=args.seed, threads=args.threads,
                bf16_autocast=not args.fp32, init=args.init)
    with open(os.path.join(OUT, f"{name}_train_info.json"), "w") as f:
        json.dump(info, f, indent=1)
    print(f"saved {path} after {train_s:.0f}s", flush=True)


if __name__ == "__main__":
    main()

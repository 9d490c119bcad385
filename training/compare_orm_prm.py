"""ORM against PRM on held-out traces (training/out/value_val.npz and orm_val.npz).

Both models score every line of held-out chains; each is measured against both kinds of label:
  process  can the target still be reached after this line? (what the PRM was trained on)
  outcome  did this chain end solved? (what the ORM was trained on)
The held-out roots are disjoint from training (gen_data.py's split), and from every benchmark.
Writes training/out/orm_vs_prm.json and prints it.

  /usr/bin/python3 training/compare_orm_prm.py [--prm out/value_shipped.pt] [--orm out/orm.pt]
"""
from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from evaluate import auc, value_scores  # noqa: E402
from model import load_checkpoint  # noqa: E402

OUT = os.path.join(HERE, "out")


def report(z, lab, dep):
    out = {}
    for d in ["all", 5, 4, 3, 2]:
        m = np.ones_like(lab, dtype=bool) if d == "all" else dep == d
        if m.sum() == 0:
            continue
        a = auc(z[m], lab[m])
        out[str(d)] = dict(n=int(m.sum()), positive=round(float(lab[m].mean()), 3),
                           accuracy=round(float(((z[m] > 0).astype(int) == lab[m]).mean()), 4),
                           auc=None if a is None else round(a, 4))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--prm", default=os.path.join(OUT, "value_shipped.pt"))
    ap.add_argument("--orm", default=os.path.join(OUT, "orm.pt"))
    args = ap.parse_args()
    torch.set_num_threads(2)
    models = {"prm": load_checkpoint(args.prm).eval(), "orm": load_checkpoint(args.orm).eval()}
    labels = {"process": np.load(os.path.join(OUT, "value_val.npz")),
              "outcome": np.load(os.path.join(OUT, "orm_val.npz"))}
    res = {}
    for mname, m in models.items():
        for lname, data in labels.items():
            z, lab, dep = value_scores(m, data["tokens"], data["label"], data["depth"])
            res[f"{mname} vs {lname} labels"] = report(z, lab, dep)
            print(mname, lname, res[f"{mname} vs {lname} labels"]["all"], flush=True)
    with open(os.path.join(OUT, "orm_vs_prm.json"), "w") as f:
        json.dump(res, f, indent=1)


if __name__ == "__main__":
    main()

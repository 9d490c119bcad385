"""Write benchmarks/countdown-100.jsonl: 100 distinct random solvable Countdown puzzles.

Each puzzle: 4 numbers drawn independently uniform from 1..13 (kept in drawn order), target
uniform in 1..100 excluding 24, fixed seed 2026. Distinct by (sorted numbers, target).
These puzzles are held out: no training or validation puzzle has one of them as its root.
"""

import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from countdown import canon, reachable  # noqa: E402

SEED = 2026
COUNT = 100
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "benchmarks", "countdown-100.jsonl")
TARGETS = [t for t in range(1, 101) if t != 24]


def main() -> None:
    rng = random.Random(SEED)
    seen = set()
    rows = []
    while len(rows) < COUNT:
        numbers = [rng.randint(1, 13) for _ in range(4)]
        target = rng.choice(TARGETS)
        key = (canon(numbers), target)
        if key in seen or not reachable(key[0], target):
            continue
        seen.add(key)
        rows.append({"numbers": numbers, "target": target})
    path = os.path.normpath(OUT)
    with open(path, "w") as f:
        for r in rows:
            f.write(json.dumps(r, separators=(",", ":")) + "\n")
    print(f"wrote {len(rows)} puzzles to {path}")


if __name__ == "__main__":
    main()

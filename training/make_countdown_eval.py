"""Write the held-out Countdown benchmarks: 100 distinct random solvable puzzles each.

benchmarks/countdown-100.jsonl: 4 numbers drawn independently uniform from 1..13 (kept in drawn
order), target uniform in 1..100 excluding 24, fixed seed 2026.
benchmarks/countdown5-100.jsonl: the same with 5 numbers and seed 2027.
Distinct by (sorted numbers, target). These puzzles are held out: no training or validation
puzzle has one of them as its root.
"""

import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from countdown import canon, reachable  # noqa: E402

COUNT = 100
BENCH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "benchmarks")
FILES = [("countdown-100.jsonl", 4, 2026), ("countdown5-100.jsonl", 5, 2027)]  # (name, numbers, seed)
TARGETS = [t for t in range(1, 101) if t != 24]


def write(name: str, size: int, seed: int) -> None:
    rng = random.Random(seed)
    seen = set()
    rows = []
    while len(rows) < COUNT:
        numbers = [rng.randint(1, 13) for _ in range(size)]
        target = rng.choice(TARGETS)
        key = (canon(numbers), target)
        if key in seen or not reachable(key[0], target):
            continue
        seen.add(key)
        rows.append({"numbers": numbers, "target": target})
    path = os.path.normpath(os.path.join(BENCH, name))
    with open(path, "w") as f:
        for r in rows:
            f.write(json.dumps(r, separators=(",", ":")) + "\n")
    print(f"wrote {len(rows)} puzzles to {path}")


def main() -> None:
    for name, size, seed in FILES:
        write(name, size, seed)


if __name__ == "__main__":
    main()

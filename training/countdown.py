"""Countdown / Game of 24 rules, text format and an exhaustive memoized solver.

The text format is a contract with the TypeScript engine (src/core):

  prompt line:  "4 5 6 10 -> 24\n"            numbers sorted ascending, then " -> ", target
  step line:    "10-4=6 (left: 5 6 6)\n"      larger operand first, result a positive integer,
                                              remaining multiset sorted ascending
  a trace is the prompt line followed by step lines; solved when one number is left == target.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, List, Optional, Sequence, Tuple

State = Tuple[int, ...]  # sorted ascending multiset of the remaining numbers

OPS = ("+", "-", "*", "/")

PROMPT_RE = re.compile(r"^(\d+(?: \d+)*) -> (\d+)\n$")
STEP_RE = re.compile(r"^(\d+)([+\-*/])(\d+)=(\d+) \(left: (\d+(?: \d+)*)\)\n$")


def canon(numbers: Iterable[int]) -> State:
    return tuple(sorted(int(n) for n in numbers))


def apply_op(a: int, op: str, b: int) -> Optional[int]:
    """Result of a op b with a >= b, or None when it is not a positive integer."""
    if a < b:
        return None
    if op == "+":
        return a + b
    if op == "-":
        return a - b if a > b else None
    if op == "*":
        return a * b
    if op == "/":
        return a // b if b > 0 and a % b == 0 else None
    raise ValueError(op)


def remove_pair(state: State, i: int, j: int) -> List[int]:
    return [x for k, x in enumerate(state) if k != i and k != j]


@lru_cache(maxsize=None)
def steps(state: State) -> Tuple[Tuple[str, State], ...]:
    """All distinct valid steps from a state: (step text without the left list, next state).

    Steps are distinct by text: with repeated numbers the same text gives the same next state.
    """
    out = {}
    n = len(state)
    for i in range(n):
        for j in range(i + 1, n):
            b, a = state[i], state[j]  # state is sorted, so a >= b
            rest = remove_pair(state, i, j)
            for op in OPS:
                r = apply_op(a, op, b)
                if r is None:
                    continue
                text = f"{a}{op}{b}={r}"
                if text not in out:
                    out[text] = canon(rest + [r])
    return tuple(sorted(out.items()))


@lru_cache(maxsize=None)
def values(state: State) -> frozenset:
    """Every final number reachable from the state when all its numbers are used."""
    if len(state) == 1:
        return frozenset(state)
    acc = set()
    for _, nxt in steps(state):
        acc |= values(nxt)
    return frozenset(acc)


def reachable(state: State, target: int) -> bool:
    return target in values(canon(state))


def good_steps(state: State, target: int) -> List[Tuple[str, State]]:
    return [(t, s) for t, s in steps(state) if target in values(s)]


def bad_steps(state: State, target: int) -> List[Tuple[str, State]]:
    return [(t, s) for t, s in steps(state) if target not in values(s)]


def solutions(numbers: Sequence[int], target: int) -> List[List[str]]:
    """Every solving trace (as lists of full step lines), distinct by text."""
    out: List[List[str]] = []

    def rec(state: State, acc: List[str]) -> None:
        if len(state) == 1:
            if state[0] == target:
                out.append(list(acc))
            return
        for text, nxt in good_steps(state, target):
            acc.append(step_line(text, nxt))
            rec(nxt, acc)
            acc.pop()

    rec(canon(numbers), [])
    return out


# ---- formatting ---------------------------------------------------------------------------


def fmt_numbers(state: Sequence[int]) -> str:
    return " ".join(str(x) for x in sorted(state))


def prompt_line(numbers: Sequence[int], target: int) -> str:
    return f"{fmt_numbers(numbers)} -> {target}\n"


def step_line(text: str, nxt: State) -> str:
    return f"{text} (left: {fmt_numbers(nxt)})\n"


def parse_prompt(line: str) -> Tuple[State, int]:
    m = PROMPT_RE.match(line)
    if not m:
        raise ValueError(f"bad prompt line: {line!r}")
    return canon(int(x) for x in m.group(1).split(" ")), int(m.group(2))


def check_step(state: Sequence[int], line: str) -> Optional[State]:
    """Parse and verify one step line against the state before it.

    Returns the state after the step, or None when the line is malformed or the step is not
    allowed (operand missing, smaller operand first, wrong result, wrong left list).
    """
    m = STEP_RE.match(line)
    if not m:
        return None
    sa, op, sb, sr, sleft = m.groups()
    for s in (sa, sb, sr):
        if s != str(int(s)):  # no leading zeros
            return None
    a, b, r = int(sa), int(sb), int(sr)
    rest = list(state)
    for x in (a, b):
        if x not in rest:
            return None
        rest.remove(x)
    if apply_op(a, op, b) != r:
        return None
    left = [int(x) for x in sleft.split(" ")]
    nxt = canon(rest + [r])
    if left != list(nxt) or sleft != fmt_numbers(nxt):
        return None
    return nxt


def replay(trace: str) -> Tuple[State, int, List[State], bool]:
    """Verify a whole trace. Returns (root, target, states after each step, all steps valid)."""
    lines = trace.splitlines(keepends=True)
    root, target = parse_prompt(lines[0])
    state, states = root, []
    for line in lines[1:]:
        nxt = check_step(state, line)
        if nxt is None:
            return root, target, states, False
        states.append(nxt)
        state = nxt
    return root, target, states, True


def is_solved(state: Sequence[int], target: int) -> bool:
    return len(state) == 1 and state[0] == target


if __name__ == "__main__":
    print(prompt_line([10, 4, 6, 5], 24), end="")
    for s in solutions([4, 5, 6, 10], 24)[:5]:
        print("".join(s), end="---\n")
    assert check_step((4, 5, 6, 10), "10-4=6 (left: 5 6 6)\n") == (5, 6, 6)
    assert check_step((4, 5, 6, 10), "4-10=6 (left: 5 6 6)\n") is None
    assert check_step((4, 5, 6, 10), "10-4=6 (left: 6 5 6)\n") is None
    assert reachable((4, 5, 6, 10), 24) and not reachable((1, 1, 1, 1), 24)
    print("ok")

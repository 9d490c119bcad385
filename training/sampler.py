"""Batched step-line generation with the policy in torch (the exported graph's code path:
left padding, explicit positions, key/value cache)."""

from __future__ import annotations

from typing import List, Sequence

import torch

from model import N_POSITIONS, NL_ID, VOCAB, left_pad


@torch.no_grad()
def generate_lines(model, prefixes: Sequence[Sequence[int]], greedy: bool = False, temperature: float = 1.0,
                   gen: torch.Generator = None, max_new: int = 40, chunk: int = 1024, bf16: bool = True) -> List[str]:
    """One line per prefix: tokens up to and including the first newline (or max_new tokens)."""
    out: List[str] = []
    for s in range(0, len(prefixes), chunk):
        out += _generate(model, prefixes[s:s + chunk], greedy, temperature, gen, max_new, bf16)
    return out


def _generate(model, prefixes, greedy, temperature, gen, max_new, bf16):
    ids, mask, pos = left_pad(prefixes)
    B = ids.shape[0]
    budget = min(max_new, N_POSITIONS - ids.shape[1])
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        logits, past = model.forward_cached(ids, mask, pos, None)
    last = logits[:, -1].float()
    nxt_pos = mask.sum(1, keepdim=True)
    toks = []
    done = torch.zeros(B, dtype=torch.bool)
    for _ in range(max(0, budget)):
        if greedy:
            tok = last.argmax(-1)
        else:
            probs = torch.softmax(last / temperature, -1)
            tok = torch.multinomial(probs, 1, generator=gen).squeeze(1)
        toks.append(tok)
        done |= tok == NL_ID
        if bool(done.all()):
            break
        mask = torch.cat([mask, torch.ones(B, 1, dtype=mask.dtype)], 1)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            logits, past = model.forward_cached(tok.unsqueeze(1), mask, nxt_pos, past)
        nxt_pos = nxt_pos + 1
        last = logits[:, -1].float()
    lines = []
    if not toks:
        return [""] * B
    T = torch.stack(toks, 1).tolist()
    for row in T:
        s = []
        for t in row:
            s.append(VOCAB[t] if t >= 3 else "\ufffd")
            if t == NL_ID:
                break
        lines.append("".join(s))
    return lines

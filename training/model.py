"""Character vocabulary and a compact GPT-2-style decoder (pre-LN, learned positions, GELU).

One trunk serves both models: the policy puts a (tied) language-model head on it, the value
model a linear head giving one logit per position.
"""

from __future__ import annotations

import math
from typing import List, Optional, Sequence, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F

SPECIALS = ["<pad>", "<unk>", "<eos>"]
CHARS = list("0123456789") + [" ", "+", "-", "*", "/", "=", "(", ")", ":", "l", "e", "f", "t", ">", "\n"]
VOCAB = SPECIALS + CHARS
STOI = {c: i for i, c in enumerate(VOCAB)}
PAD_ID, UNK_ID, EOS_ID = 0, 1, 2
NL_ID = STOI["\n"]
VOCAB_SIZE = len(VOCAB)
N_POSITIONS = 128
NEG = -1e9  # additive mask value: -inf would make all-padding rows NaN


def encode(text: str) -> List[int]:
    return [STOI[c] for c in text]


def decode(ids: Sequence[int]) -> str:
    return "".join(VOCAB[i] for i in ids if i >= len(SPECIALS))


class Block(nn.Module):
    def __init__(self, d: int, n_head: int):
        super().__init__()
        self.n_head, self.head_dim = n_head, d // n_head
        self.ln_1 = nn.LayerNorm(d)
        self.c_attn = nn.Linear(d, 3 * d)
        self.attn_proj = nn.Linear(d, d)
        self.ln_2 = nn.LayerNorm(d)
        self.c_fc = nn.Linear(d, 4 * d)
        self.mlp_proj = nn.Linear(4 * d, d)

    def forward(self, x, bias, past_k=None, past_v=None):
        B, T, C = x.shape
        qkv = self.c_attn(self.ln_1(x)).view(B, T, 3, self.n_head, self.head_dim).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        if past_k is not None:
            k = torch.cat([past_k, k], dim=2)
            v = torch.cat([past_v, v], dim=2)
        att = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(self.head_dim)) + bias
        att = torch.softmax(att, dim=-1)
        y = torch.matmul(att, v).transpose(1, 2).reshape(B, T, C)
        x = x + self.attn_proj(y)
        x = x + self.mlp_proj(F.gelu(self.c_fc(self.ln_2(x))))
        return x, k, v


class GPT(nn.Module):
    def __init__(self, n_layer: int, n_head: int, n_embd: int, head: str = "lm",
                 vocab_size: int = VOCAB_SIZE, n_positions: int = N_POSITIONS):
        super().__init__()
        assert head in ("lm", "value")
        self.cfg = dict(n_layer=n_layer, n_head=n_head, n_embd=n_embd, head=head,
                        vocab_size=vocab_size, n_positions=n_positions)
        self.n_layer, self.n_head, self.n_embd, self.n_positions = n_layer, n_head, n_embd, n_positions
        self.head_kind = head
        self.wte = nn.Embedding(vocab_size, n_embd)
        self.wpe = nn.Embedding(n_positions, n_embd)
        self.h = nn.ModuleList([Block(n_embd, n_head) for _ in range(n_layer)])
        self.ln_f = nn.LayerNorm(n_embd)
        if head == "value":
            self.v_head = nn.Linear(n_embd, 1)
        self.apply(self._init)
        for name, p in self.named_parameters():  # GPT-2: scale residual projections by depth
            if name.endswith("attn_proj.weight") or name.endswith("mlp_proj.weight"):
                nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * n_layer))

    @staticmethod
    def _init(m):
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, mean=0.0, std=0.02)
            nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, mean=0.0, std=0.02)

    def num_params(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def trunk(self, idx, pos, bias, past: Optional[List[Tuple[torch.Tensor, torch.Tensor]]] = None):
        x = self.wte(idx) + self.wpe(pos)
        presents = []
        for i, blk in enumerate(self.h):
            pk, pv = (past[i] if past is not None else (None, None))
            x, k, v = blk(x, bias, pk, pv)
            presents.append((k, v))
        return self.ln_f(x), presents

    def head(self, hidden):
        if self.head_kind == "lm":
            return F.linear(hidden, self.wte.weight)  # tied embeddings
        return self.v_head(hidden).squeeze(-1)

    def forward_train(self, idx):
        """Right-padded training batch: plain causal mask, positions 0..T-1."""
        B, T = idx.shape
        pos = torch.arange(T, device=idx.device).unsqueeze(0)
        causal = torch.ones(T, T, dtype=torch.bool, device=idx.device).tril()
        bias = torch.zeros(T, T).masked_fill(~causal, NEG)
        hidden, _ = self.trunk(idx, pos, bias)
        return self.head(hidden)

    def forward_cached(self, input_ids, attention_mask, position_ids, past=None):
        """The exported policy graph: left padding, explicit positions, key/value cache."""
        T = input_ids.shape[1]
        S = attention_mask.shape[1]
        q_idx = torch.arange(T, device=input_ids.device) + (S - T)
        k_idx = torch.arange(S, device=input_ids.device)
        allowed = (k_idx.unsqueeze(0) <= q_idx.unsqueeze(1)).unsqueeze(0).unsqueeze(0)
        allowed = allowed & (attention_mask > 0).unsqueeze(1).unsqueeze(2)
        bias = torch.where(allowed, torch.zeros((), dtype=torch.float32),
                           torch.full((), NEG, dtype=torch.float32))
        pos = position_ids.clamp(0, self.n_positions - 1)
        hidden, presents = self.trunk(input_ids, pos, bias, past)
        return self.head(hidden), presents

    def forward_value_padded(self, input_ids, attention_mask):
        """The exported value graph: left padding, positions from the mask, last-position logit."""
        pos = (attention_mask.cumsum(1) - 1).clamp(0, self.n_positions - 1)
        T = input_ids.shape[1]
        idx = torch.arange(T, device=input_ids.device)
        allowed = (idx.unsqueeze(0) <= idx.unsqueeze(1)).unsqueeze(0).unsqueeze(0)
        allowed = allowed & (attention_mask > 0).unsqueeze(1).unsqueeze(2)
        bias = torch.where(allowed, torch.zeros((), dtype=torch.float32),
                           torch.full((), NEG, dtype=torch.float32))
        hidden, _ = self.trunk(input_ids, pos, bias)
        return self.head(hidden[:, -1:, :])  # [batch, 1]


def load_checkpoint(path: str) -> GPT:
    ck = torch.load(path, map_location="cpu")
    cfg = dict(ck["cfg"])
    m = GPT(cfg["n_layer"], cfg["n_head"], cfg["n_embd"], cfg["head"], cfg["vocab_size"], cfg["n_positions"])
    m.load_state_dict(ck["model"])
    m.eval()
    return m


def left_pad(seqs: Sequence[Sequence[int]]):
    """Left-padded ids, attention mask and position ids (counting only real tokens)."""
    T = max(len(s) for s in seqs)
    ids = torch.full((len(seqs), T), PAD_ID, dtype=torch.long)
    mask = torch.zeros((len(seqs), T), dtype=torch.long)
    for i, s in enumerate(seqs):
        if len(s):
            ids[i, T - len(s):] = torch.tensor(list(s), dtype=torch.long)
            mask[i, T - len(s):] = 1
    pos = (mask.cumsum(1) - 1).masked_fill(mask == 0, 1)
    return ids, mask, pos

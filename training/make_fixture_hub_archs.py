"""Three tiny chat models in the hub catalogue's architectures, as test fixtures:

  e2e/fixtures/hub/rlm-playground/tiny-qwen2-chat/   model_type qwen2 (as Qwen2.5-Instruct)
  e2e/fixtures/hub/rlm-playground/tiny-llama-chat/   model_type llama (as SmolLM2-Instruct)
  e2e/fixtures/hub/rlm-playground/tiny-qwen3-chat/   model_type qwen3 (as Qwen3)

They stand in for onnx-community/Qwen2.5-0.5B-Instruct, HuggingFaceTB/SmolLM2-360M-Instruct and
onnx-community/Qwen3-0.6B-ONNX in tests that load hub models through transformers.js: the same
config fields, the same graph inputs and outputs (Optimum's names; grouped key/value heads in the
cache), the same four weight files (fp32, q8, q4 with MatMulNBits, q4f16), a byte-level BPE
tokenizer and a ChatML chat template. They are not useful models: a few hundred training steps on
synthetic word problems teach them the math task's format (paragraph steps, "The answer is N.")
and a rough Yes/No self-evaluation.

  /usr/bin/python3 training/make_fixture_hub_archs.py             # about 7 min on 2 CPU cores
  /usr/bin/python3 training/make_fixture_hub_archs.py --steps 20 --out /tmp/hub  # smoke run
  /usr/bin/python3 training/make_fixture_hub_archs.py --only qwen3

What it does, from scratch, with fixed seeds:

1. Training text: the synthetic problems of make_fixture_chat_model.py (make_problem, the
   instructions, the self-evaluation question), rendered in ChatML as the app sends them:
     <|im_start|>user\n{INSTRUCTIONS}\n\nProblem: {question}<|im_end|>\n<|im_start|>assistant\n
     {step}\n\n{step}\n\nThe answer is N.<|im_end|>\n
   plus self-evaluations in the app's message format (src/inference/self-eval-message.ts):
     {INSTRUCTIONS}\n\nProblem: {question}\n\nSteps so far:\n{steps or "(no steps yet)"}\n\n
     Are the steps so far correct? Answer Yes or No.
   answered "Yes", or "No" when the last step's result was changed on purpose.
2. Tokenizer (shared by the three): a byte-level BPE trained here on that text (GPT-2's byte to
   unicode map, Qwen2's split regex, NFC), 256 byte symbols + merges, then the special tokens
   <|endoftext|>, <|im_start|>, <|im_end|> as added tokens, like Qwen2.5's tokenizer.json.
3. Models, written here in PyTorch with the Hugging Face modules' structure and parameter names:
   RMSNorm, rotary positions (rotate_half), grouped-query attention (keys/values repeated per
   group), SwiGLU MLP, tied embeddings; Qwen2 with q/k/v biases, Qwen3 with q_norm/k_norm (RMSNorm
   over head_dim per head, before the rotation) and a head_dim that is not hidden/heads.
   Loss on the assistant's tokens only (the Yes/No token weighs more).
4. Export: torch.onnx.export (opset 14) of forward(input_ids, attention_mask, position_ids,
   past_key_values.*) -> logits, present.*: keys/values [batch, kv_heads, length, head_dim] with
   the head counts fixed, batch/lengths symbolic ("batch_size" as transformers.js expects), left
   padding through the mask (a large negative bias, not -inf, so padding rows stay finite).
   Then onnx/model_quantized.onnx (quantize.py: DynamicQuantizeLinear -> MatMulInteger),
   onnx/model_q4.onnx (com.microsoft MatMulNBits, 4 bits, block 32, symmetric, no zero points) and
   onnx/model_q4f16.onnx (the q4 graph in float16: weights, scales, activations, the cache and the
   logits; as in Hugging Face's fp16 modules RMSNorm's normalisation, the rotary angles and the
   softmax stay float32 with casts around them). Embeddings stay unquantized.
5. Checks: the cached path against the full one (torch); then, when node and onnxruntime-node
   are there, every graph against torch on a left-padded batch with a cache (max |diff| printed).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from collections import Counter

import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
sys.path.insert(0, HERE)
from make_fixture_chat_model import EVAL_QUESTION, INSTRUCTIONS, corrupt_step, make_problem  # noqa: E402
from quantize import quantize as quantize_q8  # noqa: E402

FIXTURES = os.path.join(ROOT, "e2e", "fixtures", "hub", "rlm-playground")

# ---------------------------------------------------------------- the three architectures

# vocab_size: Qwen's embedding has rows past its tokenizer (151936 for 151665 tokens), SmolLM2's not.
COMMON = dict(hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
              num_key_value_heads=2, max_position_embeddings=1024)
ARCHS = {
    "qwen2": dict(COMMON, folder="tiny-qwen2-chat", hub="onnx-community/Qwen2.5-0.5B-Instruct",
                  architectures=["Qwen2ForCausalLM"], head_dim=16, explicit_head_dim=False,
                  qkv_bias=True, qk_norm=False, rope_theta=1000000.0, rms_norm_eps=1e-6,
                  pad_vocab_to=256, tokenizer_class="Qwen2Tokenizer", seed=20301),
    "llama": dict(COMMON, folder="tiny-llama-chat", hub="HuggingFaceTB/SmolLM2-360M-Instruct",
                  architectures=["LlamaForCausalLM"], head_dim=16, explicit_head_dim=True,
                  qkv_bias=False, qk_norm=False, rope_theta=100000.0, rms_norm_eps=1e-5,
                  pad_vocab_to=1, tokenizer_class="GPT2Tokenizer", seed=20302),
    # Qwen3's head_dim is set on its own (Qwen3-0.6B: 16 heads x 128 > hidden 1024): here 4 x 32 > 64.
    "qwen3": dict(COMMON, folder="tiny-qwen3-chat", hub="onnx-community/Qwen3-0.6B-ONNX",
                  architectures=["Qwen3ForCausalLM"], head_dim=32, explicit_head_dim=True,
                  qkv_bias=False, qk_norm=True, rope_theta=1000000.0, rms_norm_eps=1e-6,
                  pad_vocab_to=256, tokenizer_class="Qwen2Tokenizer", seed=20303),
}

# ---------------------------------------------------------------- chat format and training text

SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
CHAT_TEMPLATE = ("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + "
                 "'<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}"
                 "{% endif %}")
SEPARATOR = "\n\n"


def render(messages, add_generation_prompt: bool = False) -> str:
    """What CHAT_TEMPLATE renders (the transformers.js test compares the two)."""
    s = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)
    return s + ("<|im_start|>assistant\n" if add_generation_prompt else "")


def solve_prompt(question: str) -> str:
    """The math task's prompt (src/core/tasks/math.ts)."""
    return f"{INSTRUCTIONS}\n\nProblem: {question}"


def self_eval_message(prompt: str, steps) -> str:
    """src/inference/self-eval-message.ts, with the math task's separator."""
    shown = SEPARATOR.join(steps) if steps else "(no steps yet)"
    return f"{prompt}\n\nSteps so far:\n{shown}\n\n{EVAL_QUESTION}"


def solve_text(pb) -> tuple[str, str]:
    """(prompt part, assistant part) of a solution example."""
    sol = SEPARATOR.join(pb["steps"] + [f"The answer is {pb['answer']}."])
    return render([{"role": "user", "content": solve_prompt(pb["question"])}], True), sol + "<|im_end|>\n"


def eval_text(pb, correct: bool, rng: random.Random) -> tuple[str, str]:
    """A self-evaluation: no steps yet (always right), or the steps up to an equation step (sometimes
    with the answer line); wrong = that step's result changed (carried into the answer line)."""
    eq = [i for i, s in enumerate(pb["steps"]) if "=" in s]
    if correct and rng.random() < 0.12:
        steps = []
    else:
        e = rng.choice(eq)
        steps = list(pb["steps"][:e + 1])
        value = pb["answer"]
        if not correct:
            steps[e], value = corrupt_step(steps[e], rng)
        if e == eq[-1] and rng.random() < 0.3:
            steps.append(f"The answer is {value}.")
    msg = self_eval_message(solve_prompt(pb["question"]), steps)
    return render([{"role": "user", "content": msg}], True), ("Yes" if correct else "No") + "<|im_end|>\n"


# ---------------------------------------------------------------- byte-level BPE tokenizer

# Qwen2's split regex (tokenizer.json), and the same for ASCII text with Python's re (no \p{..}).
QWEN_SPLIT = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|"
              r"\s*[\r\n]+|\s+(?!\S)|\s+")
ASCII_SPLIT = re.compile(r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\nA-Za-z0-9]?[A-Za-z]+|[0-9]| ?[^\sA-Za-z0-9]+[\r\n]*|"
                         r"\s*[\r\n]+|\s+(?!\S)|\s+")
SPECIAL_RE = re.compile("(" + "|".join(re.escape(t) for t in SPECIALS) + ")")


def bytes_to_unicode() -> dict[int, str]:
    """GPT-2's reversible map of bytes to printable characters (the order of its first 256 ids)."""
    bs = (list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1))
          + list(range(ord("®"), ord("ÿ") + 1)))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs)))


BYTE_MAP = bytes_to_unicode()


def pretokens(text: str):
    assert text.isascii(), "the training text is ASCII (the split regex is emulated for ASCII only)"
    text = unicodedata.normalize("NFC", text)
    return ["".join(BYTE_MAP[b] for b in m.encode("utf-8")) for m in ASCII_SPLIT.findall(text)]


class ByteBPE:
    def __init__(self, merges: list[tuple[str, str]]):
        self.merges = merges
        self.ranks = {p: i for i, p in enumerate(merges)}
        base = list(BYTE_MAP.values())
        self.vocab = {t: i for i, t in enumerate(base)}
        for a, b in merges:
            self.vocab.setdefault(a + b, len(self.vocab))
        self.special_ids = {}
        for t in SPECIALS:
            self.special_ids[t] = len(self.vocab) + len(self.special_ids)
        self.inverse = {i: t for t, i in self.vocab.items()}
        self.byte_decoder = {c: b for b, c in BYTE_MAP.items()}
        self._cache: dict[str, list[int]] = {}

    def __len__(self):
        return len(self.vocab) + len(self.special_ids)

    @staticmethod
    def train(texts, n_merges: int) -> "ByteBPE":
        words = Counter()
        for text in texts:
            for part in SPECIAL_RE.split(text):
                if part and part not in SPECIALS:
                    words.update(pretokens(part))
        splits = {w: list(w) for w in words}
        merges = []
        for _ in range(n_merges):
            pairs = Counter()
            for w, f in words.items():
                s = splits[w]
                for a, b in zip(s, s[1:]):
                    pairs[a, b] += f
            if not pairs:
                break
            (a, b), _ = min(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
            merges.append((a, b))
            for w in words:
                s = splits[w]
                if len(s) < 2:
                    continue
                out, i = [], 0
                while i < len(s):
                    if i + 1 < len(s) and s[i] == a and s[i + 1] == b:
                        out.append(a + b)
                        i += 2
                    else:
                        out.append(s[i])
                        i += 1
                splits[w] = out
        return ByteBPE(merges)

    def _bpe(self, word: str) -> list[int]:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        parts = list(word)
        while len(parts) > 1:
            ranked = [(self.ranks.get((a, b), 1 << 30), i) for i, (a, b) in enumerate(zip(parts, parts[1:]))]
            r, i = min(ranked)
            if r == 1 << 30:
                break
            parts = parts[:i] + [parts[i] + parts[i + 1]] + parts[i + 2:]
        ids = [self.vocab[p] for p in parts]
        self._cache[word] = ids
        return ids

    def encode(self, text: str) -> list[int]:
        ids = []
        for part in SPECIAL_RE.split(text):
            if not part:
                continue
            if part in self.special_ids:
                ids.append(self.special_ids[part])
            else:
                for w in pretokens(part):
                    ids.extend(self._bpe(w))
        return ids

    def decode(self, ids) -> str:
        specials = {i: t for t, i in self.special_ids.items()}
        out, buf = [], []
        for i in ids:
            if i in specials:
                out.append(bytes(buf).decode("utf-8", "replace"))
                buf = []
                out.append(specials[i])
            elif i in self.inverse:
                buf.extend(self.byte_decoder[c] for c in self.inverse[i])
        out.append(bytes(buf).decode("utf-8", "replace"))
        return "".join(out)

    def tokenizer_json(self) -> dict:
        byte_level = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": False, "use_regex": False}
        return {
            "version": "1.0", "truncation": None, "padding": None,
            "added_tokens": [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                              "normalized": False, "special": True} for t, i in self.special_ids.items()],
            "normalizer": {"type": "NFC"},
            "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
                {"type": "Split", "pattern": {"Regex": QWEN_SPLIT}, "behavior": "Isolated", "invert": False},
                byte_level]},
            "post_processor": byte_level,
            "decoder": byte_level,
            "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
                      "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                      "vocab": self.vocab, "merges": [f"{a} {b}" for a, b in self.merges]},
        }


# ---------------------------------------------------------------- the model (Hugging Face structure)


class Normalize(nn.Module):
    """RMSNorm's normalisation (a module of its own so that the q4f16 graph can keep it float32,
    as Hugging Face's RMSNorm upcasts)."""

    def __init__(self, eps: float):
        super().__init__()
        self.eps = eps

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps)


class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.normalize = Normalize(eps)

    def forward(self, x):
        return self.weight * self.normalize(x)


class RotaryEmbedding(nn.Module):
    """cos/sin of position * inv_freq, [batch, 1, seq, head_dim] (the halves repeated, as HF)."""

    def __init__(self, head_dim: int, theta: float):
        super().__init__()
        inv = 1.0 / (theta ** (torch.arange(0, head_dim, 2, dtype=torch.float32) / head_dim))
        self.register_buffer("inv_freq", inv, persistent=False)

    def forward(self, position_ids):
        freqs = position_ids.float().unsqueeze(-1) * self.inv_freq
        emb = torch.cat([freqs, freqs], dim=-1)
        return emb.cos().unsqueeze(1), emb.sin().unsqueeze(1)


def rotate_half(x, half: int):
    return torch.cat([-x[..., half:], x[..., :half]], dim=-1)


class Attention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.h, self.kv, self.d = c["num_attention_heads"], c["num_key_value_heads"], c["head_dim"]
        hid = c["hidden_size"]
        self.q_proj = nn.Linear(hid, self.h * self.d, bias=c["qkv_bias"])
        self.k_proj = nn.Linear(hid, self.kv * self.d, bias=c["qkv_bias"])
        self.v_proj = nn.Linear(hid, self.kv * self.d, bias=c["qkv_bias"])
        self.o_proj = nn.Linear(self.h * self.d, hid, bias=False)
        self.qk_norm = c["qk_norm"]
        if self.qk_norm:
            self.q_norm = RMSNorm(self.d, c["rms_norm_eps"])
            self.k_norm = RMSNorm(self.d, c["rms_norm_eps"])

    def forward(self, x, cos, sin, bias, past_k, past_v):
        B, T = x.shape[0], x.shape[1]
        q = self.q_proj(x).view(B, T, self.h, self.d)
        k = self.k_proj(x).view(B, T, self.kv, self.d)
        v = self.v_proj(x).view(B, T, self.kv, self.d).transpose(1, 2)
        if self.qk_norm:  # Qwen3: per head, before the rotation
            q, k = self.q_norm(q), self.k_norm(k)
        q, k = q.transpose(1, 2), k.transpose(1, 2)
        half = self.d // 2
        q = q * cos + rotate_half(q, half) * sin
        k = k * cos + rotate_half(k, half) * sin
        k = torch.cat([past_k, k], dim=2)
        v = torch.cat([past_v, v], dim=2)
        S = k.shape[2]
        rep = self.h // self.kv  # grouped-query attention: each key/value head serves `rep` query heads
        kr = k[:, :, None].expand(B, self.kv, rep, S, self.d).reshape(B, self.h, S, self.d)
        vr = v[:, :, None].expand(B, self.kv, rep, S, self.d).reshape(B, self.h, S, self.d)
        scores = torch.matmul(q, kr.transpose(2, 3)) * (self.d ** -0.5) + bias
        p = torch.softmax(scores, dim=-1)
        out = torch.matmul(p, vr).transpose(1, 2).reshape(B, T, self.h * self.d)
        return self.o_proj(out), (k, v)


class MLP(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.gate_proj = nn.Linear(c["hidden_size"], c["intermediate_size"], bias=False)
        self.up_proj = nn.Linear(c["hidden_size"], c["intermediate_size"], bias=False)
        self.down_proj = nn.Linear(c["intermediate_size"], c["hidden_size"], bias=False)

    def forward(self, x):
        return self.down_proj(F.silu(self.gate_proj(x)) * self.up_proj(x))


class DecoderLayer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.self_attn = Attention(c)
        self.mlp = MLP(c)
        self.input_layernorm = RMSNorm(c["hidden_size"], c["rms_norm_eps"])
        self.post_attention_layernorm = RMSNorm(c["hidden_size"], c["rms_norm_eps"])

    def forward(self, x, cos, sin, bias, past_k, past_v):
        a, present = self.self_attn(self.input_layernorm(x), cos, sin, bias, past_k, past_v)
        x = x + a
        return x + self.mlp(self.post_attention_layernorm(x)), present


NEG = -1e4  # the masked-out bias: large, finite (fp16 too), so that an all-padding row is no NaN


class Trunk(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.embed_tokens = nn.Embedding(c["vocab_size"], c["hidden_size"])
        self.layers = nn.ModuleList([DecoderLayer(c) for _ in range(c["num_hidden_layers"])])
        self.norm = RMSNorm(c["hidden_size"], c["rms_norm_eps"])
        self.rotary_emb = RotaryEmbedding(c["head_dim"], c["rope_theta"])


class CausalLM(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.model = Trunk(c)
        self.lm_head = nn.Linear(c["hidden_size"], c["vocab_size"], bias=False)
        self.lm_head.weight = self.model.embed_tokens.weight  # tie_word_embeddings
        self.apply(self._init)

    @staticmethod
    def _init(mod):
        if isinstance(mod, (nn.Linear, nn.Embedding)):
            nn.init.normal_(mod.weight, std=0.02)
        if isinstance(mod, nn.Linear) and mod.bias is not None:
            nn.init.zeros_(mod.bias)

    def empty_past(self, batch: int):
        c = self.c
        z = torch.zeros(batch, c["num_key_value_heads"], 0, c["head_dim"])
        return [(z, z) for _ in range(c["num_hidden_layers"])]

    def forward(self, input_ids, attention_mask, position_ids, past):
        """logits [batch, seq, vocab] and the presents; attention_mask covers past + new tokens."""
        T = input_ids.shape[1]
        S = attention_mask.shape[1]
        q_idx = torch.arange(T) + (S - T)
        k_idx = torch.arange(S)
        allowed = (k_idx.unsqueeze(0) <= q_idx.unsqueeze(1)).unsqueeze(0).unsqueeze(0)
        allowed = allowed & (attention_mask > 0).unsqueeze(1).unsqueeze(2)
        bias = torch.where(allowed, torch.zeros((), dtype=torch.float32), torch.full((), NEG, dtype=torch.float32))
        cos, sin = self.model.rotary_emb(position_ids)
        x = self.model.embed_tokens(input_ids)
        presents = []
        for layer, (pk, pv) in zip(self.model.layers, past):
            x, present = layer(x, cos, sin, bias, pk, pv)
            presents.append(present)
        return self.lm_head(self.model.norm(x)), presents

    def num_params(self) -> int:
        return sum(p.numel() for p in self.parameters())


class ExportGraph(nn.Module):
    def __init__(self, m: CausalLM):
        super().__init__()
        self.m = m

    def forward(self, input_ids, attention_mask, position_ids, *past_flat):
        past = [(past_flat[2 * i], past_flat[2 * i + 1]) for i in range(len(past_flat) // 2)]
        logits, presents = self.m(input_ids, attention_mask, position_ids, past)
        out = [logits]
        for k, v in presents:
            out += [k, v]
        return tuple(out)


# ---------------------------------------------------------------- training


def examples(tok: ByteBPE, rng: random.Random, solve: bool):
    """(ids, loss weights): loss on the assistant's reply (with its <|im_end|>), the Yes/No more."""
    pb = make_problem(rng)
    head, reply = solve_text(pb) if solve else eval_text(pb, rng.random() < 0.5, rng)
    a, b = tok.encode(head), tok.encode(reply)
    w = [0.0] * len(a) + [1.0] * (len(b) - 1) + [0.0]  # not the "\n" after <|im_end|>
    if not solve:
        w[len(a)] = YES_NO_WEIGHT
    return a + b, w


YES_NO_WEIGHT = 6.0


def batches(tok: ByteBPE, rng: random.Random, solve: bool, size: int, pad_id: int):
    while True:
        pool = sorted((examples(tok, rng, solve) for _ in range(size * 16)), key=lambda e: len(e[0]))
        chunks = [pool[i:i + size] for i in range(0, len(pool), size)]
        rng.shuffle(chunks)
        for ch in chunks:
            T = max(len(ids) for ids, _ in ch)
            x = torch.full((size, T), pad_id, dtype=torch.long)
            w = torch.zeros(size, T)
            for i, (ids, ws) in enumerate(ch):
                x[i, :len(ids)] = torch.tensor(ids)
                w[i, :len(ws)] = torch.tensor(ws)
            yield x, w


def lr_at(step: int, total: int, peak: float, warmup: int) -> float:
    if step < warmup:
        return peak * (step + 1) / warmup
    p = (step - warmup) / max(1, total - warmup)
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, p))))


def loss_of(m: CausalLM, x, w):
    B, T = x.shape
    logits, _ = m(x, torch.ones(B, T, dtype=torch.long), torch.arange(T)[None].expand(B, -1), m.empty_past(B))
    ce = F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), x[:, 1:].reshape(-1), reduction="none")
    ww = w[:, 1:].reshape(-1)
    return (ce * ww).sum(), ww.sum()


def train(c, tok: ByteBPE, args):
    torch.manual_seed(c["seed"])
    rng = random.Random(c["seed"])
    m = CausalLM(c)
    decay = [p for _, p in m.named_parameters() if p.dim() >= 2]
    no_decay = [p for _, p in m.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=args.lr, betas=(0.9, 0.98), eps=1e-8)
    pad = tok.special_ids["<|endoftext|>"]
    solve_b = batches(tok, rng, True, args.batch, pad)
    eval_b = batches(tok, rng, False, args.eval_batch, pad)
    print(f"[{c['model_type']}] {m.num_params()} parameters, {args.steps} steps x ({args.batch} solutions + "
          f"{args.eval_batch} self-evaluations)", flush=True)
    t0 = time.time()
    acc = [0.0, 0.0, 0.0, 0.0]
    m.train()
    for step in range(args.steps):
        for g in opt.param_groups:
            g["lr"] = lr_at(step, args.steps, args.lr, args.warmup)
        s_sum, s_n = loss_of(m, *next(solve_b))
        e_sum, e_n = loss_of(m, *next(eval_b))
        loss = s_sum / s_n + e_sum / e_n
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0)
        opt.step()
        acc = [acc[0] + float(s_sum), acc[1] + float(s_n), acc[2] + float(e_sum), acc[3] + float(e_n)]
        if (step + 1) % args.log_every == 0 or step + 1 == args.steps:
            el = time.time() - t0
            print(f"[{c['model_type']}] step {step + 1}/{args.steps} solve loss {acc[0] / acc[1]:.4f} self-eval "
                  f"loss {acc[2] / acc[3]:.4f} {el:.0f}s ({el / (step + 1):.2f}s/step)", flush=True)
            acc = [0.0, 0.0, 0.0, 0.0]
    m.eval()
    return m, time.time() - t0


# ---------------------------------------------------------------- evaluation (torch, greedy)


@torch.no_grad()
def greedy(m: CausalLM, tok: ByteBPE, prompt: str, max_new: int = 120) -> str:
    ids = tok.encode(prompt)
    n0 = len(ids)
    stop = {tok.special_ids["<|im_end|>"], tok.special_ids["<|endoftext|>"]}
    past = m.empty_past(1)
    x = torch.tensor([ids])
    for _ in range(max_new):
        L = len(ids)
        logits, past = m(x, torch.ones(1, L, dtype=torch.long), torch.arange(L - x.shape[1], L)[None], past)
        t = int(logits[0, -1].argmax())
        ids.append(t)
        if t in stop:
            break
        x = torch.tensor([[t]])
    return tok.decode(ids[n0:])


@torch.no_grad()
def p_yes(m: CausalLM, tok: ByteBPE, prompt: str) -> float:
    ids = tok.encode(prompt)
    logits, _ = m(torch.tensor([ids]), torch.ones(1, len(ids), dtype=torch.long), torch.arange(len(ids))[None],
                  m.empty_past(1))
    pr = torch.softmax(logits[0, -1], -1)
    y, n = float(pr[tok.encode("Yes")[0]]), float(pr[tok.encode("No")[0]])
    return y / (y + n)


def answer_of(text: str):
    found = re.findall(r"The answer is (-?\d+)\.", text)
    return int(found[-1]) if found else None


def evaluate(m: CausalLM, tok: ByteBPE, n_solve: int, n_pairs: int, seed: int):
    rng = random.Random(seed)
    correct = formatted = 0
    sample = None
    for _ in range(n_solve):
        pb = make_problem(rng)
        out = greedy(m, tok, solve_text(pb)[0])
        a = answer_of(out)
        formatted += a is not None and SEPARATOR in out and out.endswith("<|im_end|>")
        correct += a == pb["answer"]
        sample = sample or {"question": pb["question"], "output": out}
    sep = 0
    for _ in range(n_pairs):
        pb = make_problem(rng)
        s = rng.getstate()
        while True:  # a pair with steps (the no-steps case has no wrong version)
            rng.setstate(s)
            good, _ = eval_text(pb, True, rng)
            if "(no steps yet)" not in good:
                break
            s = rng.getstate()
        rng.setstate(s)
        bad, _ = eval_text(pb, False, rng)
        sep += p_yes(m, tok, good) > p_yes(m, tok, bad)
    return {"solve_accuracy": f"{correct}/{n_solve}", "solve_format": f"{formatted}/{n_solve}",
            "yes_no_separation": f"{sep}/{n_pairs}", "sample": sample}


@torch.no_grad()
def check_paths(m: CausalLM, tok: ByteBPE):
    """The cached, left-padded path agrees with the full one (what the export traces)."""
    ids = tok.encode(solve_text(make_problem(random.Random(5)))[0])
    L, k = len(ids), 4
    full, _ = m(torch.tensor([ids]), torch.ones(1, L, dtype=torch.long), torch.arange(L)[None], m.empty_past(1))
    l1, past = m(torch.tensor([ids[:-k]]), torch.ones(1, L - k, dtype=torch.long), torch.arange(L - k)[None],
                 m.empty_past(1))
    l2, _ = m(torch.tensor([ids[-k:]]), torch.ones(1, L, dtype=torch.long), torch.arange(L - k, L)[None], past)
    assert (torch.cat([l1, l2], 1) - full).abs().max() < 1e-4, "the cached path disagrees"
    # left padding: the same row behind 3 pads (masked, positions from its first real token)
    pad = tok.special_ids["<|endoftext|>"]
    x = torch.tensor([[pad] * 3 + ids])
    mask = torch.tensor([[0] * 3 + [1] * L])
    pos = torch.tensor([[1] * 3 + list(range(L))])
    lp, _ = m(x, mask, pos, m.empty_past(1))
    assert (lp[:, 3:] - full).abs().max() < 1e-4, "left padding changes the logits"


# ---------------------------------------------------------------- ONNX: export and the precisions


def example_inputs(c, tok: ByteBPE):
    """A left-padded batch of 2 after a cache of 3 positions (what the export traces with)."""
    seqs = [tok.encode("<|im_start|>user\nHi there<|im_end|>\n<|im_start|>assistant\n"), tok.encode("A")]
    T = max(len(s) for s in seqs)
    pad = tok.special_ids["<|endoftext|>"]
    ids = torch.tensor([[pad] * (T - len(s)) + s for s in seqs])
    real = torch.tensor([[0] * (T - len(s)) + [1] * len(s) for s in seqs])
    mask = torch.cat([torch.ones(2, 3, dtype=torch.long), real], 1)
    pos = (mask.cumsum(1) - 1)[:, 3:].masked_fill(real == 0, 1)
    g = torch.Generator().manual_seed(0)
    past = [torch.randn(2, c["num_key_value_heads"], 3, c["head_dim"], generator=g) * 0.5
            for _ in range(2 * c["num_hidden_layers"])]
    return ids, mask, pos, past


def export_fp32(m: CausalLM, tok: ByteBPE, path: str):
    c = m.c
    ids, mask, pos, past = example_inputs(c, tok)
    names_in, names_out = ["input_ids", "attention_mask", "position_ids"], ["logits"]
    dyn = {"input_ids": {0: "batch_size", 1: "sequence_length"},
           "attention_mask": {0: "batch_size", 1: "total_sequence_length"},
           "position_ids": {0: "batch_size", 1: "sequence_length"},
           "logits": {0: "batch_size", 1: "sequence_length"}}
    for i in range(c["num_hidden_layers"]):
        for kv in ("key", "value"):
            names_in.append(f"past_key_values.{i}.{kv}")
            names_out.append(f"present.{i}.{kv}")
            dyn[f"past_key_values.{i}.{kv}"] = {0: "batch_size", 2: "past_sequence_length"}
            dyn[f"present.{i}.{kv}"] = {0: "batch_size", 2: "total_sequence_length"}
    with torch.no_grad():
        torch.onnx.export(ExportGraph(m), (ids, mask, pos, *past), path, input_names=names_in,
                          output_names=names_out, dynamic_axes=dyn, opset_version=14, do_constant_folding=True)
    model = onnx.load(path)
    for vi in list(model.graph.input) + list(model.graph.output):  # the head counts stay fixed numbers
        if vi.name.startswith(("past_key_values.", "present.")):
            dims = vi.type.tensor_type.shape.dim
            assert dims[1].dim_value == c["num_key_value_heads"] and dims[3].dim_value == c["head_dim"], vi
    onnx.save(model, path)


def quantize_block4(W: np.ndarray, block: int = 32):
    """Symmetric 4-bit blocks along K of W [K, N], as onnxruntime's MatMul4BitsQuantizer: per block the
    value of largest magnitude maps to code 0 (scale = that value / -8), zero point 8 (the default when
    MatMulNBits has no zero_points input). Returns packed [N, K/block, block/2] uint8 (element 2j in the
    low nibble), scales [N * K/block] and the dequantized W."""
    K, N = W.shape
    nb = K // block
    Wt = W.T.reshape(N, nb, block).astype(np.float32)
    idx = np.abs(Wt).argmax(-1)
    vmax = np.take_along_axis(Wt, idx[..., None], -1)[..., 0]
    scale = vmax / -8.0
    scale[scale == 0] = 1.0
    q = np.clip(np.round(Wt / scale[..., None]) + 8, 0, 15).astype(np.uint8)
    packed = (q[..., 0::2] | (q[..., 1::2] << 4)).astype(np.uint8)
    deq = ((q.astype(np.float32) - 8) * scale[..., None]).reshape(N, K).T
    return packed, scale.reshape(-1).astype(np.float32), deq


def quantize_q4(src: str, dst: str, block: int = 32) -> int:
    """Every MatMul with a constant 2-D weight (K a multiple of the block) -> com.microsoft MatMulNBits."""
    model = onnx.load(src)
    g = model.graph
    inits = {t.name: t for t in g.initializer}
    users = Counter(name for n in g.node for name in n.input)
    nodes, new_inits, drop, count = [], [], set(), 0
    for n in g.node:
        w = inits.get(n.input[1]) if n.op_type == "MatMul" and len(n.input) == 2 else None
        if w is None or len(w.dims) != 2 or w.dims[0] % block:
            nodes.append(n)
            continue
        W = numpy_helper.to_array(w).astype(np.float32)
        K, N = W.shape
        packed, scales, _ = quantize_block4(W, block)
        p = f"{n.name or w.name}_Q4_{count}".replace("/", "_").strip("_")
        count += 1
        new_inits += [numpy_helper.from_array(packed, f"{p}_B"), numpy_helper.from_array(scales, f"{p}_scales")]
        nodes.append(helper.make_node("MatMulNBits", [n.input[0], f"{p}_B", f"{p}_scales"], [n.output[0]],
                                      name=f"{n.name}_Q4", domain="com.microsoft", K=K, N=N, bits=4,
                                      block_size=block))
        if users[w.name] == 1:
            drop.add(w.name)
    del g.node[:]
    g.node.extend(nodes)
    kept = [t for t in g.initializer if t.name not in drop]
    del g.initializer[:]
    g.initializer.extend(kept + new_inits)
    if not any(o.domain == "com.microsoft" for o in model.opset_import):
        model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    onnx.save(model, dst)
    return count


def float_types(fp32_path: str) -> dict[str, int]:
    """Element types of every tensor of the (standard-op) fp32 graph, by name."""
    m = onnx.shape_inference.infer_shapes(onnx.load(fp32_path))
    types = {}
    for vi in list(m.graph.value_info) + list(m.graph.input) + list(m.graph.output):
        types[vi.name] = vi.type.tensor_type.elem_type
    for t in m.graph.initializer:
        types[t.name] = t.data_type
    return types


def keeps_float32(node) -> bool:
    """Parts Hugging Face's fp16 modules compute in float32: RMSNorm's normalisation, the rotary
    angles (cos/sin), the attention softmax."""
    return "/normalize/" in node.name or "/rotary_emb/" in node.name or node.op_type == "Softmax"


def to_float16(src: str, dst: str, types: dict[str, int]):
    """The graph in float16 (inputs past_key_values.*, outputs logits and present.* too; int64 ids,
    mask and positions unchanged), with casts around the float32 parts. `types`: from the fp32 graph."""
    FLOAT, HALF = TensorProto.FLOAT, TensorProto.FLOAT16
    model = onnx.load(src)
    g = model.graph
    for t in g.initializer:
        types.setdefault(t.name, t.data_type)
    # float Constant nodes become initializers (each consumer gets the type it needs)
    consts = {}
    nodes = []
    for n in g.node:
        if n.op_type == "Constant" and types.get(n.output[0]) == FLOAT:
            consts[n.output[0]] = numpy_helper.to_array(n.attribute[0].t)
        else:
            nodes.append(n)
    inits = {t.name: numpy_helper.to_array(t) for t in g.initializer if t.data_type == FLOAT}
    inits.update(consts)
    producer_region = {i.name: 16 for i in g.input if types.get(i.name) == FLOAT}
    for n in nodes:
        for o in n.output:
            producer_region[o] = 32 if keeps_float32(n) else 16
    out_nodes, new_inits, casts, flex = [], [], {}, {}
    used_inits = set()

    def flexible(name: str, region: int) -> str:
        if region == 32:
            if name in consts and name not in flex:
                flex[name] = name
                new_inits.append(numpy_helper.from_array(consts[name].astype(np.float32), name))
            used_inits.add(name)
            return name
        key = name + "_fp16"
        if key not in flex:
            flex[key] = key
            new_inits.append(numpy_helper.from_array(inits[name].astype(np.float16), key))
        return key

    for n in nodes:
        r = 32 if keeps_float32(n) else 16
        for i, name in enumerate(n.input):
            if not name or types.get(name) != FLOAT:
                continue
            if name in inits:
                n.input[i] = flexible(name, r)
            elif producer_region[name] != r:
                key = (name, r)
                if key not in casts:
                    casts[key] = f"{name}_to{r}"
                    out_nodes.append(helper.make_node("Cast", [name], [casts[key]], name=f"{name}_cast{r}",
                                                      to=FLOAT if r == 32 else HALF))
                n.input[i] = casts[key]
        if r == 16:
            for a in n.attribute:
                if n.op_type == "Cast" and a.name == "to" and a.i == FLOAT:
                    a.i = HALF
                if n.op_type == "ConstantOfShape" and a.name == "value" and a.t.data_type == FLOAT:
                    a.t.CopyFrom(numpy_helper.from_array(numpy_helper.to_array(a.t).astype(np.float16)))
        out_nodes.append(n)
    for o in g.output:
        assert types.get(o.name) != FLOAT or producer_region[o.name] == 16, o.name
    keep = [t for t in g.initializer if t.data_type != FLOAT or t.name in used_inits]
    del g.initializer[:]
    g.initializer.extend(keep + new_inits)
    del g.node[:]
    g.node.extend(out_nodes)
    del g.value_info[:]
    for vi in list(g.input) + list(g.output):
        if vi.type.tensor_type.elem_type == FLOAT:
            vi.type.tensor_type.elem_type = HALF
    onnx.checker.check_model(model)
    onnx.save(model, dst)


# ---------------------------------------------------------------- files


def dump(folder: str, name: str, obj):
    with open(os.path.join(folder, name), "w") as f:
        json.dump(obj, f, indent=1 if name == "tokenizer.json" else 2, ensure_ascii=False)
        f.write("\n")


def config_json(c, tok: ByteBPE) -> dict:
    s = tok.special_ids
    cfg = {"architectures": c["architectures"], "model_type": c["model_type"],
           "hidden_size": c["hidden_size"], "intermediate_size": c["intermediate_size"],
           "num_hidden_layers": c["num_hidden_layers"], "num_attention_heads": c["num_attention_heads"],
           "num_key_value_heads": c["num_key_value_heads"]}
    if c["explicit_head_dim"]:
        cfg["head_dim"] = c["head_dim"]
    cfg.update({"hidden_act": "silu", "max_position_embeddings": c["max_position_embeddings"],
                "rms_norm_eps": c["rms_norm_eps"], "rope_theta": c["rope_theta"], "rope_scaling": None,
                "attention_dropout": 0.0, "initializer_range": 0.02, "vocab_size": c["vocab_size"],
                "tie_word_embeddings": True, "torch_dtype": "float32", "use_cache": True})
    if c["model_type"] == "llama":  # SmolLM2: bos <|im_start|>, eos = pad = <|im_end|>
        cfg.update({"attention_bias": False, "mlp_bias": False, "pretraining_tp": 1,
                    "bos_token_id": s["<|im_start|>"], "eos_token_id": s["<|im_end|>"],
                    "pad_token_id": s["<|im_end|>"]})
    else:  # Qwen2.5-Instruct / Qwen3: bos <|endoftext|>, eos <|im_end|>, pad <|endoftext|>
        cfg.update({"use_sliding_window": False, "sliding_window": None,
                    "max_window_layers": c["num_hidden_layers"],
                    "bos_token_id": s["<|endoftext|>"], "eos_token_id": s["<|im_end|>"],
                    "pad_token_id": s["<|endoftext|>"]})
        if c["model_type"] == "qwen3":
            cfg["attention_bias"] = False
    cfg["transformers.js_config"] = {"kv_cache_dtype": {"q4f16": "float16", "fp16": "float16"}}
    return cfg


def tokenizer_config(c, tok: ByteBPE) -> dict:
    decoder = {str(i): {"content": t, "lstrip": False, "normalized": False, "rstrip": False, "single_word": False,
                        "special": True} for t, i in tok.special_ids.items()}
    if c["model_type"] == "llama":
        special = {"bos_token": "<|im_start|>", "eos_token": "<|im_end|>", "pad_token": "<|im_end|>",
                   "unk_token": "<|endoftext|>"}
    else:
        special = {"bos_token": None, "eos_token": "<|im_end|>", "pad_token": "<|endoftext|>", "unk_token": None}
    return {"tokenizer_class": c["tokenizer_class"], "add_bos_token": False, "add_prefix_space": False,
            "added_tokens_decoder": decoder, "additional_special_tokens": ["<|im_start|>", "<|im_end|>"],
            **special, "chat_template": CHAT_TEMPLATE, "clean_up_tokenization_spaces": False, "errors": "replace",
            "model_max_length": c["max_position_embeddings"], "padding_side": "left", "split_special_tokens": False}


def generation_config(c, tok: ByteBPE) -> dict:
    s = tok.special_ids
    if c["model_type"] == "llama":
        return {"bos_token_id": s["<|im_start|>"], "eos_token_id": s["<|im_end|>"], "pad_token_id": s["<|im_end|>"]}
    return {"bos_token_id": s["<|endoftext|>"], "eos_token_id": [s["<|im_end|>"], s["<|endoftext|>"]],
            "pad_token_id": s["<|endoftext|>"], "do_sample": True, "temperature": 0.7, "top_p": 0.8, "top_k": 20,
            "repetition_penalty": 1.05}


def readme(c, tok: ByteBPE, info, sizes) -> str:
    ev = info["eval"]
    hd = f"head_dim {c['head_dim']}" + (" (set in config.json)" if c["explicit_head_dim"] else " (hidden/heads)")
    extra = {"qwen2": "q/k/v projections with biases, o_proj without",
             "llama": "no biases",
             "qwen3": "no q/k/v biases; q_norm/k_norm (RMSNorm over head_dim, per head, before the rotation)"}
    files = "\n".join(f"  - `onnx/{f}` ({d}, {sizes[f] / 1e3:.0f} kB)" for f, d in [
        ("model.onnx", "fp32, `dtype: 'fp32'`"),
        ("model_quantized.onnx", "8-bit weights, DynamicQuantizeLinear + MatMulInteger, `dtype: 'q8'`"),
        ("model_q4.onnx", "4-bit weights, com.microsoft MatMulNBits, block 32, `dtype: 'q4'`"),
        ("model_q4f16.onnx", "the q4 graph in float16: cache and logits float16, `dtype: 'q4f16'`")])
    return f"""# {c['folder']} (test fixture)

A tiny `{c['model_type']}` chat model made by `training/make_fixture_hub_archs.py` to stand in for
`{c['hub']}` in tests that load hub models with transformers.js. **It is a test fixture, not a useful
model**: it has the hub model's architecture, files and interfaces, and has only learned the math
task's format (steps as paragraphs separated by a blank line, a last paragraph "The answer is N.")
and a rough Yes/No self-evaluation.

- Architecture: `{c['architectures'][0]}`, {c['num_hidden_layers']} layers, hidden {c['hidden_size']},
  intermediate {c['intermediate_size']} (SwiGLU), {c['num_attention_heads']} query heads and
  {c['num_key_value_heads']} key/value heads (grouped-query attention), {hd}, RMSNorm
  (eps {c['rms_norm_eps']}), rotary positions (theta {c['rope_theta']:g}), tied embeddings,
  {extra[c['model_type']]}; vocab_size {c['vocab_size']} ({len(tok)} tokens in the tokenizer);
  {info['params']} parameters.
- Tokenizer: byte-level BPE trained by the script on its training text (Qwen2's split regex,
  256 byte symbols + {len(tok.merges)} merges), special tokens `<|endoftext|>`
  {tok.special_ids['<|endoftext|>']}, `<|im_start|>` {tok.special_ids['<|im_start|>']}, `<|im_end|>`
  {tok.special_ids['<|im_end|>']}. Chat template: ChatML (`<|im_start|>role\\n...<|im_end|>\\n`).
- Files, with Optimum's graph interface (inputs `input_ids`, `attention_mask`, `position_ids`,
  `past_key_values.{{i}}.key|value` [batch, {c['num_key_value_heads']}, past, {c['head_dim']}];
  outputs `logits`, `present.{{i}}.key|value`):
{files}
- Training: synthetic grade-school word problems (make_fixture_chat_model.py's generator, no
  benchmark text) in ChatML as the app sends them: solutions, and self-evaluations in the app's
  message format. {info['steps']} steps x ({info['batch']} solutions + {info['eval_batch']}
  self-evaluations), seed {c['seed']}, {info['train_seconds']} s with {info['threads']} torch thread(s).
- Measured with torch, greedy, on fresh problems: answer correct {ev['solve_accuracy']}, format
  followed {ev['solve_format']}; P(Yes) higher for the right than for the wrong version of the same
  steps on {ev['yes_no_separation']} pairs.

Regenerate: `/usr/bin/python3 training/make_fixture_hub_archs.py` (all three fixtures).
Tested by `src/inference/hub-archs.integration.test.ts`.
"""


# ---------------------------------------------------------------- the ONNX check (onnxruntime-node)

CHECK_JS = r"""
import * as ort from 'onnxruntime-node';
import { readFileSync } from 'node:fs';
const spec = JSON.parse(readFileSync(process.argv[1], 'utf8'));
const toHalf = (x) => {  // float32 -> IEEE half bits (round to nearest)
  const f = new Float32Array([x]); const u = new Uint32Array(f.buffer)[0];
  const s = (u >>> 16) & 0x8000; let e = ((u >>> 23) & 0xff) - 127 + 15; let m = u & 0x7fffff;
  if (e <= 0) return s; if (e >= 31) return s | 0x7c00;
  let h = s | (e << 10) | (m >>> 13); if ((m >>> 12) & 1) h += 1; return h;
};
const fromHalf = (h) => {
  const s = h & 0x8000 ? -1 : 1, e = (h >> 10) & 0x1f, f = h & 0x3ff;
  return e === 0 ? s * 2 ** -14 * (f / 1024) : e === 31 ? (f ? NaN : s * Infinity) : s * 2 ** (e - 15) * (1 + f / 1024);
};
const out = {};
for (const [name, path] of Object.entries(spec.files)) {
  try {
    const s = await ort.InferenceSession.create(path);
    const feeds = {};
    for (const [k, v] of Object.entries(spec.ints))
      feeds[k] = new ort.Tensor('int64', BigInt64Array.from(v.data.map(BigInt)), v.dims);
    const half = name === 'q4f16';
    for (const [k, v] of Object.entries(spec.past)) {
      feeds[k] = half ? new ort.Tensor('float16', Uint16Array.from(v.data.map(toHalf)), v.dims)
                      : new ort.Tensor('float32', Float32Array.from(v.data), v.dims);
    }
    const r = await s.run(feeds);
    const L = r.logits; const data = L.type === 'float16' ? Array.from(L.data, fromHalf) : Array.from(L.data);
    const p = r['present.0.key'];
    out[name] = { type: L.type, dims: L.dims, data, present0: p.dims, presentType: p.type };
  } catch (e) { out[name] = { error: String(e.message ?? e).split('\n')[0] }; }
}
console.log(JSON.stringify(out));
"""


def onnx_check(m: CausalLM, tok: ByteBPE, folder: str) -> dict:
    """Each graph against torch on the export's batch (left padding, a cache); needs node."""
    ids, mask, pos, past = example_inputs(m.c, tok)
    with torch.no_grad():
        ref, _ = m(ids, mask, pos, [(past[2 * i], past[2 * i + 1]) for i in range(len(past) // 2)])
    real = mask[:, 3:].bool()
    spec = {"files": {d: os.path.join(folder, "onnx", f) for d, f in DTYPE_FILES.items()},
            "ints": {k: {"data": v.reshape(-1).tolist(), "dims": list(v.shape)}
                     for k, v in [("input_ids", ids), ("attention_mask", mask), ("position_ids", pos)]},
            "past": {}}
    for i in range(len(past) // 2):
        for j, kv in enumerate(("key", "value")):
            t = past[2 * i + j]
            spec["past"][f"past_key_values.{i}.{kv}"] = {"data": t.reshape(-1).tolist(), "dims": list(t.shape)}
    spec_path = os.path.join(folder, ".check.json")
    with open(spec_path, "w") as f:
        json.dump(spec, f)
    try:
        res = subprocess.run(["node", "--input-type=module", "-e", CHECK_JS, spec_path], cwd=ROOT,
                             capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as e:
        return {"skipped": str(e)}
    finally:
        os.remove(spec_path)
    if res.returncode != 0:
        return {"skipped": res.stderr.strip().splitlines()[-1] if res.stderr.strip() else "node failed"}
    out = json.loads(res.stdout)
    report = {}
    for d, r in out.items():
        if "error" in r:
            report[d] = {"error": r["error"]}
            continue
        got = torch.tensor(r["data"]).reshape(r["dims"])
        diff = (got - ref).abs()[real].max().item()
        agree = (got.argmax(-1) == ref.argmax(-1))[real].float().mean().item()
        report[d] = {"logits": r["type"], "present.0.key": f"{r['presentType']}{r['present0']}",
                     "max_abs_diff": round(diff, 5), "argmax_agreement": round(agree, 3)}
    return report


DTYPE_FILES = {"fp32": "model.onnx", "q8": "model_quantized.onnx", "q4": "model_q4.onnx",
               "q4f16": "model_q4f16.onnx"}


def build(name: str, tok: ByteBPE, args):
    c = dict(ARCHS[name], model_type=name)
    c["vocab_size"] = -(-len(tok) // c["pad_vocab_to"]) * c["pad_vocab_to"]
    m, secs = train(c, tok, args)
    check_paths(m, tok)
    ev = evaluate(m, tok, args.eval_solve, args.eval_pairs, seed=c["seed"] + 1)
    print(f"[{name}] {json.dumps(ev)}", flush=True)
    folder = os.path.join(args.out, c["folder"])
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(os.path.join(folder, "onnx"))
    dump(folder, "config.json", config_json(c, tok))
    dump(folder, "generation_config.json", generation_config(c, tok))
    dump(folder, "tokenizer.json", tok.tokenizer_json())
    dump(folder, "tokenizer_config.json", tokenizer_config(c, tok))
    onnx_dir = os.path.join(folder, "onnx")
    fp32 = os.path.join(onnx_dir, DTYPE_FILES["fp32"])
    export_fp32(m, tok, fp32)
    quantize_q8(fp32, os.path.join(onnx_dir, DTYPE_FILES["q8"]))
    n4 = quantize_q4(fp32, os.path.join(onnx_dir, DTYPE_FILES["q4"]))
    to_float16(os.path.join(onnx_dir, DTYPE_FILES["q4"]), os.path.join(onnx_dir, DTYPE_FILES["q4f16"]),
               float_types(fp32))
    sizes = {f: os.path.getsize(os.path.join(onnx_dir, f)) for f in DTYPE_FILES.values()}
    info = dict(params=m.num_params(), steps=args.steps, batch=args.batch, eval_batch=args.eval_batch,
                train_seconds=round(secs), threads=args.threads, eval=ev)
    with open(os.path.join(folder, "README.md"), "w") as f:
        f.write(readme(c, tok, info, sizes))
    print(f"[{name}] {n4} MatMuls in 4 bits; sizes " + ", ".join(f"{f} {s / 1e3:.0f} kB" for f, s in sizes.items()),
          flush=True)
    print(f"[{name}] onnxruntime-node vs torch: {json.dumps(onnx_check(m, tok, folder))}", flush=True)


def tokenizer_texts(n: int, seed: int):
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        pb = make_problem(rng)
        texts.append("".join(solve_text(pb) if i % 3 else eval_text(pb, rng.random() < 0.5, rng)))
    return texts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", choices=sorted(ARCHS), action="append", help="build only this one (repeatable)")
    ap.add_argument("--out", default=FIXTURES, help="where the model folders go (default: the e2e fixtures)")
    ap.add_argument("--steps", type=int, default=800)
    ap.add_argument("--batch", type=int, default=24, help="solutions per step")
    ap.add_argument("--eval-batch", type=int, default=8, help="self-evaluations per step")
    ap.add_argument("--lr", type=float, default=4e-3)
    ap.add_argument("--warmup", type=int, default=40)
    ap.add_argument("--merges", type=int, default=445, help="BPE merges at most (it stops when no pair is left)")
    ap.add_argument("--log-every", type=int, default=50)
    ap.add_argument("--eval-solve", type=int, default=20)
    ap.add_argument("--eval-pairs", type=int, default=20)
    ap.add_argument("--threads", type=int, default=1,
                    help="torch threads (1: on a busy 2-core machine a second thread only contends, 15x slower)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    t0 = time.time()
    tok = ByteBPE.train(tokenizer_texts(3000, seed=20300), args.merges)
    sample = solve_text(make_problem(random.Random(1)))
    ids = tok.encode("".join(sample))
    assert tok.decode(ids) == "".join(sample)
    print(f"tokenizer: {len(tok)} tokens ({len(tok.merges)} merges); a solution example is {len(ids)} tokens "
          f"({len(''.join(sample))} characters); {time.time() - t0:.0f}s", flush=True)
    for name in args.only or list(ARCHS):
        build(name, tok, args)
    print(f"done in {time.time() - t0:.0f}s", flush=True)


if __name__ == "__main__":
    main()

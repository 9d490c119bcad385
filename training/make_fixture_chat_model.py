"""A tiny "instruct" chat model for tests: e2e/fixtures/hub/rlm-playground/tiny-math-chat/.

It stands in for a hub chat model (e.g. onnx-community/Qwen2.5-0.5B-Instruct) in tests of the
natural-language math task. It is not meant to be smart: it is a real transformers.js-loadable
causal LM (GPT-2 layout, character vocabulary, chat template) that has learned the format.

  /usr/bin/python3 training/make_fixture_chat_model.py            # about 4 min on 2 CPU cores
  /usr/bin/python3 training/make_fixture_chat_model.py --steps 20  # smoke run (format only)
  node training/check_fixture_chat_model.mjs                       # transformers.js check

Training text: synthetic grade-school word problems made up here (random names, objects and
numbers; +, - and *, one or two steps), in the chat format

  <|user|>\n{INSTRUCTIONS}\n\nProblem: {question}<|end|>\n<|assistant|>\n{step}\n\n{step}\n\nThe answer is N.<|end|>\n<|endoftext|>

plus self-evaluation examples (user: the problem, "Steps so far:" and the question
"Are the steps so far correct? Answer Yes or No."; assistant: "Yes", or "No" when the last step
has an arithmetic error put there on purpose). No benchmark text is used. Loss on the assistant
tokens only. Fixed seeds; everything is regenerated from scratch.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import sys
import time

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
sys.path.insert(0, HERE)
from model import GPT  # noqa: E402
from export_onnx import PolicyGraph  # noqa: E402
from quantize import quantize  # noqa: E402

OUT_DIR = os.path.join(ROOT, "e2e", "fixtures", "hub", "rlm-playground", "tiny-math-chat")
N_POSITIONS = 512

# ---------------------------------------------------------------- vocabulary and chat format

SPECIALS = ["<pad>", "<unk>", "<|endoftext|>", "<|user|>", "<|assistant|>", "<|end|>"]
CHARS = [chr(c) for c in range(0x20, 0x7F)] + ["\n"]
VOCAB = SPECIALS + CHARS
STOI = {t: i for i, t in enumerate(VOCAB)}
PAD_ID, UNK_ID, EOS_ID, USER_ID, ASSISTANT_ID, END_ID = range(6)
VOCAB_SIZE = len(VOCAB)
_SPECIAL_RE = re.compile("(" + "|".join(re.escape(t) for t in SPECIALS) + ")")

INSTRUCTIONS = ("Solve the problem step by step. Write each step as a short paragraph and separate steps "
                "with a blank line. End with a last paragraph of the form \"The answer is N.\" where N is "
                "a number.")
EVAL_QUESTION = "Are the steps so far correct? Answer Yes or No."

CHAT_TEMPLATE = ("{% for message in messages %}<|{{ message['role'] }}|>\n{{ message['content'] }}<|end|>\n"
                 "{% endfor %}{% if add_generation_prompt %}<|assistant|>\n{% endif %}")


def encode(text: str):
    ids = []
    for part in _SPECIAL_RE.split(text):
        if part in STOI and part in SPECIALS:
            ids.append(STOI[part])
        else:
            ids.extend(STOI.get(c, UNK_ID) for c in part)
    return ids


def decode(ids) -> str:
    return "".join(VOCAB[i] for i in ids if i >= len(SPECIALS))


def render(messages, add_generation_prompt: bool = False) -> str:
    """What CHAT_TEMPLATE renders (check_fixture_chat_model.mjs compares the two)."""
    s = "".join(f"<|{m['role']}|>\n{m['content']}<|end|>\n" for m in messages)
    return s + ("<|assistant|>\n" if add_generation_prompt else "")


def solve_prompt(question: str) -> str:
    return f"{INSTRUCTIONS}\n\nProblem: {question}"


def eval_prompt(question: str, steps) -> str:
    return f"Problem: {question}\n\nSteps so far:\n" + "\n\n".join(steps) + f"\n\n{EVAL_QUESTION}"


# ---------------------------------------------------------------- synthetic word problems
# (mirrored in check_fixture_chat_model.mjs, which draws its own fresh problems)

NAMES = [("Sara", "f"), ("Tom", "m"), ("Nina", "f"), ("Omar", "m"), ("Lena", "f"), ("Ben", "m"),
         ("Maya", "f"), ("Leo", "m"), ("Ava", "f"), ("Sam", "m"), ("Iris", "f"), ("Raj", "m"),
         ("Zoe", "f"), ("Max", "m"), ("Ella", "f"), ("Hugo", "m"), ("Mia", "f"), ("Ivan", "m"),
         ("Rosa", "f"), ("Eli", "m"), ("Kim", "f"), ("Noah", "m"), ("Lucy", "f"), ("Carlos", "m"),
         ("Anna", "f"), ("Jack", "m"), ("Priya", "f"), ("Dan", "m"), ("Grace", "f"), ("Theo", "m")]
OBJECTS = ["apples", "marbles", "stickers", "pencils", "cookies", "books", "shells", "coins", "cards",
           "balloons", "stamps", "crayons", "buttons", "flowers", "eggs", "beads", "oranges", "candies",
           "rocks", "toy cars", "lemons", "feathers", "ribbons", "pears"]
BOXES = ["boxes", "bags", "jars", "baskets", "bowls", "trays"]

# kind -> list of (question, steps); the last step's result is the answer
TEMPLATES = {
    "add": [
        ("{N} has {a} {obj}. {P} buys {b} more. How many {obj} does {p} have now?",
         ["First, {N} has {a} {obj}.", "Then {p} buys {b} more, so {a} + {b} = {c}."]),
        ("{N} picked {a} {obj} in the morning and {b} {obj} in the afternoon. How many {obj} did {p} pick in all?",
         ["First, {N} picked {a} {obj} in the morning.", "Then {p} picked {b} more, so {a} + {b} = {c}."]),
        ("There are {a} {obj} in a basket. {N} puts in {b} more. How many {obj} are in the basket now?",
         ["First, the basket has {a} {obj}.", "Then {N} puts in {b} more, so {a} + {b} = {c}."]),
    ],
    "sub": [
        ("{N} has {a} {obj} and gives {b} to {F}. How many {obj} does {p} have left?",
         ["First, {N} has {a} {obj}.", "Then {p} gives {b} to {F}, so {a} - {b} = {c}."]),
        ("{N} had {a} {obj}. {P} lost {b} of them. How many {obj} does {p} have now?",
         ["First, {N} had {a} {obj}.", "Then {p} lost {b}, so {a} - {b} = {c}."]),
    ],
    "mul": [
        ("{N} has {a} {box} with {b} {obj} in each. How many {obj} does {p} have?",
         ["First, there are {a} {box} with {b} {obj} each.", "Then {N} has {a} * {b} = {c} {obj}."]),
        ("{N} buys {a} packs of {obj}. Each pack has {b} {obj}. How many {obj} does {p} buy?",
         ["First, {N} buys {a} packs.", "Then each pack has {b} {obj}, so {a} * {b} = {c}."]),
    ],
    "addsub": [
        ("{N} has {a} {obj}. {P} buys {b} more and then gives {d} to {F}. How many {obj} does {p} have now?",
         ["First, {N} has {a} {obj}.", "Then {p} buys {b} more, so {a} + {b} = {s}.",
          "Next {p} gives {d} to {F}, so {s} - {d} = {c}."]),
    ],
    "muladd": [
        ("{N} has {a} {box} with {b} {obj} in each and {d} more {obj} on the table. How many {obj} does {p} have in all?",
         ["First, there are {a} {box} with {b} {obj} each, so {a} * {b} = {s}.",
          "Then adding the {d} on the table gives {s} + {d} = {c}."]),
    ],
}
KINDS = ["add", "sub", "mul", "addsub", "muladd"]


def make_problem(rng: random.Random):
    kind = rng.choice(KINDS)
    q, steps = rng.choice(TEMPLATES[kind])
    (name, g), (friend, _) = rng.sample(NAMES, 2)
    v = dict(N=name, F=friend, P="She" if g == "f" else "He", p="she" if g == "f" else "he",
             obj=rng.choice(OBJECTS), box=rng.choice(BOXES))
    if kind == "add":
        a, b = rng.randint(2, 40), rng.randint(2, 30)
        v.update(a=a, b=b, c=a + b)
    elif kind == "sub":
        a = rng.randint(5, 50)
        b = rng.randint(1, a - 1)
        v.update(a=a, b=b, c=a - b)
    elif kind == "mul":
        a, b = rng.randint(2, 9), rng.randint(2, 9)
        v.update(a=a, b=b, c=a * b)
    elif kind == "addsub":
        a, b = rng.randint(2, 30), rng.randint(2, 20)
        d = rng.randint(1, a + b - 1)
        v.update(a=a, b=b, s=a + b, d=d, c=a + b - d)
    else:
        a, b, d = rng.randint(2, 9), rng.randint(2, 9), rng.randint(1, 20)
        v.update(a=a, b=b, s=a * b, d=d, c=a * b + d)
    return {"kind": kind, "question": q.format(**v), "steps": [s.format(**v) for s in steps],
            "answer": v["c"], "vars": v, "step_templates": steps}


def wrong_value(rng: random.Random, right: int) -> int:
    while True:
        w = right + rng.choice([-1, 1]) * rng.choice([1, 1, 2, 2, 3, 4, 5, 10])
        if w >= 0 and w != right:
            return w


def corrupt_step(step: str, rng: random.Random):
    """The step with the result of its equation changed (an arithmetic error), and the new value."""
    m = list(re.finditer(r"= (\d+)", step))[-1]
    w = wrong_value(rng, int(m.group(1)))
    return step[:m.start(1)] + str(w) + step[m.end(1):], w


def solve_example(pb) -> str:
    sol = "\n\n".join(pb["steps"] + [f"The answer is {pb['answer']}."])
    return render([{"role": "user", "content": solve_prompt(pb["question"])},
                   {"role": "assistant", "content": sol}])


def eval_example(pb, correct: bool, rng: random.Random):
    """Self-evaluation: steps up to an equation step (sometimes the whole solution); wrong = that step's
    result changed (propagated into the answer line when it is there)."""
    eq = [i for i, s in enumerate(pb["steps"]) if "=" in s]
    e = rng.choice(eq)
    steps = list(pb["steps"][:e + 1])
    full = e == eq[-1] and rng.random() < 0.3
    value = pb["answer"]
    if not correct:
        steps[e], value = corrupt_step(steps[e], rng)
    if full:
        steps.append(f"The answer is {value}.")
    return render([{"role": "user", "content": eval_prompt(pb["question"], steps)},
                   {"role": "assistant", "content": "Yes" if correct else "No"}]), steps


SOLVE_PREFIX = encode(render([{"role": "user", "content": solve_prompt("")}]))[:-2]  # up to "Problem: "


def example(rng: random.Random, solve: bool):
    """(token ids, loss weights): loss on the assistant reply only; the Yes/No letter weighs more.
    Solve examples are returned without SOLVE_PREFIX (shared by all of them, computed once a step)."""
    pb = make_problem(rng)
    if solve:
        text = solve_example(pb)
    else:
        text, _ = eval_example(pb, rng.random() < 0.5, rng)
    ids = encode(text) + [EOS_ID]
    if solve:
        assert ids[:len(SOLVE_PREFIX)] == SOLVE_PREFIX
        ids = ids[len(SOLVE_PREFIX):]
    start = max(i for i, t in enumerate(ids) if t == ASSISTANT_ID) + 2  # after "<|assistant|>\n"
    w = [0.0] * start + [1.0] * (len(ids) - start)
    # some loss on the problem statement too (more signal per example; never on the steps given)
    q0 = 0 if solve else len(encode("<|user|>\nProblem: "))
    q1 = q0 + len(pb["question"])
    for i in range(q0, q1):
        w[i] = QUESTION_WEIGHT
    if not solve:
        w[start] = YES_NO_WEIGHT
    return ids, w


YES_NO_WEIGHT = 8.0
QUESTION_WEIGHT = 0.3


def batches(rng: random.Random, solve: bool, size: int):
    """Endless batches of examples of similar length (less padding)."""
    while True:
        pool = sorted((example(rng, solve) for _ in range(size * 16)), key=lambda e: len(e[0]))
        chunks = [pool[i:i + size] for i in range(0, len(pool), size)]
        rng.shuffle(chunks)
        for c in chunks:
            T = max(len(ids) for ids, _ in c)
            x = torch.full((size, T), PAD_ID, dtype=torch.long)
            w = torch.zeros(size, T)
            for i, (ids, ws) in enumerate(c):
                x[i, :len(ids)] = torch.tensor(ids)
                w[i, :len(ws)] = torch.tensor(ws)
            yield x, w


def weighted_ce(logits, x, w):
    ce = F.cross_entropy(logits[:, :-1].reshape(-1, VOCAB_SIZE), x[:, 1:].reshape(-1), reduction="none")
    ww = w[:, 1:].reshape(-1)
    return (ce * ww).sum(), ww.sum()


# ---------------------------------------------------------------- training


def lr_at(step: int, total: int, peak: float, warmup: int) -> float:
    if step < warmup:
        return peak * (step + 1) / warmup
    p = (step - warmup) / max(1, total - warmup)
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, p))))


def train(args):
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    m = GPT(args.layers, args.heads, args.d, "lm", vocab_size=VOCAB_SIZE, n_positions=N_POSITIONS)
    if args.sin_pos:
        # start the learned positions from (small) sinusoids: relative attention ("the token before",
        # "copy what follows") is then reachable at once instead of being learned position by position
        pos = torch.arange(N_POSITIONS, dtype=torch.float32)[:, None]
        freq = torch.exp(-math.log(10000.0) * torch.arange(0, args.d, 2, dtype=torch.float32) / args.d)
        pe = torch.zeros(N_POSITIONS, args.d)
        pe[:, 0::2], pe[:, 1::2] = torch.sin(pos * freq), torch.cos(pos * freq)
        with torch.no_grad():
            m.wpe.weight.copy_(pe * args.sin_pos / math.sqrt(args.d / 2))
    decay = [p for _, p in m.named_parameters() if p.dim() >= 2]
    no_decay = [p for _, p in m.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=args.lr, betas=(0.9, 0.98), eps=1e-8)
    print(f"{m.num_params()} parameters, {args.steps} steps x ({args.batch} solve + {args.eval_batch} self-eval)",
          flush=True)
    solve_b, eval_b = batches(rng, True, args.batch), batches(rng, False, args.eval_batch)
    prefix = torch.tensor([SOLVE_PREFIX])
    P = prefix.shape[1]
    t0 = time.time()
    acc = [0.0, 0.0, 0.0, 0.0]
    m.train()
    for step in range(args.steps):
        for g in opt.param_groups:
            g["lr"] = lr_at(step, args.steps, args.lr, args.warmup)
        # solve examples: the shared prefix once, then every suffix from its (expanded) key/value cache
        xs, ws = next(solve_b)
        B, T = xs.shape
        _, past = m.forward_cached(prefix, torch.ones(1, P, dtype=torch.long), torch.arange(P)[None], None)
        past = [(k.expand(B, -1, -1, -1), v.expand(B, -1, -1, -1)) for k, v in past]
        ls, _ = m.forward_cached(xs, torch.ones(B, P + T, dtype=torch.long),
                                 torch.arange(P, P + T)[None].expand(B, -1), past)
        s_sum, s_n = weighted_ce(ls, xs, ws)
        xe, we = next(eval_b)
        e_sum, e_n = weighted_ce(m.forward_train(xe), xe, we)
        loss = s_sum / s_n + e_sum / e_n
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0)
        opt.step()
        acc = [acc[0] + float(s_sum), acc[1] + float(s_n), acc[2] + float(e_sum), acc[3] + float(e_n)]
        if (step + 1) % args.log_every == 0 or step + 1 == args.steps:
            el = time.time() - t0
            print(f"step {step + 1}/{args.steps} solve loss {acc[0] / acc[1]:.4f} self-eval loss "
                  f"{acc[2] / acc[3]:.4f} lr {opt.param_groups[0]['lr']:.2e} {el:.0f}s "
                  f"({el / (step + 1):.2f}s/step)", flush=True)
            acc = [0.0, 0.0, 0.0, 0.0]
        if args.sample_every and (step + 1) % args.sample_every == 0:
            m.eval()
            pb = make_problem(random.Random(0))
            out = greedy(m, render([{"role": "user", "content": solve_prompt(pb["question"])}], True), 120)
            print(f"  sample: {pb['question']} -> {out!r}", flush=True)
            m.train()
    m.eval()
    return m, time.time() - t0


# ---------------------------------------------------------------- evaluation (torch, greedy)


@torch.no_grad()
def greedy(m, prompt: str, max_new: int = 200) -> str:
    ids = encode(prompt)
    n0 = len(ids)
    past = None
    x = torch.tensor([ids])
    for _ in range(max_new):
        L = len(ids)
        mask = torch.ones(1, L, dtype=torch.long)
        pos = torch.arange(L - x.shape[1], L).unsqueeze(0)
        logits, past = m.forward_cached(x, mask, pos, past)
        t = int(logits[0, -1].argmax())
        ids.append(t)
        if t in (END_ID, EOS_ID) or len(ids) >= N_POSITIONS:
            break
        x = torch.tensor([[t]])
    return decode(ids[n0:])


@torch.no_grad()
def p_yes(m, prompt: str) -> float:
    logits = m.forward_train(torch.tensor([encode(prompt)]))[0, -1]
    pr = torch.softmax(logits.float(), -1)
    y, n = float(pr[STOI["Y"]]), float(pr[STOI["N"]])
    return y / (y + n)


def answer_of(text: str):
    found = re.findall(r"The answer is (-?\d+)\.", text)
    return int(found[-1]) if found else None


def evaluate(m, n_solve: int, n_eval: int, seed: int):
    rng = random.Random(seed)
    correct = formatted = 0
    samples = []
    for i in range(n_solve):
        pb = make_problem(rng)
        out = greedy(m, render([{"role": "user", "content": solve_prompt(pb["question"])}], True))
        a = answer_of(out)
        formatted += a is not None and "\n\n" in out
        correct += a == pb["answer"]
        if i < 2:
            samples.append({"question": pb["question"], "answer": pb["answer"], "output": out})
    sep = 0
    for _ in range(n_eval):
        pb = make_problem(rng)
        s = rng.getstate()
        good, _ = eval_example(pb, True, rng)
        rng.setstate(s)  # same prefix, the wrong version
        bad, _ = eval_example(pb, False, rng)
        py = p_yes(m, good[:good.rindex("<|assistant|>\n") + 14])
        pn = p_yes(m, bad[:bad.rindex("<|assistant|>\n") + 14])
        sep += py > pn
    return {"solve_accuracy": f"{correct}/{n_solve}", "solve_format": f"{formatted}/{n_solve}",
            "yes_no_separation": f"{sep}/{n_eval}", "samples": samples}


# ---------------------------------------------------------------- export


def tokenizer_json():
    return {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                          "normalized": False, "special": True} for i, t in enumerate(SPECIALS)],
        "normalizer": None, "pre_tokenizer": None, "post_processor": None,
        "decoder": {"type": "Fuse"},
        "model": {"type": "BPE", "dropout": None, "unk_token": "<unk>", "continuing_subword_prefix": None,
                  "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                  "vocab": {t: i for i, t in enumerate(VOCAB)}, "merges": []},
    }


def write_folder(m, info):
    if os.path.isdir(OUT_DIR):
        shutil.rmtree(OUT_DIR)
    os.makedirs(os.path.join(OUT_DIR, "onnx"))

    def dump(name, obj):
        with open(os.path.join(OUT_DIR, name), "w") as f:
            json.dump(obj, f, indent=1 if name == "tokenizer.json" else 2, ensure_ascii=False)
            f.write("\n")

    dump("config.json", {
        "model_type": "gpt2", "architectures": ["GPT2LMHeadModel"],
        "n_layer": m.n_layer, "n_head": m.n_head, "n_embd": m.n_embd, "n_inner": 4 * m.n_embd,
        "vocab_size": VOCAB_SIZE, "n_positions": N_POSITIONS, "n_ctx": N_POSITIONS,
        "activation_function": "gelu", "layer_norm_epsilon": 1e-5, "tie_word_embeddings": True,
        "bos_token_id": EOS_ID, "eos_token_id": EOS_ID, "pad_token_id": PAD_ID, "use_cache": True,
    })
    dump("generation_config.json", {"bos_token_id": EOS_ID, "eos_token_id": [END_ID, EOS_ID],
                                    "pad_token_id": PAD_ID, "max_length": N_POSITIONS, "do_sample": False})
    dump("tokenizer.json", tokenizer_json())
    dump("tokenizer_config.json", {
        "tokenizer_class": "PreTrainedTokenizerFast", "padding_side": "left",
        "bos_token": None, "eos_token": "<|endoftext|>", "pad_token": "<pad>", "unk_token": "<unk>",
        "additional_special_tokens": ["<|user|>", "<|assistant|>", "<|end|>"],
        "add_bos_token": False, "add_eos_token": False, "clean_up_tokenization_spaces": False,
        "model_max_length": N_POSITIONS, "chat_template": CHAT_TEMPLATE,
    })

    L, H, hd = m.n_layer, m.n_head, m.n_embd // m.n_head
    seqs = [encode("<|user|>\nHi there<|end|>\n<|assistant|>\n"), encode("<|user|>\nA<|end|>\n<|assistant|>\n")]
    T = max(len(s) for s in seqs)
    ids = torch.tensor([[PAD_ID] * (T - len(s)) + s for s in seqs])
    real = torch.tensor([[0] * (T - len(s)) + [1] * len(s) for s in seqs])
    mask = torch.cat([torch.ones(2, 3, dtype=torch.long), real], 1)
    pos = (mask.cumsum(1) - 1)[:, 3:].masked_fill(real == 0, 1)
    past = []
    for _ in range(L):
        past += [torch.zeros(2, H, 3, hd), torch.zeros(2, H, 3, hd)]
    names_in, names_out = ["input_ids", "attention_mask", "position_ids"], ["logits"]
    dyn = {"input_ids": {0: "batch_size", 1: "sequence_length"},
           "attention_mask": {0: "batch_size", 1: "total_sequence_length"},
           "position_ids": {0: "batch_size", 1: "sequence_length"},
           "logits": {0: "batch_size", 1: "sequence_length"}}
    for i in range(L):
        for kv in ("key", "value"):
            names_in.append(f"past_key_values.{i}.{kv}")
            names_out.append(f"present.{i}.{kv}")
            dyn[f"past_key_values.{i}.{kv}"] = {0: "batch_size", 2: "past_sequence_length"}
            dyn[f"present.{i}.{kv}"] = {0: "batch_size", 2: "total_sequence_length"}
    path = os.path.join(OUT_DIR, "onnx", "model.onnx")
    torch.onnx.export(PolicyGraph(m), (ids, mask, pos, *past), path, input_names=names_in,
                      output_names=names_out, dynamic_axes=dyn, opset_version=14, do_constant_folding=True)
    n_q = quantize(path, os.path.join(OUT_DIR, "onnx", "model_quantized.onnx"))

    ev = info["eval"]
    readme = f"""# tiny-math-chat (test fixture)

A tiny chat ("instruct") model made by this project to stand in for a hub chat model such as
`onnx-community/Qwen2.5-0.5B-Instruct` in tests of the natural-language math task. **It is a test
fixture, not a useful model**: it has only learned the answer format (steps as paragraphs separated by
a blank line, a last paragraph "The answer is N.") and a rough Yes/No self-evaluation.

- Architecture: GPT-2 style decoder (pre-LN, learned positions, tied embeddings), {m.n_layer} layers,
  d_model {m.n_embd}, {m.n_head} heads, {N_POSITIONS} positions, {info['params']} parameters.
- Tokenizer: one token per character (printable ASCII and newline) plus the special tokens
  `<pad>` 0, `<unk>` 1, `<|endoftext|>` 2 (eos), `<|user|>` 3, `<|assistant|>` 4, `<|end|>` 5.
  `generation_config.json` stops at `<|end|>` or `<|endoftext|>`.
- Chat template: each message as `<|role|>\\n{{content}}<|end|>\\n`; the generation prompt is
  `<|assistant|>\\n`.
- Files: `onnx/model.onnx` (fp32, `dtype: 'fp32'`) and `onnx/model_quantized.onnx` (8-bit weights,
  {n_q} MatMuls, `dtype: 'q8'`); inputs `input_ids`, `attention_mask`, `position_ids`,
  `past_key_values.{{i}}.key|value`; outputs `logits`, `present.{{i}}.key|value`.
- Training data: synthetic grade-school word problems generated by the script (random names, objects
  and numbers; +, - and *, one or two steps), no benchmark text: solutions and
  self-evaluations ("Steps so far: ... Are the steps so far correct? Answer Yes or No." answered "No"
  when the last step has a deliberate arithmetic error). {info['steps']} steps x ({info['batch']} solutions +
  {info['eval_batch']} self-evaluations),
  seed {info['seed']}, {info['train_seconds']} s on 2 CPU threads (bfloat16 autocast).
- Measured with torch on fresh synthetic problems (greedy): answer correct {ev['solve_accuracy']},
  format followed {ev['solve_format']}; P(Yes) higher for the correct than for the wrong version of
  the same steps on {ev['yes_no_separation']} pairs.

Regenerate: `/usr/bin/python3 training/make_fixture_chat_model.py`, then check with transformers.js:
`node training/check_fixture_chat_model.mjs`.
"""
    with open(os.path.join(OUT_DIR, "README.md"), "w") as f:
        f.write(readme)
    total = 0
    for dp, _, fs in os.walk(OUT_DIR):
        for fn in fs:
            total += os.path.getsize(os.path.join(dp, fn))
    print(f"{OUT_DIR}: {total / 1e6:.2f} MB in all; fp32 {os.path.getsize(path) / 1e6:.2f} MB, "
          f"q8 {os.path.getsize(os.path.join(OUT_DIR, 'onnx', 'model_quantized.onnx')) / 1e6:.2f} MB", flush=True)


def check_paths(m):
    """The exported (cached, left-padded) path agrees with the training path."""
    with torch.no_grad():
        text = render([{"role": "user", "content": solve_prompt("Sara has 7 apples. She buys 5 more.")}], True)
        ids = encode(text)
        full = m.forward_train(torch.tensor([ids]))
        k = 3
        mask = torch.ones(1, len(ids), dtype=torch.long)
        l1, past = m.forward_cached(torch.tensor([ids[:-k]]), mask[:, :-k], torch.arange(len(ids) - k)[None], None)
        l2, _ = m.forward_cached(torch.tensor([ids[-k:]]), mask, torch.arange(len(ids) - k, len(ids))[None], past)
        assert (torch.cat([l1, l2], 1) - full).abs().max() < 1e-3, "cached path disagrees"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=700)
    ap.add_argument("--batch", type=int, default=24, help="solve examples per step")
    ap.add_argument("--eval-batch", type=int, default=8, help="self-evaluation examples per step")
    ap.add_argument("--layers", type=int, default=3)
    ap.add_argument("--d", type=int, default=64)
    ap.add_argument("--heads", type=int, default=2)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--warmup", type=int, default=50)
    ap.add_argument("--seed", type=int, default=20261)
    ap.add_argument("--log-every", type=int, default=25)
    ap.add_argument("--sample-every", type=int, default=0)
    ap.add_argument("--sin-pos", type=float, default=0.0, help="norm of the sinusoidal position init (0: GPT-2's)")
    ap.add_argument("--eval-solve", type=int, default=20)
    ap.add_argument("--eval-pairs", type=int, default=40)
    args = ap.parse_args()
    torch.set_num_threads(2)
    m, secs = train(args)
    check_paths(m)
    ev = evaluate(m, args.eval_solve, args.eval_pairs, seed=args.seed + 1)
    print(json.dumps(ev, indent=1), flush=True)
    info = dict(params=m.num_params(), steps=args.steps, batch=args.batch, eval_batch=args.eval_batch, seed=args.seed,
                train_seconds=round(secs), eval=ev)
    write_folder(m, info)


if __name__ == "__main__":
    main()

"""Export the trained policy and value models in the layout transformers.js loads.

  public/models/countdown-policy/  config.json generation_config.json tokenizer.json
  public/models/countdown-value/   tokenizer_config.json onnx/model.onnx onnx/model_quantized.onnx

Both graphs take and return a key/value cache (inputs input_ids, attention_mask, position_ids,
past_key_values.{i}.key|value; outputs logits, present.{i}.key|value): the policy's logits are
[batch, seq, vocab], the value model's [batch, seq] (the value logit at every position).

Also writes training/out/onnx_reference.json: torch outputs that check_onnx.mjs compares against.
(reexport_value_cached.py re-exports the shipped value model in this layout without a checkpoint.)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from countdown import solutions, prompt_line  # noqa: E402
from model import (EOS_ID, N_POSITIONS, NL_ID, PAD_ID, SPECIALS, VOCAB, VOCAB_SIZE,  # noqa: E402
                   encode, left_pad, load_checkpoint)
from quantize import quantize  # noqa: E402

OUT = os.path.join(HERE, "out")
MODELS = os.path.join(HERE, "..", "public", "models")


class PolicyGraph(torch.nn.Module):
    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, input_ids, attention_mask, position_ids, *past_flat):
        past = [(past_flat[2 * i], past_flat[2 * i + 1]) for i in range(self.m.n_layer)]
        logits, presents = self.m.forward_cached(input_ids, attention_mask, position_ids, past)
        out = [logits]
        for k, v in presents:
            out += [k, v]
        return tuple(out)


class ValueCachedGraph(torch.nn.Module):
    """The value graph, with the policy's interface: a key/value cache in and out, and the value
    logit at every position ([batch, seq]; a trace's value is the logit at its last real token), so
    that a child state can be scored from its parent's cached keys/values."""

    def __init__(self, m):
        super().__init__()
        assert m.head_kind == "value"
        self.m = m

    def forward(self, input_ids, attention_mask, position_ids, *past_flat):
        past = [(past_flat[2 * i], past_flat[2 * i + 1]) for i in range(self.m.n_layer)]
        logits, presents = self.m.forward_cached(input_ids, attention_mask, position_ids, past)
        out = [logits]
        for k, v in presents:
            out += [k, v]
        return tuple(out)


def tokenizer_json():
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": False, "special": True}
            for i, t in enumerate(SPECIALS)
        ],
        "normalizer": None,
        "pre_tokenizer": None,
        "post_processor": None,
        "decoder": {"type": "Fuse"},
        "model": {
            "type": "BPE", "dropout": None, "unk_token": "<unk>", "continuing_subword_prefix": None,
            "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
            "vocab": {t: i for i, t in enumerate(VOCAB)}, "merges": [],
        },
    }


def tokenizer_config():
    return {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "padding_side": "left",
        "pad_token": "<pad>",
        "unk_token": "<unk>",
        "eos_token": "<eos>",
        "bos_token": None,
        "add_bos_token": False,
        "add_eos_token": False,
        "clean_up_tokenization_spaces": False,
        "model_max_length": N_POSITIONS,
    }


def model_config(m, kind: str):
    cfg = {
        "model_type": "gpt2",
        "architectures": ["GPT2LMHeadModel" if kind == "policy" else "GPT2Model"],
        "n_layer": m.n_layer, "n_head": m.n_head, "n_embd": m.n_embd, "n_inner": 4 * m.n_embd,
        "vocab_size": VOCAB_SIZE, "n_positions": N_POSITIONS, "n_ctx": N_POSITIONS,
        "activation_function": "gelu", "layer_norm_epsilon": 1e-5,
        "tie_word_embeddings": kind == "policy",
        "bos_token_id": EOS_ID, "eos_token_id": EOS_ID, "pad_token_id": PAD_ID,
        "newline_token_id": NL_ID,
        "use_cache": True,
    }
    if kind == "value":
        cfg["value_head"] = ("logits [batch, seq] = the value logit at every position; a trace's value is the "
                             "logit at its last real token (the last column with left padding); sigmoid(logit) = "
                             "P(target still reachable from the numbers left). Cache in/out as the policy's.")
    return cfg


def write_common(folder: str, m, kind: str):
    os.makedirs(os.path.join(folder, "onnx"), exist_ok=True)
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(model_config(m, kind), f, indent=2)
    gen = {"bos_token_id": EOS_ID, "eos_token_id": [NL_ID, EOS_ID], "pad_token_id": PAD_ID,
           "max_length": N_POSITIONS}
    with open(os.path.join(folder, "generation_config.json"), "w") as f:
        json.dump(gen, f, indent=2)
    with open(os.path.join(folder, "tokenizer.json"), "w") as f:
        json.dump(tokenizer_json(), f, indent=1, ensure_ascii=False)
    with open(os.path.join(folder, "tokenizer_config.json"), "w") as f:
        json.dump(tokenizer_config(), f, indent=2)


def _export_cached(graph, m, folder: str, texts):
    """torch.onnx.export of a graph with the cache interface (inputs input_ids, attention_mask,
    position_ids, past_key_values.{i}.key|value; outputs logits [batch, seq, ...], present.{i}.*).
    Head count and head size stay fixed numbers in the graph: transformers.js builds the empty first
    cache from the declared shapes (batch_size -> batch, any other symbol -> 0)."""
    L, H, hd = m.n_layer, m.n_head, m.n_embd // m.n_head
    ids, mask, pos = left_pad([encode(t) for t in texts])
    B = ids.shape[0]
    past = []
    for _ in range(L):
        past += [torch.zeros(B, H, 3, hd), torch.zeros(B, H, 3, hd)]
    mask = torch.cat([torch.ones(B, 3, dtype=torch.long), mask], 1)
    names_in = ["input_ids", "attention_mask", "position_ids"]
    names_out = ["logits"]
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
    path = os.path.join(folder, "onnx", "model.onnx")
    torch.onnx.export(graph, (ids, mask, pos, *past), path, input_names=names_in,
                      output_names=names_out, dynamic_axes=dyn, opset_version=14, do_constant_folding=True)
    return path


def export_policy(m, folder: str):
    return _export_cached(PolicyGraph(m), m, folder, ["4 5 6 10 -> 24\n10", "1 2 3 -> 6\n"])


def export_value_cached(m, folder: str):
    """Value graph with a key/value cache: logits [batch, seq] (value logit at every position)."""
    return _export_cached(ValueCachedGraph(m), m, folder, ["4 5 6 10 -> 24\n", "1 2 3 -> 6\n3-2=1 (left: 1 1)\n"])


def greedy_line(m, text: str, max_new: int = 40) -> str:
    ids = encode(text)
    out = []
    with torch.no_grad():
        for _ in range(max_new):
            x = torch.tensor([ids + out])
            logits = m.forward_train(x)[0, -1]
            t = int(logits.argmax())
            out.append(t)
            if t == NL_ID:
                break
    return "".join(VOCAB[t] for t in out)


def reference(policy, value):
    """Inputs and torch outputs for check_onnx.mjs."""
    sols = solutions([4, 5, 6, 10], 24)
    trace_full = prompt_line([4, 5, 6, 10], 24) + "".join(sols[0])
    texts = [trace_full,  # longest row
             "1 2 3 -> 6\n",
             prompt_line([4, 5, 6, 10], 24) + sols[1][0]]
    seqs = [encode(t) for t in texts]
    ids, mask, pos = left_pad(seqs)
    ref = {"vocab": VOCAB, "texts": texts, "ids": seqs, "trace": trace_full}
    with torch.no_grad():
        logits, presents = policy.forward_cached(ids, mask, pos, None)
        # continue every row by two tokens from the cache
        nxt = [encode("8"), encode("3+"), encode("6*")]
        nxt = torch.tensor([s[:1] + (s[1:2] or [NL_ID]) for s in nxt])
        mask2 = torch.cat([mask, torch.ones(3, 2, dtype=torch.long)], 1)
        pos2 = mask.sum(1, keepdim=True) + torch.arange(2).unsqueeze(0)
        logits2, _ = policy.forward_cached(nxt, mask2, pos2, presents)
        # the same continuation without a cache: must agree with the cached one
        full = torch.cat([ids, nxt], 1)
        posf = (mask2.cumsum(1) - 1).masked_fill(mask2 == 0, 1)
        logits_full, _ = policy.forward_cached(full, mask2, posf, None)
        assert (logits_full[:, -2:] - logits2).abs().max() < 1e-4, "cache path disagrees"
        # right-padding-free check against the training forward for the longest row
        lt = policy.forward_train(torch.tensor([seqs[0]]))
        assert (lt[0] - logits[0]).abs().max() < 1e-4, "padded path disagrees"
        ref["policy"] = {
            "input_ids": ids.tolist(), "attention_mask": mask.tolist(), "position_ids": pos.tolist(),
            "logits": logits.tolist(),
            "next_ids": nxt.tolist(), "next_attention_mask": mask2.tolist(), "next_position_ids": pos2.tolist(),
            "next_logits": logits2.tolist(),
            "greedy_prompt": texts[1], "greedy_line": greedy_line(policy, texts[1]),
        }
        vtexts = [trace_full, "1 2 3 -> 6\n", "1 1 1 1 -> 24\n", prompt_line([4, 5, 6, 10], 24) + sols[1][0],
                  "2 3 -> 6\n3*2=6 (left: 6)\n"]
        vids, vmask, vpos = left_pad([encode(t) for t in vtexts])
        vlog = value.forward_value_padded(vids, vmask)
        singles = [float(value.forward_value_padded(torch.tensor([encode(t)]),
                                                    torch.ones(1, len(t), dtype=torch.long))[0, 0])
                   for t in vtexts]
        assert max(abs(a - b) for a, b in zip(singles, vlog[:, 0].tolist())) < 1e-4, "value padding disagrees"
        # the exported (cached) graph: the value logit at every position, the last column = vlog
        vall, vpresents = value.forward_cached(vids, vmask, vpos, None)
        assert (vall[:, -1:] - vlog).abs().max() < 1e-4, "value cache graph disagrees"
        # children: each row continued by a step line of its own length (left-padded chunk), from the cache
        extras = ["1+1=2 (left: 2)\n", "3+2=5 (left: 1 5)\n", "1+1=2 (left: 1 1 2)\n", sols[1][1], "6-1=5\n"]
        nids, nmask, _ = left_pad([encode(t) for t in extras])
        vmask2 = torch.cat([vmask, nmask], 1)
        vpos2 = (vmask.sum(1, keepdim=True) + nmask.cumsum(1) - 1).masked_fill(nmask == 0, 1)
        vnext, _ = value.forward_cached(nids, vmask2, vpos2, vpresents)
        child = [float(value.forward_value_padded(torch.tensor([encode(t + e)]),
                                                  torch.ones(1, len(t + e), dtype=torch.long))[0, 0])
                 for t, e in zip(vtexts, extras)]
        assert max(abs(a - b) for a, b in zip(child, vnext[:, -1].tolist())) < 1e-4, "value cache path disagrees"
        ref["value"] = {"texts": vtexts, "input_ids": vids.tolist(), "attention_mask": vmask.tolist(),
                        "position_ids": vpos.tolist(), "logits": vlog.tolist(),
                        "next_texts": extras, "next_ids": nids.tolist(), "next_attention_mask": vmask2.tolist(),
                        "next_position_ids": vpos2.tolist(), "next_logits": vnext[:, -1:].tolist()}
    return ref


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--policy", default=os.path.join(OUT, "policy.pt"))
    ap.add_argument("--value", default=os.path.join(OUT, "value.pt"))
    ap.add_argument("--models", default=MODELS)
    ap.add_argument("--only-value-as", default=None,
                    help="export only --value, into this folder name (countdown-orm for the outcome model)")
    args = ap.parse_args()
    torch.set_num_threads(2)
    if args.only_value_as:
        m = load_checkpoint(args.value)
        folder = os.path.normpath(os.path.join(args.models, args.only_value_as))
        if os.path.isdir(os.path.join(folder, "onnx")):
            shutil.rmtree(os.path.join(folder, "onnx"))
        write_common(folder, m, "value")
        path = export_value_cached(m, folder)
        quantize(path, os.path.join(folder, "onnx", "model_quantized.onnx"))
        print(f"{folder}: fp32 {os.path.getsize(path) / 1e6:.2f} MB")
        return
    policy, value = load_checkpoint(args.policy), load_checkpoint(args.value)
    sizes = {}
    for name, m, kind, fn in (("countdown-policy", policy, "policy", export_policy),
                              ("countdown-value", value, "value", export_value_cached)):
        folder = os.path.normpath(os.path.join(args.models, name))
        if os.path.isdir(os.path.join(folder, "onnx")):
            shutil.rmtree(os.path.join(folder, "onnx"))
        write_common(folder, m, kind)
        path = fn(m, folder)
        qpath = os.path.join(folder, "onnx", "model_quantized.onnx")
        n = quantize(path, qpath)
        sizes[name] = {"model.onnx": os.path.getsize(path), "model_quantized.onnx": os.path.getsize(qpath),
                       "quantized_matmuls": n, "params": m.num_params()}
        print(f"{folder}: fp32 {sizes[name]['model.onnx'] / 1e6:.2f} MB, "
              f"q8 {sizes[name]['model_quantized.onnx'] / 1e6:.2f} MB ({n} MatMuls)")
    with open(os.path.join(OUT, "onnx_reference.json"), "w") as f:
        json.dump(reference(policy, value), f)
    with open(os.path.join(OUT, "export_sizes.json"), "w") as f:
        json.dump(sizes, f, indent=1)


if __name__ == "__main__":
    main()

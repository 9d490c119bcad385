"""Write public/models/countdown-{policy,value}/MODEL_CARD.md from the figures of the last run
(training/out/*.json).

The figures each card was made from are also kept in training/card_figures.json (in git), so that a
card can be remade without the training run's out/ folder, e.g. after reexport_value_cached.py
(weights unchanged): then the figures come from that file and the file sizes from the .onnx files.

  python3 training/make_cards.py [--only countdown-value]
"""

from __future__ import annotations

import argparse
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "out")
MODELS = os.path.normpath(os.path.join(HERE, "..", "public", "models"))
FIGURES = os.path.join(HERE, "card_figures.json")

SET_NAMES = {
    "val_game24": "validation, Game of 24 (4 numbers, target 24)",
    "val_countdown": "validation, Countdown (4 numbers, target 1..100 except 24)",
    "val_three": "validation, 3 numbers (mixed targets)",
    "heldout_tot": "held out: ToT Game of 24 test 901-1000",
    "heldout_countdown": "held out: benchmarks/countdown-100.jsonl",
}


def load(name, default=None):
    path = os.path.join(OUT, name)
    if not os.path.exists(path):
        return default
    with open(path) as f:
        return json.load(f)


def pct(x):
    return "n/a" if x is None else f"{100 * x:.1f}%"


def mb(n):
    return f"{n / 1e6:.2f} MB"


def fmt_minutes(s):
    return f"{s / 60:.1f} min" if s is not None else "n/a"


COMMON_FORMAT = """## Text format (shared with `src/core`)

- Prompt line: the numbers sorted ascending, ` -> `, the target, newline: `4 5 6 10 -> 24\\n`.
- Step line: `A op B=R (left: L1 L2 ...)\\n`, larger operand first, `op` in `+ - * /`, `R` a positive
  integer (subtraction only when the result is > 0, division only when exact), the remaining
  multiset sorted ascending: `10-4=6 (left: 5 6 6)\\n`. Solved when one number is left and it equals
  the target: `6*4=24 (left: 24)\\n`.
- A trace is the prompt line followed by step lines; no special token anywhere (no BOS).
- Tokenizer: one token per character. Ids: `<pad>` 0, `<unk>` 1, `<eos>` 2, `0`-`9` 3-12, space 13,
  `+` 14, `-` 15, `*` 16, `/` 17, `=` 18, `(` 19, `)` 20, `:` 21, `l` 22, `e` 23, `f` 24, `t` 25,
  `>` 26, newline 27. Padding on the left.
"""


def data_section(stats, kind):
    held = ("Held out as roots (no training or validation trace starts from them; later states may "
            "coincide with states of other puzzles): the 100 ToT Game of 24 test puzzles "
            "(`tot-test-901-1000.jsonl`, ranks 901-1000) and the 100 puzzles of "
            "`benchmarks/countdown-100.jsonl` (seed 2026). A hash of (sorted numbers, target) sends "
            "1/16 of all other puzzles to a validation split that is never trained on.")
    roots = ("Roots: 85% four numbers, 15% three, each number uniform in 1..13 (drawn independently); "
             "target 24 with probability 1/2, otherwise uniform in 1..100.")
    if kind == "policy":
        body = (f"{stats.get('policy_traces', '?'):,} traces generated from the exhaustive solver "
                f"(`training/gen_data.py`, seed {stats.get('seed', '?')}), solvable roots only. "
                f"{100 - 100 * stats.get('p_wrong', 0.25):.0f}%: at every state a uniformly random *good* "
                "step (its result state can still reach the target), so sampling covers the different "
                f"good steps. {100 * stats.get('p_wrong', 0.25):.0f}%: good steps, then one valid-but-wrong "
                "step at a random depth (no loss on it), then uniformly random valid steps (with loss), so "
                "that the policy writes valid steps from any state. Loss only on step tokens, never on the "
                "prompt line.")
    else:
        body = (f"{stats.get('value_traces', '?'):,} traces (`training/gen_data.py`): 35% good traces of "
                "solvable puzzles, 35% traces with one valid-but-wrong step at a random depth followed by "
                "random valid steps, 30% uniformly random valid traces of random puzzles (solvable or not). "
                "A binary label at every newline (end of the prompt line and of each step line): whether "
                "the target can still be reached from the numbers left (for one number: it equals the "
                "target). Validation: "
                f"{stats.get('value_val_traces', '?'):,} traces of the same mix from validation roots.")
    return f"## Data\n\n{body}\n\n{roots}\n\n{held}\n"


def finetune_section(ft, kind):
    """The second stage (training/finetune-five.sh): the first pair fine-tuned with 5-number roots."""
    if not ft:
        return ""
    info, stats, ev = ft.get("info", {}), ft.get("stats", {}), ft.get("eval", {})
    n = stats.get("policy_traces" if kind == "policy" else "value_traces", 0)
    rows = "\n".join(f"| {r['set']} | {r['before']} | {r['after']} |" for r in ev.get("rows", []))
    table = (f"\n{ev.get('description', '')}\n\n| puzzles | first stage | after the fine-tune |\n"
             f"|---|---|---|\n{rows}\n" if rows else "")
    return f"""## Second stage: fine-tuned for 5 numbers

The app offers 3 to 5 numbers; the first stage (the sections below) saw 3- and 4-number roots only,
and on 5-number puzzles its policy wrote the left list of a 4-number state. `training/finetune-five.sh`
read the first stage's weights back from its ONNX graphs (`recover_checkpoints.py`, checked to 1e-4)
and trained on {n:,} new solver traces of the same kinds, with roots 30% five numbers, 60% four, 10%
three, target 24 with probability 0.4 (the rest uniform 1..100; `benchmarks/countdown5-100.jsonl`
held out too): {info.get('steps', 0):,} steps of batch {info.get('batch')}, peak learning rate
{info.get('lr')} ({info.get('warmup')} warmup steps, cosine to 10%), fp32 (this CPU has no fast
bfloat16), {fmt_minutes(info.get('train_seconds'))} on 2 CPU cores. Seed {info.get('seed')}.
{table}{ev.get('note', '')}
"""


def policy_card(info, sizes, metrics, stats, timing, finetune=None):
    m = metrics.get("policy", {})
    rows = []
    for key, name in SET_NAMES.items():
        r = m.get(key)
        if not r:
            continue
        rows.append(f"| {name} | {r['puzzles']} | {pct(r['valid_share'])} | {pct(r['good_share'])} | "
                    f"{pct(r['greedy_solve'])} | {pct(r['chain_solve'])} | {pct(r['any8_solve'])} | "
                    f"{r['root_distinct_good']} / {r['root_good_available']} |")
    table = "\n".join(rows)
    mcts = metrics.get("mcts")
    mcts_txt = ""
    if mcts:
        lines = [f"| {tag} | {SET_NAMES.get(k, k)} | {v['solved']}/{v['puzzles']} | {v['mean_sims']:.1f} |"
                 for tag, sets in mcts.get("sets", {}).items() for k, v in sets.items()]
        mcts_txt = ("\n### Reference MCTS with the value model (Python, `training/mcts_sim.py`)\n\n"
                    f"{mcts.get('description', '')}\n\n| search | puzzles | solved | mean simulations |\n"
                    "|---|---|---|---|\n" + "\n".join(lines) + "\n")
    s = sizes.get("countdown-policy", {})
    return f"""# countdown-policy

A {info.get('params', 0):,}-parameter GPT-2-style character model that writes the next step line of a
Countdown / Game of 24 trace. It is the policy (the prior and the step generator) of the playground's
search strategies. Trained from scratch by `training/train-all.sh` (`npm run train:models`){
", then fine-tuned by `training/finetune-five.sh`" if finetune else ""}.

{finetune_section(finetune, 'policy')}{COMMON_FORMAT}
## Architecture

Decoder-only transformer, pre-LayerNorm, learned absolute positions (n_positions 128), GELU MLP
(4x), {info.get('layers')} layers, d_model {info.get('d')}, {info.get('heads')} heads, tied input/output
embeddings, GPT-2 initialization (std 0.02, residual projections scaled by 1/sqrt(2 n_layer)).
{info.get('params', 0):,} parameters.

## Files and graph

- `onnx/model.onnx` fp32 ({mb(s.get('model.onnx', 0))}), `onnx/model_quantized.onnx` 8-bit weights
  ({mb(s.get('model_quantized.onnx', 0))}; every weight MatMul rewritten as DynamicQuantizeLinear ->
  MatMulInteger -> Cast -> Mul, per-column int8 scales; embeddings and LayerNorms fp32). Load with
  `AutoModelForCausalLM.from_pretrained('countdown-policy', {{ dtype: 'fp32' | 'q8' }})`.
- `onnx/model_optimized.onnx`: the fp32 graph with ONNX Runtime's graph optimizations (level
  extended) already applied, for the browser's WASM backend to load with optimizations off; it gives
  exactly the outputs of `model.onnx` (written and checked by `scripts/optimize-models.ts`).
- Inputs: `input_ids` [batch, seq] int64, `attention_mask` [batch, past + seq] int64 (left padding),
  `position_ids` [batch, seq] int64 (count of real tokens before each token; values are clamped to
  0..127 inside the graph, so any value on padding is fine), `past_key_values.{{i}}.key|value`
  [batch, {info.get('heads')}, past, {(info.get('d') or 0) // max(1, info.get('heads') or 1)}] (past may be 0).
  Outputs: `logits` [batch, seq, 28], `present.{{i}}.key|value` [batch, heads, past + seq, head_dim].
  Masking uses -1e9, so all-padding rows give finite numbers.
- With `model.forward(...)`, pass a cache as `past_key_values: {{ 'past_key_values.0.key': t, ... }}`
  (for instance the `present.*` outputs renamed, or a `DynamicCache`); spreading the tensors as
  top-level inputs does not work in transformers.js 4.3.1 (it substitutes an empty cache).
  If `position_ids` is omitted, transformers.js computes them from the mask (same result).
- `generation_config.json` lists the newline (27) and `<eos>` (2) as end tokens, so a `generate()`
  call writes exactly one step line; `max_length` is 128 (cap `max_new_tokens` yourself). The model
  never emits special tokens in practice (they never occur in training text).

{data_section(stats, 'policy')}
## Training

AdamW (betas 0.9/0.98, weight decay {info.get('weight_decay')}), peak learning rate {info.get('lr')}
with {info.get('warmup')} warmup steps and cosine decay to 10%, batch {info.get('batch')},
{info.get('steps'):,} steps ({info.get('traces_seen', 0):,} traces seen), gradient clipping 1.0,
bfloat16 autocast on CPU (weights fp32). Seed {info.get('seed')}. Training time
{fmt_minutes(info.get('train_seconds'))} on 2 CPU cores ({info.get('seconds_per_step')} s/step);
the whole `train-all.sh` run took {fmt_minutes(timing.get('total'))}.

## Measured (torch fp32, `training/evaluate.py`)

Temperature 1, full vocabulary. *valid*: share of sampled step lines that parse and verify (8
independent sampled chains per puzzle). *good*: share of sampled steps taken in a reachable state
that keep the target reachable. *greedy*: one argmax step at a time. *chain*: one sample per step,
averaged over the 8 chains. *any of 8*: at each state 8 samples, follow a good one if any (an oracle
picks, so it bounds what a search with 8 samples per expansion can reach). *root good*: distinct good
steps among the 8 root samples / good steps that exist.

| puzzles | n | valid | good | greedy solve | chain solve | any of 8 per step | root good (distinct / available) |
|---|---|---|---|---|---|---|---|
{table}
{mcts_txt}
The held-out figures are for reporting only; those puzzles were never trained on.
"""


def value_card(info, sizes, metrics, stats, timing, reexport=None, finetune=None):
    v = metrics.get("value", {})

    def table(rep):
        names = {"all": "all states", "4": "4 numbers left (roots)", "3": "3 numbers left",
                 "2": "2 numbers left", "1": "1 number left (final)"}
        rows = []
        for k in ["all", "4", "3", "2", "1"]:
            r = rep.get(k)
            if r:
                a = "n/a" if r["auc"] is None else "%.4f" % r["auc"]
                rows.append(f"| {names[k]} | {r['n']:,} | {pct(r['positive'])} | {pct(r['accuracy'])} | {a} |")
        return "| states | n | reachable | accuracy | AUC |\n|---|---|---|---|---|\n" + "\n".join(rows)

    s = sizes.get("countdown-value", {})
    heads = info.get("heads")
    hd = (info.get("d") or 0) // max(1, heads or 1)
    last = (info.get("layers") or 1) - 1
    reexport_txt = ""
    if reexport:
        layout = "value-only" if reexport.get("source_layout") == "value_only" else "cached"
        reexport_txt = ("\n- These graphs were re-exported with the key/value cache by "
                        "`training/reexport_value_cached.py`, without retraining: the weights were read back "
                        f"from the shipped fp32 graph ({layout} layout), and reproduce its values within "
                        f"{reexport['recovery_max_abs_diff']:.0e} on {reexport['traces']} traces. The figures "
                        "below are those of the original training run.")
    sizes_txt = ("Roots in training have 3 to 5 numbers: other sizes are out of distribution."
                 if finetune else "Roots in training have 3 or 4 numbers: other sizes are out of "
                 "distribution (`2 3 -> 6\\n3*2=6 (left: 6)\\n` scores 0.08 although it is solved).")
    init_txt = ("The trunk starts from the trained policy's weights (same sizes; the policy's "
                "language-model head is dropped): from scratch the value model learned far more slowly "
                "(in a run of 2,200 steps from scratch: 65% / 69% accuracy on 3- / 2-number validation "
                "states, against 77% / 89% after 700 steps from the policy's trunk)."
                if info.get("init") else "Trained from scratch (GPT-2 initialization).")
    return f"""# countdown-value

A {info.get('params', 0):,}-parameter GPT-2-style character model that scores a partial Countdown /
Game of 24 trace: sigmoid(logit) = the probability that the target can still be reached from the
numbers left. It is the value model of the playground's search strategies (process supervision from
an exhaustive solver). Trained from scratch by `training/train-all.sh` (`npm run train:models`){
", then fine-tuned by `training/finetune-five.sh`" if finetune else ""}.

{finetune_section(finetune, 'value')}{COMMON_FORMAT}
## Architecture

The same trunk as the policy (pre-LayerNorm GPT-2 block, learned positions, GELU), {info.get('layers')}
layers, d_model {info.get('d')}, {info.get('heads')} heads, and a linear head giving one logit per
position. {info.get('params', 0):,} parameters. {init_txt}

## Files and graph

- `onnx/model.onnx` fp32 ({mb(s.get('model.onnx', 0))}), `onnx/model_quantized.onnx` 8-bit weights
  ({mb(s.get('model_quantized.onnx', 0))}, the same MatMul rewrite as the policy).{reexport_txt}
- `onnx/model_optimized.onnx`: the fp32 graph pre-optimized for the browser's WASM backend, as the
  policy's (`scripts/optimize-models.ts`).
- The policy's graph interface, with a key/value cache. Inputs: `input_ids` [batch, seq] int64,
  `attention_mask` [batch, past + seq] int64 (left padding), `position_ids` [batch, seq] int64 (count
  of real tokens before each token; clamped to 0..127 inside the graph, so any value on padding is
  fine), `past_key_values.{{i}}.key|value` [batch, {heads}, past, {hd}] (past may be 0), i = 0..{last}.
  Outputs: `logits` [batch, seq], the value logit at every position, and `present.{{i}}.key|value`
  [batch, {heads}, past + seq, {hd}]. Masking uses -1e9, so all-padding rows give finite numbers.
- The value of a trace is sigmoid(logit at its last real token): the last column with left padding.
  Feed traces that end with a newline: the model was trained on newline positions only (the logit
  at each earlier newline is the value of that earlier state). {sizes_txt}
- Scoring a child from its parent's cache: run the parent, keep its `present.*`; then feed only the
  child's new tokens, with `attention_mask` covering past + new, `position_ids` continuing the count,
  and `past_key_values` = the parent's `present.*` renamed. Caches of different lengths can share a
  batch left-padded with zeros (attention_mask 0 there). In fp32 this gives the full forward's value
  (within 1e-5). In 8-bit, activations are quantized per call (DynamicQuantizeLinear, one scale per
  tensor), so a value depends a little on the other rows, the padding and where a cache splits the
  trace (measured up to about 0.4 in logit; the earlier value-only 8-bit graph already moved by up
  to 0.5 between a batched and a one-row call).
- `config.json` says `model_type: "gpt2"`: load with `AutoModel.from_pretrained('countdown-value',
  {{ dtype: 'fp32' | 'q8' }})` and call `model.forward({{ input_ids, attention_mask, position_ids,
  past_key_values }})`. On a first call (no cache) leave `past_key_values` out (transformers.js 4.3.1
  then feeds empty [batch, {heads}, 0, {hd}] tensors built from the graph's declared shapes), or
  pass such empty tensors yourself, or an empty `DynamicCache`; a plain `{{}}` throws in 4.3.1. Pass a
  cache as `past_key_values: {{ 'past_key_values.0.key': t, ... }}`: tensors spread as top-level
  inputs are replaced by an empty cache (the call then fails on mismatched lengths). Without `position_ids`, transformers.js computes them from
  the mask (same result). Apply the sigmoid yourself (a text-classification pipeline would softmax
  a single logit to 1).

{data_section(stats, 'value')}
## Training

Binary cross-entropy at every newline. AdamW (betas 0.9/0.98, weight decay {info.get('weight_decay')}),
peak learning rate {info.get('lr')}, {info.get('warmup')} warmup steps, cosine decay to 10%, batch
{info.get('batch')}, {info.get('steps'):,} steps ({info.get('traces_seen', 0):,} traces seen), bfloat16
autocast on CPU. Seed {info.get('seed')}. Training time {fmt_minutes(info.get('train_seconds'))} on 2
CPU cores ({info.get('seconds_per_step')} s/step).

## Measured (torch fp32, `training/evaluate.py`)

Validation traces (same mix as training, validation roots), threshold 0.5:

{table(v.get('validation', {}))}

States of traces of the same mix from the 200 held-out roots (reporting only):

{table(v.get('heldout_roots', {}))}
"""


def file_sizes(sizes):
    """The .onnx sizes as shipped (the files on disk win over export_sizes.json)."""
    out = {k: dict(v) for k, v in sizes.items()}
    for name in ("countdown-policy", "countdown-value"):
        for f in ("model.onnx", "model_quantized.onnx"):
            path = os.path.join(MODELS, name, "onnx", f)
            if os.path.exists(path):
                out.setdefault(name, {})[f] = os.path.getsize(path)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", choices=["countdown-policy", "countdown-value"], help="write one card")
    args = ap.parse_args()
    sizes = file_sizes(load("export_sizes.json", {}))
    saved = {}
    if os.path.exists(FIGURES):
        with open(FIGURES) as f:
            saved = json.load(f)
    for name, kind, fn in (("countdown-policy", "policy", policy_card), ("countdown-value", "value", value_card)):
        if args.only and name != args.only:
            continue
        info = load(f"{kind}_train_info.json")
        if info is not None and "shipped" in str(info.get("init")):  # finetune-five.sh's second stage
            saved.setdefault(name, {})["finetune"] = {
                "info": info, "stats": load("data_stats.json", {}),
                "eval": load("finetune_eval.json", saved.get(name, {}).get("finetune", {}).get("eval", {}))}
            info = None
        if info is not None:  # a training run's figures: use them and keep them for later re-exports
            metrics = load("metrics.json", {})
            keep = ("policy", "mcts") if kind == "policy" else ("value",)
            figs = {"info": info, "stats": load("data_stats.json", {}), "timing": load("timings.json", {}),
                    "metrics": {k: v for k, v in metrics.items() if k in keep}}
            saved[name] = figs
        else:  # no training run here (training/out is not kept): the figures of the last one
            figs = saved.get(name, {})
            if not figs.get("info"):
                print(f"{name}: no training/out/{kind}_train_info.json and no figures in "
                      f"{os.path.basename(FIGURES)}: card left as it is")
                continue
            print(f"{name}: no training/out/{kind}_train_info.json, using the figures in "
                  f"{os.path.relpath(FIGURES, os.path.join(HERE, '..'))}")
        path = os.path.join(MODELS, name, "MODEL_CARD.md")
        with open(path, "w") as f:
            args_ = [figs.get(k, {}) for k in ("info", "metrics", "stats", "timing")]
            extra = {"reexport": figs["reexport"]} if figs.get("reexport") else {}
            if figs.get("finetune"):
                extra["finetune"] = figs["finetune"]
            f.write(fn(args_[0], sizes, args_[1], args_[2], args_[3], **extra))
        print("wrote", path)
    with open(FIGURES, "w") as f:
        json.dump(saved, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

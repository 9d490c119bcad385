#!/usr/bin/env bash
# The shipped pair's second stage (2026-12): the first pair (train-all.sh, 3- and 4-number roots)
# fine-tuned on data that also has 5-number roots, so every puzzle size the app offers was trained.
#
#   bash training/finetune-five.sh [MODELS_DIR]   about 50 min on 2 CPU cores; default public/models
#
# From scratch this would take hours here: this CPU has no fast bfloat16 (22 s a step with autocast
# against 1.6 s in fp32), so the fine-tune starts from the shipped weights, read back from their
# ONNX graphs (recover_checkpoints.py, checked against the graphs to 1e-4).
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONDONTWRITEBYTECODE=1
PY=/usr/bin/python3
OUT=training/out
MODELS=${1:-public/models}
mkdir -p "$OUT"
ARCH=(--layers 4 --d 128 --heads 4 --fp32 --seed 1234 --lr 5e-4 --warmup 50 --log-every 50)

$PY training/make_countdown_eval.py # countdown-100 (unchanged) and countdown5-100, both held out
$PY training/recover_checkpoints.py # out/{policy,value}_shipped.pt from the shipped graphs
# Roots: 30% five numbers, 60% four, 10% three; target 24 with probability 0.4.
$PY training/gen_data.py --seed 1234 --policy 900000 --value 320000 --value-val 6000 | tee "$OUT/data.log"
$PY training/train.py --kind policy --steps 1200 "${ARCH[@]}" --save-every 400 \
  --init "$OUT/policy_shipped.pt" | tee "$OUT/train_policy.log"
$PY training/train.py --kind value --steps 500 "${ARCH[@]}" \
  --init "$OUT/value_shipped.pt" --init-head | tee "$OUT/train_value.log"
$PY training/export_onnx.py --models "$MODELS"
MODELS_DIR="$MODELS" npx tsx scripts/optimize-models.ts

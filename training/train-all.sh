#!/usr/bin/env bash
# Train, export, quantize and check the embedded models end to end (npm run train:models).
#
#   bash training/train-all.sh            full run, about 40 minutes on 2 CPU cores
#   SMOKE=1 bash training/train-all.sh    the same pipeline with tiny data and steps (about 2 minutes)
#
# Fixed seeds throughout. Intermediate data, checkpoints and logs go to training/out/.
# Writes benchmarks/countdown-100.jsonl and public/models/countdown-{policy,value}/.
set -euo pipefail
cd "$(dirname "$0")/.."

export PYTHONDONTWRITEBYTECODE=1
PY=/usr/bin/python3 # Debian's python with torch 1.13, onnx 1.12 (another python3 may come first on PATH)
OUT=training/out
mkdir -p "$OUT"

SEED=1234
POLICY_ARCH=(--layers 4 --d 128 --heads 4)
VALUE_ARCH=(--layers 4 --d 128 --heads 4) # the policy's sizes: its trunk starts from the policy's
if [[ "${SMOKE:-0}" == "1" ]]; then
  DATA=(--policy 4000 --value 3000 --value-val 500)
  POLICY_STEPS=30 VALUE_STEPS=30 WARMUP=10 LOG=10 EVAL=(--limit 8) MCTS=(--limit 8 --sims 8)
else
  DATA=(--policy 800000 --value 300000 --value-val 6000)
  POLICY_STEPS=${POLICY_STEPS:-6000} VALUE_STEPS=${VALUE_STEPS:-2000} WARMUP=200 LOG=100 EVAL=() MCTS=()
fi

declare -A T
stage() { # stage NAME COMMAND...: run, time, and log to $OUT/NAME.log
  local name=$1 start=$SECONDS
  shift
  echo "== $name: $*"
  "$@" 2>&1 | tee "$OUT/$name.log"
  T[$name]=$((SECONDS - start))
  echo "== $name done in ${T[$name]}s"
}

stage eval_file $PY training/make_countdown_eval.py
# The first stage's roots: 85% four numbers, 15% three, target 24 half the time (finetune-five.sh adds 5).
stage data $PY training/gen_data.py --seed $SEED "${DATA[@]}" --p-five 0 --p-four 0.85 --p24 0.5
stage train_policy $PY training/train.py --kind policy --seed $SEED --steps "$POLICY_STEPS" \
  "${POLICY_ARCH[@]}" --lr 2e-3 --warmup $WARMUP --log-every $LOG --save-every 1000
stage train_value $PY training/train.py --kind value --seed $SEED --steps "$VALUE_STEPS" \
  "${VALUE_ARCH[@]}" --lr 2e-3 --warmup $WARMUP --log-every $LOG --init "$OUT/policy.pt"
stage export $PY training/export_onnx.py
stage check node training/check_onnx.mjs
# The graphs the browser's WASM backend loads with optimizations off (checked to compute the same).
stage optimize npx tsx scripts/optimize-models.ts
rm -f "$OUT/metrics.json"
stage evaluate $PY training/evaluate.py --seed 7 "${EVAL[@]}"
if [[ "${NO_MCTS:-0}" != "1" ]]; then
  stage mcts $PY training/mcts_sim.py --seed 11 --sets heldout_tot,heldout_countdown "${MCTS[@]}"
fi

{
  echo "{"
  for k in "${!T[@]}"; do echo "  \"$k\": ${T[$k]},"; done
  echo "  \"total\": $SECONDS"
  echo "}"
} > "$OUT/timings.json"
stage cards $PY training/make_cards.py
du -b public/models/*/onnx/*.onnx | tee "$OUT/sizes.txt"
echo "total $(du -cb public/models | tail -1 | cut -f1) bytes in public/models; pipeline took ${SECONDS}s"

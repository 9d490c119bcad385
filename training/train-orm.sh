#!/usr/bin/env bash
# The outcome reward model (ORM) shipped beside the process-trained value model (the PRM):
# the same architecture and traces of the same kinds, but every line labelled with its chain's
# final result alone, never with whether the target is still reachable there.
#
#   bash training/train-orm.sh [MODELS_DIR]   about 25 min on 2 CPU cores; default public/models
#
# Its trunk starts from the shipped policy (as the first value model's did), not from the PRM,
# so that no process label reaches it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONDONTWRITEBYTECODE=1
PY=/usr/bin/python3
OUT=training/out
MODELS=${1:-public/models}
mkdir -p "$OUT"
[ -f "$OUT/policy_shipped.pt" ] || $PY training/recover_checkpoints.py
$PY training/gen_data.py --seed 1234 --orm-only 160000 --value-val 6000 | tee "$OUT/orm_data.log"
$PY training/train.py --kind value --data orm --steps 600 --layers 4 --d 128 --heads 4 --fp32 \
  --seed 1234 --lr 5e-4 --warmup 50 --log-every 50 --init "$OUT/policy_shipped.pt" \
  --out "$OUT/orm.pt" | tee "$OUT/train_orm.log"
$PY training/export_onnx.py --value "$OUT/orm.pt" --only-value-as countdown-orm --models "$MODELS"

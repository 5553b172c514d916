#!/usr/bin/env bash
# Answer accuracy of seiqa on the default Q&A set and on the digit-answer questions of
# DRCD dev and CMRC 2018 dev (open corpus: every article indexed), with `seiqa eval`.
# Reports land in reports/answers/<set>/ (metrics.json, report.md, plots).
# Reuses the corpora and indexes of scripts/eval_retrieval.py under reports/eval/.
set -euo pipefail
cd "$(dirname "$0")/.."
SEIQA=${SEIQA:-.venv/bin/seiqa}
DATA=${DATA:-../shared/data}
"$SEIQA" eval tests/qa/default.jsonl --report reports/answers/default
for set in drcd:drcd/DRCD_dev.json cmrc2018:cmrc2018/cmrc2018_dev.json; do
  name=${set%%:*}; src=$DATA/${set#*:}
  "$SEIQA" import squad "$src" --corpus-out reports/eval/$name/corpus --qa-out reports/eval/$name/qa-numeric.jsonl --numeric-only
  "$SEIQA" eval reports/eval/$name/qa-numeric.jsonl --corpus reports/eval/$name/corpus --index reports/eval/$name/index \
    --report reports/answers/$name
done

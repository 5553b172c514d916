#!/usr/bin/env bash
# The README's results, in one command:
#  1. retrieval (BM25-only, dense-only, hybrid RRF and weighted) on the default Q&A set,
#     DRCD dev and CMRC 2018 dev -> reports/retrieval.md (scripts/eval_retrieval.py);
#  2. answer accuracy with `seiqa eval` on the Q&A sets of tests/qa/ and on the digit-answer
#     questions of DRCD dev and CMRC 2018 dev (open corpus: every article indexed)
#     -> reports/answers/<set>/ (metrics.json, report.md, plots).
# Takes about 20 minutes on 2 cores the first time (embedding ~6,500 passages).
set -euo pipefail
cd "$(dirname "$0")/.."
SEIQA=${SEIQA:-.venv/bin/seiqa}
DATA=${DATA:-../shared/data}
"$(dirname "$SEIQA")/python" scripts/eval_retrieval.py --data "$DATA"
for set in default fresh independent independent2 independent3 independent4 independent5 independent6 independent7 independent8 independent9 independent10 independent11 independent12 independent13 independent14 independent15 independent16 independent17 independent18 independent19 independent20 independent21 independent22 independent23 independent24 independent25 independent26 independent27 independent28 independent29 independent30 independent31 independent32 independent33 independent34 independent35 independent36 independent37 independent38 independent39 independent40 independent41 independent42 independent43 independent44 independent45 independent46 independent47 independent48 independent49 independent50 independent51 independent52 independent53 independent54 independent55 independent56 independent57 independent58 independent59 independent60 independent61 independent62 independent63 independent64 independent65 independent66 independent67 independent68 independent69 independent70 independent71 independent72 independent73 independent74 independent75 independent76 independent77 independent78 independent79 independent80 independent81 independent82 independent83 independent84 independent85 independent86 independent87 independent88 independent89 independent90 independent91 independent92 independent93 independent94 independent95 independent96 independent97 independent98 independent99 independent100 independent101 independent102; do
  "$SEIQA" eval tests/qa/$set.jsonl --report reports/answers/$set
done
for set in drcd:drcd/DRCD_dev.json cmrc2018:cmrc2018/cmrc2018_dev.json; do
  name=${set%%:*}; src=$DATA/${set#*:}
  "$SEIQA" import squad "$src" --corpus-out reports/eval/$name/corpus --qa-out reports/eval/$name/qa-numeric.jsonl --numeric-only
  "$SEIQA" eval reports/eval/$name/qa-numeric.jsonl --corpus reports/eval/$name/corpus --index reports/eval/$name/index \
    --report reports/answers/$name
done

#!/usr/bin/env bash
# Runs scrubs eval on every labelled corpus the project has and prints the
# headline lines. The figures in docs/ACCURACY.md come from this script.
# Usage: bash scripts/accuracy.sh [path/to/shared/data/external]
set -euo pipefail
cd "$(dirname "$0")/.."
ext=${1:-../shared/data/external}
go build -o /tmp/scrubs-accuracy ./cmd/scrubs
s=/tmp/scrubs-accuracy
dev=$(mktemp)
cat eval/corpus/dev-uk.jsonl eval/corpus/dev-us.jsonl > "$dev"
run() { # name, args...
  local name=$1; shift
  echo "== $name: scrubs eval $*"
  $s eval "$@" | sed -n '/overlap matching (primary)/,/macro F1/p'
  echo
}
posts() { # name, args...: the post-level figures (verdicts, categories)
  local name=$1; shift
  echo "== $name, posts: scrubs eval $*"
  $s eval "$@" | sed -n '/^Posts/,/^Recall by corpus category/p' | sed '$d'
  echo
}
posts "development corpus (UK+US)" --corpus "$dev"
posts "development corpus, UK" --corpus eval/corpus/dev-uk.jsonl
posts "development corpus, US" --corpus eval/corpus/dev-us.jsonl
for b in blind-uk blind-us blind2-uk blind2-us blind3-uk blind3-us blind4-uk blind4-us blind5-uk blind5-us blind6-uk blind6-us everyday-uk everyday-us everyday2-uk everyday2-us everyday3-uk everyday3-us blind7-uk blind7-us everyday4-uk everyday4-us everyday5-uk everyday5-us blind8-uk blind8-us everyday6-uk everyday6-us blind9-uk blind9-us everyday7-uk everyday7-us blind10-uk blind10-us everyday8-uk everyday8-us blind11-uk blind11-us everyday9-uk everyday9-us blind12-uk blind12-us; do
  [ -f eval/corpus/$b.jsonl ] && posts "blind check corpus $b" --corpus eval/corpus/$b.jsonl
done
posts "Davidson hate/offensive tweets (hate rows vs neither rows)" --corpus "$ext/davidson-hate-offensive/labeled_data.csv" --corpus-format davidson
run "development corpus (UK+US)" --corpus "$dev"
run "development corpus, UK" --corpus eval/corpus/dev-uk.jsonl
run "development corpus, US" --corpus eval/corpus/dev-us.jsonl
for b in blind-uk blind-us blind2-uk blind2-us blind3-uk blind3-us blind4-uk blind4-us blind5-uk blind5-us blind6-uk blind6-us everyday-uk everyday-us everyday2-uk everyday2-us everyday3-uk everyday3-us blind7-uk blind7-us everyday4-uk everyday4-us everyday5-uk everyday5-us blind8-uk blind8-us everyday6-uk everyday6-us blind9-uk blind9-us everyday7-uk everyday7-us blind10-uk blind10-us everyday8-uk everyday8-us blind11-uk blind11-us everyday9-uk everyday9-us blind12-uk blind12-us; do
  [ -f eval/corpus/$b.jsonl ] && run "blind check corpus $b" --corpus eval/corpus/$b.jsonl
done
run "PhysioNet deid, development half" --corpus "$ext/physionet-deid-gold" --corpus-format deid
echo "== PhysioNet deid: recall by category"
$s eval --corpus "$ext/physionet-deid-gold" --corpus-format deid | sed -n '/Recall by corpus category/,/^$/p'
run "Presidio research synthetic set" --corpus "$ext/presidio-research-synth/synth_dataset_v2.json" --corpus-format presidio
echo "== identifier vectors"
$s eval --corpus "$ext/identifier-vectors/identifier_vectors.json" --corpus-format vectors | sed -n '/Identifier vectors/,$p'
echo "== Presidio recognizer cases (agreement per recognizer)"
go test -count=1 -run TestPresidioAgreement -v ./internal/detect | sed -n '/recognizer  /,/^--- /p'
rm -f "$dev"

#!/usr/bin/env bash
# Counts the instructions (and, with --branches, cachegrind's simulated branch
# mispredictions) the engine spends per post on a corpus, the deterministic
# measure docs/BENCHMARKS.md uses where wall time on a shared VM is too noisy.
#
#   scripts/instructions.sh [--all-packs] [--branches|--cache] [--bin PATH] [tweets|dev|synth]...
#
# It runs `scrubs bench` twice under valgrind's cachegrind, on N and on M
# posts, and divides the difference by M-N, so that start-up (loading the
# lists and packs) cancels out. One worker, GOGC=off (no collector noise),
# the engine alone unless --all-packs. Corpora: tweets (the Davidson CSV in
# ../shared/data/external, 24,783 real tweets), dev (eval/corpus, the
# project's 659 posts ×10 vs ×30), synth (5,000 vs 15,000 template posts).
# With --cache, cachegrind also simulates this machine's caches (L1i 32 KiB,
# L1d 48 KiB, 1 MiB L2 as the last level) and the line adds the misses per
# post and a modelled cost in cycles: instructions + 12 per L1 miss + 40 per
# L2 miss (a model, not a measurement: it shows what batching the posts
# saves, which the instruction count does not; docs/BENCHMARKS.md).
# Needs valgrind (apt-get install valgrind); figures vary by ±1% from run to
# run (map hash seeds) and move with code layout, so compare builds, not
# machines.
set -euo pipefail
cd "$(dirname "$0")/.."

packs=--entities-only
sim=(--cache-sim=no)
bin=
corpora=()
while [ $# -gt 0 ]; do
	case $1 in
	--all-packs) packs= ;;
	--branches) sim=(--cache-sim=no --branch-sim=yes) ;;
	--cache) sim=(--cache-sim=yes --I1=32768,8,64 --D1=49152,12,64 --LL=1048576,16,64) ;;
	--bin) bin=$2; shift ;;
	tweets | dev | synth) corpora+=("$1") ;;
	*) echo "usage: $0 [--all-packs] [--branches|--cache] [--bin PATH] [tweets|dev|synth]..." >&2; exit 2 ;;
	esac
	shift
done
[ ${#corpora[@]} -gt 0 ] || corpora=(tweets dev synth)
command -v valgrind >/dev/null || { echo "$0: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -z "$bin" ]; then
	go build -o "$tmp/scrubs" ./cmd/scrubs
	bin=$tmp/scrubs
fi
cat eval/corpus/dev-uk.jsonl eval/corpus/dev-us.jsonl > "$tmp/dev.jsonl"
devPosts=$(wc -l < "$tmp/dev.jsonl")
tweets=../shared/data/external/davidson-hate-offensive/labeled_data.csv

# count ARGS...: prints "instructions mispredictions" of one bench run, or
# with --cache "instructions L1i-misses L1-misses L2-misses"
count() {
	GOGC=off GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1 valgrind --tool=cachegrind "${sim[@]}" \
		--cachegrind-out-file=/dev/null "$bin" bench "$@" --workers 1 $packs 2>&1 >/dev/null |
		awk '{ gsub(",", "") }
			/I *refs:/ { i = $NF } /Mispredicts:/ { m = $3 }
			/I1 *misses:/ { i1 = $NF } /D1 *misses:/ { d1 = $4 } /LL misses:/ { ll = $4 }
			END { if (i1 != "") printf "%.0f %.0f %.0f %.0f\n", i, i1, d1, ll; else printf "%.0f %.0f\n", i, m }'
}

for c in "${corpora[@]}"; do
	case $c in
	tweets) a=(--corpus "$tweets" --corpus-format csv --column tweet --repeat 1); b=(--corpus "$tweets" --corpus-format csv --column tweet --repeat 2); n=24783 ;;
	dev) a=(--corpus "$tmp/dev.jsonl" --repeat 10); b=(--corpus "$tmp/dev.jsonl" --repeat 30); n=$((devPosts * 20)) ;;
	synth) a=(--posts 5000); b=(--posts 15000); n=10000 ;;
	esac
	read -r i1 m1 c1 l1 < <(count "${a[@]}")
	read -r i2 m2 c2 l2 < <(count "${b[@]}")
	if [ "$i1" -eq 0 ] || [ "$i2" -le "$i1" ]; then
		echo "$0: $bin bench failed under valgrind on $c" >&2
		exit 1
	fi
	line=$(printf "%-7s %s: %d instructions per post" "$c" "$([ -n "$packs" ] && echo "engine alone" || echo "every pack")" $(((i2 - i1) / n)))
	if [ -n "$c1" ]; then
		line+=$(awk -v im="$((m2 - m1))" -v dm="$((c2 - c1))" -v lm="$((l2 - l1))" -v i="$((i2 - i1))" -v n="$n" \
			'BEGIN { printf ", misses L1i %.0f L1d %.0f L2 %.0f, modelled %.0f cycles", im / n, dm / n, lm / n, (i + 12 * (im + dm) + 40 * lm) / n }')
	elif [ ${#sim[@]} -gt 1 ]; then
		line+=$(awk -v a="$m1" -v b="$m2" -v n="$n" 'BEGIN { printf ", %.1f simulated mispredictions", (b - a) / n }')
	fi
	echo "$line"
done

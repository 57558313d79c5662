#!/usr/bin/env bash
# Times the cold start of `scrubs check --file examples/post.txt` (a fresh
# process: start-up, loading, one check, output) for one or more binaries,
# run in turn N times each, and prints the minimum and median per binary.
# Interleaving keeps a busy or drifting machine from favouring one binary.
#
#   scripts/coldstart.sh [-n N] [BIN...]     (default: N=40, a build of the tree)
set -euo pipefail
cd "$(dirname "$0")/.."
n=40
if [ "${1:-}" = -n ]; then n=$2; shift 2; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bins=("$@")
if [ ${#bins[@]} -eq 0 ]; then
	go build -o "$tmp/scrubs" ./cmd/scrubs
	bins=("$tmp/scrubs")
fi
for ((i = 0; i < n; i++)); do
	for j in "${!bins[@]}"; do
		s=$(date +%s%N)
		"${bins[$j]}" check --file examples/post.txt >/dev/null || true # exit 1: something found
		e=$(date +%s%N)
		echo $(((e - s) / 1000)) >>"$tmp/times.$j"
	done
done
for j in "${!bins[@]}"; do
	sort -n "$tmp/times.$j" | awk -v b="${bins[$j]}" '{a[NR] = $1} END {printf "%s: min %.1f ms, median %.1f ms (%d runs)\n", b, a[1] / 1000, a[int((NR + 1) / 2)] / 1000, NR}'
done

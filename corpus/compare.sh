#!/usr/bin/env bash
# corpus/compare.sh compares the reports of two corpus runs, module by
# module: the JSON reports that `corpus/run.sh -o DIR` keeps, with the
# temporary checkout directory of each run taken out of the positions.
# Used to show that a change keeps every finding (position, message, related
# information, fixes) on a corpus list:
#
#   corpus/run.sh -t OLD-BINARY -o /tmp/old [-l LIST]
#   corpus/run.sh -t NEW-BINARY -o /tmp/new [-l LIST]
#   corpus/compare.sh /tmp/old /tmp/new
#
# It prints a line per module that differs or is missing from NEW, or has
# no report in OLD (the run failed: it counts as missing), then a
# total (modules compared, identical, different, missing; findings in OLD),
# and exits 1 if any module differs or is missing, 0 otherwise.
set -euo pipefail

[ $# -eq 2 ] || { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2; exit 2; }
old=$1 new=$2
command -v jq >/dev/null || { echo "compare.sh: jq is needed" >&2; exit 2; }
strip() { sed -E 's#/[^"]*/upstreamlint-corpus\.[A-Za-z0-9]+/##g' "$1"; }
n=0 same=0 diff=0 missing=0 findings=0
for f in "$old"/*.json; do
	[ -e "$f" ] || continue
	b=$(basename "$f")
	n=$((n + 1))
	count=$(jq '[.[] | .[] | arrays | .[]] | length' "$f" 2>/dev/null || true)
	findings=$((findings + ${count:-0}))
	if [ ! -s "$f" ]; then
		echo "no report: ${b%.json} (the old run failed: see its .err file)"
		missing=$((missing + 1))
	elif [ ! -f "$new/$b" ]; then
		echo "missing: ${b%.json}"
		missing=$((missing + 1))
	elif cmp -s <(strip "$f") <(strip "$new/$b"); then
		same=$((same + 1))
	else
		echo "differs: ${b%.json}"
		diff=$((diff + 1))
	fi
done
echo "modules $n: identical $same, different $diff, missing $missing; findings in $old: $findings"
[ $((diff + missing)) -eq 0 ]

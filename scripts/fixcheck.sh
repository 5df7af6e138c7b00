#!/usr/bin/env bash
# fixcheck.sh — do upstreamlint's suggested fixes compile?
#
# Usage: scripts/fixcheck.sh MODULE_DIR...
#
# For each Go module directory: copy it to a temporary directory, count the
# findings that carry a suggested fix, apply every fix (-fix), then check
# that `go build ./...` passes, that `gofmt -l` names no file that was
# gofmt-clean before, and that a second run reports none of the fixed
# findings again ("left": a fixable finding of the same check, file and
# message as a fixable one before; lines may move). A fix may reveal a
# finding of another kind: a softerror fix that turns 200 into 500 makes
# the error text of that body one the leak check's status rule reports.
# Those are counted apart ("revealed") and do not fail the module. A module that did
# not build before the fixes shows build "pre"; "ok+pre" under gofmt means
# files were already unformatted and the fixes added none. Prints one line per module and a
# total, and exits 1 if any module fails. The module directories are never
# modified. Needs the Go module proxy (or a warm module cache) for the
# modules' dependencies.
set -euo pipefail

[[ $# -ge 1 ]] || { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 2; }

root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/upstreamlint" ./cmd/upstreamlint)
ul="$tmp/upstreamlint"

# fixable FILE.json: the number of findings with at least one suggested fix
fixable() {
	python3 - "$1" <<'EOF'
import json, sys
tree = json.load(open(sys.argv[1]))
n = 0
for analyzers in tree.values():
    for diags in analyzers.values():
        if isinstance(diags, list):
            n += sum(1 for d in diags if d.get("suggested_fixes"))
print(n)
EOF
}

# left BEFORE.json AFTER.json: "LEFT REVEALED", the fixable findings after
# -fix that repeat a fixable finding before, and the others.
left() {
	python3 - "$1" "$2" <<'EOF'
import collections, json, re, sys
def fixable(path):
    tree = json.load(open(path))
    c = collections.Counter()
    for analyzers in tree.values():
        for name, diags in analyzers.items():
            if isinstance(diags, list):
                for d in diags:
                    if d.get("suggested_fixes"):
                        c[(name, re.sub(r":[0-9]+:[0-9]+$", "", d["posn"]), d["message"])] += 1
    return c
before, after = fixable(sys.argv[1]), fixable(sys.argv[2])
same = sum(min(n, before[k]) for k, n in after.items())
print(same, sum(after.values()) - same)
EOF
}

# unformatted DIR: the Go files under DIR (vendor excluded) that gofmt
# would change, sorted, one per line.
unformatted() {
	(cd "$1" && find . -name '*.go' -not -path './vendor/*' -print0 | xargs -0 -r gofmt -l | sort)
}

fail=0
tot_fix=0 tot_left=0 tot_rev=0 tot_mod=0 tot_ok=0
printf '%-40s %8s %8s %8s %8s %8s %8s\n' module fixable build gofmt left revealed result
for dir in "$@"; do
	name="$(basename "$dir")"
	work="$tmp/work/$name"
	mkdir -p "$work"
	cp -a "$dir/." "$work/"
	(cd "$work" && GOFLAGS=-mod=mod "$ul" -format=json -exit-zero ./... >"$tmp/before.json" 2>"$tmp/before.err") || true
	n="$(fixable "$tmp/before.json" 2>/dev/null || echo 0)"
	# What was already broken before the fixes is not theirs: a module
	# that does not build, or files that were not gofmt-clean.
	built_before=1
	(cd "$work" && GOFLAGS=-mod=mod go build ./... >/dev/null 2>&1) || built_before=0
	unformatted "$work" >"$tmp/fmt.before"
	(cd "$work" && GOFLAGS=-mod=mod "$ul" -fix -exit-zero ./... >/dev/null 2>"$tmp/fix.err") || true
	build=ok
	(cd "$work" && GOFLAGS=-mod=mod go build ./... >"$tmp/build.err" 2>&1) || build=FAIL
	[[ $build == FAIL && $built_before == 0 ]] && build=pre
	fmt=ok
	unformatted "$work" >"$tmp/fmt.after"
	[[ -z "$(comm -13 "$tmp/fmt.before" "$tmp/fmt.after")" ]] || fmt=FAIL
	[[ $fmt == ok && -s "$tmp/fmt.before" ]] && fmt=ok+pre
	(cd "$work" && GOFLAGS=-mod=mod "$ul" -format=json -exit-zero ./... >"$tmp/after.json" 2>/dev/null) || true
	read -r left revealed < <(left "$tmp/before.json" "$tmp/after.json" 2>/dev/null || echo "0 0")
	result=ok
	if [[ $build == FAIL || $fmt == FAIL || $left != 0 ]]; then
		result=FAIL
		fail=1
		sed 's/^/    /' "$tmp/build.err" | head -20
	fi
	printf '%-40s %8s %8s %8s %8s %8s %8s\n' "$name" "$n" "$build" "$fmt" "$left" "$revealed" "$result"
	tot_fix=$((tot_fix + n)) tot_left=$((tot_left + left)) tot_rev=$((tot_rev + revealed)) tot_mod=$((tot_mod + 1))
	[[ $result == ok ]] && tot_ok=$((tot_ok + 1))
	rm -rf "$work"
done
echo "modules: $tot_mod, build+gofmt ok: $tot_ok, fixable findings: $tot_fix, left after -fix: $tot_left, revealed by the fixes: $tot_rev"
exit $fail

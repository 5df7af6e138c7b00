#!/usr/bin/env bash
# bench-cold.sh — a first run and a second, from an empty build cache:
# upstreamlint against staticcheck and go vet.
#
# Usage: scripts/bench-cold.sh [-C dir] [PKGS...]
#
# For each tool, in one run, one after the other, each from its own empty
# GOCACHE (a fresh directory), so that the first run pays for compiling
# whatever it needs, as a CI job without a cache does:
#
#   go vet PKGS             first (cold), second (warm)
#   upstreamlint -types=export PKGS   after that go vet, in go vet's
#                           GOCACHE with an empty results cache: what
#                           compiling is shared with the go command's
#                           own builds (ul-after-vet)
#   upstreamlint -types=export PKGS   first (cold: empty GOCACHE and
#                           results cache), second (warm) (ul-cold, ul-warm)
#   upstreamlint -types=source PKGS   the same, its dependencies' types
#                           from source, nothing compiled (the default;
#                           ul-src-cold, ul-src-warm)
#   staticcheck PKGS        first (empty GOCACHE and STATICCHECK_CACHE),
#                           second (warm)
#
# It prints CPU (user+sys of every process the tool waited for) seconds,
# wall seconds and the peak RSS of the largest process of the run, with
# the ratios to staticcheck's; for upstreamlint, its -v line (the time
# spent loading, which includes go list's compiling, and analysing).
#
#   PKGS      packages (default ./...)
#   -C dir    run them in dir (a module) instead of the current directory
#   STATICCHECK  the staticcheck binary (default: staticcheck on PATH;
#             install: go install honnef.co/go/tools/cmd/staticcheck@v0.8.2)
#   UPSTREAMLINT the upstreamlint binary (default: built from this tree)
#   KEEP=DIR  keep upstreamlint's (-types=export) warm GOCACHE in DIR (for
#             later runs, such as -memlimit's)
#   ONLY=LIST the runs to make, of vet ul ul-src sc (default: all)
# The module cache must hold the module's dependencies (go mod download):
# downloading is not measured. Run it on a quiet machine: the figures are
# one run each.
set -euo pipefail

dir=""
while [[ $# -gt 0 ]]; do
	case "$1" in
	-C) [[ $# -ge 2 ]] || { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2; exit 2; }; dir="$2"; shift 2 ;;
	-h | -help | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
	-*) echo "bench-cold: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
pkgs=("$@")
[[ ${#pkgs[@]} -gt 0 ]] || pkgs=(./...)
sc="${STATICCHECK:-$(command -v staticcheck || true)}"
[[ -x "$sc" ]] || { echo "bench-cold: staticcheck not found; set STATICCHECK or install it (go install honnef.co/go/tools/cmd/staticcheck@v0.8.2)" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
workdir="$(cd "${dir:-$PWD}" && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/bench-cold.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
log() { printf '%s\n' "bench-cold: $*" >&2; }

(cd "$root" && go build -o "$tmp/benchrun" ./scripts/benchrun)
ul="${UPSTREAMLINT:-}"
if [[ -z "$ul" ]]; then
	(cd "$root" && go build -o "$tmp/upstreamlint" ./cmd/upstreamlint)
	ul="$tmp/upstreamlint"
fi
# the module graph, once, so that no run below reads go.sum for the first time
(cd "$workdir" && go list -m all >/dev/null)

results="$tmp/results.txt"
: >"$results"
# measure NAME GOCACHE-DIR command...: one run, its cost in results
measure() {
	local name="$1" gc="$2"
	shift 2
	set +e
	(cd "$workdir" && GOCACHE="$gc" "$tmp/benchrun" -o "$tmp/rusage" "$@") >"$tmp/$name.log" 2>&1
	local code=$?
	set -e
	if [[ "$code" == 125 ]] || grep -Eq 'panic:|fatal error:' "$tmp/$name.log"; then
		cat "$tmp/$name.log" >&2
		exit 1
	fi
	local wall user sys rss
	read -r wall user sys rss _ <<<"$(sed -E 's/[a-z_]+=//g' "$tmp/rusage")"
	local cpu
	cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.1f", u+s}')"
	log "$name: cpu ${cpu}s wall ${wall}s rss $((rss / 1024))MiB exit $code"
	echo "$name $cpu $wall $rss $code" >>"$results"
	grep -E '^upstreamlint: [0-9]+ packages linted' "$tmp/$name.log" | sed "s/^/  $name: /" >>"$tmp/vlines" || true
}

only=" ${ONLY:-vet ul ul-src sc} "
if [[ "$only" == *" vet "* ]]; then
	gc="$tmp/gocache-vet"
	measure vet-cold "$gc" go vet "${pkgs[@]}"
	measure vet-warm "$gc" go vet "${pkgs[@]}"
	measure ul-after-vet "$gc" env UPSTREAMLINT_CACHE="$tmp/ul-after" "$ul" -types=export -v -q -exit-zero "${pkgs[@]}"
	rm -rf "$gc" "$tmp/ul-after"
fi

if [[ "$only" == *" ul "* ]]; then
	gc="$tmp/gocache-ul"
	measure ul-cold "$gc" "$ul" -types=export -v -q -exit-zero "${pkgs[@]}"
	measure ul-warm "$gc" "$ul" -types=export -v -q -exit-zero "${pkgs[@]}"
	if [[ -n "${KEEP:-}" ]]; then
		rm -rf "$KEEP" && mv "$gc" "$KEEP"
	else
		rm -rf "$gc"
	fi
fi

if [[ "$only" == *" ul-src "* ]]; then
	gc="$tmp/gocache-src"
	measure ul-src-cold "$gc" "$ul" -types=source -v -q -exit-zero "${pkgs[@]}"
	measure ul-src-warm "$gc" "$ul" -types=source -v -q -exit-zero "${pkgs[@]}"
	rm -rf "$gc"
fi

if [[ "$only" == *" sc "* ]]; then
	gc="$tmp/gocache-sc"
	measure sc-cold "$gc" env STATICCHECK_CACHE="$tmp/sc-cache" "$sc" "${pkgs[@]}"
	measure sc-warm "$gc" env STATICCHECK_CACHE="$tmp/sc-cache" "$sc" "${pkgs[@]}"
	rm -rf "$gc" "$tmp/sc-cache"
fi

echo
echo "${pkgs[*]}  (in $workdir; $(go version | cut -d' ' -f3); $("$sc" -version); $(nproc) CPUs; one run each)"
printf '%-14s %9s %9s %13s %10s %10s\n' run "CPU s" "wall s" "peak RSS MiB" "CPU x sc" "RSS x sc"
for name in sc-cold sc-warm vet-cold vet-warm ul-cold ul-warm ul-src-cold ul-src-warm ul-after-vet; do
	grep -q "^$name " "$results" || continue
	awk -v n="$name" '
		$1 == "sc-cold" {c0 = $2; r0 = $4}
		$1 == "sc-warm" {c1 = $2; r1 = $4}
		$1 == n {c = $2; w = $3; r = $4}
		END {
			if (n ~ /warm$/) {cb = c1; rb = r1} else {cb = c0; rb = r0}
			if (cb == "") {printf "%-14s %9.1f %9.1f %13.0f %10s %10s\n", n, c, w, r / 1024, "-", "-"; exit}
			printf "%-14s %9.1f %9.1f %13.0f %10.2f %10.2f\n", n, c, w, r / 1024, c / cb, r / rb
		}' "$results"
done
echo
cat "$tmp/vlines" 2>/dev/null || true

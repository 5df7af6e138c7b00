#!/usr/bin/env bash
# bench-staticcheck.sh — the standalone upstreamlint against staticcheck.
#
# Usage: scripts/bench-staticcheck.sh [-C dir] [PKGS...]
#
# Runs, in one run, interleaved and from the same cache states:
#   upstreamlint PKGS       (the standalone command), cold and warm
#   base PKGS               (with BASE=REV: upstreamlint built at that git
#                            revision, e.g. the previous commit), cold and warm
#   staticcheck PKGS        (its default checks, with an empty results cache)
# and prints the median CPU (user+sys) seconds, wall seconds and peak RSS
# of each, with the ratio to staticcheck.
#
#   PKGS      packages (default ./...)
#   -C dir    run them in dir (a module) instead of the current directory
#   REPS      repetitions of each measurement (default 3)
#   BASE      a git revision of this repository to measure beside the
#             working tree (a change is no worse than its base: compare the
#             ratios of one run)
#   STATICCHECK  the staticcheck binary (default: staticcheck on PATH;
#             install: go install honnef.co/go/tools/cmd/staticcheck@v0.8.2)
#   SKIP_SC_WARM=1  do not warm the caches with a staticcheck run (go list
#             -export still builds the export data it reads)
# upstreamlint is measured cold (an empty results cache: UPSTREAMLINT_CACHE
# in a fresh directory) and warm (the same command again, right after).
#
# Caches: every tool runs with the same warm GOCACHE (go list and export
# data are shared); staticcheck's own results cache is emptied before each
# of its runs (STATICCHECK_CACHE in a fresh directory). All analyse test
# files (their default).
set -euo pipefail

dir=""
while [[ $# -gt 0 ]]; do
	case "$1" in
	-C) [[ $# -ge 2 ]] || { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2; exit 2; }; dir="$2"; shift 2 ;;
	-h | -help | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
	-*) echo "bench-staticcheck: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
pkgs=("$@")
[[ ${#pkgs[@]} -gt 0 ]] || pkgs=(./...)
reps="${REPS:-3}"
[[ "$reps" =~ ^[1-9][0-9]*$ ]] || { echo "bench-staticcheck: REPS must be a positive integer" >&2; exit 2; }
sc="${STATICCHECK:-$(command -v staticcheck || true)}"
[[ -x "$sc" ]] || { echo "bench-staticcheck: staticcheck not found; set STATICCHECK or install it (go install honnef.co/go/tools/cmd/staticcheck@v0.8.2)" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
workdir="$(cd "${dir:-$PWD}" && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/bench-sc.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
log() { printf '%s\n' "bench-staticcheck: $*" >&2; }

(cd "$root" && go build -o "$tmp/upstreamlint" ./cmd/upstreamlint && go build -o "$tmp/benchrun" ./scripts/benchrun)
units=(cold staticcheck)
if [[ -n "${BASE:-}" ]]; then
	mkdir "$tmp/base-src"
	(cd "$root" && git archive "$BASE") | tar -x -C "$tmp/base-src"
	(cd "$tmp/base-src" && go build -o "$tmp/base" ./cmd/upstreamlint)
	units=(cold base-cold staticcheck)
fi

# Warm the build cache and the module cache for both (not measured).
log "warming caches in $workdir"
(cd "$workdir" && go list -deps -test -export "${pkgs[@]}" >/dev/null)
if [[ -z "${SKIP_SC_WARM:-}" ]]; then
	(cd "$workdir" && STATICCHECK_CACHE="$tmp/sc-warm" "$sc" "${pkgs[@]}" >/dev/null 2>&1) || true
fi

results="$tmp/results.txt"
: >"$results"
for ((rep = 1; rep <= reps; rep++)); do
	order=()
	for ((k = 0; k < ${#units[@]}; k++)); do
		u="${units[(k + rep - 1) % ${#units[@]}]}"
		order+=("$u")
		[[ "$u" == cold ]] && order+=(warm)
		[[ "$u" == base-cold ]] && order+=(base-warm)
	done
	for tool in "${order[@]}"; do
		case "$tool" in
		cold)
			rm -rf "$tmp/ul-cache"
			cmd=(env UPSTREAMLINT_CACHE="$tmp/ul-cache" "$tmp/upstreamlint" -exit-zero "${pkgs[@]}")
			;;
		warm) cmd=(env UPSTREAMLINT_CACHE="$tmp/ul-cache" "$tmp/upstreamlint" -exit-zero "${pkgs[@]}") ;;
		base-cold)
			rm -rf "$tmp/base-cache"
			cmd=(env UPSTREAMLINT_CACHE="$tmp/base-cache" "$tmp/base" -exit-zero "${pkgs[@]}")
			;;
		base-warm) cmd=(env UPSTREAMLINT_CACHE="$tmp/base-cache" "$tmp/base" -exit-zero "${pkgs[@]}") ;;
		staticcheck)
			rm -rf "$tmp/sc-cache"
			cmd=(env STATICCHECK_CACHE="$tmp/sc-cache" "$sc" "${pkgs[@]}")
			;;
		esac
		set +e
		(cd "$workdir" && "$tmp/benchrun" -o "$tmp/rusage" "${cmd[@]}") >"$tmp/$tool.$rep.log" 2>&1
		code=$?
		set -e
		if [[ "$code" == 125 ]] || grep -Eq 'panic:|fatal error:' "$tmp/$tool.$rep.log"; then
			cat "$tmp/$tool.$rep.log" >&2
			exit 1
		fi
		read -r wall user sys rss _ <<<"$(sed -E 's/[a-z_]+=//g' "$tmp/rusage")"
		cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.3f", u+s}')"
		log "rep $rep/$reps: $tool cpu ${cpu}s wall ${wall}s rss $((rss / 1024))MiB exit $code"
		echo "$tool $rep $cpu $wall $rss $code" >>"$results"
	done
done

median() {
	awk -v t="$1" -v c="$2" '$1 == t {print $c}' "$results" | sort -g |
		awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
echo
echo "${pkgs[*]}  (in $workdir; $(go version | cut -d' ' -f3); $("$sc" -version); $(nproc) CPUs; median of $reps)"
printf '%-14s %9s %9s %13s %10s %10s %10s\n' tool "CPU s" "wall s" "peak RSS MiB" "CPU x" "wall x" "RSS x"
shown=(staticcheck cold warm)
[[ -n "${BASE:-}" ]] && shown+=(base-cold base-warm)
for tool in "${shown[@]}"; do
	awk -v l="$tool" -v c="$(median "$tool" 3)" -v w="$(median "$tool" 4)" -v r="$(median "$tool" 5)" \
		-v c0="$(median staticcheck 3)" -v w0="$(median staticcheck 4)" -v r0="$(median staticcheck 5)" 'BEGIN {
		printf "%-14s %9.2f %9.2f %13.1f %10.2f %10.2f %10.2f\n", l, c, w, r / 1024, c / c0, w / w0, r / r0
	}'
done
echo
echo "runs (tool rep cpu_s wall_s maxrss_kib exit):"
sed 's/^/  /' "$results"

#!/usr/bin/env bash
# bench-vet.sh — what does upstreamlint cost under go vet?
#
# Usage: scripts/bench-vet.sh [-C dir] [PKGS...]
#
# Measures, in one run and from identical cache states:
#   go vet PKGS                               (the standard vet tool)
#   go vet -vettool=upstreamlint PKGS
#   go vet -vettool=noopvet PKGS              (a unitchecker that does nothing:
#                                              the floor of any -vettool)
# and prints the median CPU (user+sys) seconds, wall seconds and peak RSS of
# each, with ratios against plain go vet.
#
#   PKGS      packages to vet (default: net/..., from the standard library)
#   -C dir    run go vet in dir (another module) instead of the current one
#   REPS      repetitions of each measurement (default 3); the tools are
#             interleaved, and the median is reported
#   GO        the go command to use (default: go)
#   KEEP=1    keep the temporary directory (binaries, caches, logs)
#
# Caches: go vet caches vet results in GOCACHE, keyed by the vet tool. The
# script first warms a base GOCACHE by vetting PKGS with a primer tool (a
# variant of noopvet whose binary, hence cache key, differs from all three
# measured tools): compiled export data and vet configs of every package and
# test variant are then present, and no measured tool has any result cached.
# Each measurement runs on a fresh copy (cp -a) of that base cache.
#
# Cost accounting uses scripts/benchrun (getrusage through wait4): CPU is
# user+sys of go and every process it ran; peak RSS is that of the largest
# single process of the tree (a compile or a vet tool, usually).
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

dir=""
while [[ $# -gt 0 ]]; do
	case "$1" in
	-C) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; dir="$2"; shift 2 ;;
	-C=*) dir="${1#-C=}"; shift ;;
	-h | -help | --help) usage; exit 0 ;;
	--) shift; break ;;
	-*) echo "bench-vet: unknown option $1" >&2; usage >&2; exit 2 ;;
	*) break ;;
	esac
done
pkgs=("$@")
[[ ${#pkgs[@]} -gt 0 ]] || pkgs=(net/...)
reps="${REPS:-3}"
[[ "$reps" =~ ^[1-9][0-9]*$ ]] || { echo "bench-vet: REPS must be a positive integer" >&2; exit 2; }
GO="${GO:-go}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
workdir="${dir:-$PWD}"
workdir="$(cd "$workdir" && pwd)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/bench-vet.XXXXXX")"
cleanup() {
	if [[ "${KEEP:-0}" == 1 ]]; then
		echo "bench-vet: kept $tmp" >&2
	else
		chmod -R u+w "$tmp" 2>/dev/null || true
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT

log() { printf '%s\n' "bench-vet: $*" >&2; }

# --- build the tools (with the user's normal cache: not measured) ---------
log "building upstreamlint, noopvet, primer and benchrun in $root"
(
	cd "$root"
	"$GO" build -o "$tmp/upstreamlint" ./cmd/upstreamlint
	"$GO" build -o "$tmp/noopvet" ./scripts/noopvet
	"$GO" build -ldflags=-X=main.variant=primer -o "$tmp/primevet" ./scripts/noopvet
	"$GO" build -o "$tmp/benchrun" ./scripts/benchrun
)
if [[ "$("$tmp/noopvet" -V=full | awk '{print $NF}')" == "$("$tmp/primevet" -V=full | awk '{print $NF}')" ]]; then
	echo "bench-vet: primer and noopvet have the same tool ID; the base cache would hold noopvet's results" >&2
	exit 1
fi

# --- warm the base cache ---------------------------------------------------
base="$tmp/cache-base"
mkdir -p "$base"
log "warming base GOCACHE: go vet -vettool=primer ${pkgs[*]} (in $workdir)"
if ! (cd "$workdir" && GOCACHE="$base" "$GO" vet -vettool="$tmp/primevet" "${pkgs[@]}") >"$tmp/prime.log" 2>&1; then
	echo "bench-vet: warming the cache failed:" >&2
	cat "$tmp/prime.log" >&2
	exit 1
fi
log "base cache: $(du -sh "$base" | cut -f1)"

# --- measure -----------------------------------------------------------------
tools=(vet upstreamlint noopvet)


# check_output tool exitcode logfile: a vet tool that crashes makes go vet
# fail, and so does one that reports findings. Accept a non-zero exit only
# when every line of output is a finding (file:line:col: message, its
# related-information lines included) or a "# package" header.
check_output() {
	local tool="$1" code="$2" logf="$3"
	if grep -Eq 'panic:|internal error:|fatal error:|SIGSEGV' "$logf"; then
		echo "bench-vet: $tool crashed:" >&2
		cat "$logf" >&2
		return 1
	fi
	if [[ "$code" != 0 ]]; then
		local bad
		bad="$(grep -Ev '^[^[:space:]]+:[0-9]+:[0-9]+: |^# [^[:space:]]+$|^$' "$logf" || true)"
		if [[ -n "$bad" ]]; then
			echo "bench-vet: $tool failed (exit $code) with output that is not findings:" >&2
			echo "$bad" | head -20 >&2
			return 1
		fi
	fi
}

results="$tmp/results.txt" # tool rep cpu wall rss_kib
: >"$results"
n=${#tools[@]}
for ((rep = 1; rep <= reps; rep++)); do
	for ((k = 0; k < n; k++)); do
		tool="${tools[(k + rep - 1) % n]}" # rotate the order from one rep to the next
		cache="$tmp/cache-run"
		rm -rf "$cache"
		cp -a "$base" "$cache"
		logf="$tmp/$tool.$rep.log"
		cmd=("$GO" vet)
		[[ "$tool" == vet ]] || cmd+=("-vettool=$tmp/$tool")
		log "rep $rep/$reps: $tool"
		set +e
		(cd "$workdir" && GOCACHE="$cache" "$tmp/benchrun" -o "$tmp/rusage" "${cmd[@]}" "${pkgs[@]}") >"$logf" 2>&1
		code=$?
		set -e
		if [[ "$code" == 125 ]]; then
			cat "$logf" >&2
			exit 1
		fi
		check_output "$tool" "$code" "$logf"
		findings="$(grep -Ec '^[^[:space:]]+:[0-9]+:[0-9]+: [^[:space:]]' "$logf" || true)"
		read -r wall user sys rss _ <<<"$(sed -E 's/[a-z_]+=//g' "$tmp/rusage")"
		cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.3f", u+s}')"
		log "  cpu ${cpu}s wall ${wall}s rss $((rss / 1024))MiB exit $code findings $findings"
		echo "$tool $rep $cpu $wall $rss $code $findings" >>"$results"
		chmod -R u+w "$cache" 2>/dev/null || true
		rm -rf "$cache"
	done
done

# --- report ----------------------------------------------------------------
if [[ "$(wc -l <"$results")" -ne $((reps * n)) ]]; then
	echo "bench-vet: expected $((reps * n)) measurements, got $(wc -l <"$results")" >&2
	exit 1
fi
median() { # tool column -> median of that column over the reps
	awk -v t="$1" -v c="$2" '$1 == t {print $c}' "$results" | sort -g |
		awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

declare -A cpu wall rss
for tool in "${tools[@]}"; do
	cpu[$tool]="$(median "$tool" 3)"
	wall[$tool]="$(median "$tool" 4)"
	rss[$tool]="$(median "$tool" 5)"
done

echo
echo "go vet ${pkgs[*]}  (in $workdir; $("$GO" version | cut -d' ' -f3); $(nproc 2>/dev/null || echo '?') CPUs; median of $reps; warm build cache, no vet results cached)"
printf '%-14s %9s %9s %13s %10s %10s %10s\n' tool "CPU s" "wall s" "peak RSS MiB" "CPU x" "wall x" "RSS x"
for tool in "${tools[@]}"; do
	label="go vet"
	[[ "$tool" == vet ]] || label="$tool"
	awk -v l="$label" -v c="${cpu[$tool]}" -v w="${wall[$tool]}" -v r="${rss[$tool]}" \
		-v c0="${cpu[vet]}" -v w0="${wall[vet]}" -v r0="${rss[vet]}" 'BEGIN {
		printf "%-14s %9.2f %9.2f %13.1f %10.2f %10.2f %10.2f\n", l, c, w, r / 1024, c / c0, w / w0, r / r0
	}'
done
echo
echo "runs (tool rep cpu_s wall_s maxrss_kib exit findings):"
sed 's/^/  /' "$results"
lf="$(awk '$1 == "upstreamlint" {print $2; exit}' "$results")"
if [[ -n "$lf" ]] && grep -Eq '^[^[:space:]]+:[0-9]+:[0-9]+: ' "$tmp/upstreamlint.$lf.log"; then
	echo
	echo "upstreamlint findings (rep $lf):"
	sed 's/^/  /' "$tmp/upstreamlint.$lf.log"
fi
exit 0

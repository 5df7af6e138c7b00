#!/usr/bin/env bash
# bench-hosts.sh — what each host finds, and what it costs, on one module.
#
# Usage: scripts/bench-hosts.sh [-C dir] [PKGS...]
#
# Runs, in one run and from the same cache states, each cold (empty
# results caches) and then warm (the same command again):
#   standalone      upstreamlint PKGS
#   vet             go vet -vettool=upstreamlint PKGS
#   vet-pkg         the same with -upstreamfacts.whole=false (each package
#                   with its imports' facts only: the hosts before the join)
#   golangci        golangci-lint with the plugin (tools/golangci), only
#                   the upstreamlint linter enabled
#   golangci-pkg    the same with whole-program: false
#   staticcheck     staticcheck PKGS (cold), the reference for memory
# and prints, for each, the findings (distinct positions and messages)
# and whether they are the standalone command's (or how many differ), CPU
# (user+sys) seconds, wall seconds and peak RSS, with the ratios of the
# whole-program runs to their per-package runs.
#
#   PKGS      packages (default ./...)
#   -C dir    run them in dir (a module) instead of the current directory
#   REPS      repetitions of each measurement (default 1; the median is shown)
#   STATICCHECK  the staticcheck binary (default: staticcheck on PATH)
#   KEEP=1    keep the temporary directory (binaries, caches, outputs)
#
# Caches: GOCACHE is shared and warmed first (the compiled packages every
# host reads); each cold run has empty results caches of its own
# (UPSTREAMLINT_CACHE, GOLANGCI_LINT_CACHE, STATICCHECK_CACHE in fresh
# directories), and go vet's cached results are avoided with a copy of the
# binary with a few bytes appended for each cold run, whose build ID, which
# go vet keys its results by, is its own. CPU counts the command and
# every process it waited for (scripts/benchrun); peak RSS is that of the
# largest single process.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
dir=""
while [[ $# -gt 0 ]]; do
	case "$1" in
	-C) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; dir="$2"; shift 2 ;;
	-h | -help | --help) usage; exit 0 ;;
	-*) echo "bench-hosts: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
pkgs=("$@")
[[ ${#pkgs[@]} -gt 0 ]] || pkgs=(./...)
reps="${REPS:-1}"
[[ "$reps" =~ ^[1-9][0-9]*$ ]] || { echo "bench-hosts: REPS must be a positive integer" >&2; exit 2; }
sc="${STATICCHECK:-$(command -v staticcheck || true)}"
[[ -x "$sc" ]] || { echo "bench-hosts: staticcheck not found; set STATICCHECK or install it (go install honnef.co/go/tools/cmd/staticcheck@v0.8.2)" >&2; exit 2; }
command -v jq >/dev/null || { echo "bench-hosts: jq not found (it counts the findings)" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
workdir="$(cd "${dir:-$PWD}" && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/bench-hosts.XXXXXX")"
[[ -n "${KEEP:-}" ]] || trap 'rm -rf "$tmp"' EXIT
log() { printf '%s\n' "bench-hosts: $*" >&2; }

log "building upstreamlint and golangci-lint with the plugin"
(cd "$root" && go build -o "$tmp/upstreamlint" ./cmd/upstreamlint && go build -o "$tmp/benchrun" ./scripts/benchrun)
(cd "$root/tools/golangci" && GOWORK=off GOFLAGS=-mod=readonly go build -o "$tmp/golangci-lint" .)
for whole in true false; do
	cat >"$tmp/golangci-$whole.yml" <<EOF
version: "2"
linters:
  default: none
  enable: [upstreamlint]
  settings:
    custom:
      upstreamlint:
        type: module
        settings: {whole-program: $whole}
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
EOF
done

log "warming the build cache in $workdir"
(cd "$workdir" && go list -deps -test -export "${pkgs[@]}" >/dev/null)
(cd "$workdir" && go vet "${pkgs[@]}" >/dev/null 2>&1) || true

# findings FORMAT FILE: the distinct findings of an output, one a line
# ("file:line:col check: message"), sorted
findings() {
	case "$1" in
	tree) # go/analysis JSON trees (one or several, "# pkg" lines between)
		grep -v '^#' "$2" | jq -rs '.[] | .[] | to_entries[] | .key as $c | .value | arrays | .[] | "\(.posn) \($c): \(.message)"' 2>/dev/null | sort -u ;;
	golangci)
		jq -r '.Issues[]? | "\(.Pos.Filename):\(.Pos.Line):\(.Pos.Column) \(.Text)"' "$2" 2>/dev/null | sort -u ;;
	esac
}

units=(standalone vet vet-pkg golangci golangci-pkg staticcheck)
results="$tmp/results.txt"
: >"$results"
n=0
for ((rep = 1; rep <= reps; rep++)); do
	for unit in "${units[@]}"; do
		phases=(cold warm)
		[[ "$unit" == staticcheck ]] && phases=(cold)
		n=$((n + 1))
		c="$tmp/caches/$unit-$rep"
		rm -rf "$c" && mkdir -p "$c"
		# a copy of the binary with bytes of its own appended: a build ID
		# (-V=full) of its own, so go vet has no result cached for it
		cp "$tmp/upstreamlint" "$c/upstreamlint" && printf 'bench %s %s\n' "$$" "$n" >>"$c/upstreamlint"
		for phase in "${phases[@]}"; do
			env=(UPSTREAMLINT_CACHE="$c/ul" GOLANGCI_LINT_CACHE="$c/gl" STATICCHECK_CACHE="$c/sc")
			case "$unit" in
			standalone) cmd=("$tmp/upstreamlint" -exit-zero -json "${pkgs[@]}") fmt=tree ;;
			vet) cmd=(go vet -vettool="$c/upstreamlint" -json "${pkgs[@]}") fmt=tree ;;
			vet-pkg) cmd=(go vet -vettool="$c/upstreamlint" -upstreamfacts.whole=false -json "${pkgs[@]}") fmt=tree ;;
			golangci) cmd=("$tmp/golangci-lint" run --config "$tmp/golangci-true.yml" --output.json.path=stdout --show-stats=false --path-mode=abs "${pkgs[@]}") fmt=golangci ;;
			golangci-pkg) cmd=("$tmp/golangci-lint" run --config "$tmp/golangci-false.yml" --output.json.path=stdout --show-stats=false --path-mode=abs "${pkgs[@]}") fmt=golangci ;;
			staticcheck) cmd=("$sc" "${pkgs[@]}") fmt=none ;;
			esac
			out="$tmp/$unit.$phase.$rep.out"
			set +e
			(cd "$workdir" && env "${env[@]}" "$tmp/benchrun" -o "$tmp/rusage" "${cmd[@]}") >"$out" 2>"$out.err"
			code=$?
			set -e
			if [[ "$code" == 125 ]] || grep -Eq 'panic:|fatal error:' "$out.err"; then
				cat "$out.err" >&2
				exit 1
			fi
			[[ "$fmt" == tree && "$unit" == vet* ]] && cat "$out.err" >>"$out" # go vet -json writes on stderr
			read -r wall user sys rss _ <<<"$(sed -E 's/[a-z_]+=//g' "$tmp/rusage")"
			cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.3f", u+s}')"
			f=- same=-
			if [[ "$fmt" != none ]]; then
				findings "$fmt" "$out" >"$out.findings"
				f="$(wc -l <"$out.findings")"
				if [[ "$unit" == standalone ]]; then
					cp "$out.findings" "$tmp/standalone.findings"
				elif cmp -s "$out.findings" "$tmp/standalone.findings"; then
					same=yes
				else
					same="no:$(comm -3 "$out.findings" "$tmp/standalone.findings" | wc -l)"
				fi
			fi
			log "rep $rep/$reps: $unit $phase: $f findings (same as standalone: $same), cpu ${cpu}s wall ${wall}s rss $((rss / 1024))MiB exit $code"
			echo "$unit-$phase $rep $cpu $wall $rss $code $f $same" >>"$results"
		done
	done
done

median() {
	awk -v t="$1" -v c="$2" '$1 == t {print $c}' "$results" | sort -g |
		awk '{v[NR] = $1} END {if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
echo
echo "${pkgs[*]}  (in $workdir; $(go version | cut -d' ' -f3); $("$sc" -version); $(nproc) CPUs; median of $reps)"
printf '%-20s %9s %12s %9s %9s %13s %18s\n' run findings "=standalone" "CPU s" "wall s" "peak RSS MiB" "CPU x per-package"
for unit in standalone vet vet-pkg golangci golangci-pkg staticcheck; do
	for phase in cold warm; do
		t="$unit-$phase"
		[[ -n "$(median "$t" 3)" ]] || continue
		base=""
		case "$unit" in vet | golangci) base="$unit-pkg-$phase" ;; esac
		ratio="-"
		[[ -n "$base" ]] && ratio="$(awk -v a="$(median "$t" 3)" -v b="$(median "$base" 3)" 'BEGIN{printf "%.2f", a / b}')"
		awk -v l="$t" -v f="$(awk -v t="$t" '$1 == t {print $7; exit}' "$results")" -v e="$(awk -v t="$t" '$1 == t {print $8; exit}' "$results")" -v c="$(median "$t" 3)" -v w="$(median "$t" 4)" -v r="$(median "$t" 5)" -v x="$ratio" 'BEGIN {
			printf "%-20s %9s %12s %9.2f %9.2f %13.1f %18s\n", l, f, e, c, w, r / 1024, x
		}'
	done
done

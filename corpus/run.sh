#!/usr/bin/env bash
# corpus/run.sh re-runs upstreamlint on the precision corpus (corpus/repos.txt)
# and prints, per repository and module, the number of findings of each check
# and the wall seconds the module took (the module's packages and their
# dependencies are loaded and analysed in one run, so no package takes longer).
#
#   corpus/run.sh [-o DIR] [-t TOOL] [-l LIST] [-k] [NAME...]
#
#   -o DIR   keep the JSON report (and stderr) of every module in DIR
#   -t TOOL  use this upstreamlint binary instead of building one from the
#            repository that contains this script
#   -l LIST  the corpus list (default: corpus/repos.txt next to this script)
#   -k       keep the checked-out trees (their directory is printed)
#   -a ARGS  extra upstreamlint arguments (e.g. -a -runner=vet)
#   NAME     run only the repositories whose owner/name contains NAME
#
# Repositories are not downloaded: each must be present as a git mirror under
# /work/.mirror/<owner>+<name>/ (the directory the session's fetch tool
# creates; override the root with UPSTREAMLINT_MIRRORS). A missing mirror is
# reported with how to get it, and skipped. The commit of each line is
# exported from the mirror into a temporary directory (blobs that a partial
# mirror lacks become empty files, named on stderr). Module dependencies come
# from the Go module proxy (GOFLAGS=-mod=mod), or from the module's vendor
# directory when it has a consistent one, or through the repository's
# go.work (workspace mode) when one is above the module. Modules are
# analysed one at a time.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
list=$here/repos.txt
outdir=
tool=
keep=0
extra=()
while getopts "o:t:l:a:kh" opt; do
	case $opt in
	o) outdir=$OPTARG ;;
	t) tool=$OPTARG ;;
	l) list=$OPTARG ;;
	k) keep=1 ;;
	a) read -r -a extra <<<"$OPTARG" ;;
	h)
		sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
filters=("$@")
mirrors=${UPSTREAMLINT_MIRRORS:-/work/.mirror}

command -v jq >/dev/null || { echo "run.sh: jq is required" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/upstreamlint-corpus.XXXXXX")
if [ "$keep" = 0 ]; then
	trap 'rm -rf "$work"' EXIT
else
	echo "checkouts in $work"
fi

if [ -z "$tool" ]; then
	tool=$work/upstreamlint
	(cd "$here/.." && go build -o "$tool" ./cmd/upstreamlint)
	echo "tool: built from $(cd "$here/.." && git rev-parse --short HEAD 2>/dev/null || echo "$here/..") (working tree)"
else
	tool=$(cd "$(dirname "$tool")" && pwd)/$(basename "$tool")
	echo "tool: $tool"
fi
if [ -n "$outdir" ]; then
	mkdir -p "$outdir"
	outdir=$(cd "$outdir" && pwd)
fi

# extract GITDIR COMMIT DEST writes the tree of COMMIT into DEST without
# touching the mirror: a pruned tree (without the blobs a partial mirror
# lacks) is written to a scratch object directory.
extract() {
	local gd=$1 commit=$2 dest=$3 missing tree scratch
	mkdir -p "$dest"
	missing=$(git --git-dir="$gd" ls-tree -r --full-tree "$commit" |
		awk '$2 == "blob" { print $3 }' |
		git --git-dir="$gd" cat-file --batch-check | awk '$2 == "missing" { print $1 }')
	if [ -z "$missing" ]; then
		git --git-dir="$gd" archive "$commit" | tar -x -C "$dest"
		return
	fi
	scratch=$(mktemp -d "$work/scratch.XXXXXX")
	mkdir -p "$scratch/objects"
	local -a env=(GIT_DIR="$gd" GIT_INDEX_FILE="$scratch/index"
		GIT_OBJECT_DIRECTORY="$scratch/objects"
		GIT_ALTERNATE_OBJECT_DIRECTORIES="$(cd "$gd" && pwd)/objects")
	env "${env[@]}" git read-tree "$commit"
	while IFS=$'\t' read -r _ path; do
		env "${env[@]}" git update-index --force-remove -- "$path"
		mkdir -p "$dest/$(dirname "$path")"
		: >"$dest/$path"
		echo "  missing blob (empty file): $path" >&2
	done < <(git --git-dir="$gd" ls-tree -r --full-tree "$commit" | grep -F -f <(echo "$missing"))
	tree=$(env "${env[@]}" git write-tree)
	env "${env[@]}" git archive "$tree" | tar -x -C "$dest"
	rm -rf "$scratch"
}

# mirror OWNER/NAME prints the git directory of the repository's mirror.
mirror() {
	local d
	for d in "$mirrors/${1/\//+}"/* "$mirrors/${1/\//+}"/*/.git; do
		if [ -d "$d" ] && git --git-dir="$d" rev-parse --git-dir >/dev/null 2>&1; then
			echo "$d"
			return 0
		fi
	done
	return 1
}

counts='[to_entries[].value | to_entries[] | select(.value|type=="array") | {k: .key, n: (.value|length)}]
	| (map(select(.k=="passthrough").n) | add // 0) as $p
	| (map(select(.k=="leak").n) | add // 0) as $l
	| (map(select(.k=="softerror").n) | add // 0) as $s
	| "\($p) \($l) \($s)"'
errs='[to_entries[].value | to_entries[] | select(.value|type=="object")] | length'

printf '%-50s %-28s %-12s %5s %5s %5s %5s %6s  %s\n' repository module commit passth leak softer total secs notes
tp=0 tl=0 ts=0 nmod=0 nfail=0
while read -r repo commit subdirs _; do
	[ -z "${repo:-}" ] && continue
	case $repo in \#*) continue ;; esac
	if [ ${#filters[@]} -gt 0 ]; then
		match=0
		for f in "${filters[@]}"; do [[ $repo == *"$f"* ]] && match=1; done
		[ "$match" = 1 ] || continue
	fi
	if ! gd=$(mirror "$repo"); then
		echo "$repo: no mirror under $mirrors/${repo/\//+}/ - bring it in with the session's fetch tool (github:$repo), or mirror it yourself: git clone --mirror https://github.com/$repo $mirrors/${repo/\//+}/repo" >&2
		nfail=$((nfail + 1))
		continue
	fi
	if ! git --git-dir="$gd" cat-file -e "$commit^{commit}" 2>/dev/null; then
		echo "$repo: commit $commit is not in $gd (fetch a newer snapshot)" >&2
		nfail=$((nfail + 1))
		continue
	fi
	dest=$work/${repo/\//+}
	rm -rf "$dest"
	extract "$gd" "$commit" "$dest"
	IFS=, read -r -a mods <<<"${subdirs:-.}"
	for mod in "${mods[@]}"; do
		dir=$dest/$mod
		name=${repo/\//+}
		[ "$mod" != . ] && name=$name+${mod//\//+}
		mode=mod
		if [ -f "$dir/vendor/modules.txt" ] && (cd "$dir" && go list -mod=vendor ./... >/dev/null 2>&1); then
			mode=vendor
		elif [ -n "$(cd "$dir" && GOWORK= go env GOWORK 2>/dev/null)" ]; then
			mode=workspace # a go.work of the repository (at its root, or above the module: kubernetes/dashboard's modules/): -mod is refused there, as its users run it
		fi
		modflag=-mod=$mode
		[ "$mode" = workspace ] && modflag=
		json=$work/$name.json
		err=$work/$name.err
		rc=0
		start=$SECONDS
		(cd "$dir" && GOFLAGS="${GOFLAGS:-} $modflag" "$tool" ${extra[@]+"${extra[@]}"} -format=json -exit-zero ./... >"$json" 2>"$err") || rc=$?
		secs=$((SECONDS - start))
		notes=""
		[ "$mode" != mod ] && notes="$mode"
		if [ "$rc" != 0 ]; then
			notes="$notes exit=$rc (see ${outdir:-the .err file with -o})"
			nfail=$((nfail + 1))
		fi
		if ! read -r p l s < <(jq -r "$counts" "$json" 2>/dev/null); then
			p=0 l=0 s=0
			notes="$notes no-json"
		fi
		e=$(jq -r "$errs" "$json" 2>/dev/null || echo 0)
		[ "$e" != 0 ] && notes="$notes analysis-errors=$e"
		printf '%-50s %-28s %-12s %5d %5d %5d %5d %6d  %s\n' "$repo" "$mod" "${commit:0:12}" "$p" "$l" "$s" $((p + l + s)) "$secs" "$notes"
		tp=$((tp + p)) tl=$((tl + l)) ts=$((ts + s)) nmod=$((nmod + 1))
		if [ -n "$outdir" ]; then
			cp "$json" "$outdir/$name.json"
			cp "$err" "$outdir/$name.err"
		fi
	done
	[ "$keep" = 1 ] || rm -rf "$dest"
done <"$list"
printf '%-50s %-28s %-12s %5d %5d %5d %5d %6s  %s\n' TOTAL "$nmod modules" "" "$tp" "$tl" "$ts" $((tp + tl + ts)) "" "$nfail failed"

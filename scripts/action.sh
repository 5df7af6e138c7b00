#!/usr/bin/env bash
# The GitHub Action's work (action.yml): install upstreamlint, run it, and
# leave a SARIF file for the upload step or print annotations. It takes the
# action's inputs as environment variables, so it runs without GitHub too
# (action/action_test.go):
#
#   INPUT_VERSION            a version to go install (vX.Y.Z); empty or
#                            "source": build the action's own checkout
#   INPUT_WORKING_DIRECTORY  where to run, in the module (default .)
#   INPUT_PACKAGES           package patterns, split on white space (./...)
#   INPUT_MODE               sarif (default): write upstreamlint.sarif with
#                            -exit-zero; annotations: -format=github on
#                            stdout, on a pull request only the findings on
#                            the lines it changes (-new-from-merge-base)
#   INPUT_ARGS               more flags, split on white space
#
# and GitHub's GITHUB_ACTION_PATH (this repository; default: the directory
# above this script), GITHUB_EVENT_NAME, GITHUB_BASE_REF and GITHUB_OUTPUT
# (where sarif-file and category are written).
#
# Paths in the report are relative to the repository's root, as GitHub
# wants them, for a module in a subdirectory too (upstreamlint does it for
# the annotations; the script for SARIF, with jq).
#
# Exit status: upstreamlint's (0 clean, 1 error, 2 usage, 3 findings; in
# sarif mode findings exit 0), or 2 for a bad input.
set -euo pipefail

say() { echo "upstreamlint action: $*" >&2; }

version=${INPUT_VERSION:-}
workdir=${INPUT_WORKING_DIRECTORY:-.}
mode=${INPUT_MODE:-sarif}
read -r -a packages <<<"${INPUT_PACKAGES:-./...}"
read -r -a args <<<"${INPUT_ARGS:-}"
action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}

case $mode in
sarif | annotations) ;;
*)
	say "mode is sarif or annotations, not \"$mode\""
	exit 2
	;;
esac
if [ ${#packages[@]} -eq 0 ]; then
	packages=(./...)
fi

# Install. GOFLAGS and GOWORK are the linted module's settings, not the
# install's: -mod=vendor or a go.work would break the build.
gobin=$(go env GOBIN)
if [ -z "$gobin" ]; then
	gopath=$(go env GOPATH)
	gobin=${gopath%%[:;]*}/bin # the first entry of the list
fi
exe=$gobin/upstreamlint$(go env GOEXE)
if [ -z "$version" ] || [ "$version" = source ]; then
	say "building $action_path/cmd/upstreamlint"
	(cd "$action_path" && GOFLAGS='' GOWORK=off go install ./cmd/upstreamlint)
else
	say "installing github.com/upstreamlint/upstreamlint/cmd/upstreamlint@$version"
	GOFLAGS='' GOWORK=off go install "github.com/upstreamlint/upstreamlint/cmd/upstreamlint@$version"
fi
"$exe" -V >&2

cd "$workdir"
gomod=$(go env GOMOD)
if [ -z "$gomod" ] || [ "$gomod" = /dev/null ] || [ "$gomod" = NUL ]; then
	say "$(pwd) is not in a Go module: set working-directory to the module's directory"
	exit 2
fi
# The module's root relative to the repository's ("" at the root, else
# "dir/"): SARIF's paths are relative to the module's root.
prefix=
if git -C "$(dirname "$gomod")" rev-parse --git-dir >/dev/null 2>&1; then
	prefix=$(cd "$(dirname "$gomod")" && git rev-parse --show-prefix)
fi

output() {
	if [ -n "${GITHUB_OUTPUT:-}" ]; then
		echo "$1=$2" >>"$GITHUB_OUTPUT"
	fi
}

if [ "$mode" = sarif ]; then
	sarif=$(pwd)/upstreamlint.sarif
	"$exe" -format=sarif -exit-zero ${args[@]+"${args[@]}"} "${packages[@]}" >"$sarif"
	category=upstreamlint
	if [ -n "$prefix" ]; then
		category=upstreamlint:${prefix%/}
		if ! command -v jq >/dev/null; then
			say "the module is in $prefix: making the SARIF paths relative to the repository needs jq"
			exit 1
		fi
		# Results name files relative to %SRCROOT%, the module's root:
		# prefix them, and make %SRCROOT% the repository's root (or drop
		# it when its URI does not end with the prefix as expected).
		jq --arg p "$prefix" '
			($p | split("/") | map(@uri) | join("/")) as $u
			| walk(if type == "object" and .uriBaseId == "%SRCROOT%" and (.uri | type) == "string"
				then .uri = $u + .uri else . end)
			| .runs[] |= (if (.originalUriBaseIds["%SRCROOT%"].uri // "" | endswith("/" + $u))
				then .originalUriBaseIds["%SRCROOT%"].uri |= .[0:length - ($u | length)]
				else del(.originalUriBaseIds["%SRCROOT%"]) end)
		' "$sarif" >"$sarif.tmp"
		mv "$sarif.tmp" "$sarif"
	fi
	say "wrote $sarif"
	output sarif-file "$sarif"
	output category "$category"
	exit 0
fi

# annotations
newfrom=()
case ${GITHUB_EVENT_NAME:-} in
pull_request | pull_request_target)
	if [ -n "${GITHUB_BASE_REF:-}" ]; then
		base=origin/$GITHUB_BASE_REF
		if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
			say "a shallow clone has no merge base with $base: check out with fetch-depth: 0"
			exit 2
		fi
		if ! git rev-parse --verify -q "$base^{commit}" >/dev/null; then
			say "fetching $base"
			git fetch --no-tags -q origin "+refs/heads/$GITHUB_BASE_REF:refs/remotes/$base"
		fi
		newfrom=("-new-from-merge-base=$base")
	fi
	;;
esac

# upstreamlint gives the annotations' paths relative to the repository's
# root itself (it asks git where the module lies).
set +e
"$exe" -format=github ${newfrom[@]+"${newfrom[@]}"} ${args[@]+"${args[@]}"} "${packages[@]}"
status=$?
set -e
exit "$status"

package driver

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// -new-from-rev=REV and -new-from-merge-base=REV report only the findings
// on lines added or changed since REV, as golangci-lint's options of the
// same names do: the lines of `git diff REV` (the working tree, committed
// or not, against REV) and every line of an untracked file. A finding is
// new when its range or one of its related positions (the upstream call)
// touches such a line.

// changedLines maps absolute file names to the lines (1-based) added or
// changed since a revision; whole is set for files that are new as a
// whole (untracked).
type changedLines struct {
	lines map[string]map[int]bool
	whole map[string]bool
	canon map[string]string // file name -> the name the maps use
}

// key returns the name under which file's lines are kept: its path with
// symbolic links resolved, as git's top-level directory is.
func (ch *changedLines) key(file string) string {
	if k, ok := ch.canon[file]; ok {
		return k
	}
	k := file
	if r, err := filepath.EvalSymlinks(file); err == nil {
		k = r
	}
	ch.canon[file] = k
	return k
}

// gitChanges computes the changed lines of the repository holding dir
// since rev (mergeBase: since the merge base of rev and HEAD).
func gitChanges(dir, rev string, mergeBase bool) (*changedLines, error) {
	flagName := "-new-from-rev"
	if mergeBase {
		flagName = "-new-from-merge-base"
	}
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, &usageError{fmt.Sprintf("%s: %s is not in a git repository (%v)", flagName, dir, err)}
	}
	top = strings.TrimSpace(top)
	if r, err := filepath.EvalSymlinks(top); err == nil {
		top = r
	}
	commit, err := git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return nil, &usageError{fmt.Sprintf("%s: unknown revision %q in %s", flagName, rev, top)}
	}
	base := strings.TrimSpace(commit)
	if mergeBase {
		mb, err := git(top, "merge-base", base, "HEAD")
		if err != nil {
			return nil, &usageError{fmt.Sprintf("%s: %q and HEAD have no merge base in %s (%v)", flagName, rev, top, err)}
		}
		base = strings.TrimSpace(mb)
	}
	diff, err := git(top, "diff", "--no-color", "--no-ext-diff", "--no-renames", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/", base, "--")
	if err != nil {
		return nil, fmt.Errorf("%s: git diff %s: %v", flagName, base, err)
	}
	ch, err := parseUnifiedZero(top, diff)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", flagName, err)
	}
	untracked, err := git(top, "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return nil, fmt.Errorf("%s: git ls-files: %v", flagName, err)
	}
	for _, name := range strings.Split(untracked, "\x00") {
		if name != "" {
			ch.whole[filepath.Join(top, filepath.FromSlash(name))] = true
		}
	}
	return ch, nil
}

// parseUnifiedZero reads the added lines of a `git diff --unified=0`:
// "+++ b/path" names the file, "@@ -a,b +c,d @@" adds lines c..c+d-1.
func parseUnifiedZero(top, diff string) (*changedLines, error) {
	ch := &changedLines{lines: make(map[string]map[int]bool), whole: make(map[string]bool), canon: make(map[string]string)}
	var cur map[int]bool
	sc := bufio.NewScanner(strings.NewReader(diff))
	sc.Buffer(make([]byte, 0, 64*1024), 64*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if name == "/dev/null" {
				cur = nil // a deleted file
				continue
			}
			name = strings.TrimPrefix(unquoteGitPath(name), "b/")
			abs := filepath.Join(top, filepath.FromSlash(name))
			cur = ch.lines[abs]
			if cur == nil {
				cur = make(map[int]bool)
				ch.lines[abs] = cur
			}
		case strings.HasPrefix(line, "@@ ") && cur != nil:
			start, count, err := hunkNew(line)
			if err != nil {
				return nil, err
			}
			for i := start; i < start+count; i++ {
				cur[i] = true
			}
		}
	}
	return ch, sc.Err()
}

// hunkNew parses the new-file range of a hunk header "@@ -a[,b] +c[,d] @@".
func hunkNew(header string) (start, count int, err error) {
	fields := strings.Fields(header)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, fmt.Errorf("malformed hunk header %q", header)
	}
	r := strings.TrimPrefix(fields[2], "+")
	count = 1
	if s, c, ok := strings.Cut(r, ","); ok {
		r = s
		if count, err = strconv.Atoi(c); err != nil {
			return 0, 0, fmt.Errorf("malformed hunk header %q", header)
		}
	}
	if start, err = strconv.Atoi(r); err != nil {
		return 0, 0, fmt.Errorf("malformed hunk header %q", header)
	}
	return start, count, nil
}

// unquoteGitPath undoes git's C-style quoting of unusual file names.
func unquoteGitPath(s string) string {
	if strings.HasPrefix(s, `"`) {
		if u, err := strconv.Unquote(s); err == nil {
			return u
		}
	}
	return s
}

// touches reports whether lines first..last of file were added or changed.
func (ch *changedLines) touches(file string, first, last int) bool {
	file = ch.key(file)
	if ch.whole[file] {
		return true
	}
	lines := ch.lines[file]
	for i := first; i <= last; i++ {
		if lines[i] {
			return true
		}
	}
	return false
}

// isNew reports whether a finding lies on changed lines: its own range,
// or a related position (the upstream call whose change makes an old
// sink line a new finding).
func (res *result) isNew(f *finding, ch *changedLines) bool {
	if ch.touches(f.at.File, f.at.Start.Line, max(f.at.Start.Line, f.at.End.Line)) {
		return true
	}
	fset := f.act.Package.Fset
	for _, rel := range f.diag.Related {
		at := res.src.Span(fset, rel.Pos, rel.End)
		if at.File != "" && ch.touches(at.File, at.Start.Line, max(at.Start.Line, at.End.Line)) {
			return true
		}
	}
	return false
}

// git runs git in dir and returns its standard output; the error carries
// what git printed on stderr.
func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_PAGER=cat", "LC_ALL=C")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			if msg := strings.TrimSpace(stderr.String()); msg != "" {
				return "", errors.New(msg)
			}
		}
		return "", err
	}
	return stdout.String(), nil
}

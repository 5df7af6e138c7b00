package knowledge

import (
	"fmt"
	"strings"
)

// PathPrefixes is a flag value holding import paths; a path matches
// itself and the packages below it.
type PathPrefixes struct {
	List []string
}

func (p *PathPrefixes) String() string {
	if p == nil {
		return ""
	}
	return strings.Join(p.List, ",")
}

// Set adds the comma-separated import paths in s.
func (p *PathPrefixes) Set(s string) error {
	for _, path := range strings.Split(s, ",") {
		path = strings.TrimSpace(path)
		if path == "" {
			continue
		}
		if strings.ContainsAny(path, " \t\"\\*") || strings.HasPrefix(path, "/") || strings.HasSuffix(path, "/") || strings.Contains(path, "...") {
			return fmt.Errorf("malformed import path %q: want a plain import path such as github.com/redis/go-redis/v9", path)
		}
		p.List = append(p.List, path)
	}
	return nil
}

// Match reports whether path is one of the paths or below one.
func (p *PathPrefixes) Match(path string) bool {
	if p == nil {
		return false
	}
	for _, q := range p.List {
		if path == q || strings.HasPrefix(path, q+"/") {
			return true
		}
	}
	return false
}

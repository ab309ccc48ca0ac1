package yamltest

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// AliasBomb is a YAML document whose aliases expand to 10^9 nodes.
func AliasBomb() string {
	s := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		s += n + ": &" + n + " [" + strings.TrimSuffix(strings.Repeat("*"+prev+", ", 10), ", ") + "]\n"
		prev = n
	}
	return s
}

// ManyKeys is a YAML mapping of n keys under key (top level when "").
func ManyKeys(key string, n int, value string) string {
	var sb strings.Builder
	indent := ""
	if key != "" {
		sb.WriteString(key + ":\n")
		indent = "  "
	}
	for i := range n {
		fmt.Fprintf(&sb, "%s%d: %s\n", indent, 1000+i, value)
	}
	return sb.String()
}

// Bounds checks that parse refuses, with an error wrapping limit, an
// alias bomb, a mapping of 20,000 keys (under keyed) and a file of more
// than maxBytes.
func Bounds(t testing.TB, keyed string, maxBytes int, limit error, parse func(string) error) {
	t.Helper()
	for name, s := range map[string]string{
		"alias bomb":  AliasBomb(),
		"20,000 keys": ManyKeys(keyed, 20000, "1"),
		"too large":   "# " + strings.Repeat("x", maxBytes) + "\n",
	} {
		if err := parse(s); !errors.Is(err, limit) {
			t.Errorf("%s: error %v, want one wrapping %v", name, err, limit)
		}
	}
}

package rates

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// FuzzWithRates: a user rates file, YAML or csv, never panics the reader,
// keeps the YAML bounds, and every rate it accepts is a positive number.
func FuzzWithRates(f *testing.F) {
	t0, err := Embedded()
	if err != nil {
		f.Fatal(err)
	}
	yamlBounds(f, "EUR", func(s string) error { _, err := t0.WithRates(strings.NewReader(s), "r.yaml"); return err })
	bigCSV := "currency,year,rate\n" + strings.Repeat("EUR,2023,0.9248\n", budget.MaxYAMLBytes/16+1)
	if _, err := t0.WithRates(strings.NewReader(bigCSV), "r.csv"); !errors.Is(err, budget.ErrLimit) {
		f.Errorf("a csv over %d bytes: error %v, want one wrapping ErrLimit", budget.MaxYAMLBytes, err)
	}
	for _, s := range []string{
		"EUR: {2023: 0.9248}\n", "EUR: {2023: -1}", "EUR: {x: 1}", "", aliasBomb(),
		"currency,year,rate\nEUR,2023,0.9248\n", "currency,year,rate\nEUR,2023,0\n", "a,b\n",
	} {
		f.Add(s, strings.HasPrefix(s, "currency"))
	}
	f.Fuzz(func(t *testing.T, s string, csv bool) {
		name := "r.yaml"
		if csv {
			name = "r.csv"
		}
		tb, err := t0.WithRates(strings.NewReader(s), name)
		if err != nil {
			return
		}
		for k, v := range tb.fx {
			if r := v.Rat(); r == nil || r.Sign() <= 0 {
				t.Fatalf("rate %v of %v accepted", v, k)
			}
		}
	})
}

// aliasBomb is a YAML document whose aliases expand to 10^9 nodes.
func aliasBomb() string {
	s := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		s += n + ": &" + n + " [" + strings.TrimSuffix(strings.Repeat("*"+prev+", ", 10), ", ") + "]\n"
		prev = n
	}
	return s
}

// manyKeys is a YAML mapping of n keys under key (top level when "").
func manyKeys(key string, n int, value string) string {
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

// yamlBounds checks that parse refuses, with an error wrapping ErrLimit,
// an alias bomb, a mapping of 20,000 keys and a file over MaxYAMLBytes.
func yamlBounds(t testing.TB, keyed string, parse func(string) error) {
	for name, s := range map[string]string{
		"alias bomb":  aliasBomb(),
		"20,000 keys": manyKeys(keyed, 20000, "1"),
		"too large":   "# " + strings.Repeat("x", budget.MaxYAMLBytes) + "\n",
	} {
		if err := parse(s); !errors.Is(err, budget.ErrLimit) {
			t.Errorf("%s: error %v, want one wrapping ErrLimit", name, err)
		}
	}
}

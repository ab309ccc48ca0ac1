package rates

import (
	"errors"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/internal/yamltest"

	"github.com/grb-toolkit/grb/budget"
)

// FuzzWithRates: a user rates file, YAML or csv, never panics the reader,
// keeps the YAML bounds, and every rate it accepts is a positive number.
func FuzzWithRates(f *testing.F) {
	t0, err := Embedded()
	if err != nil {
		f.Fatal(err)
	}
	yamltest.Bounds(f, "EUR", budget.MaxYAMLBytes, budget.ErrLimit, func(s string) error { _, err := t0.WithRates(strings.NewReader(s), "r.yaml"); return err })
	bigCSV := "currency,year,rate\n" + strings.Repeat("EUR,2023,0.9248\n", budget.MaxYAMLBytes/16+1)
	if _, err := t0.WithRates(strings.NewReader(bigCSV), "r.csv"); !errors.Is(err, budget.ErrLimit) {
		f.Errorf("a csv over %d bytes: error %v, want one wrapping ErrLimit", budget.MaxYAMLBytes, err)
	}
	for _, s := range []string{
		"EUR: {2023: 0.9248}\n", "EUR: {2023: -1}", "EUR: {x: 1}", "", yamltest.AliasBomb(),
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

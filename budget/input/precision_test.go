package input

import (
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// Amounts with more than 18 decimals once scaled are rounded (halves to
// even) and counted: one "precision-lost" warning per column, with the
// number of values and the exact effect on the column's total. Up to 18
// decimals, nothing is rounded and nothing is said.
func TestReadPrecisionLost(t *testing.T) {
	tests := []struct {
		name, csv string
		scale     budget.Scale
		want      []string // messages of the precision-lost warnings
		total     string   // approved total as read
	}{
		{"18 decimals: exact, no warning", "description,approved\na,0.123456789012345678\nb,1.000000000000000001\n", budget.Units, nil, "1.123456789012345679"},
		{"two values of 20 decimals, one column",
			"description,approved,revised\na,0.21755999999999998001,1\nb,0.22265000000000001005,2\nc,1.5,3\n", budget.Units,
			[]string{`2 values in column "approved" have more than 18 decimals once scaled: rounded to 18 decimals (halves to even), which changes the column's total by -0.00000000000000000006 (the total as read minus the exact sum of the cells as written)`},
			"1.94020999999999999"},
		{"the same values in millions: exact", "description,approved\na,0.21755999999999998001\nb,0.22265000000000001005\n", budget.Millions, nil, "440209.99999999999006"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Read(strings.NewReader(tt.csv), "p.csv", budget.Options{Format: "csv", Scale: tt.scale, Currency: "USD"})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, is := range b.Issues {
				if is.Code == "precision-lost" {
					msg, _, _ := strings.Cut(is.Message, "; --scale")
					got = append(got, msg)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("precision-lost warnings:\n%q\nwant\n%q", got, tt.want)
			}
			var s budget.Sum
			for _, l := range b.Lines.All() {
				v, _ := l.Amounts.Get(budget.Approved)
				s.Add(v)
			}
			if v, _ := s.Value(); v.String() != tt.total {
				t.Errorf("approved total %s, want %s", v, tt.total)
			}
		})
	}
}

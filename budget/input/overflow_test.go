package input

import (
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// A phase whose amounts add up past Money's range (±1.7e20 units) is an
// error of reading, located at the row and column where the sum passes
// it, so that validate says so before an analysis fails on it.
func TestSumOverflow(t *testing.T) {
	const big = "100000000000000000000" // 1e20
	for _, tc := range []struct {
		name, csv string
		want      string // the position of the sum-overflow error; "" for none
		phase     string
		column    string
	}{
		{"two 1e20", "Programme,Approved\nA," + big + "\nB," + big + "\n", "o.csv:B3", "approved", "Approved"},
		{"net fits, positives do not", "Programme,Executed\nA," + big + "\nB,-" + big + "\nC," + big + "\n", "o.csv:B4", "executed", "Executed"},
		{"negatives", "Programme,Approved\nA,-" + big + "\nB,-" + big + "\n", "o.csv:B3", "approved", "Approved"},
		{"fits", "Programme,Approved\nA," + big + "\nB,50000000000000000000\n", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Read(strings.NewReader(tc.csv), "o.csv", budget.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []budget.Issue
			for _, i := range b.Issues {
				if i.Code == "sum-overflow" {
					got = append(got, i)
				}
			}
			if tc.want == "" {
				if len(got) != 0 {
					t.Errorf("issues %v, want none", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("sum-overflow issues %v, want 1", got)
			}
			i := got[0]
			if i.Severity != budget.Error || i.Pos.String() != tc.want || !strings.Contains(i.Message, tc.phase) || !strings.Contains(i.Message, "column "+tc.column) {
				t.Errorf("issue %s %s %q, want an error at %s naming %s and its column", i.Severity, i.Pos, i.Message, tc.want, tc.phase)
			}
		})
	}
}

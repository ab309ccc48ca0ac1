package grid_test

import (
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// The stated amounts of a subtotal that repeats over rows (one row per
// key) are added; when they pass Money's range it is an error naming the
// total, not the first rows' amount kept in silence.
func TestRepeatedTotalOverflow(t *testing.T) {
	const big = "100000000000000000000"
	b := readCSV(t, "Programme code,Description,Approved\n"+
		"P1,Border,5\n"+
		"P1,Subtotal,"+big+"\n"+
		"P1,Subtotal,"+big+"\n", budget.Options{})
	var got []budget.Issue
	for _, i := range b.Issues {
		if i.Code == "total-overflow" {
			got = append(got, i)
		}
	}
	if len(got) != 1 || got[0].Severity != budget.Error || !strings.Contains(got[0].Message, "Approved") || !strings.Contains(got[0].Message, "1.7e20") {
		t.Errorf("issues %v (ledger %s), want one total-overflow error naming column Approved and the range", b.Issues, classes(b))
	}
}

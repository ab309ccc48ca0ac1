package grid

import (
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// The rounding allowed between a repeated total and its rows is half a unit
// of the finest digit written, now that amounts keep every digit: 46.843123
// (a million-scale figure with six decimals) allows 0.0000005, not half a
// cent.
func TestLastDigit(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"46.843123", "0.000001"}, {"12.34", "0.01"}, {"12.30", "0.10"}, {"-7", "1.00"},
		{"5000", "1000.00"}, {"0.000000000000000001", "0.000000000000000001"}, {"506.551191581", "0.000000001"},
	} {
		m, err := budget.ParseMoney(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := lastDigit(m).String(); got != tt.want {
			t.Errorf("lastDigit(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

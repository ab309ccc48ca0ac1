package budget

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// FuzzLines runs a sequence of writes, chosen by the input, on a Lines and
// on a plain []Line, and checks that both hold the same lines after each.
func FuzzLines(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7})
	f.Add([]byte{9, 9, 9, 200, 1, 77, 3, 3, 3, 250})
	f.Fuzz(func(t *testing.T, ops []byte) {
		if len(ops) > 200 {
			ops = ops[:200]
		}
		var ls Lines
		var want []Line
		for k, op := range ops {
			r := rand.New(rand.NewPCG(uint64(k), uint64(op)))
			switch {
			case op < 120 || len(want) == 0: // append
				l := randomLine(r, k)
				ls.Append(l)
				want = append(want, l)
			case op < 200: // set
				i := int(op) % len(want)
				l := randomLine(r, k)
				ls.Set(i, l)
				want[i] = l
			case op < 220: // set the gender alone
				i := int(op) % len(want)
				m, src := NewMarker(Level(op%4), "x", "s"), NewProvenance(FromRule, "r")
				ls.SetGender(i, m, src)
				want[i].Gender, want[i].GenderSource = m, src
			case op < 240: // keep every other line
				var kept []Line
				ls.Keep(func(i int) bool {
					if (i+int(op))%2 == 0 {
						kept = append(kept, want[i])
						return true
					}
					return false
				})
				want = kept
			default: // reverse
				order := make([]int, len(want))
				for i := range order {
					order[i] = len(want) - 1 - i
				}
				ls.Reorder(0, order)
				for i, j := 0, len(want)-1; i < j; i, j = i+1, j-1 {
					want[i], want[j] = want[j], want[i]
				}
			}
			if ls.Len() != len(want) {
				t.Fatalf("op %d: Len %d, want %d", k, ls.Len(), len(want))
			}
		}
		for i, l := range ls.All() {
			if !reflect.DeepEqual(l, want[i]) {
				t.Fatalf("line %d:\n got %+v\nwant %+v", i, l, want[i])
			}
			if ls.RowAt(i) != want[i].Pos.Row || ls.YearAt(i) != want[i].Year || ls.CurrencyAt(i) != want[i].Currency ||
				ls.DescriptionAt(i) != want[i].Description || ls.ProgrammeAt(i) != want[i].Programme {
				t.Fatalf("line %d: an accessor differs from At", i)
			}
		}
	})
}

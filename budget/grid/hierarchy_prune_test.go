package grid

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/grb-toolkit/grb/budget"
)

// TestHierarchyPruneSameResult checks that ending a total's search once its
// block sum is past the total (rows without negative amounts) finds what
// the full search finds: on flattened trees, rounded or exact, in either
// order, with zeros, single children and placeholders, and on flat runs of
// small integers where coincidences are many.
func TestHierarchyPruneSameResult(t *testing.T) {
	defer func() { hierPrune = true }()
	run := func(rows []HierarchyRow, opt HierarchyOptions) (*HierarchyResult, *HierarchyResult) {
		hierPrune = true
		a, errA := Hierarchy(rows, opt)
		hierPrune = false
		b, errB := Hierarchy(rows, opt)
		hierPrune = true
		if (errA == nil) != (errB == nil) {
			t.Fatalf("errors differ: %v / %v", errA, errB)
		}
		return a, b
	}
	rng := rand.New(rand.NewPCG(11, 12))
	for i := range 300 {
		g := hierGen{rng: rng, unit: budget.FromCents([]int64{1, 1, 100, 100_000}[i%4]), levels: i%3 == 0,
			zeros: i%2 == 0, single: i%5 == 0, holders: i%7 == 0}
		var gen []hierGenRow
		id := 0
		g.flatten(g.tree(0, 2+i%3), 0, i%2 == 0, &gen, &id)
		rows := make([]HierarchyRow, len(gen))
		for j, r := range gen {
			rows[j] = r.row
		}
		opt := HierarchyOptions{Tolerance: HierarchyTolerance{LastDigit: g.unit}, MaxFanout: 4 + i%40}
		if a, b := run(rows, opt); !reflect.DeepEqual(a, b) {
			t.Fatalf("tree %d: pruned search differs from the full one", i)
		}
	}
	for i := range 200 {
		rows := make([]HierarchyRow, 50+rng.IntN(400))
		for j := range rows {
			rows[j] = hr("line", budget.FromCents(int64(rng.IntN(1+i%30))*100))
		}
		opt := HierarchyOptions{Tolerance: HierarchyTolerance{LastDigit: budget.FromCents(100)}, MaxFanout: 8 + i%120}
		if a, b := run(rows, opt); !reflect.DeepEqual(a, b) {
			t.Fatalf("flat run %d: pruned search differs from the full one", i)
		}
	}
}

// TestHierarchyTotalWordShortcut checks the shortcut of HierarchyTotalWord
// (an ASCII label without "tot" is no total) against the words themselves.
func TestHierarchyTotalWordShortcut(t *testing.T) {
	slow := func(label string) bool {
		for _, w := range hierWords(label) {
			if hierTotalWords[w] {
				return true
			}
		}
		return false
	}
	labels := []string{"Total", "TOTAL GENERAL", "Sub-Total", "sous-totaux", "Totales", "Tótal", "Subtotal programa",
		"totalling", "Africa, Total", "tot", "Protection", "", "-", "SUBTOTALS", "Sous-Total (1)", "x total y"}
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := "tToOaAlLsSuUbB- ,.1é"
	for range 20000 {
		b := make([]byte, 0, 12)
		for range 1 + rng.IntN(11) {
			b = append(b, alphabet[rng.IntN(len(alphabet))])
		}
		labels = append(labels, string(b))
	}
	for _, l := range labels {
		if got, want := HierarchyTotalWord(l), slow(l); got != want {
			t.Errorf("HierarchyTotalWord(%q) = %v, its words say %v", l, got, want)
		}
	}
}

// TestHierarchyPlaceholderLabelLong checks the length shortcut: every
// placeholder, in any case and with space around it, is still one.
func TestHierarchyPlaceholderLabelLong(t *testing.T) {
	for p := range hierPlaceholders {
		for _, l := range []string{p, strings.ToUpper(p), "  " + strings.ToUpper(p) + "\t"} {
			if !HierarchyPlaceholderLabel(l) {
				t.Errorf("HierarchyPlaceholderLabel(%q) = false", l)
			}
		}
	}
	if HierarchyPlaceholderLabel("not applicable at all") {
		t.Error("a longer label is not a placeholder")
	}
}

// TestHierarchyRowResultSize guards the size of a row's result, of which
// the detector holds two or three per row of a run at once.
func TestHierarchyRowResultSize(t *testing.T) {
	if got := unsafe.Sizeof(HierarchyRowResult{}); got > 24 {
		t.Errorf("a HierarchyRowResult is %d bytes, want at most 24", got)
	}
}

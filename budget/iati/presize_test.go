package iati

import (
	"testing"
	"unsafe"

	"github.com/grb-toolkit/grb/budget"
)

// TestLinesSizedFromTheFile: a file of many activities is read into one
// allocation of lines sized from the file (its size over the bytes of the
// activities read so far), not into a slice grown by copies, each of which
// holds the old lines and the new at once (a million activities: 250 MB
// twice over). 5,700 activities of one line each: append's growth leaves
// room for 7,234.
func TestLinesSizedFromTheFile(t *testing.T) {
	const n = 5700
	name, _ := writeLongTexts(t, n, 40)
	b, err := ReadFile(name, budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b.Lines.Len() != n {
		t.Fatalf("%d lines, want %d", b.Lines.Len(), n)
	}
	if c := b.Lines.Cap(); c > n*11/10 {
		t.Errorf("room for %d lines after reading %d: the lines were grown by copies, not sized from the file", c, n)
	}
}

// TestLinesShareRepeatedTexts: the period label and currency that the
// lines of a file repeat are one string, not one per line (2.4 million
// activities of one period: 46 MB of labels).
func TestLinesShareRepeatedTexts(t *testing.T) {
	name, _ := writeLongTexts(t, 3, 40)
	b, err := ReadFile(name, budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b.Lines.Len() != 3 {
		t.Fatalf("%d lines", b.Lines.Len())
	}
	for i, l := range b.Lines.All() {
		if i == 0 {
			continue
		}
		if unsafe.StringData(l.YearLabel) != unsafe.StringData(b.Lines.YearLabelAt(0)) || unsafe.StringData(l.Currency) != unsafe.StringData(b.Lines.CurrencyAt(0)) {
			t.Errorf("line %s: its period label %q or currency %q is a copy of the first line's", l.ID, l.YearLabel, l.Currency)
		}
	}
}

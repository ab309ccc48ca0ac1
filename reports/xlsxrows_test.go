package reports

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/readertest"
)

func TestCRC32Combine(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 7, 100, 4096, 100000} {
		for _, m := range []int{0, 1, 3, 1000, 65537} {
			a, b := make([]byte, n), make([]byte, m)
			for i := range a {
				a[i] = byte(r.IntN(256))
			}
			for i := range b {
				b[i] = byte(r.IntN(256))
			}
			want := crc32.ChecksumIEEE(append(append([]byte(nil), a...), b...))
			if got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(m)); got != want {
				t.Errorf("%d+%d bytes: %08x, want %08x", n, m, got, want)
			}
		}
	}
}

// hostileLinesReport is a report whose Lines sheet holds what a cell can
// hold: text with spaces around it, characters XML does not allow, line
// breaks, markup, text that looks like an escape (_x0041_), a cell over
// Excel's limit, and amounts of 15 digits and more, negative, in cents.
func hostileLinesReport(t *testing.T) *Report {
	t.Helper()
	texts := []string{"  spaced ", "ctrl\x01\x7f", "two\nlines\r\n", "<b>&amp;</b> \"q\" 'a'", "_x0041_ and _x005F_x0042_",
		strings.Repeat("long é 🚀 ", 5000), "plain", "", "\t tab"}
	amounts := []string{"0", "0.01", "-1234.56", "123456789012345.67", "99999999999999999", "0.000000000000000001", "1e3"}
	b := &budget.Budget{Source: "hostile.csv"}
	for i := range 60 {
		l := budget.Line{ID: fmt.Sprint(i), Year: 2024, YearLabel: "2024", Currency: "EUR", Description: texts[i%len(texts)],
			Unit: budget.NewCode(fmt.Sprint(100+i%4), texts[(i+3)%len(texts)]), Pos: budget.At("hostile.csv", "", i+2, 0)}
		m, err := budget.ParseMoney(strings.Replace(amounts[i%len(amounts)], "1e3", "1000", 1))
		if err != nil {
			t.Fatal(err)
		}
		l.Amounts.Set(budget.Approved, m)
		if i%3 == 0 {
			l.Amounts.Set(budget.Executed, budget.FromCents(int64(i)))
		}
		b.Lines.Append(l)
	}
	r, err := Build([]*budget.Budget{b}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestLinesRowsAsStreamWriter: the data rows written by writeRows read,
// through excelize, cell for cell as those StreamWriter.SetRow wrote (the
// oracle), with the same tables; and the workbook is a valid zip whose
// spliced parts pass their checksums (excelize and grb's reader open it).
func TestLinesRowsAsStreamWriter(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    *Report
	}{{"sample", sampleReport(t)}, {"hostile", hostileLinesReport(t)}} {
		write := func(oracle bool) []byte {
			defer func(v bool) { streamWriterRows = v }(streamWriterRows)
			streamWriterRows = oracle
			var buf bytes.Buffer
			if err := WriteWorkbook(&buf, tc.r); err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			return buf.Bytes()
		}
		got, want := readertest.WorkbookCells(t, write(false), nil), readertest.WorkbookCells(t, write(true), nil)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: cells (-StreamWriter +rows):\n%s", tc.name, d)
		}
	}
}

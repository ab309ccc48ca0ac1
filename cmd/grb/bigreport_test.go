package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"testing"
)

// Item 10 of issue 13: grb report on more than 1,048,575 lines failed;
// now the lines continue on a sheet Lines 2, and the same input gives
// the same bytes: report.xlsx of two runs compared byte for byte (two
// streamed Lines sheets were written in map order, and the bytes varied).
//
// Two reports of 1,050,000 lines take about 30 s of CPU and 1.5 GB of
// memory each, more than `go test ./...` should: the test runs when
// GRB_BIG_REPORT=1. TestLinesSheetsDeterministic in reports tests the
// same with a lowered row limit on every run.
func TestReportOverSheetLimitDeterministic(t *testing.T) {
	if testing.Short() || os.Getenv("GRB_BIG_REPORT") != "1" {
		t.Skip("writes two reports of 1,050,000 lines: set GRB_BIG_REPORT=1 to run it")
	}
	t.Chdir(t.TempDir())
	f, err := os.Create("big.csv")
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "Ministry,Line description,Approved,Gender marker")
	const n = 1_050_000
	for i := range n {
		fmt.Fprintf(w, "M%d,L%d,%d,%d\n", i%7, i, i%1000+1, i%3)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	var first []byte
	for _, out := range []string{"one", "two"} {
		// --hierarchy off: the search for a flattened hierarchy is not
		// what this test is about, and takes minutes on a million rows.
		res := runGrb(t, []string{"grb", "report", "big.csv", "--hierarchy", "off", "-o", out})
		if res.code != 0 {
			t.Fatalf("report of %d lines: exit %d: %s", n, res.code, res.stderr)
		}
		got, err := os.ReadFile(out + "/report.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = got
			checkLines2(t, got)
			continue
		}
		if !bytes.Equal(first, got) {
			t.Errorf("two reports of one input: report.xlsx differs (%d and %d bytes)", len(first), len(got))
		}
	}
}

// checkLines2 checks that the workbook xlsx has a sheet "Lines 2".
func checkLines2(t *testing.T, xlsx []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "xl/workbook.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		wb, _ := io.ReadAll(rc)
		rc.Close()
		if !bytes.Contains(wb, []byte(`name="Lines 2"`)) {
			t.Errorf("report.xlsx has no sheet Lines 2: %s", wb)
		}
		return
	}
	t.Error("report.xlsx has no xl/workbook.xml")
}

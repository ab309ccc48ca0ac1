package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/grb-toolkit/grb/internal/perfgen"
	"github.com/xuri/excelize/v2"
)

// perfFile generates a perf workbook of rows lines into dir, once.
func perfFile(tb testing.TB, dir string, rows int) string {
	name := filepath.Join(dir, fmt.Sprintf("perf-%d.xlsx", rows))
	if _, err := os.Stat(name); err == nil {
		return name
	}
	f, err := os.Create(name)
	if err != nil {
		tb.Fatal(err)
	}
	if err := perfgen.Workbook(f, rows); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return name
}

// TestWritePerfWorkbooks writes the perf workbooks into $GRB_PERF_DIR, for
// timing `grb analyze` as a whole process; skipped when it is not set.
func TestWritePerfWorkbooks(t *testing.T) {
	dir := os.Getenv("GRB_PERF_DIR")
	if dir == "" {
		t.Skip("GRB_PERF_DIR not set")
	}
	for _, n := range []int{100_000, 1_000_000} {
		t.Log(perfFile(t, dir, n))
		name := filepath.Join(dir, fmt.Sprintf("perf-%d.csv", n))
		f, err := os.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriterSize(f, 1<<20)
		if err := perfgen.CSV(bw, n); err != nil {
			t.Fatal(err)
		}
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		t.Log(name)
	}
}

// BenchmarkXLSX reads perf workbooks of 100k and 1M lines, in one run:
// Go's bare inflate of the sheet part (the floor), excelize's Rows (grb's
// reader until now), encoding/xml's RawToken over the inflated part (the
// best-kept tokenizer candidate), and this package's Source.
func BenchmarkXLSX(b *testing.B) {
	dir := b.TempDir()
	for _, rows := range []int{100_000, 1_000_000} {
		name := perfFile(b, dir, rows)
		for _, how := range []string{"inflate", "rawtoken", "excelize", "scanner"} {
			b.Run(fmt.Sprintf("%s/%d", how, rows), func(b *testing.B) {
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					if n := benchRead(b, how, name); n != rows+1 && how != "inflate" && how != "rawtoken" {
						b.Fatalf("%d rows, want %d", n, rows+1)
					}
				}
			})
		}
	}
}

func benchRead(b *testing.B, how, name string) int {
	switch how {
	case "inflate", "rawtoken":
		zr, err := zip.OpenReader(name)
		if err != nil {
			b.Fatal(err)
		}
		defer zr.Close()
		rc, _ := zr.Open("xl/worksheets/sheet1.xml")
		defer rc.Close()
		if how == "inflate" {
			n, _ := io.Copy(io.Discard, rc)
			return int(n)
		}
		d, n := xml.NewDecoder(bufio.NewReaderSize(rc, 1<<16)), 0
		for {
			if _, err := d.RawToken(); err != nil {
				return n
			}
			n++
		}
	case "excelize":
		f, err := excelize.OpenFile(name, excelize.Options{RawCellValue: true})
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		rows, _ := f.Rows("Budget")
		n := 0
		for rows.Next() {
			rows.Columns(excelize.Options{RawCellValue: true})
			n++
		}
		return n
	}
	f, err := os.Open(name)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	src, err := Open(f, name, 0, 0)
	if err != nil {
		b.Fatal(err)
	}
	it, err := src.Rows("Budget")
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for it.Next() {
		n++
	}
	if err := it.Err(); err != nil {
		b.Fatal(err)
	}
	return n
}

var _ = bytes.MinRead

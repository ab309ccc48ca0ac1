package input

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/perfgen"
)

// benchRow returns the cells of generated line i: a ministry budget with
// subtotals every 50 lines, split objectives and every marker form.
func benchRow(i int) []string {
	markers := []string{"0", "1", "2", ""}
	objs := []string{"7", "7 (60%), 16 (40%)", "3; 7", "11", ""}
	unit := i / 5000
	return []string{
		"2025",
		strconv.Itoa(100 + unit),
		"Ministry " + strconv.Itoa(unit),
		fmt.Sprintf("%d-%02d", 100+unit, (i/500)%10),
		"Line description number " + strconv.Itoa(i),
		strconv.Itoa(1000+i%9000) + ".5",
		strconv.Itoa(900+i%8000) + ".25",
		objs[i%len(objs)],
		markers[i%len(markers)],
	}
}

var benchHeader = []string{"Fiscal year", "Vote code", "Ministry", "Programme code", "Line description", "Approved", "Executed", "GCM objective(s)", "Gender marker (OECD DAC)"}

// benchRowLong is benchRow with the longer text of a real export (about
// 200 bytes a row, like the 178 MB, 1M-row csv of issue 2): ministry and
// programme names, a sentence of description, three phases and a currency.
func benchRowLong(i int) []string {
	ministries := []string{"Ministry of Interior and Public Security", "Ministry of Labour and Social Protection", "Ministry of Foreign Affairs and Diaspora", "Ministry of Health and Population"}
	programmes := []string{"Border management and consular services", "Labour migration governance", "Protection of vulnerable migrants", "Health services for migrants and refugees"}
	r := benchRow(i)
	return []string{
		r[0], r[1], ministries[i/5000%len(ministries)], r[3], programmes[i/500%len(programmes)],
		"Activity " + strconv.Itoa(i) + ": support to migrant women and men, training and equipment",
		r[5], strconv.Itoa(950+i%8500) + ".75", r[6], "USD", r[7], r[8],
	}
}

var benchHeaderLong = []string{"Fiscal year", "Vote code", "Ministry", "Programme code", "Programme", "Line description", "Approved", "Revised", "Executed", "Currency", "GCM objective(s)", "Gender marker (OECD DAC)"}

func genCSV(rows int) []byte { return genCSVRows(rows, benchHeader, benchRow) }

func genCSVRows(rows int, header []string, row func(int) []string) []byte {
	var buf bytes.Buffer
	buf.WriteString("Generated budget for benchmarks\n")
	for i, h := range header {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString(h)
	}
	buf.WriteByte('\n')
	for i := 0; i < rows; i++ {
		for j, c := range row(i) {
			if j > 0 {
				buf.WriteByte(',')
			}
			if bytes.ContainsAny([]byte(c), ",;") {
				buf.WriteString(strconv.Quote(c))
			} else {
				buf.WriteString(c)
			}
		}
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

func genXLSX(tb testing.TB, rows int) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	row := func(n int, cells []string) {
		v := make([]any, len(cells))
		for i, c := range cells {
			if x, err := strconv.ParseFloat(c, 64); err == nil {
				v[i] = x
			} else {
				v[i] = c
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		if err := sw.SetRow(cell, v); err != nil {
			tb.Fatal(err)
		}
	}
	row(1, []string{"Generated budget for benchmarks"})
	row(2, benchHeader)
	for i := 0; i < rows; i++ {
		row(i+3, benchRow(i))
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

var (
	benchOnce sync.Once
	benchDir  string
	benchMu   sync.Mutex
)

// benchFile writes a generated budget to a file once per process, so that
// the benchmark reads it as `grb validate FILE` does (ReadFile).
func benchFile(b *testing.B, format string, rows int) string {
	benchOnce.Do(func() {
		var err error
		if benchDir, err = os.MkdirTemp("", "grb-bench-"); err != nil {
			b.Fatal(err)
		}
	})
	benchMu.Lock()
	defer benchMu.Unlock()
	name := filepath.Join(benchDir, fmt.Sprintf("budget-%d.%s", rows, format))
	if _, err := os.Stat(name); err == nil {
		return name
	}
	var data []byte
	switch format {
	case "csv":
		data = genCSV(rows)
	case "long.csv":
		data = genCSVRows(rows, benchHeaderLong, benchRowLong)
	case "perf.xlsx", "perf.csv":
		var buf bytes.Buffer
		write := perfgen.CSV
		if format == "perf.xlsx" {
			write = perfgen.Workbook
		}
		if err := write(&buf, rows); err != nil {
			b.Fatal(err)
		}
		data = buf.Bytes()
	default:
		data = genXLSX(b, rows)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		b.Fatal(err)
	}
	return name
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

func heapInUse() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// peakHeap samples the heap's live and not yet collected objects every
// 5 ms until stop is called, and returns the largest figure seen.
func peakHeap() (stop func() uint64) {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	done, out := make(chan struct{}), make(chan uint64)
	go func() {
		var peak uint64
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-done:
				out <- peak
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 { close(done); return <-out }
}

// BenchmarkRead reads and validates generated budgets from files. Besides
// time and allocations it reports the heap held by the result (MB-held),
// measured after a collection, and the largest heap seen while reading
// (MB-peak: live objects and garbage not yet collected). The perf budgets
// (perf.xlsx with every string in the shared-string table, perf.csv) are
// issue 12's; xlsx is written by excelize's stream writer, with inline
// strings.
func BenchmarkRead(b *testing.B) {
	for _, bc := range []struct {
		format string
		rows   int
	}{{"csv", 100_000}, {"csv", 1_000_000}, {"long.csv", 1_000_000}, {"xlsx", 100_000}, {"xlsx", 1_000_000},
		{"perf.xlsx", 100_000}, {"perf.xlsx", 1_000_000}, {"perf.csv", 100_000}, {"perf.csv", 1_000_000}} {
		b.Run(fmt.Sprintf("%s/%d", bc.format, bc.rows), func(b *testing.B) {
			name := benchFile(b, bc.format, bc.rows)
			if st, err := os.Stat(name); err == nil {
				b.SetBytes(st.Size())
			}
			base := heapInUse()
			b.ReportAllocs()
			b.ResetTimer()
			var held, peak uint64
			for i := 0; i < b.N; i++ {
				stop := peakHeap()
				bud, err := ReadFile(name, budget.Options{})
				peak = max(peak, stop())
				if err != nil {
					b.Fatal(err)
				}
				if bud.Lines.Len() != bc.rows {
					b.Fatalf("%d lines, want %d", bud.Lines.Len(), bc.rows)
				}
				if i == b.N-1 {
					b.StopTimer()
					held = max(heapInUse(), base) - base
					runtime.KeepAlive(bud)
				}
			}
			b.ReportMetric(float64(held)/1e6, "MB-held")
			b.ReportMetric(float64(peak)/1e6, "MB-peak")
		})
	}
}

// TestReadCSVAllocsPerRow guards the memory of large reads: past the fixed
// cost of a file, a plain csv row costs one allocation (the record's text,
// which encoding/csv allocates and the line's strings point into), and
// nothing else: no per-row garbage, no per-line pointer, no ledger entry
// (plain rows share one run-length record).
func TestReadCSVAllocsPerRow(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation count: not in -short")
	}
	allocs := func(rows int) float64 {
		data := genCSV(rows)
		return testing.AllocsPerRun(2, func() {
			b, err := Read(bytes.NewReader(data), "gen.csv", budget.Options{Format: "csv"})
			if err != nil || b.Lines.Len() != rows {
				t.Fatalf("%d rows: %v lines, err %v", rows, b.Lines.Len(), err)
			}
		})
	}
	small, large := allocs(10_000), allocs(30_000)
	perRow := (large - small) / 20_000
	t.Logf("%.0f allocations for 10,000 rows, %.0f for 30,000: %.3f per row", small, large, perRow)
	if perRow > 1.02 {
		t.Errorf("%.3f allocations per csv row, want at most 1.02 (the record's text)", perRow)
	}
}

// TestLineSize guards the size of a Line value, which every At and range
// over a budget's lines copies (a budget holds its lines column by column:
// budget.TestLinesBytesPerLine guards that). A new field that few lines
// use belongs behind a pointer; a text that lines repeat, in an interned
// type.
func TestLineSize(t *testing.T) {
	if got := unsafe.Sizeof(budget.Line{}); got > 272 {
		t.Errorf("a Line is %d bytes, want at most 272", got)
	}
}

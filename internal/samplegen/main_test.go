package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const regenerate = "go run ./internal/samplegen -o templates/sample/examplia-budget.xlsx -readme templates/sample/README.md"

var (
	committedWorkbook = filepath.Join("..", "..", "templates", "sample", "examplia-budget.xlsx")
	committedReadme   = filepath.Join("..", "..", "templates", "sample", "README.md")
)

// buildBytes runs the generator into memory.
func buildBytes(t *testing.T) ([]byte, summary) {
	t.Helper()
	var buf bytes.Buffer
	sum, err := build(&buf)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return buf.Bytes(), sum
}

func TestDeterministic(t *testing.T) {
	first, _ := buildBytes(t)
	for i := range 3 {
		again, _ := buildBytes(t)
		if !bytes.Equal(first, again) {
			t.Fatalf("run %d wrote different bytes (%d vs %d bytes): the generator is not deterministic", i+2, len(again), len(first))
		}
	}
}

func TestCommittedWorkbookUpToDate(t *testing.T) {
	got, _ := buildBytes(t)
	want, err := os.ReadFile(committedWorkbook)
	if err != nil {
		t.Fatalf("%v; run from the module root: %s", err, regenerate)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the generator's output (%d vs %d bytes); run from the module root:\n\t%s",
			committedWorkbook, len(want), len(got), regenerate)
	}
}

func TestReadmeFiguresUpToDate(t *testing.T) {
	_, sum := buildBytes(t)
	readme, err := os.ReadFile(committedReadme)
	if err != nil {
		t.Fatal(err)
	}
	want, err := updateReadme(readme, sum.String())
	if err != nil {
		t.Fatalf("%s: %v", committedReadme, err)
	}
	if !bytes.Equal(readme, want) {
		t.Errorf("the expected figures in %s are out of date; run from the module root:\n\t%s", committedReadme, regenerate)
	}
}

// parseTenths parses an amount cell's raw text into tenths of a thousand:
// "1234.5", "-250", or text with separators "1,234.5". It reports false for
// a blank or "N/A" cell and fails on anything else, including a number
// excelize wrote with more than one decimal.
func parseTenths(s string) (int64, bool, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if s == "" || s == "N/A" {
		return 0, false, nil
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	n, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return 0, false, err
	}
	var d int64
	if hasFrac {
		if len(frac) != 1 || frac[0] < '0' || frac[0] > '9' {
			return 0, false, fmt.Errorf("amount %q: want at most one decimal", s)
		}
		d = int64(frac[0] - '0')
	}
	if strings.HasPrefix(intPart, "-") {
		d = -d
	}
	return n*10 + d, true, nil
}

// A readSum is a sum of amounts read back from the workbook.
type readSum struct {
	v  int64
	ok bool
}

func (s *readSum) add(v int64, ok bool) {
	if ok {
		s.v += v
		s.ok = true
	}
}

func TestWorkbookContent(t *testing.T) {
	b, sum := buildBytes(t)
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	wantSheets := []string{"FY2023", "FY2024", "FY2025", "Lists"}
	if got := f.GetSheetList(); !slices.Equal(got, wantSheets) {
		t.Fatalf("sheets = %q, want %q", got, wantSheets)
	}
	for _, name := range wantSheets {
		visible, err := f.GetSheetVisible(name)
		if err != nil {
			t.Fatal(err)
		}
		if want := name != "Lists"; visible != want {
			t.Errorf("sheet %s visible = %v, want %v", name, visible, want)
		}
	}
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Creator != creator || props.Created != fixedTime || props.Modified != fixedTime {
		t.Errorf("doc props: creator %q, created %q, modified %q", props.Creator, props.Created, props.Modified)
	}

	type mismatch struct {
		cell      string
		delta     int64
		phaseName string
	}
	var mismatches []mismatch
	for si, name := range wantSheets[:3] {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		cell := func(row []string, col int) string {
			if col < len(row) {
				return row[col]
			}
			return ""
		}
		if got := rows[4]; !slices.Equal(got, headers) {
			t.Errorf("%s row 5 headers = %q,\nwant %q", name, got, headers)
		}
		merged, err := f.GetMergeCells(name)
		if err != nil {
			t.Fatal(err)
		}
		var mergedText []string
		for _, m := range merged {
			mergedText = append(mergedText, m.GetStartAxis()+":"+m.GetEndAxis()+" "+m.GetCellValue())
		}
		slices.Sort(mergedText)
		wantMerged := []string{"A4:F4 Classification", "G4:I4 Amounts", "J4:K4 GCM and gender tags", "L4:O4 Beneficiaries (planned)"}
		if !slices.Equal(mergedText, wantMerged) {
			t.Errorf("%s merged cells = %q, want %q", name, mergedText, wantMerged)
		}

		var (
			lines        int
			block, sheet [numPhases]readSum
			sawTotal     bool
		)
		year := strconv.Itoa(sum.Sheets[si].Year)
		for i, row := range rows[5:] {
			rowNum := i + 6
			var amts [numPhases]readSum
			for p := range numPhases {
				v, ok, err := parseTenths(cell(row, 6+int(p)))
				if err != nil {
					t.Fatalf("%s row %d %s: %v", name, rowNum, phaseNames[p], err)
				}
				amts[p] = readSum{v, ok}
			}
			switch {
			case cell(row, 0) == year:
				lines++
				for p := range numPhases {
					block[p].add(amts[p].v, amts[p].ok)
					sheet[p].add(amts[p].v, amts[p].ok)
				}
			case strings.HasPrefix(cell(row, 2), "Subtotal "):
				for p := range numPhases {
					if amts[p] != block[p] {
						mismatches = append(mismatches, mismatch{
							fmt.Sprintf("%s!%s%d", name, amountCols[p], rowNum), amts[p].v - block[p].v, phaseNames[p]})
					}
				}
				block = [numPhases]readSum{}
			case cell(row, 0) == "Total":
				sawTotal = true
				for p := range numPhases {
					if amts[p] != sheet[p] {
						t.Errorf("%s Total row %d %s = %+v, lines sum to %+v", name, rowNum, phaseNames[p], amts[p], sheet[p])
					}
				}
				if rowNum != sum.Sheets[si].TotalRow {
					t.Errorf("%s Total row is %d, summary says %d", name, rowNum, sum.Sheets[si].TotalRow)
				}
			}
		}
		if !sawTotal {
			t.Errorf("%s has no Total row", name)
		}
		if lines != sum.Sheets[si].Lines {
			t.Errorf("%s: read %d line rows, summary says %d", name, lines, sum.Sheets[si].Lines)
		}
		for p := range numPhases {
			if want := sum.Sheets[si].Sums[p]; sheet[p].v != want {
				t.Errorf("%s %s: lines read back sum to %d tenths, summary says %d", name, phaseNames[p], sheet[p].v, want)
			}
		}
		if name == "FY2025" && sheet[executedPhase].ok {
			t.Errorf("FY2025 has Executed amounts; it should have none")
		}
	}
	wantMismatch := []mismatch{{"FY2024!G50", mismatchDelta, "Approved"}}
	if !slices.Equal(mismatches, wantMismatch) {
		t.Errorf("subtotal mismatches = %+v, want exactly %+v", mismatches, wantMismatch)
	}
	if !strings.HasPrefix(sum.Mismatch, "FY2024!G50 ") {
		t.Errorf("summary mismatch = %q, want it at FY2024!G50", sum.Mismatch)
	}
}

func TestSummaryShape(t *testing.T) {
	_, sum := buildBytes(t)
	var lines int
	for _, s := range sum.Sheets {
		lines += s.Lines
		if s.Lines < 90 || s.Lines > 110 {
			t.Errorf("%s: %d lines, want about 100", s.Name, s.Lines)
		}
		for m, n := range s.Markers {
			if n == 0 {
				t.Errorf("%s: no line with marker index %d", s.Name, m)
			}
		}
		if s.SplitWeighted == 0 || s.SplitListed == 0 {
			t.Errorf("%s: want both weighted and listed split objectives", s.Name)
		}
	}
	if lines < 280 || lines > 320 {
		t.Errorf("%d lines in all, want about 300", lines)
	}
}

func TestGroupTenths(t *testing.T) {
	for v, want := range map[int64]string{
		0: "0.0", 5: "0.5", 12345: "1,234.5", -2500: "-250.0", 1234567: "123,456.7", 10000000: "1,000,000.0",
	} {
		if got := groupTenths(v); got != want {
			t.Errorf("groupTenths(%d) = %q, want %q", v, got, want)
		}
	}
}

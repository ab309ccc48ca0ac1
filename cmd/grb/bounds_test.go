package main

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"
)

// hostileCSV has labels that a spreadsheet would run as formulas and that
// a terminal would run as escape sequences, and a negative amount.
const hostileCSV = "Ministry,Line description,Approved,Gender marker (OECD DAC)\n" +
	"\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",Shelters,100,2\n" +
	"+cmd|' /C calc'!A0,Outreach,-12.50,1\n" +
	"@SUM(A1),Posts,50,0\n" +
	"\"\x1b]0;pwned\x07\x1b[2JLabour\",Inspections,30,1\n"

func put(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o666); err != nil {
		t.Fatal(err)
	}
}

// Item 3 of issue 13: csv output escapes formula text; numbers stay numbers.
func TestAnalyzeCSVInjection(t *testing.T) {
	t.Chdir(t.TempDir())
	put(t, "budget.csv", hostileCSV)
	res := runGrb(t, []string{"grb", "analyze", "budget.csv", "--by", "ministry", "--format", "csv", "--scheme", "oecd_dac"})
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(res.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]bool{}
	for _, r := range recs[1:] {
		for _, f := range r[:2] {
			if f != "" && strings.ContainsRune("=+-@\t\r", rune(f[0])) {
				t.Errorf("field %q starts like a formula", f)
			}
		}
		labels[r[1]] = true
		for _, f := range r[2:] {
			if f == "'-12.50" {
				t.Errorf("the negative amount -12.50 was escaped as text")
			}
		}
	}
	for _, want := range []string{`'=HYPERLINK("http://x","y")`, "'+cmd|' /C calc'!A0", "'@SUM(A1)"} {
		if !labels[want] {
			t.Errorf("no label %q in\n%s", want, res.stdout)
		}
	}
	if !strings.Contains(res.stdout, ",-12.50,") {
		t.Errorf("the negative amount is not written as the number -12.50:\n%s", res.stdout)
	}
}

// Item 3 of issue 13: terminal output shows control characters instead of
// sending them to the terminal.
func TestTerminalEscapesVisible(t *testing.T) {
	t.Chdir(t.TempDir())
	put(t, "budget.csv", hostileCSV)
	for _, args := range [][]string{
		{"grb", "analyze", "budget.csv", "--by", "ministry", "--scheme", "oecd_dac"},
		{"grb", "inspect", "budget.csv", "--scheme", "oecd_dac"},
		{"grb", "validate", "budget.csv", "--scheme", "oecd_dac"},
		{"grb", "check", "budget.csv", "--profile", "un-15", "--scheme", "oecd_dac"},
	} {
		res := runGrb(t, args)
		if strings.ContainsAny(res.stdout+res.stderr, "\x1b\x07") {
			t.Errorf("%s: output holds raw ESC or BEL:\n%q", args[1], res.stdout+res.stderr)
		}
	}
}

// Item 9 of issue 13: the same input twice was added to itself.
func TestReportSameInputTwice(t *testing.T) {
	t.Chdir(t.TempDir())
	put(t, "budget.csv", "Ministry,Line description,Approved\nInterior,Shelters,100\n")
	if err := os.Link("budget.csv", "copy.csv"); err != nil {
		t.Skip(err)
	}
	for _, args := range [][]string{
		{"grb", "report", "budget.csv", "budget.csv", "-o", "out"},
		{"grb", "report", "budget.csv", "./copy.csv", "-o", "out2"},
	} {
		res := runGrb(t, args)
		if res.code == 0 || !strings.Contains(res.stderr, "twice") {
			t.Errorf("%v: exit %d, stderr %q; want an error saying the file is given twice", args, res.code, res.stderr)
		}
	}
}

// Item 9 of issue 13: two files for the same fiscal year (two versions of
// one budget) were added, a budget of 3,800 reported as 7,700. Files for
// different years make a trend and are read together.
func TestReportSameYearTwice(t *testing.T) {
	t.Chdir(t.TempDir())
	put(t, "v1.csv", "Fiscal year,Ministry,Line description,Approved\n2024,Interior,Shelters,3800\n")
	put(t, "v2.csv", "Fiscal year,Ministry,Line description,Approved\n2024,Interior,Shelters,3900\n2025,Interior,Shelters,4000\n")
	put(t, "y23.csv", "Fiscal year,Ministry,Line description,Approved\n2023,Interior,Shelters,3700\n")
	res := runGrb(t, []string{"grb", "report", "v1.csv", "v2.csv", "-o", "out"})
	for _, want := range []string{"v1.csv", "v2.csv", "2024", "grb analyze v2.csv --compare v1.csv"} {
		if res.code == 0 || !strings.Contains(res.stderr, want) {
			t.Errorf("same year twice: exit %d, stderr %q; want an error holding %q", res.code, res.stderr, want)
		}
	}
	if _, err := os.Stat("out/report.xlsx"); err == nil {
		t.Errorf("same year twice: report.xlsx written")
	}
	if res := runGrb(t, []string{"grb", "report", "y23.csv", "v1.csv", "-o", "trend"}); res.code != 0 {
		t.Errorf("two years: exit %d, stderr %q; want a report", res.code, res.stderr)
	}
	if res := runGrb(t, []string{"grb", "report", "v1.csv", "v2.csv", "--parts", "-o", "parts"}); res.code != 0 {
		t.Errorf("--parts: exit %d, stderr %q; want a report of both files added", res.code, res.stderr)
	}
}

// Item 15 of issue 13: a text cell cut to Excel's 32,767 characters in
// report.xlsx is said on stderr too.
func TestReportLongCellWarned(t *testing.T) {
	t.Chdir(t.TempDir())
	put(t, "budget.csv", "Fiscal year,Ministry,Line description,Approved\n2024,Interior,"+strings.Repeat("x", 40000)+",100\n")
	res := runGrb(t, []string{"grb", "report", "budget.csv", "-o", "out"})
	if res.code != 0 || !strings.Contains(res.stderr, "32,767") || !strings.Contains(res.stderr, "Lines: 1") {
		t.Errorf("exit %d, stderr %q; want a warning that 1 cell of Lines was cut to 32,767 characters", res.code, res.stderr)
	}
}

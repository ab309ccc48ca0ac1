package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Item 9 of issue 13: two files of identical content under different
// names are the same budget twice, with or without a fiscal year column;
// their lines were added (a budget of 100 reported as 200). Not even
// --parts adds them: parts of one budget are not identical.
func TestReportIdenticalContent(t *testing.T) {
	t.Chdir(t.TempDir())
	const yearless = "Ministry,Line description,Approved\nInterior,Shelters,100\n"
	put(t, "budget.csv", yearless)
	put(t, "budget-copy.csv", yearless)
	put(t, "other.csv", "Ministry,Line description,Approved\nHealth,Clinics,100\n")
	for _, args := range [][]string{
		{"grb", "report", "budget.csv", "budget-copy.csv", "-o", "out"},
		{"grb", "report", "budget.csv", "other.csv", "budget-copy.csv", "--parts", "-o", "out2"},
	} {
		res := runGrb(t, args)
		for _, want := range []string{"budget.csv", "budget-copy.csv", "identical"} {
			if res.code != 2 || !strings.Contains(res.stderr, want) {
				t.Errorf("%v: exit %d, stderr %q; want exit 2 and an error holding %q", args[2:], res.code, res.stderr, want)
			}
		}
	}
	// Two different files with no fiscal year are not refused: nothing
	// says they are one budget's versions.
	if res := runGrb(t, []string{"grb", "report", "budget.csv", "other.csv", "-o", "two"}); res.code != 0 {
		t.Errorf("two different year-less files: exit %d, stderr %q; want a report", res.code, res.stderr)
	}
}

// report has analyze's escape for versions: `grb report NEW --compare
// OLD` reports NEW, its Changes sheet comparing it with OLD; the error
// for two files of one fiscal year names it.
func TestReportCompare(t *testing.T) {
	t.Chdir(t.TempDir())
	put(t, "v1.csv", "Fiscal year,Ministry,Line description,Approved\n2024,Interior,Shelters,3800\n")
	put(t, "v2.csv", "Fiscal year,Ministry,Line description,Approved\n2024,Interior,Shelters,3900\n2024,Interior,Clinics,100\n")
	res := runGrb(t, []string{"grb", "report", "v1.csv", "v2.csv", "-o", "refused"})
	if want := "grb report v2.csv --compare v1.csv"; res.code != 2 || !strings.Contains(res.stderr, want) {
		t.Errorf("same year twice: exit %d, stderr %q; want exit 2 and an error holding %q", res.code, res.stderr, want)
	}
	res = runGrb(t, []string{"grb", "report", "v2.csv", "--compare", "v1.csv", "-o", "out"})
	if res.code != 0 {
		t.Fatalf("report --compare: exit %d, stderr %q", res.code, res.stderr)
	}
	f, err := excelize.OpenFile("out/report.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// The lines are v2's only: 3,900 + 100, not 3,800 more.
	lines, err := f.GetRows("Lines")
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 3 {
		t.Errorf("Lines has %d rows, want a header and v2's 2 lines: %v", len(lines), lines)
	}
	for _, row := range lines[1:] {
		if row[0] != "v2.csv" {
			t.Errorf("Lines holds a line of %s, want v2.csv only", row[0])
		}
	}
	changes, err := f.GetRows("Changes")
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, row := range changes[1:] {
		if row[0] != "summary" {
			kinds = append(kinds, row[0]+" "+row[4])
		}
	}
	if got, want := strings.Join(kinds, "; "), "added Clinics; amount changed Shelters"; got != want {
		t.Errorf("Changes: %q, want %q", got, want)
	}
	html, err := os.ReadFile("out/report.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "v1.csv") {
		t.Errorf("report.html does not name v1.csv, the version compared with")
	}
}

// The questionnaires of grb sdg5c1 and of report --sdg5c1 are refused
// twice as budgets are: the same file, or a copy of identical content,
// would list one year's answers twice.
func TestSDG5c1SameQuestionnaireTwice(t *testing.T) {
	t.Chdir(t.TempDir())
	if res := runGrb(t, []string{"grb", "sdg5c1", "--template", "-o", "q.xlsx"}); res.code != 0 {
		t.Fatalf("template: exit %d: %s", res.code, res.stderr)
	}
	q, err := os.ReadFile("q.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	put(t, "q-copy.xlsx", string(q))
	put(t, "budget.csv", "Ministry,Line description,Approved\nInterior,Shelters,100\n")
	for _, args := range [][]string{
		{"grb", "sdg5c1", "q.xlsx", "q-copy.xlsx"},
		{"grb", "report", "budget.csv", "--sdg5c1", "q.xlsx", "--sdg5c1", "q-copy.xlsx", "-o", "out"},
	} {
		res := runGrb(t, args)
		if res.code != 2 || !strings.Contains(res.stderr, "identical") {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and an error saying the files are identical", args[1:], res.code, res.stderr)
		}
	}
}

// The earlier version given with --compare is read as the file is: with
// --where and --to applied to both, analyze compared a converted budget
// with an unconverted one ("mixes currencies") and a filtered one with
// the whole of the other (every line "cut").
func TestCompareReadLikeTheFile(t *testing.T) {
	t.Chdir(t.TempDir())
	put(t, "v1.csv", "Fiscal year,Ministry,Line description,Approved,Currency\n2024,Interior,Shelters,100,EUR\n2024,Health,Clinics,50,EUR\n")
	put(t, "v2.csv", "Fiscal year,Ministry,Line description,Approved,Currency\n2024,Interior,Shelters,100,EUR\n2024,Health,Clinics,60,EUR\n")
	for _, tc := range []struct {
		flags []string
		want  string
	}{
		{[]string{"--to", "USD"}, "0 added, 0 cut, 2 kept (1 changed amount"},
		{[]string{"--where", "unit=Health"}, "0 added, 0 cut, 1 kept (1 changed amount"},
	} {
		args := append([]string{"grb", "analyze", "v2.csv", "--compare", "v1.csv"}, tc.flags...)
		res := runGrb(t, args)
		if res.code != 0 || !strings.Contains(res.stdout, tc.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q", args[1:], res.code, res.stdout, res.stderr, tc.want)
		}
	}
}

// A Fiscal Data Package and its csv file, or the package by its folder
// and by its descriptor, are one budget given twice, year or no year.
func TestReportPackageTwice(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("pkg", 0o755); err != nil {
		t.Fatal(err)
	}
	put(t, "pkg/datapackage.json", `{"name": "b", "resources": [{"name": "lines", "path": "data.csv", "format": "csv"}],
 "model": {"measures": {"approved": {"source": "Approved", "currency": "EUR", "phase": "approved"}}}}`)
	put(t, "pkg/data.csv", "Ministry,Line description,Approved\nInterior,Shelters,100\n")
	for i, args := range [][]string{
		{"grb", "report", "pkg", "pkg/datapackage.json"},
		{"grb", "report", "pkg/data.csv", "pkg"},
	} {
		res := runGrb(t, append(args, "-o", fmt.Sprint("out", i)))
		if res.code != 2 || !strings.Contains(res.stderr, "twice") {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and an error saying the budget is given twice", args[2:], res.code, res.stderr)
		}
	}
}

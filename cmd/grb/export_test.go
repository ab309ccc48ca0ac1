package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/urfave/cli/v2"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/input"
)

// exportKey is a total of one fiscal year, currency, exported gender
// marker (the DAC significance, "none" when not screened) and phase.
type exportKey struct {
	Year     int
	Currency string
	Marker   string
	Phase    string
}

// exportTotals sums the lines' amounts of phases by year, currency and
// exported marker.
func exportTotals(t *testing.T, lines []budget.Line, phases []budget.Phase) map[exportKey]string {
	t.Helper()
	sums := map[exportKey]*budget.Sum{}
	for _, l := range lines {
		mk := "none"
		if s, ok := l.Gender.Level.DAC(); ok {
			mk = string(rune('0' + s))
		}
		for _, ph := range phases {
			if m, ok := l.Amounts.Get(ph); ok {
				k := exportKey{l.Year, l.Currency, mk, ph.String()}
				if sums[k] == nil {
					sums[k] = &budget.Sum{}
				}
				sums[k].Add(m)
			}
		}
	}
	out := map[exportKey]string{}
	for k, s := range sums {
		v, err := s.Value()
		if err != nil {
			t.Fatal(err)
		}
		out[k] = v.String()
	}
	return out
}

// iatiSchema is the IATI 2.03 activity schema; the test is skipped when
// it or xmllint is absent.
func iatiSchema(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint not installed (Debian: apt-get install libxml2-utils): the IATI schema check is skipped")
	}
	p, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "reference", "iati", "schema-2.03", "iati-activities-schema.xsd"))
	if err == nil {
		_, err = os.Stat(p)
	}
	if err != nil {
		t.Skipf("IATI 2.03 schema not available: %v", err)
	}
	return p
}

// checkExport exports the budget file name (read with args) through the
// CLI to IATI and to a Fiscal Data Package, validates the XML with
// xmllint, and reads both back to the same totals by year, currency,
// marker and phase (approved, revised and executed for IATI; every phase
// for the package).
func checkExport(t *testing.T, xsd, name string, args ...string) {
	t.Helper()
	opt := append([]string{}, args...)
	want, err := readWithArgs(t, name, opt)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	xml := filepath.Join(dir, "out.xml")
	if r := runGrb(t, append([]string{"grb", "export", "--format", "iati", "-o", xml, "--fiscal-start", "4", name}, args...)); r.code != 0 {
		t.Fatalf("export iati: exit %d\n%s", r.code, r.stderr)
	}
	if out, err := exec.Command("xmllint", "--noout", "--schema", xsd, xml).CombinedOutput(); err != nil {
		s := string(out)
		t.Fatalf("xmllint rejects the export: %v\n%s", err, s[:min(len(s), 2000)])
	}
	pkg := filepath.Join(dir, "pkg")
	if r := runGrb(t, append([]string{"grb", "export", "--format", "fdp", "-o", pkg, name}, args...)); r.code != 0 {
		t.Fatalf("export fdp: exit %d\n%s", r.code, r.stderr)
	}
	money := []budget.Phase{budget.Approved, budget.Revised, budget.Executed}
	for _, tt := range []struct {
		file   string
		phases []budget.Phase
	}{{xml, money}, {pkg, budget.Phases()}} {
		b, err := input.ReadFile(tt.file, budget.Options{})
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(tt.file), err)
		}
		if diff := cmp.Diff(exportTotals(t, want.Lines.Slice(), tt.phases), exportTotals(t, b.Lines.Slice(), tt.phases)); diff != "" {
			t.Errorf("%s read back: totals by year, currency, marker and phase differ (-budget +export):\n%s", filepath.Base(tt.file), diff)
		}
		if b.Errors() > 0 {
			t.Errorf("%s read back with %d errors: %v", filepath.Base(tt.file), b.Errors(), b.Issues[0])
		}
	}
}

// readWithArgs reads name with the reading flags args, as export does.
func readWithArgs(t *testing.T, name string, args []string) (*budget.Budget, error) {
	t.Helper()
	var b *budget.Budget
	app := newApp(&strings.Builder{}, &strings.Builder{})
	cmd := exportCommand()
	cmd.Action = func(c *cli.Context) error {
		var err error
		b, err = readBudget(c, name)
		return err
	}
	app.Commands = append(app.Commands[:0], cmd)
	err := app.Run(append(append([]string{"grb", "export", "--format", "iati"}, args...), name))
	return b, err
}

// TestExportReal: every real budget grb reads exports to IATI XML that
// the 2.03 schema accepts and that grb reads back to the same totals per
// year and marker; the same for the Fiscal Data Package.
func TestExportReal(t *testing.T) {
	xsd := iatiSchema(t)
	real := filepath.Join("..", "..", "..", "shared", "data", "real")
	for _, tt := range []struct {
		file string
		args []string
	}{
		{"au-budget-2015-16-fdp", []string{"--year", "2015"}},
		{"crs-uk-gender-one/UK_oda_CRS_gender.csv", []string{"--scheme", "oecd_dac", "--scale", "millions"}},
		{"crs-uk-gender-one/UK_oda_CRS_gender_totals_by_year.csv", nil},
		{"eutf-africa-projects-objectives/EUTF-Projects-Database-2022-01.csv", []string{"--year", "2022"}},
		{"iati-beis-newton-gcrf-2-03/raeng-gcrf-legacy.xml", nil},
		{"iati-beis-newton-gcrf-2-03/royal-society-newton-legacy.xml", nil},
		{"iati-dfid-albania-hierarchy/dfid-albania-activities.xml", nil},
		{"iati-dfid-drc-v1-01/CD.xml", nil},
		{"iati-dportal-ebola-multipublisher/activities.xml", nil},
		{"kenya-programme-budget-2018-2022/kenya_budget.csv", nil},
		{"kenya-programme-budget-2018-2022/kenya_budget_predictions.csv", nil},
		{"macedonia-budget-2014-fdp", nil},
		{"mexico-puebla-gasto-federalizado-xlsx/Gasto_Federalizado_Avance_Financiero_Puebla_Q1_2016.xlsx", nil},
	} {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			p := filepath.Join(real, tt.file)
			if _, err := os.Stat(p); err != nil {
				t.Skipf("real data not available (%s): %v", p, err)
			}
			abs, _ := filepath.Abs(p)
			checkExport(t, xsd, abs, tt.args...)
		})
	}
}

// TestExportOutputs: the output rules of export, and its usage errors.
func TestExportOutputs(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	csv := "Year,Ministry,Programme,Approved,Executed,GCM objectives,Gender marker\n2024,Interior,Reception,100,-5,\"7 (60%), 16 (40%)\",2\n2024,Labour,Skills,50,,,\n"
	if err := os.WriteFile("b.csv", []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("exists.xml", []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--format", "iati", "--currency", "EUR", "--scheme", "oecd_dac", "-o", "out.xml"}, 0, "2 line activities (2 programme parents) for 2 budget lines to out.xml: fiscal year 2024; EUR"},
		{[]string{"--format", "iati", "-o", "exists.xml"}, 2, "refusing to overwrite exists.xml"},
		{[]string{"--format", "iati", "-o", "b.csv", "--force"}, 2, "b.csv"},
		{[]string{"--format", "xml"}, 2, `--format "xml": want iati or fdp`},
		{[]string{"--format", "fdp"}, 2, "want -o FOLDER"},
		{[]string{"--format", "iati", "--fiscal-start", "13"}, 2, "--fiscal-start 13"},
		{[]string{"--format", "fdp", "--currency", "EUR", "-o", "pkg"}, 0, "Fiscal Data Package of 2 budget lines to pkg"},
		{[]string{"--format", "fdp", "-o", "pkg"}, 2, "not empty"},
	} {
		r := runGrb(t, append([]string{"grb", "export", "b.csv"}, tt.args...))
		if r.code != tt.code || !strings.Contains(r.stdout+r.stderr, tt.want) {
			t.Errorf("export %v: exit %d, want %d with %q\nstdout: %s\nstderr: %s", tt.args, r.code, tt.code, tt.want, r.stdout, r.stderr)
		}
	}
	if b, _ := os.ReadFile("exists.xml"); string(b) != "keep" {
		t.Error("exists.xml was overwritten")
	}
	if b, _ := os.ReadFile("b.csv"); string(b) != csv {
		t.Error("the input was overwritten")
	}
	if err := os.WriteFile("noyear.csv", []byte("Ministry,Approved\nInterior,100\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"iati", "fdp"} {
		r := runGrb(t, []string{"grb", "export", "--format", f, "-o", "ny-" + f, "noyear.csv"})
		if r.code != 2 || !strings.Contains(r.stderr, "lines without a fiscal year: 1 with money; give the year with --year") {
			t.Errorf("export %s of lines without a year: exit %d\n%s", f, r.code, r.stderr)
		}
	}
}

// TestActivitiesTextGroupsThousands: export's summary counts as other
// counts do.
func TestActivitiesTextGroupsThousands(t *testing.T) {
	for n, want := range map[int]string{1: "1 line activity", 2: "2 line activities", 100000: "100,000 line activities"} {
		if got := activitiesText(n); got != want {
			t.Errorf("activitiesText(%d) = %q, want %q", n, got, want)
		}
	}
}

package fdp

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/csv"
	"github.com/grb-toolkit/grb/internal/readertest"
)

// A Fiscal Data Package 0.3+ with typed dimensions: the model, not the
// headers, says which column is what. The headers are deliberately ones
// grb would not recognise ("Ramo", "Monto_A", "Monto_E", "UR"), except the
// GCM and marker columns, which the model does not cover and recognition
// still finds.
const testPackage = `{
  "name": "examplia-2025",
  "title": "Examplia budget 2025",
  "resources": [{
    "name": "lines",
    "path": "data/lines.csv",
    "format": "csv",
    "dialect": {"delimiter": ";"},
    "schema": {"fields": [
      {"name": "Ciclo"}, {"name": "Ramo"}, {"name": "Nombre ramo"}, {"name": "UR"},
      {"name": "Pp"}, {"name": "Nombre Pp"}, {"name": "Clave"}, {"name": "Concepto"},
      {"name": "Funcion"}, {"name": "Monto_A"}, {"name": "Monto_E"}, {"name": "Ingreso"},
      {"name": "GCM objective"}, {"name": "Gender marker (OECD DAC)"}
    ]}
  }],
  "model": {
    "measures": {
      "approved": {"source": "Monto_A", "currency": "EUR", "factor": 1000, "phase": "approved"},
      "executed": {"source": "Monto_E", "currency": "EUR", "factor": 1000, "phase": "executed", "direction": "expenditure"},
      "revenue": {"source": "Ingreso", "currency": "EUR", "factor": 1000, "direction": "revenue"}
    },
    "dimensions": {
      "date": {"dimensionType": "datetime", "primaryKey": "year", "attributes": {"year": {"source": "Ciclo"}}},
      "administrative-classification": {
        "dimensionType": "classification", "classificationType": "administrative",
        "primaryKey": ["ramo", "ur"],
        "attributes": {
          "ramo": {"source": "Ramo"},
          "ur": {"source": "UR"},
          "ur-label": {"source": "Nombre ramo", "labelfor": "ur"}
        }
      },
      "activity": {
        "dimensionType": "activity", "primaryKey": "pp",
        "attributes": {"pp": {"source": "Pp"}, "pp-label": {"source": "Nombre Pp", "labelfor": "pp"}}
      },
      "line": {"dimensionType": "fact", "primaryKey": "id", "attributes": {"id": {"source": "Clave"}}},
      "functional-classification": {
        "dimensionType": "classification", "classificationType": "functional",
        "primaryKey": "f", "attributes": {"f": {"source": "Funcion"}}
      }
    }
  }
}`

const fdpData = "Ciclo;Ramo;Nombre ramo;UR;Pp;Nombre Pp;Clave;Concepto;Funcion;Monto_A;Monto_E;Ingreso;GCM objective;Gender marker (OECD DAC)\n" +
	"2025;05;Interior;500;E001;Migrant reception;L1;Shelters for migrant women;1.2;1250.5;1100;10;7;2\n" +
	"2025;05;Interior;500;E002;Border services;L2;Consular assistance;1.3;300;;0;11;0\n" +
	"2025;14;Labour;140;E010;Labour migration;L3;Skills recognition;4.1;120.25;120.25;;18;1\n"

func writePackage(t *testing.T, descriptor, data string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "datapackage.json"), []byte(descriptor), 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "lines.csv"), []byte(data), 0o666); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestReadPackage(t *testing.T) {
	dir := writePackage(t, testPackage, fdpData)
	for _, name := range []string{dir, filepath.Join(dir, "datapackage.json")} {
		b, err := ReadFile(name, budget.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		readertest.CheckLedger(t, b)
		if b.Package == nil || b.Package.Resource != "lines" || b.Source != filepath.Join(dir, "data", "lines.csv") {
			t.Fatalf("%s: package %+v, source %s", name, b.Package, b.Source)
		}
		if b.Lines.Len() != 3 || b.Errors() != 0 {
			t.Fatalf("%d lines, issues %v", b.Lines.Len(), b.Issues)
		}
		l := b.Lines.At(0)
		a, _ := l.Amounts.Get(budget.Approved)
		e, _ := l.Amounts.Get(budget.Executed)
		if a != budget.FromCents(125050000) || e != budget.FromCents(110000000) || l.Currency != "EUR" || l.Year != 2025 {
			t.Errorf("line 1: approved %s executed %s %s %d; want 1250500.00 1100000.00 EUR 2025 (factor 1000)", a, e, l.Currency, l.Year)
		}
		if l.Unit != budget.NewCode("500", "Interior") || l.Programme != budget.NewCode("E001", "Migrant reception") || l.ID != "L1" || l.Description != "Shelters for migrant women" {
			t.Errorf("line 1: unit %v, programme %v, id %q, description %q", l.Unit, l.Programme, l.ID, l.Description)
		}
		if budget.FormatObjectives(l.Objectives) != "7" || l.Gender.Level != budget.Principal {
			t.Errorf("line 1: objectives %s, marker %v: the columns the model does not cover are still recognised", budget.FormatObjectives(l.Objectives), l.Gender)
		}
		if _, ok := b.Lines.AmountsAt(1).Get(budget.Executed); ok {
			t.Error("line 2: a blank executed amount is absent, not zero")
		}
		s := b.Sheets[0]
		if s.Scale != budget.Thousands || s.ScaleFrom != "datapackage.json factor" || s.Wide {
			t.Errorf("scale %v (%s), wide %v", s.Scale, s.ScaleFrom, s.Wide)
		}
		how := map[budget.Field]string{}
		for _, c := range s.Columns {
			how[c.Field] = c.How
		}
		for _, f := range []budget.Field{budget.FieldApproved, budget.FieldExecuted, budget.FieldYear, budget.FieldUnitCode, budget.FieldUnitName, budget.FieldProgrammeCode, budget.FieldProgrammeName, budget.FieldID} {
			if how[f] != "datapackage.json" {
				t.Errorf("%s read %q, want from datapackage.json", f, how[f])
			}
		}
		if how[budget.FieldObjectives] != "recognised" || how[budget.FieldGenderMarker] != "recognised" {
			t.Errorf("objectives %q, marker %q: want recognised", how[budget.FieldObjectives], how[budget.FieldGenderMarker])
		}
	}
	p, err := ReadPackage(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`measure "revenue" (Ingreso) is revenue: left out, grb reads spending`,
		`money: column "Monto_A", approved`,
		`money: column "Monto_E", executed`,
		"currency: EUR",
		"scale: factor 1000 (thousands)",
		`programme: code "Pp", name "Nombre Pp" (dimension "activity")`,
		`administrative unit: code "UR", name "Nombre ramo" (dimension "administrative-classification")`,
		`fiscal year: column "Ciclo" (dimension "date")`,
		`line id: column "Clave" (dimension "line")`,
		`dimensions functional-classification (classification functional): not fields of grb's, left to header recognition`,
	}
	if got := strings.Join(p.Notes, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// Flags win over the descriptor.
func TestReadPackageFlagsWin(t *testing.T) {
	dir := writePackage(t, testPackage, fdpData)
	b, err := ReadFile(dir, budget.Options{Scale: budget.Units, Currency: "USD", Columns: map[budget.Field]string{budget.FieldApproved: "Monto_E"}})
	if err != nil {
		t.Fatal(err)
	}
	l := b.Lines.At(0)
	a, _ := l.Amounts.Get(budget.Approved)
	if a != budget.FromCents(110000) || l.Currency != "USD" || b.Sheets[0].ScaleFrom != "option" {
		t.Errorf("approved %s %s (scale from %s), want 1100.00 USD from the flags", a, l.Currency, b.Sheets[0].ScaleFrom)
	}
}

// Every problem of a descriptor is reported at once, in one error.
func TestParsePackageProblems(t *testing.T) {
	for _, tt := range []struct {
		name, json string
		want       []string
	}{
		{"not json", `{"resources": [`, []string{"not a readable datapackage.json"}},
		{"no resources", `{"model": {"measures": {"a": {"source": "x"}}}}`, []string{"no resources"}},
		{"no model", `{"resources": [{"name": "r", "path": "r.csv"}]}`, []string{`no "model"`}},
		{"no measures", `{"resources": [{"name": "r", "path": "r.csv"}], "model": {"dimensions": {}}}`, []string{"no measures"}},
		{"remote, escaping, several problems", `{
			"resources": [{"name": "r", "path": "https://example.org/r.csv", "schema": {"fields": [{"name": "x"}]}},
			              {"name": "s", "path": "../../etc/s.csv"}],
			"model": {"measures": {
				"a": {"source": "x", "currency": "EURO", "factor": 0.5, "phase": "enacted"},
				"b": {"source": "y"}
			}}}`,
			[]string{"is remote", `currency "EURO"`, "factor 0.5", `phase "enacted"`, `column "y" is not a field`}},
		{"outside the folder", `{"resources": [{"name": "s", "path": "../s.csv"}], "model": {"measures": {"a": {"source": "x"}}}}`,
			[]string{"leaves the package's folder"}},
		{"not csv", `{"resources": [{"name": "s", "path": "s.xlsx"}], "model": {"measures": {"a": {"source": "x"}}}}`,
			[]string{"is not csv"}},
		{"two resources", `{"resources": [{"name": "r", "path": "r.csv"}, {"name": "s", "path": "s.csv"}],
			"model": {"measures": {"a": {"source": "x"}, "b": {"source": "y", "resource": "s"}}}}`,
			[]string{"measures in several resources (r, s)"}},
		{"two phaseless measures", `{"resources": [{"name": "r", "path": "r.csv"}],
			"model": {"measures": {"a": {"source": "x"}, "b": {"source": "y"}}}}`,
			[]string{"measures x, y have no phase"}},
		{"two currencies", `{"resources": [{"name": "r", "path": "r.csv"}],
			"model": {"measures": {"a": {"source": "x", "currency": "EUR", "phase": "approved"}, "b": {"source": "y", "currency": "USD", "phase": "executed"}}}}`,
			[]string{"several currencies (EUR, USD)"}},
		{"only revenue", `{"resources": [{"name": "r", "path": "r.csv"}], "model": {"measures": {"a": {"source": "x", "direction": "revenue"}}}}`,
			[]string{"every measure is revenue"}},
		{"bad primary key", `{"resources": [{"name": "r", "path": "r.csv"}],
			"model": {"measures": {"a": {"source": "x"}}, "dimensions": {"d": {"dimensionType": "activity", "primaryKey": "p", "attributes": {"q": {"source": "z"}}}}}}`,
			[]string{`primaryKey "p" is not one of its attributes`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePackage([]byte(tt.json), filepath.Join("pkg", "datapackage.json"))
			if !errors.Is(err, ErrNotPackage) {
				t.Fatalf("err = %v, want ErrNotPackage", err)
			}
			var pe *budget.ParseError
			if !errors.As(err, &pe) || pe.File != filepath.Join("pkg", "datapackage.json") {
				t.Errorf("err = %#v, want a ParseError on the descriptor", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

// The descriptor of the Australian budget uses the draft "mapping" with
// one AUD measure per fiscal year: the same lines as the csv read alone,
// now in AUD without --currency.
func TestRealAustraliaPackage(t *testing.T) {
	dir := readertest.RealFile(t, "au-budget-2015-16-fdp")
	b, err := ReadFile(dir, budget.Options{Scale: budget.Thousands})
	if err != nil {
		t.Fatal(err)
	}
	readertest.CheckLedger(t, b)
	plain, err := csv.ReadFile(filepath.Join(dir, "data", "201505181230budget1516.csv"), budget.Options{Scale: budget.Thousands, Currency: "AUD"})
	if err != nil {
		t.Fatal(err)
	}
	if b.Lines.Len() != plain.Lines.Len() || b.Lines.Len() != 7975 {
		t.Fatalf("%d lines from the package, %d from the csv; want 7975 each", b.Lines.Len(), plain.Lines.Len())
	}
	var pkgSum, csvSum budget.Sum
	for i, l := range b.Lines.All() {
		if l.Currency != "AUD" {
			t.Fatalf("line %d: currency %q, want AUD from the descriptor", i, l.Currency)
		}
		v, _ := l.Amounts.Get(budget.Approved)
		pkgSum.Add(v)
		w, _ := plain.Lines.AmountsAt(i).Get(budget.Approved)
		csvSum.Add(w)
	}
	p, _ := pkgSum.Value()
	c, _ := csvSum.Value()
	// SOURCE.md's five years, 2014-15 to 2018-19 (TestRealAustraliaWide).
	if want := budget.FromCents(45052187868775 + 45128992978013 + 47204396648196 + 48828284595949 + 51152412237380); p != want || c != want {
		t.Errorf("package %s, csv %s, want %s", p, c, want)
	}
	if !b.Sheets[0].Wide || b.Package.Title != "Australian Budget" {
		t.Errorf("wide %v, title %q", b.Sheets[0].Wide, b.Package.Title)
	}
	notes := strings.Join(b.Package.Notes, "\n")
	for _, w := range []string{"money: fiscal-year columns 2014-15, 2015-16, 2016-17, 2017-18, 2018-19", "currency: AUD", "dimensions without a dimensionType (Appropriation type, Department/Agency, Description, Expense type, Outcome, Program, portfolio)"} {
		if !strings.Contains(notes, w) {
			t.Errorf("notes do not say %q:\n%s", w, notes)
		}
	}
}

// Apply leaves the caller's column map as it was.
func TestPackageApplyCopies(t *testing.T) {
	p := &budget.Package{Columns: map[budget.Field]string{budget.FieldApproved: "A", budget.FieldYear: "Y"}}
	mine := map[budget.Field]string{budget.FieldApproved: "B"}
	opt := budget.Options{Columns: mine}
	Apply(p, &opt)
	if len(mine) != 1 || opt.Columns[budget.FieldYear] != "Y" || opt.Columns[budget.FieldApproved] != "B" || opt.HeaderRow != 1 || opt.Format != "csv" {
		t.Errorf("caller's map %v, options %v (header row %d, format %q)", mine, opt.Columns, opt.HeaderRow, opt.Format)
	}
}

// A constant date is the fiscal year; a one-attribute dimension is a
// column holding code and name; an entity is the unit only without an
// administrative classification; other constants are noted, not read.
func TestParsePackageDimensions(t *testing.T) {
	const desc = `{"resources": [{"name": "r", "path": "r.csv"}], "model": {
		"measures": {"a": {"source": "Amount", "phase": "adjusted"}},
		"dimensions": {
			"date": {"dimensionType": "datetime", "primaryKey": "y", "attributes": {"y": {"constant": "FY2024"}}},
			"payer": {"dimensionType": "entity", "primaryKey": "e", "attributes": {"e": {"source": "Ministry"}}},
			"project": {"dimensionType": "activity", "primaryKey": "p", "attributes": {"p": {"source": "Programme"}}},
			"place": {"dimensionType": "location", "primaryKey": "l", "attributes": {"l": {"constant": "Capital"}}}
		}}}`
	p, err := ParsePackage([]byte(desc), "datapackage.json")
	if err != nil {
		t.Fatal(err)
	}
	if p.Year != 2024 || p.Columns[budget.FieldRevised] != "Amount" || p.Columns[budget.FieldUnit] != "Ministry" || p.Columns[budget.FieldProgrammeName] != "Programme" {
		t.Errorf("year %d, columns %v", p.Year, p.Columns)
	}
	if len(p.Columns) != 3 {
		t.Errorf("columns %v, want revised, unit and programme_name", p.Columns)
	}
	if notes := strings.Join(p.Notes, "\n"); !strings.Contains(notes, "place (location)") || !strings.Contains(notes, "fiscal year: 2024") {
		t.Errorf("notes:\n%s", notes)
	}
}

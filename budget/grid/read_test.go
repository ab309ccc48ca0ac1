package grid_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/csv"
	"github.com/grb-toolkit/grb/budget/xlsx"
	"github.com/grb-toolkit/grb/internal/readertest"
	"github.com/grb-toolkit/grb/templates"
)

func readCSV(t *testing.T, text string, opt budget.Options) *budget.Budget {
	t.Helper()
	b, err := csv.Read(strings.NewReader(text), "test.csv", opt)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return b
}

func classes(b *budget.Budget) string {
	var s []string
	for _, r := range b.Ledger {
		for range r.Rows {
			s = append(s, r.Class.String())
		}
	}
	return strings.Join(s, " ")
}

func issueCodes(b *budget.Budget) string {
	var s []string
	for _, i := range b.Issues {
		s = append(s, i.Code)
	}
	return strings.Join(s, " ")
}

func TestReadLedger(t *testing.T) {
	tests := []struct {
		name     string
		csv      string
		opt      budget.Options
		classes  string
		lines    int
		issues   string
		approved budget.Money
	}{
		{
			name: "title block, subtotal and total",
			csv: "Ministry of Examples budget 2024\n" +
				"Amounts in thousands\n" +
				"\n" +
				"Ministry,Programme,Description,Approved,Executed\n" +
				"Interior,P1,Border posts,100,90\n" +
				"Interior,P1,Shelters,\"1,250.5\",N/A\n" +
				"Subtotal Interior,,,1350.5,90\n" +
				"Health,P2,Clinics,(10),-\n" +
				"Total,,,1340.5,90\n" +
				"Source: invented\n",
			// 100 + 1250.5 - 10 thousand = 1,340,500.00. encoding/csv
			// skips empty lines, so the blank line is no record.
			classes:  "title title header line line subtotal line total note",
			lines:    3,
			approved: budget.FromCents(134050000),
		},
		{
			name: "mismatched total is reported, not dropped",
			csv: "Ministry,Description,Approved\n" +
				"A,x,1.10\n" +
				"A,y,2.20\n" +
				"Total,,3.31\n",
			classes:  "header line line total",
			lines:    2,
			issues:   "total-mismatch",
			approved: budget.FromCents(330),
		},
		{
			name: "unlabelled row equal to the lines above is a subtotal",
			csv: "Ministry,Description,Approved\n" +
				"A,x,1\n" +
				"A,y,2\n" +
				",,3\n" +
				"B,z,5\n" +
				",,7\n",
			classes:  "header line line subtotal line rejected",
			lines:    3,
			issues:   "row-unlabelled",
			approved: budget.FromCents(800),
		},
		{
			name: "invalid amount rejects the row with its cell",
			csv: "Ministry;Description;Approved\n" +
				"A;x;12,5O0\n" +
				"A;y;1.234,56\n",
			classes:  "header rejected line",
			lines:    1,
			issues:   "amount-invalid",
			approved: budget.FromCents(123456),
		},
		{
			name: "wide layout: one line per fiscal-year column",
			csv: "Department/Agency,Program,2014-15,2015-16\n" +
				"Home Affairs,Migration,10,nfp\n" +
				"Home Affairs,Refugees,5,6\n",
			classes:  "header line line",
			lines:    3,
			approved: budget.FromCents(2100),
		},
		{
			name: "columns named by the user",
			csv: "Назив раздел;Буџет\n" +
				"МВР;17299000\n",
			opt:      budget.Options{Columns: map[budget.Field]string{budget.FieldUnitName: "Назив раздел", budget.FieldApproved: "Буџет"}},
			classes:  "header line",
			lines:    1,
			approved: budget.FromCents(1729900000),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := readCSV(t, tt.csv, tt.opt)
			if got := classes(b); got != tt.classes {
				t.Errorf("ledger = %q, want %q", got, tt.classes)
			}
			if b.Lines.Len() != tt.lines {
				t.Errorf("%d lines, want %d", b.Lines.Len(), tt.lines)
			}
			if got := issueCodes(b); got != tt.issues {
				t.Errorf("issues = %q, want %q\n%v", got, tt.issues, b.Issues)
			}
			if got := readertest.SumPhase(b.Lines, budget.Approved); got != tt.approved {
				t.Errorf("approved sum = %s, want %s", got, tt.approved)
			}
		})
	}
}

func TestReadTags(t *testing.T) {
	csv := "Line description,Approved,GCM objective(s),Gender marker (OECD DAC),Women,Men\n" +
		"Shelters,100,\"7 (60%), 16 (40%)\",2,120,0\n" +
		"Border,50,11,0,,\n" +
		"Data,10,3; 7,,,\n" +
		"Bad,1,24,5,,\n"
	b := readCSV(t, csv, budget.Options{})
	if b.Lines.Len() != 4 {
		t.Fatalf("%d lines, want 4", b.Lines.Len())
	}
	l := b.Lines.At(0)
	if got, want := budget.FormatObjectives(l.Objectives), "7 (60%), 16 (40%)"; got != want {
		t.Errorf("objectives = %q, want %q", got, want)
	}
	if l.Gender.Level != budget.Principal || l.Gender.Scheme() != "oecd_dac" || l.Gender.Raw() != "2" {
		t.Errorf("marker = %+v, want principal under oecd_dac from raw 2", l.Gender)
	}
	if l.GenderSource.Source() != budget.FromColumn {
		t.Errorf("marker provenance = %v, want column", l.GenderSource)
	}
	if !l.Beneficiaries.Women.OK || l.Beneficiaries.Women.N != 120 || !l.Beneficiaries.Men.OK || l.Beneficiaries.Men.N != 0 || l.Beneficiaries.Girls.OK {
		t.Errorf("beneficiaries = %+v", l.Beneficiaries)
	}
	if b.Lines.GenderAt(1).Level != budget.NotTargeted {
		t.Errorf("marker 0 = %v, want not_targeted", b.Lines.GenderAt(1).Level)
	}
	if b.Lines.GenderAt(2).Level != budget.NotScreened {
		t.Errorf("blank marker = %v, want not_screened", b.Lines.GenderAt(2).Level)
	}
	var codes []string
	for _, i := range b.Issues {
		codes = append(codes, i.Code+"@"+i.Pos.String())
	}
	want := "objective-invalid@test.csv:C5 scheme-assumed@test.csv:D1 marker-invalid@test.csv:D5"
	if got := strings.Join(codes, " "); got != want {
		t.Errorf("issues = %s, want %s", got, want)
	}
	for _, i := range b.Issues {
		if i.Code == "marker-invalid" && !errors.Is(i, budget.ErrUnknownMarker) {
			t.Errorf("marker issue %v does not wrap ErrUnknownMarker", i)
		}
	}
}

func TestReadSchemeOption(t *testing.T) {
	csv := "Description,Approved,Gender\nx,1,2\ny,1,3\n"
	b := readCSV(t, csv, budget.Options{Scheme: "un_gem"})
	if b.Lines.GenderAt(0).Level != budget.Significant || b.Lines.GenderAt(1).Level != budget.Principal {
		t.Errorf("un_gem 2, 3 = %v, %v; want significant, principal", b.Lines.GenderAt(0).Level, b.Lines.GenderAt(1).Level)
	}
	if len(b.Issues) != 0 {
		t.Errorf("issues = %v, want none when the scheme is given", b.Issues)
	}
}

func TestReadNoHeader(t *testing.T) {
	b, err := csv.Read(strings.NewReader("a;b\n1;2\n"), "x.csv", budget.Options{})
	if !errors.Is(err, budget.ErrNoHeader) {
		t.Fatalf("err = %v, want ErrNoHeader", err)
	}
	if got, want := classes(b), "rejected rejected"; got != want {
		t.Errorf("ledger = %q, want %q", got, want)
	}
}

func TestReadLimits(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("Description,Approved\n")
	for i := 0; i < 20; i++ {
		sb.WriteString("x,1\n")
	}
	_, err := csv.Read(strings.NewReader(sb.String()), "x.csv", budget.Options{MaxBytes: 50})
	if !errors.Is(err, budget.ErrLimit) {
		t.Errorf("MaxBytes: err = %v, want ErrLimit", err)
	}
	xl := readertest.BuildXLSX(t, map[string][][]any{"S": {{"Description", "Approved"}, {"x", 1}, {"y", 2}, {"z", 3}}}, nil)
	_, err = xlsx.Read(bytes.NewReader(xl), "x.xlsx", budget.Options{MaxRows: 3})
	if !errors.Is(err, budget.ErrLimit) {
		t.Errorf("MaxRows: err = %v, want ErrLimit", err)
	}
	_, err = xlsx.Read(bytes.NewReader(xl), "x.xlsx", budget.Options{MaxBytes: 1000})
	if !errors.Is(err, budget.ErrLimit) {
		t.Errorf("xlsx MaxBytes: err = %v, want ErrLimit", err)
	}
}

func TestReadXLSXTwoRowHeaderAndHiddenSheet(t *testing.T) {
	xl := readertest.BuildXLSX(t, map[string][][]any{
		"Budget": {
			{"Ministerio de Ejemplo — Presupuesto 2024 (millones de pesos)"},
			{},
			{nil, "Clasificación", nil, "Montos", nil},
			{"Ramo", "Descripción", "Programa", "Aprobado", "Ejercido"},
			{"04", "Atención a migrantes", "U033", 12.5, 10},
			{"04", "Refugios para mujeres", "E015", "1.234,5", nil},
			{"Total general", nil, nil, 1247, 10},
		},
		"Listas": {{"x"}},
	}, []string{"Listas"}, "Budget", "Listas")
	b, err := xlsx.Read(bytes.NewReader(xl), "presupuesto.xlsx", budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := classes(b), "title blank header header line line total"; got != want {
		t.Errorf("ledger = %q, want %q", got, want)
	}
	s := b.Sheets[0]
	if s.HeaderRow != 4 || s.HeaderRows != 2 || s.Scale != budget.Millions {
		t.Errorf("sheet = header %d (%d rows), scale %v; want 4 (2 rows), millions", s.HeaderRow, s.HeaderRows, s.Scale)
	}
	if len(b.Sheets) != 2 || b.Sheets[1].Skipped == "" {
		t.Errorf("hidden sheet not skipped: %+v", b.Sheets)
	}
	// 12.5 + 1234.5 million = 1,247,000,000.00
	if got, want := readertest.SumPhase(b.Lines, budget.Approved), budget.FromCents(124700000000); got != want {
		t.Errorf("approved = %s, want %s", got, want)
	}
	if got := b.Lines.YearAt(0); got != 2024 {
		t.Errorf("year from title = %d, want 2024", got)
	}
	if len(b.Mismatches()) != 0 {
		t.Errorf("mismatches = %+v", b.Mismatches())
	}
	// Named, the hidden sheet is read.
	b, err = xlsx.Read(bytes.NewReader(xl), "presupuesto.xlsx", budget.Options{Sheet: "Listas"})
	if !errors.Is(err, budget.ErrNoHeader) || len(b.Ledger) != 1 {
		t.Errorf("named hidden sheet: err %v, ledger %v", err, b.Ledger)
	}
}

// TestReadSample checks the embedded sample against the figures its
// generator states in templates/sample/README.md.
func TestReadSample(t *testing.T) {
	b, err := xlsx.Read(bytes.NewReader(templates.SampleBudget()), templates.SampleBudgetName, budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		sheet              string
		lines              int
		approved, executed budget.Money
		revised            budget.Money
		p, s, n, ns        int
	}{
		{"FY2023", 98, budget.FromCents(31449780000), budget.FromCents(26948390000), budget.FromCents(12714710000), 16, 34, 35, 13},
		{"FY2024", 99, budget.FromCents(30031620000), budget.FromCents(26464240000), budget.FromCents(11637880000), 16, 35, 34, 14},
		{"FY2025", 99, budget.FromCents(29996920000), budget.FromCents(0), budget.FromCents(7940400000), 16, 35, 34, 14},
	}
	for _, w := range want {
		var lines []budget.Line
		for _, l := range b.Lines.All() {
			if l.Pos.Sheet() == w.sheet {
				lines = append(lines, l)
			}
		}
		if len(lines) != w.lines {
			t.Errorf("%s: %d lines, want %d", w.sheet, len(lines), w.lines)
		}
		if got := readertest.SumPhase(budget.LinesOf(lines...), budget.Approved); got != w.approved {
			t.Errorf("%s: approved %s, want %s", w.sheet, got, w.approved)
		}
		if got := readertest.SumPhase(budget.LinesOf(lines...), budget.Revised); got != w.revised {
			t.Errorf("%s: revised %s, want %s", w.sheet, got, w.revised)
		}
		if got := readertest.SumPhase(budget.LinesOf(lines...), budget.Executed); got != w.executed {
			t.Errorf("%s: executed %s, want %s", w.sheet, got, w.executed)
		}
		lv := map[budget.Level]int{}
		for _, l := range lines {
			lv[l.Gender.Level]++
		}
		if lv[budget.Principal] != w.p || lv[budget.Significant] != w.s || lv[budget.NotTargeted] != w.n || lv[budget.NotScreened] != w.ns {
			t.Errorf("%s: markers %v, want P %d S %d N %d not screened %d", w.sheet, lv, w.p, w.s, w.n, w.ns)
		}
	}
	mm := b.Mismatches()
	if len(mm) != 1 || mm[0].Pos.Sheet() != "FY2024" || mm[0].Pos.Row != 50 {
		t.Errorf("mismatches = %+v, want one at FY2024 row 50", mm)
	} else if d := mm[0].Amounts[0].Diff(); d != budget.FromCents(-1000000) {
		t.Errorf("FY2024!50 difference = %s, want -10000.00 (stated 10.0 thousand too high)", d)
	}
	if got := len(b.Totals); got != 39 {
		t.Errorf("%d total checks, want 36 subtotals + 3 totals", got)
	}
	if b.Errors() != 0 {
		t.Errorf("errors in the sample: %v", b.Issues)
	}
	for _, s := range b.Sheets {
		if s.Name == "Lists" {
			if s.Skipped == "" {
				t.Errorf("hidden sheet Lists was read")
			}
			continue
		}
		if s.HeaderRow != 5 || s.HeaderRows != 2 || s.Scale != budget.Thousands || s.Currency != "USD" || s.Scheme != "oecd_dac" {
			t.Errorf("%s: header %d/%d scale %v currency %q scheme %q", s.Name, s.HeaderRow, s.HeaderRows, s.Scale, s.Currency, s.Scheme)
		}
		if s.Count(budget.RowRejected) != 0 {
			t.Errorf("%s: %d rejected rows", s.Name, s.Count(budget.RowRejected))
		}
	}
}

// TestReadColumnBeyondHeader names, by letter, a column past the header's
// last cell: it is read (empty here), not a panic.
func TestReadColumnBeyondHeader(t *testing.T) {
	b := readCSV(t, "Description,Approved\nx,1,,7\n", budget.Options{Columns: map[budget.Field]string{budget.FieldObjectives: "D"}})
	if b.Lines.Len() != 1 || budget.FormatObjectives(b.Lines.At(0).Objectives) != "7" {
		t.Errorf("lines %v, want one line with objective 7 from column D", b.Lines)
	}
}

// TestLedgerRuns checks the run-length ledger: plain rows share a record,
// rows with a reason and totals have their own, and a programme total
// found after reading splits the run of lines that held it.
func TestLedgerRuns(t *testing.T) {
	const in = "Budget 2025\n" +
		"Vote,Programme,Amount\n" +
		"1011 Exec,0701000 Admin,5\n" +
		"1011 Exec,0702000 Cabinet,100\n" +
		"1011 Exec,0702010 Affairs,60\n" +
		"1011 Exec,0702020 Other,40\n" +
		"1011 Exec,0703000 Press,7\n" +
		"Total,,112\n" +
		"Source: ministry of finance\n" +
		"Note: unaudited\n"
	b, err := csv.Read(strings.NewReader(in), "runs.csv", budget.Options{Format: "csv"})
	if err != nil {
		t.Fatal(err)
	}
	want := []budget.RowRecord{
		{Row: 1, Rows: 1, Class: budget.RowTitle},
		{Row: 2, Rows: 1, Class: budget.RowHeader},
		{Row: 3, Rows: 1, Class: budget.RowLine, Lines: 1},
		{Row: 4, Rows: 1, Class: budget.RowSubtotal, Reason: "programme total: code 0702000 is the parent of the sub-programmes below"},
		{Row: 5, Rows: 3, Class: budget.RowLine, Lines: 1},
		{Row: 8, Rows: 1, Class: budget.RowTotal, Reason: `label "Total"`},
		{Row: 9, Rows: 2, Class: budget.RowNote},
	}
	if diff := cmp.Diff(want, b.Ledger); diff != "" {
		t.Errorf("ledger (-want +got):\n%s", diff)
	}
	readertest.CheckLedger(t, b)
	if b.Lines.Len() != 4 || len(b.Totals) != 2 || len(b.Mismatches()) != 0 {
		t.Errorf("%d lines, %d totals, %d mismatches; want 4, 2, 0", b.Lines.Len(), len(b.Totals), len(b.Mismatches()))
	}
}

// TestTextColumnIsNotAnAmount checks that a column of text whose header
// shares a word with a phase ("Proyecto", a synonym of proposed) is not
// read as money, with a warning that says why and how to override it,
// while a column the user names is read as given.
func TestTextColumnIsNotAnAmount(t *testing.T) {
	text := "Ministerio,Proyecto,Aprobado\n" +
		"Salud,Clínica migrante,100\n" +
		"Salud,Refugio temporal,200\n" +
		"Trabajo,Ventanilla laboral,300\n" +
		"Trabajo,Registro consular,400\n"
	b := readCSV(t, text, budget.Options{})
	if got := issueCodes(b); got != "column-not-amount" {
		t.Errorf("issues = %q, want column-not-amount", got)
	}
	if b.Lines.Len() != 4 {
		t.Fatalf("%d lines, want 4 (%v)", b.Lines.Len(), b.Issues)
	}
	var sum budget.Sum
	for _, l := range b.Lines.All() {
		if _, ok := l.Amounts.Get(budget.Proposed); ok {
			t.Errorf("line %v has a proposed amount; the Proyecto column is text", l.Pos)
		}
		m, _ := l.Amounts.Get(budget.Approved)
		sum.Add(m)
	}
	if v, _ := sum.Value(); v != budget.FromCents(100000) {
		t.Errorf("approved sum = %v, want 1000.00", v)
	}
	if msg := b.Issues[0].Message; !strings.Contains(msg, "4 of its first 4 values are text") || !strings.Contains(msg, "--column proposed=") {
		t.Errorf("message %q does not give the evidence and the override", msg)
	}
	// Named by the user, the column is read as given (and its text rejected).
	b = readCSV(t, text, budget.Options{Columns: map[budget.Field]string{budget.FieldProposed: "Proyecto"}})
	if strings.Contains(issueCodes(b), "column-not-amount") {
		t.Errorf("a column the user named was dropped: %v", b.Issues)
	}
}

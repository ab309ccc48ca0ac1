package input

import (
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/readertest"
)

// The expected figures below come from each file's SOURCE.md and, where
// SOURCE.md gives none, from an independent pass over the file with
// Python's csv and decimal modules (each amount rounded half away from
// zero to the cent before summing, as grb does).

func TestRealKenya(t *testing.T) {
	b, err := ReadFile(readertest.RealFile(t, "kenya-programme-budget-2018-2022/kenya_budget.csv"), budget.Options{Currency: "KES", Tolerance: budget.FromCents(200)})
	if err != nil {
		t.Fatal(err)
	}
	readertest.CheckLedger(t, b)
	s := b.Sheets[0]
	// SOURCE.md: 3,051 rows. 804 of them are programme totals (code
	// PPPP000) with sub-programmes below them in the same vote and year.
	if s.Rows != 3052 || s.Count(budget.RowLine) != 2247 || s.Count(budget.RowSubtotal) != 804 {
		t.Errorf("rows %d, lines %d, programme totals %d; want 3052, 2247, 804", s.Rows, s.Count(budget.RowLine), s.Count(budget.RowSubtotal))
	}
	// No double counting: the lines sum to all values less the
	// programme totals (19,098,354,851,073 - 9,365,227,212,456 KES).
	if got, want := readertest.SumPhase(b.Lines, budget.Approved), budget.FromCents(973312763861700); got != want {
		t.Errorf("line sum = %s, want %s", got, want)
	}
	// SOURCE.md: totals equal their sub-programmes within 2 KES in most
	// groups; by (vote, year, programme) there are 803 groups with
	// sub-programmes, and 3 differ by more than 2 KES.
	if len(b.Totals) != 803 || len(b.Mismatches()) != 3 {
		t.Errorf("%d programme-total checks, %d mismatches; want 803, 3", len(b.Totals), len(b.Mismatches()))
	}
	// SOURCE.md: value is blank in 136 rows; blank is absent, not zero.
	absent := 0
	for _, i := range b.Issues {
		if i.Code == "line-no-amount" {
			absent++
		}
	}
	if absent > 136 || absent == 0 {
		t.Errorf("%d lines without amount, want at most the 136 blank rows (some blank rows are totals)", absent)
	}
	// Migration lines are read with their vote and sub-programme.
	found := false
	for _, l := range b.Lines.All() {
		if l.Programme.Code() == "0605030" && l.Unit.Code() == "1021" {
			found = !l.Parent.IsZero() && l.Parent.Code() == "0605000" && l.Programme.Name() == "Refugee Affairs"
		}
	}
	if !found {
		t.Errorf("0605030 Refugee Affairs of vote 1021 not read under programme 0605000")
	}
}

func TestRealPuebla(t *testing.T) {
	b, err := ReadFile(readertest.RealFile(t, "mexico-puebla-gasto-federalizado-xlsx/Gasto_Federalizado_Avance_Financiero_Puebla_Q1_2016.xlsx"), budget.Options{Currency: "MXN"})
	if err != nil {
		t.Fatal(err)
	}
	readertest.CheckLedger(t, b)
	s := b.Sheets[0]
	// SOURCE.md: title block rows 1-9, header rows 10-11, 5,450 data rows:
	// 4,818 PARTIDA lines and 632 programme rows. In 189 (year, ramo,
	// programa) groups the programme rows equal their lines; 35 groups
	// have programme rows only, which are the finest figure there and
	// are read as lines.
	if s.HeaderRow != 11 || s.HeaderRows != 2 {
		t.Errorf("header row %d (%d rows), want 11 (2 rows)", s.HeaderRow, s.HeaderRows)
	}
	if s.Count(budget.RowTitle)+s.Count(budget.RowBlank) != 9 || s.Count(budget.RowRejected) != 0 {
		t.Errorf("title %d blank %d rejected %d", s.Count(budget.RowTitle), s.Count(budget.RowBlank), s.Count(budget.RowRejected))
	}
	promoted := 0
	for _, r := range b.Ledger {
		if r.Class == budget.RowLine && r.Reason != "" {
			promoted++
		}
	}
	if s.Count(budget.RowLine) != 4818+promoted || s.Count(budget.RowSubtotal)+promoted != 632 || promoted != 35 {
		t.Errorf("lines %d, programme totals %d, programme-only rows %d; want 4818+35, 597, 35", s.Count(budget.RowLine), s.Count(budget.RowSubtotal), promoted)
	}
	if len(b.Totals) != 189 || len(b.Mismatches()) != 0 {
		t.Errorf("%d checks, %d mismatches; want 189, 0", len(b.Totals), len(b.Mismatches()))
	}
	for _, c := range b.Totals {
		if c.Amounts[0].Column != "Aprobado" || c.Amounts[0].Phase != budget.Approved {
			t.Fatalf("first compared column %q (%v), want Aprobado (approved)", c.Amounts[0].Column, c.Amounts[0].Phase)
		}
	}
	// The migrant fund U033 is read as programme lines.
	n := 0
	for _, l := range b.Lines.All() {
		if l.Programme.Code() == "U033" {
			n++
		}
	}
	if n == 0 {
		t.Errorf("no U033 FONDO DE APOYO A MIGRANTES lines")
	}
}

func TestRealAustraliaWide(t *testing.T) {
	b, err := ReadFile(readertest.RealFile(t, "au-budget-2015-16-fdp/data/201505181230budget1516.csv"), budget.Options{Currency: "AUD", Scale: budget.Thousands})
	if err != nil {
		t.Fatal(err)
	}
	readertest.CheckLedger(t, b)
	// SOURCE.md: 1,608 rows, one column per financial year in $'000.
	// Summed per year ("nfp", "-" and blanks absent; "85,817" is 85817),
	// exactly: some cells have decimals of thousands (e.g. 2014-15 sums to
	// 450,521,878,687.746 AUD, which cent rounding read as .75).
	want := map[string]budget.Money{
		"2014-15": money(t, "450521878687.746"),
		"2015-16": money(t, "451289929780.131"),
		"2016-17": money(t, "472043966481.955"),
		"2017-18": money(t, "488282845959.493"),
		"2018-19": money(t, "511524122373.805"),
	}
	got := map[string]*budget.Sum{}
	for _, l := range b.Lines.All() {
		if v, ok := l.Amounts.Get(budget.Approved); ok {
			if got[l.YearLabel] == nil {
				got[l.YearLabel] = &budget.Sum{}
			}
			got[l.YearLabel].Add(v)
		}
	}
	for y, w := range want {
		if got[y] == nil {
			t.Errorf("%s: no lines", y)
			continue
		}
		if v, _ := got[y].Value(); v != w {
			t.Errorf("%s: %s, want %s", y, v, w)
		}
	}
	if b.Sheets[0].Count(budget.RowLine) != 1608 {
		t.Errorf("%d line rows, want 1608", b.Sheets[0].Count(budget.RowLine))
	}
}

func TestRealCRSGender(t *testing.T) {
	b, err := ReadFile(readertest.RealFile(t, "crs-uk-gender-one/UK_oda_CRS_gender.csv"), budget.Options{Scheme: "oecd_dac", Scale: budget.Millions})
	if err != nil {
		t.Fatal(err)
	}
	readertest.CheckLedger(t, b)
	if b.Lines.Len() != 8671 {
		t.Errorf("%d lines, want 8671", b.Lines.Len())
	}
	// SOURCE.md, CSV column of its table: 2013 principal 506.551 and
	// significant 3333.062 (GBP million); exact here (the file's cells
	// have 9 decimals of millions: 506.551191581 million).
	want := map[[2]int]budget.Money{
		{2013, int(budget.Principal)}: money(t, "506551191.581"), {2013, int(budget.Significant)}: money(t, "3333061681.499"),
		{2014, int(budget.Principal)}: money(t, "501406194.236"), {2014, int(budget.Significant)}: money(t, "3239818157.828"),
		{2017, int(budget.Principal)}: money(t, "443228265.492"), {2017, int(budget.Significant)}: money(t, "4295932252.115"),
	}
	got := map[[2]int]budget.Money{}
	levels := map[budget.Level]int{}
	for _, l := range b.Lines.All() {
		v, _ := l.Amounts.Get(budget.Approved)
		k := [2]int{l.Year, int(l.Gender.Level)}
		got[k], _ = budget.Add(got[k], v)
		levels[l.Gender.Level]++
		if l.Currency != "GBP" {
			t.Fatalf("currency %q, want GBP", l.Currency)
		}
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%d %v: %s, want %s", k[0], budget.Level(k[1]), got[k], w)
		}
	}
	// SOURCE.md: gender 1 in 6,919 rows and 2 in 1,752.
	if levels[budget.Significant] != 6919 || levels[budget.Principal] != 1752 {
		t.Errorf("markers %v, want 6919 significant and 1752 principal", levels)
	}
}

func TestRealEUTF(t *testing.T) {
	b, err := ReadFile(readertest.RealFile(t, "eutf-africa-projects-objectives/EUTF-Projects-Database-2022-01.csv"), budget.Options{Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	readertest.CheckLedger(t, b)
	// SOURCE.md: 253 projects totalling EUR 5,256,084,987.34.
	if b.Lines.Len() != 253 || readertest.SumPhase(b.Lines, budget.Approved) != budget.FromCents(525608498734) {
		t.Errorf("%d lines summing to %s, want 253 and 5256084987.34", b.Lines.Len(), readertest.SumPhase(b.Lines, budget.Approved))
	}
}

func TestRealMacedonia(t *testing.T) {
	name := readertest.RealFile(t, "macedonia-budget-2014-fdp/MFBudzetIRebalansNaRMmk-MK.csv")
	// The Cyrillic headers are not among grb's synonyms: without a
	// mapping the file is refused with a clear error, not guessed.
	if _, err := ReadFile(name, budget.Options{}); err == nil {
		t.Errorf("read without a mapping: no error")
	}
	b, err := ReadFile(name, budget.Options{Currency: "MKD", Columns: map[budget.Field]string{
		budget.FieldApproved: "Буџет", budget.FieldUnitCode: "Број раздел", budget.FieldUnitName: "Назив раздел",
		budget.FieldProgrammeCode: "Број потпрограма", budget.FieldProgrammeName: "Назив потпрограма", budget.FieldDescription: "Назив ставка",
		budget.FieldYear: "Датум на објавување",
	}})
	if err != nil {
		t.Fatal(err)
	}
	readertest.CheckLedger(t, b)
	if b.CSV.Encoding != "utf-8 (BOM)" || b.CSV.Delimiter != ';' {
		t.Errorf("format %+v, want utf-8 (BOM) and ';'", b.CSV)
	}
	// SOURCE.md: 10,391 rows; the three stacked versions are told apart
	// by their date (3,321 + 3,535 + 3,297). The 238 rows with a blank
	// date are blank throughout (";;;;;;;;;;"): blank rows, not lines.
	years := map[int]int{}
	for _, l := range b.Lines.All() {
		years[l.Year]++
	}
	if b.Lines.Len() != 10153 || years[2014] != 3321+3535 || years[2015] != 3297 || b.Sheets[0].Count(budget.RowBlank) != 238 {
		t.Errorf("%d lines, by year %v, %d blank rows", b.Lines.Len(), years, b.Sheets[0].Count(budget.RowBlank))
	}
	if got, want := readertest.SumPhase(b.Lines, budget.Approved), budget.FromCents(20603154001600); got != want {
		t.Errorf("sum %s, want %s", got, want)
	}
}

// TestRealNotABudget reads a workbook of code lists: nothing panics and
// every row of every visible sheet is accounted for.
func TestRealNotABudget(t *testing.T) {
	b, _ := ReadFile(readertest.RealFile(t, "oecd-dac-crs-codes-xlsx/DAC-CRS-CODES.xlsx"), budget.Options{})
	if b == nil {
		t.Fatal("no budget returned")
	}
	readertest.CheckLedger(t, b)
	hidden := 0
	for _, s := range b.Sheets {
		if s.Hidden {
			hidden++
			if s.Skipped == "" {
				t.Errorf("hidden sheet %q read", s.Name)
			}
		}
	}
	if hidden == 0 {
		t.Errorf("no hidden sheet found; SOURCE.md says there is one")
	}
}

func money(t *testing.T, s string) budget.Money {
	t.Helper()
	m, err := budget.ParseMoney(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

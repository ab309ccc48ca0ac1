package tagging_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
	"github.com/grb-toolkit/grb/templates"
)

// tagSource is a small budget to tag: five lines and a total. Its
// columns A–F are kept; the tag columns are G (objective 1), H (share 1),
// I, J, K, L (objectives and shares 2 and 3), M (marker), N (rationale),
// O (tagged by), P (status) and Q–T (grb's suggestions).
const tagSource = `Vote,Programme code,Programme,Description,Approved,Executed
1021,0605020,Immigration Services,Immigration services,1000,900
1021,0605030,Refugee Affairs,Reception of refugees,500,450
1021,0605030,Refugee Affairs,Legal aid for refugee women,300,300
1212,0912010,Gender Mainstreaming,Gender mainstreaming in ministries,200,150
1011,0702010,Cabinet Affairs,Cabinet office,2000,1900
,,,Total,4000,3700
`

// makeTemplate writes the tagging workbook of a csv budget, with the
// default rules' suggestions.
func makeTemplate(t *testing.T, name, text string, prev *tagging.CarryIndex) (*tagging.Tagging, []byte) {
	t.Helper()
	tg, err := tagging.New(strings.NewReader(text), name, budget.Options{}, "")
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	tg.Suggest(tagging.SuggestOptions{Rules: tagging.DefaultRules(), Previous: prev})
	var buf bytes.Buffer
	if err := tagging.Write(&buf, tg, tagging.WriteOptions{MadeBy: "test"}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return tg, buf.Bytes()
}

func openXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open the tagging workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func saveXLSX(t *testing.T, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// set fills cells as a user does; values are what the dropdowns hold.
func set(t *testing.T, f *excelize.File, cells map[string]any) {
	t.Helper()
	for c, v := range cells {
		if err := f.SetCellValue("Tagging", c, v); err != nil {
			t.Fatal(err)
		}
	}
}

func TestTemplateWorkbook(t *testing.T) {
	_, data := makeTemplate(t, "budget.csv", tagSource, nil)
	f := openXLSX(t, data)

	if diff := cmp.Diff([]string{"Instructions", "Tagging", "Reference", "grb"}, f.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
	if v, _ := f.GetSheetVisible("grb"); v {
		t.Errorf("the grb sheet is visible")
	}
	// The dropdowns offer exactly the valid codes, on the tag columns of
	// the rows below the header down to the last line (row 6).
	dvs, err := f.GetDataValidations("Tagging")
	if err != nil {
		t.Fatal(err)
	}
	type dv struct{ Sqref, Type, Operator, Formula1, Formula2 string }
	var got []dv
	for _, d := range dvs {
		got = append(got, dv{d.Sqref, d.Type, d.Operator, d.Formula1, d.Formula2})
		if !d.ShowErrorMessage || d.ErrorStyle == nil || *d.ErrorStyle != "stop" {
			t.Errorf("validation %s does not stop wrong values", d.Sqref)
		}
	}
	want := []dv{
		{"G2:G6 I2:I6 K2:K6", "list", "", `"0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23"`, ""},
		{"H2:H6 J2:J6 L2:L6", "decimal", "between", "0.0001", "100"},
		{"M2:M6", "list", "", `"2,1,0"`, ""},
		{"P2:P6", "list", "", `"suggested,confirmed,not screened"`, ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("data validations (-want +got):\n%s", diff)
	}
	// The original columns are locked and the sheet protected; the tag
	// columns of the line rows are not locked, the suggestions are.
	if p, _ := f.GetSheetProtection("Tagging"); !p.SelectLockedCells || p.FormatCells || p.InsertRows || p.DeleteColumns {
		t.Errorf("sheet protection %+v", p)
	}
	locked := func(cell string) bool {
		id, err := f.GetCellStyle("Tagging", cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Protection == nil || st.Protection.Locked
	}
	for cell, want := range map[string]bool{"A2": true, "E3": true, "F6": true, "A1": true, "G2": false, "M4": false, "P6": false, "Q2": true, "T6": true, "G1": true, "G7": true} {
		if got := locked(cell); got != want {
			t.Errorf("%s locked = %v, want %v", cell, got, want)
		}
	}
	// The original cells, and the suggestions: rules for rows 2–5, none
	// for the cabinet office.
	rows, err := f.GetRows("Tagging")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Vote", "Programme code", "Programme", "Description", "Approved", "Executed",
		"GCM objective 1", "Share 1 (%)", "GCM objective 2", "Share 2 (%)", "GCM objective 3", "Share 3 (%)",
		"Gender marker (oecd_dac)", "Rationale", "Tagged by", "Status",
		"Suggested objectives", "Objectives suggested by", "Suggested marker", "Marker suggested by", "Marker confidence", "Review", "Words that drove it", "Migration relevance"}, rows[0]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"1021", "0605020", "Immigration Services", "Immigration services", "1000", "900",
		"5", "50", "11", "50", "", "", "", "", "", "suggested",
		"5 (50%), 11 (50%)", `rule immigration-services: "immigration" in description`}, rows[1]); diff != "" {
		t.Errorf("row 2 (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"1212", "0912010", "Gender Mainstreaming", "Gender mainstreaming in ministries", "200", "150",
		"", "", "", "", "", "", "2", "", "", "suggested", "", "", "2 - Principal", `rule gender-equality: "gender mainstreaming" in description`}, rows[4]); diff != "" {
		t.Errorf("row 5 (-want +got):\n%s", diff)
	}
	// The reference sheet lists General and the 23 objectives.
	ref, _ := f.GetRows("Reference")
	if len(ref) != 25 || ref[1][0] != "0" || ref[24][0] != "23" || ref[24][1] != "International cooperation" {
		t.Errorf("reference sheet: %d rows, last %q", len(ref), ref[len(ref)-1])
	}
	// The instructions explain every code of the scheme.
	ins, _ := f.GetRows("Instructions")
	text := ""
	for _, r := range ins {
		text += strings.Join(r, " ") + "\n"
	}
	for _, s := range []string{"2 = Principal", "1 = Significant", "0 = Not targeted", "not screened", "budget.csv", "Reference sheet"} {
		if !strings.Contains(text, s) {
			t.Errorf("instructions do not mention %q", s)
		}
	}
	// The same input gives the same bytes.
	_, again := makeTemplate(t, "budget.csv", tagSource, nil)
	if !bytes.Equal(data, again) {
		t.Errorf("two runs give different workbooks")
	}
}

// TestTemplateRoundTrip fills the template as a user would, choosing from
// the dropdowns, and checks that the workbook validates and analyses to
// figures worked out by hand.
func TestTemplateRoundTrip(t *testing.T) {
	_, data := makeTemplate(t, "budget.csv", tagSource, nil)
	f := openXLSX(t, data)
	set(t, f, map[string]any{
		// Row 2: the suggestion (5 and 11, half each) is right.
		"M2": 0, "N2": "Visas and border posts; no gender objective", "O2": "A. Officer", "P2": "confirmed",
		// Row 3: objective 7 as suggested; significant.
		"M3": 1, "N3": "Separate reception for women", "O3": "A. Officer", "P3": "confirmed",
		// Row 4: the suggestion (7) changed to 7 and 16, 60/40; principal.
		"G4": 7, "H4": 60, "I4": 16, "J4": 40, "M4": 2, "N4": "Legal aid for refugee women facing violence", "O4": "B. Reviewer", "P4": "confirmed",
		// Row 5: principal, no objective.
		"M5": 2, "N5": "Gender mainstreaming is the programme", "O5": "B. Reviewer", "P5": "confirmed",
		// Row 6: not screened.
		"P6": "not screened",
	})
	filled := saveXLSX(t, f)
	tg, err := tagging.Read(bytes.NewReader(filled), "tagged.xlsx", budget.Options{})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if issues := append(tg.Budget.Issues, tagging.Check(tg)...); len(issues) != 0 {
		t.Fatalf("a complete workbook has issues: %v", issues)
	}
	b := tg.Budget
	if b.Lines.Len() != 5 || len(b.Totals) != 1 || !b.Totals[0].OK(budget.FromCents(0)) {
		t.Fatalf("%d lines, totals %+v; want 5 lines and the total of 4000 matching", b.Lines.Len(), b.Totals)
	}
	// Provenance: a confirmed suggestion keeps its rule; a changed one is
	// manual.
	prov := []string{}
	for _, l := range b.Lines.All() {
		prov = append(prov, l.ObjectiveSource.Source().String()+"/"+l.GenderSource.Source().String())
	}
	if diff := cmp.Diff([]string{"rule/manual", "rule/manual", "manual/manual", "untagged/rule", "untagged/untagged"}, prov); diff != "" {
		t.Errorf("objective/marker sources (-want +got):\n%s", diff)
	}
	if d := b.Lines.At(0).ObjectiveSource.Detail(); d != `rule immigration-services: "immigration" in description; confirmed by A. Officer` {
		t.Errorf("row 2 provenance %q", d)
	}

	r, err := analysis.Shares(b, analysis.Options{By: []analysis.Dim{analysis.ByObjective}})
	if err != nil {
		t.Fatal(err)
	}
	// By hand, approved amounts: total 1000+500+300+200+2000 = 4000.
	// GEWE under dac_headline (principal and significant at 100 %):
	// 500 (row 3, significant) + 300 (row 4) + 200 (row 5) = 1000, 25 %.
	// Principal: 300 + 200 = 500. Screened: all but row 6 = 2000, 50 %.
	tot := r.Total
	if tot.Amount != budget.FromCents(400000) || tot.GEWE != budget.FromCents(100000) || tot.Level(budget.Principal) != budget.FromCents(50000) || tot.Level(budget.NotScreened) != budget.FromCents(200000) {
		t.Errorf("total %s, GEWE %s, principal %s, not screened %s; want 4000, 1000, 500, 2000",
			tot.Amount, tot.GEWE, tot.Level(budget.Principal), tot.Level(budget.NotScreened))
	}
	if v, _ := tot.GEWEShare.Value(); v != 0.25 {
		t.Errorf("GEWE share %v, want 0.25", v)
	}
	// By objective: 5 and 11 get half of row 2 (500 each); 7 gets row 3
	// and 60 % of row 4 (500 + 180 = 680, GEWE 680); 16 gets 40 % of row
	// 4 (120); rows 5 and 6 have none (2200, GEWE 200).
	type g struct{ amount, gewe budget.Money }
	got := map[string]g{}
	for _, gr := range r.Groups {
		got[gr.Keys[0].Value] = g{gr.Amount, gr.GEWE}
	}
	want := map[string]g{"5": {budget.FromCents(50000), budget.FromCents(0)}, "11": {budget.FromCents(50000), budget.FromCents(0)}, "7": {budget.FromCents(68000), budget.FromCents(68000)}, "16": {budget.FromCents(12000), budget.FromCents(12000)}, "": {budget.FromCents(220000), budget.FromCents(20000)}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(g{})); diff != "" {
		t.Errorf("by objective (-want +got):\n%s", diff)
	}
}

// TestTemplateRejectsOutsideList types values the dropdowns would refuse
// (as a copy-paste can) and checks that validation lists each at its
// cell.
func TestTemplateRejectsOutsideList(t *testing.T) {
	_, data := makeTemplate(t, "budget.csv", tagSource, nil)
	f := openXLSX(t, data)
	set(t, f, map[string]any{
		"G2": 5, "H2": "", "I2": 24, "J2": "", "M2": 3, "P2": "confirmed", // objective 24, DAC has no 3
		"M3": 1, "P3": "done", // not a status
		"G4": 7, "H4": 60, "I4": 16, "J4": 30, "M4": 1, "P4": "confirmed", // 90 %
		"M5": 2, "P5": "confirmed", // principal without a rationale
		"G6": "Seven", "M6": 0, "P6": "confirmed", // not a number
	})
	tg, err := tagging.Read(bytes.NewReader(saveXLSX(t, f)), "tagged.xlsx", budget.Options{})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	var got []string
	for _, is := range append(tg.Budget.Issues, tagging.Check(tg)...) {
		if is.Severity == budget.Error {
			got = append(got, is.Code+"@"+budget.Cell(is.Pos.Row, is.Pos.Col))
		}
	}
	want := []string{
		"objective-invalid@G6", // read: "Seven" is not an objective
		"marker-invalid@M2",    // read: 3 is not an OECD DAC code
		"objective-invalid@I2",
		"status-invalid@P3",
		"share-sum@H4",
		"rationale-missing@N5",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// TestTemplateCarryForward tags next year's budget from this year's
// confirmed workbook: the tags are carried, marked as carried with the
// file and row, and left for a person to confirm.
func TestTemplateCarryForward(t *testing.T) {
	_, data := makeTemplate(t, "budget.csv", tagSource, nil)
	f := openXLSX(t, data)
	set(t, f, map[string]any{
		"M2": 0, "P2": "confirmed",
		"M3": 1, "P3": "confirmed",
		"G4": 7, "H4": 60, "I4": 16, "J4": 40, "M4": 2, "N4": "Legal aid for refugee women", "P4": "confirmed",
		"M5": 2, "N5": "Mainstreaming", "P5": "suggested", // not confirmed: not carried
		"P6": "not screened",
	})
	prev, err := tagging.Read(bytes.NewReader(saveXLSX(t, f)), "tagged-2025.xlsx", budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	next := `Vote,Programme code,Programme,Description,Approved
1021,0605020,Immigration Services,Immigration services,1100
1021,0605030,Refugee Affairs,Legal aid for refugee women,350
1212,0912010,Gender Mainstreaming,Gender mainstreaming in ministries,210
1021,0605040,Administration,General administration,90
`
	tg, out := makeTemplate(t, "budget-2026.csv", next, tagging.NewCarryIndex(prev.Budget))
	src := []string{}
	for _, r := range tg.Rows {
		src = append(src, r.Suggested.ObjectiveSource.Source().String()+"/"+r.Suggested.MarkerSource.Source().String())
	}
	// Rows 2 and 3 are carried; row 4 was not confirmed last year, so the
	// rules suggest its marker; row 5 is a new programme.
	if diff := cmp.Diff([]string{"carried/carried", "carried/carried", "untagged/rule", "untagged/untagged"}, src); diff != "" {
		t.Errorf("suggestion sources (-want +got):\n%s", diff)
	}
	rows, err := openXLSX(t, out).GetRows("Tagging")
	if err != nil {
		t.Fatal(err)
	}
	// Row 3: the tag columns hold the carried tag, status suggested; the
	// suggestion columns say where it came from.
	if diff := cmp.Diff([]string{"1021", "0605030", "Refugee Affairs", "Legal aid for refugee women", "350",
		"7", "60", "16", "40", "", "", "2", "", "", "suggested",
		"7 (60%), 16 (40%)", "carried from tagged-2025.xlsx:Tagging!4 (same programme code and description)",
		"2 - Principal", "carried from tagged-2025.xlsx:Tagging!4 (same programme code and description)"}, rows[2]); diff != "" {
		t.Errorf("row 3 (-want +got):\n%s", diff)
	}
}

// TestRetagKeepsConfirmed runs the rules again on a workbook with a
// confirmed row that differs from the rules: the row is kept.
func TestRetagKeepsConfirmed(t *testing.T) {
	_, data := makeTemplate(t, "budget.csv", tagSource, nil)
	f := openXLSX(t, data)
	set(t, f, map[string]any{"G3": 16, "M3": 1, "P3": "confirmed"})
	tg, err := tagging.Read(bytes.NewReader(saveXLSX(t, f)), "tagging.xlsx", budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum := tg.Suggest(tagging.SuggestOptions{Rules: tagging.DefaultRules()})
	if sum.Kept != 1 {
		t.Errorf("kept %d rows, want 1", sum.Kept)
	}
	var buf bytes.Buffer
	if err := tagging.Write(&buf, tg, tagging.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	rows, _ := openXLSX(t, buf.Bytes()).GetRows("Tagging")
	// The person's 16 stays; the rules' 7 is in the suggestion column.
	if rows[2][6] != "16" || rows[2][15] != "confirmed" || rows[2][16] != "7" {
		t.Errorf("row 3 after re-tagging: %q", rows[2])
	}
}

// TestTemplateSample makes the tagging workbook of the synthetic sample
// budget (three sheets, title blocks, two-row headers, subtotals, its own
// tag columns): the same bytes twice, and read back, the same lines,
// amounts and total checks as the sample itself.
func TestTemplateSample(t *testing.T) {
	write := func() (*tagging.Tagging, []byte) {
		tg, err := tagging.New(bytes.NewReader(templates.SampleBudget()), templates.SampleBudgetName, budget.Options{}, "")
		if err != nil {
			t.Fatal(err)
		}
		tg.Suggest(tagging.SuggestOptions{Rules: tagging.DefaultRules()})
		var buf bytes.Buffer
		if err := tagging.Write(&buf, tg, tagging.WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		return tg, buf.Bytes()
	}
	src, data := write()
	if _, again := write(); !bytes.Equal(data, again) {
		t.Errorf("two runs give different workbooks")
	}
	back, err := tagging.Read(bytes.NewReader(data), "tagging.xlsx", budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, b := src.Budget, back.Budget
	if a.Lines.Len() != b.Lines.Len() || len(a.Totals) != len(b.Totals) || len(b.Mismatches()) != len(a.Mismatches()) {
		t.Fatalf("read back: %d lines, %d totals, %d mismatches; want %d, %d, %d",
			b.Lines.Len(), len(b.Totals), len(b.Mismatches()), a.Lines.Len(), len(a.Totals), len(a.Mismatches()))
	}
	for i := range a.Lines.Len() {
		x, y := a.Lines.At(i), b.Lines.At(i)
		if !x.Amounts.Equal(y.Amounts) || x.Year != y.Year || x.Unit != y.Unit || x.Programme != y.Programme || x.Description != y.Description || x.Currency != y.Currency || x.Pos.Row != y.Pos.Row || x.Pos.Sheet() != y.Pos.Sheet() {
			t.Errorf("line %d: read back as %+v, want %+v", i, y, x)
		}
	}
	// Nothing is confirmed yet: the lines read back are untagged.
	for _, l := range b.Lines.All() {
		if l.Objectives != nil || l.Gender.Level.Screened() {
			t.Fatalf("line at row %d tagged before anyone confirmed it", l.Pos.Row)
		}
	}
}

package tagging

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/csv"
	"github.com/grb-toolkit/grb/internal/readertest"
)

// tagBudget is a small budget with its own tag columns: row 3 is tagged,
// rows 2 and 4 are not; row 5 is a subtotal.
const tagBudget = `Vote,Programme code,Programme,Description,Approved,GCM objective(s),Gender marker (OECD DAC)
1021,0605020,Immigration Services,Immigration services,1000,,
1021,0605030,Refugee Affairs,Reception of refugees,500,7,1
1212,0912010,Gender Mainstreaming,Gender mainstreaming in ministries,200,,
,,,Subtotal,1700,,
`

func newTestTagging(t *testing.T, text string) *Tagging {
	t.Helper()
	tg, err := New(strings.NewReader(text), "b.csv", budget.Options{Scheme: "oecd_dac"}, "")
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return tg
}

func TestNewTagging(t *testing.T) {
	tg := newTestTagging(t, tagBudget)
	if len(tg.Sheets) != 1 {
		t.Fatalf("%d sheets, want 1", len(tg.Sheets))
	}
	s := tg.Sheets[0]
	// A csv file's one sheet is called Tagging; its 7 columns are kept and
	// the tag columns start at H.
	if s.Name != "Tagging" || s.Source != "" || s.Width != 7 || s.TagCol(ColObjective1) != 8 || s.HeaderRow != 1 {
		t.Errorf("sheet %q (source %q), width %d, tags from column %d, header row %d; want Tagging, \"\", 7, 8, 1", s.Name, s.Source, s.Width, s.TagCol(ColObjective1), s.HeaderRow)
	}
	if s.FileObjectives != 6 || s.FileMarker != 7 || s.FileScheme != "oecd_dac" {
		t.Errorf("file tag columns %d, %d (%s); want 6, 7 (oecd_dac)", s.FileObjectives, s.FileMarker, s.FileScheme)
	}
	wantCols := map[budget.Field]string{budget.FieldUnit: "A", budget.FieldProgrammeCode: "B", budget.FieldProgrammeName: "C", budget.FieldDescription: "D", budget.FieldApproved: "E"}
	if diff := cmp.Diff(wantCols, s.Columns); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	if len(s.Cells) != 5 || s.Cells[2][3] != "Reception of refugees" {
		t.Errorf("cells %q", s.Cells)
	}
	var rows []int
	for _, r := range tg.Rows {
		rows = append(rows, r.Row)
	}
	if diff := cmp.Diff([]int{2, 3, 4}, rows); diff != "" {
		t.Errorf("rows with lines (-want +got):\n%s", diff)
	}
	f := tg.Rows[1].FromFile
	if budget.FormatObjectives(f.Objectives) != "7" || f.Marker != budget.Significant || f.ObjectiveSource.Source() != budget.FromColumn || f.MarkerSource.Source() != budget.FromColumn {
		t.Errorf("row 3 file tags %+v, want objective 7 and significant from columns", f)
	}
	// The recipe survives the marker sheet.
	got, err := parseRecipe(recipeHeader(), s.recipe())
	if err != nil {
		t.Fatal(err)
	}
	got.Cells = s.Cells
	if diff := cmp.Diff(s, got); diff != "" {
		t.Errorf("recipe round trip (-want +got):\n%s", diff)
	}
}

func TestSuggest(t *testing.T) {
	tg := newTestTagging(t, tagBudget)
	sum := tg.Suggest(SuggestOptions{Rules: DefaultRules()})
	// Row 2: the immigration rule; row 3: the file's own columns; row 4:
	// the gender-equality rule (a marker only).
	want := SuggestSummary{Rows: 3, FromFile: 1, FromRules: 2, Prefilled: 3,
		RuleRows: map[string]int{"immigration-services": 1, "gender-equality": 1}}
	if diff := cmp.Diff(want, sum); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	cells := func(r int) []string { return tg.Rows[r].Tag.Cells[ColObjective1 : ColStatus+1] }
	wantCells := [][]string{
		{"5", "50", "11", "50", "", "", "", "", "", "suggested"},
		{"7", "", "", "", "", "", "1", "", "", "suggested"},
		{"", "", "", "", "", "", "2", "", "", "suggested"},
	}
	for i, w := range wantCells {
		if diff := cmp.Diff(w, cells(i)); diff != "" {
			t.Errorf("row %d tag cells (-want +got):\n%s", tg.Rows[i].Row, diff)
		}
	}
	if d := tg.Rows[0].Suggested.ObjectiveSource.Detail(); d != `rule immigration-services: "immigration" in description` {
		t.Errorf("row 2 provenance %q", d)
	}

	// A person changes row 2 and confirms row 3: a new run keeps both.
	tg.Rows[0].Tag.Cells[ColObjective1], tg.Rows[0].Tag.Cells[ColShare1] = "11", ""
	tg.Rows[0].Tag.Cells[ColObjective2], tg.Rows[0].Tag.Cells[ColShare2] = "", ""
	tg.Rows[1].Tag.Cells[ColStatus] = "confirmed"
	tg.Rows[1].Tag.Status = StatusConfirmed
	sum = tg.Suggest(SuggestOptions{Rules: DefaultRules()})
	if sum.Kept != 1 || sum.Prefilled != 1 {
		t.Errorf("second run: kept %d, prefilled %d; want 1 and 1 (row 4 only)", sum.Kept, sum.Prefilled)
	}
	if got := cells(0)[0]; got != "11" {
		t.Errorf("row 2 objective %q after a second run, want the person's 11", got)
	}
	if got := cells(1)[ColStatus]; got != "confirmed" {
		t.Errorf("row 3 status %q after a second run, want confirmed", got)
	}
}

func TestCarryIndex(t *testing.T) {
	prevText := `Line id,Programme code,Description,Approved,GCM objective(s),Gender marker (OECD DAC)
L-1,0605020,Immigration services,900,5; 11,0
,0605030,Reception centres,400,7,1
,0605030,Legal aid for refugees,100,7 (50%); 16 (50%),2
,0605040,Administration,50,,0
,0605040,Planning,50,General,0
,0702010,Cabinet office,10,,
`
	prev, err := csv.Read(strings.NewReader(prevText), "prev.csv", budget.Options{Scheme: "oecd_dac"})
	if err != nil {
		t.Fatal(err)
	}
	x := NewCarryIndex(prev)
	if x.Len() != 5 {
		t.Errorf("%d tagged lines indexed, want 5 (the untagged cabinet line is not)", x.Len())
	}
	tests := []struct {
		name string
		line budget.Line
		want CarriedTag
		ok   bool
	}{
		{"line id", budget.Line{ID: "L-1", Programme: budget.NewCode("9999", "")},
			CarriedTag{Objectives: objs(t, "5; 11"), Level: budget.NotTargeted, From: budget.At("prev.csv", "", 2, 0), By: "line id"}, true},
		{"programme code and description", budget.Line{Programme: budget.NewCode("0605030", ""), Description: "LEGAL AID FOR REFUGEES"},
			CarriedTag{Objectives: objs(t, "7 (50%), 16 (50%)"), Level: budget.Principal, From: budget.At("prev.csv", "", 4, 0), By: "programme code and description"}, true},
		{"programme code, disagreeing", budget.Line{Programme: budget.NewCode("0605030", ""), Description: "New centre"},
			CarriedTag{By: "programme code", Conflict: "earlier lines with the same programme code disagree: prev.csv:3 has objectives 7 and marker significant, prev.csv:4 has objectives 7 (50%), 16 (50%) and marker principal"}, true},
		{"programme code, agreeing on the marker only", budget.Line{Programme: budget.NewCode("0605040", "")},
			CarriedTag{By: "programme code", Conflict: "earlier lines with the same programme code disagree: prev.csv:5 has no objective and marker not_targeted, prev.csv:6 has objectives General and marker not_targeted"}, true},
		{"unknown programme", budget.Line{Programme: budget.NewCode("0702010", "")}, CarriedTag{}, false},
		{"no key", budget.Line{Description: "Reception of refugees"}, CarriedTag{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := x.Lookup(&tt.line)
			if ok != tt.ok {
				t.Errorf("ok = %v, want %v", ok, tt.ok)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Lookup (-want +got):\n%s", diff)
			}
		})
	}
	c, _ := x.Lookup(&budget.Line{ID: "L-1"})
	if p := c.Provenance(); p.Source() != budget.Carried || p.Detail() != "carried from prev.csv:2 (same line id)" {
		t.Errorf("provenance %+v", p)
	}

	// Suggest marks carried tags as carried, with the file and row, and
	// prefers them to the file's own columns and to the rules.
	tg := newTestTagging(t, tagBudget)
	sum := tg.Suggest(SuggestOptions{Rules: DefaultRules(), Previous: x})
	if sum.Carried != 1 || sum.FromFile != 1 || sum.FromRules != 1 || len(sum.Conflicts) != 0 {
		t.Errorf("carried %d, from file %d, from rules %d, conflicts %v; want 1, 1, 1 and none", sum.Carried, sum.FromFile, sum.FromRules, sum.Conflicts)
	}
	s := tg.Rows[0].Suggested
	if budget.FormatObjectives(s.Objectives) != "5 (50%), 11 (50%)" || s.ObjectiveSource.Source() != budget.Carried ||
		s.ObjectiveSource.Detail() != "carried from prev.csv:2 (same programme code and description)" || s.Marker != budget.NotTargeted {
		t.Errorf("row 2 suggestion %+v, want 5 and 11 carried from prev.csv:2", s)
	}
	// Row 3's programme has two earlier lines that disagree; the file's
	// own tags fill the gap.
	if s := tg.Rows[1].Suggested; s.ObjectiveSource.Source() != budget.FromColumn || s.MarkerSource.Source() != budget.FromColumn {
		t.Errorf("row 3 suggestion %+v, want the file's own tags", s)
	}
	// Without them, the disagreement is reported and nothing suggested.
	tg = newTestTagging(t, "Programme code,Description,Approved\n0605030,New centre,100\n")
	sum = tg.Suggest(SuggestOptions{Previous: x})
	if len(sum.Conflicts) != 1 || !strings.HasPrefix(sum.Conflicts[0].Note, "earlier lines with the same programme code disagree") || !tg.Rows[0].Suggested.Empty() {
		t.Errorf("conflicts %v, suggestion %+v; want the carry conflict and no suggestion", sum.Conflicts, tg.Rows[0].Suggested)
	}
}

func TestCheckTagging(t *testing.T) {
	type cell struct {
		col  int
		text string
	}
	tests := []struct {
		name  string
		cells []cell
		want  []string // code@cell
	}{
		{"untagged", nil, []string{"tag-missing@Q2"}},
		{"confirmed, complete", []cell{{ColObjective1, "7"}, {ColMarker, "1"}, {ColStatus, "confirmed"}}, nil},
		{"confirmed, no objective", []cell{{ColMarker, "0"}, {ColStatus, "Confirmed"}}, nil},
		{"not screened", []cell{{ColStatus, "not screened"}}, nil},
		{"not screened with a marker", []cell{{ColMarker, "1"}, {ColStatus, "not_screened"}}, []string{"marker-not-screened@N2"}},
		{"suggested", []cell{{ColObjective1, "7"}, {ColMarker, "1"}, {ColStatus, "suggested"}}, []string{"tag-unconfirmed@Q2"}},
		{"tags without status", []cell{{ColObjective1, "7"}}, []string{"status-missing@Q2"}},
		{"bad status", []cell{{ColStatus, "done"}}, []string{"status-invalid@Q2"}},
		{"confirmed without marker", []cell{{ColObjective1, "7"}, {ColStatus, "confirmed"}}, []string{"marker-missing@N2"}},
		{"principal without rationale", []cell{{ColMarker, "2"}, {ColStatus, "confirmed"}}, []string{"rationale-missing@O2"}},
		{"principal with rationale", []cell{{ColMarker, "2"}, {ColRationale, "Shelters for women"}, {ColStatus, "confirmed"}}, nil},
		{"shares", []cell{{ColObjective1, "7"}, {ColShare1, "60"}, {ColObjective2, "16"}, {ColShare2, "40"}, {ColMarker, "1"}, {ColStatus, "confirmed"}}, nil},
		{"shares not 100", []cell{{ColObjective1, "7"}, {ColShare1, "60"}, {ColObjective2, "16"}, {ColShare2, "30"}, {ColMarker, "1"}, {ColStatus, "confirmed"}}, []string{"share-sum@I2"}},
		{"objective 2 out of range", []cell{{ColObjective1, "7"}, {ColObjective2, "24"}, {ColMarker, "1"}, {ColStatus, "confirmed"}}, []string{"objective-invalid@J2"}},
		{"objective repeated", []cell{{ColObjective1, "7"}, {ColObjective3, "7"}, {ColMarker, "1"}, {ColStatus, "confirmed"}}, []string{"objective-invalid@L2"}},
		{"share without objective", []cell{{ColShare2, "40"}, {ColMarker, "1"}, {ColStatus, "confirmed"}}, []string{"share-invalid@K2"}},
		{"share not a number", []cell{{ColObjective1, "7"}, {ColShare1, "sixty"}, {ColMarker, "1"}, {ColStatus, "confirmed"}}, []string{"share-invalid@I2"}},
	}
	sc, _ := budget.DefaultSchemes().Lookup("oecd_dac")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tg := newTestTagging(t, tagBudget)
			tg.Rows = tg.Rows[:1] // row 2 only
			for _, c := range tt.cells {
				tg.Rows[0].Tag.Cells[c.col] = c.text
			}
			tg.Rows[0].Tag.parse(sc)
			var got []string
			for _, is := range Check(tg) {
				got = append(got, is.Code+"@"+budget.Cell(is.Pos.Row, is.Pos.Col))
				if is.Severity != budget.Error || is.Pos.Sheet() != "Tagging" || is.Pos.File() != "b.csv" {
					t.Errorf("issue %v: want an error at b.csv:Tagging", is)
				}
				if !errors.Is(is, ErrNotTagged) && !errors.Is(is, ErrInvalidTag) && !errors.Is(is, ErrNoRationale) &&
					!errors.Is(is, budget.ErrInvalidObjective) && !errors.Is(is, budget.ErrShareSum) {
					t.Errorf("issue %v wraps no tagging sentinel", is)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseTagStatus(t *testing.T) {
	for in, want := range map[string]TagStatus{"": StatusNone, " Confirmed ": StatusConfirmed, "SUGGESTED": StatusSuggested, "not screened": StatusNotScreened, "not_screened": StatusNotScreened, "Not-Screened": StatusNotScreened} {
		if got, err := ParseTagStatus(in); err != nil || got != want {
			t.Errorf("ParseTagStatus(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseTagStatus("done"); err == nil {
		t.Errorf("ParseTagStatus(done): no error")
	}
}

func TestUniqueSheetName(t *testing.T) {
	used := map[string]bool{"grb": true, "Instructions": true}
	long := strings.Repeat("x", 40)
	for _, tt := range []struct{ in, want string }{
		{"FY2024", "FY2024"},
		{"instructions", "instructions (2)"},
		{"", "Tagging"},
		{long, long[:31]},
		{long, long[:27] + " (2)"},
	} {
		if got := uniqueSheetName(tt.in, used); got != tt.want {
			t.Errorf("uniqueSheetName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReadTaggingNotTagging(t *testing.T) {
	header := []any{"Programme", "Approved"}
	for _, h := range TagColumns("oecd_dac") {
		header = append(header, h)
	}
	budgetRows := [][]any{header, {"Refugee Affairs", 500}}
	moved := [][]any{append([]any{"Notes"}, header...), {"", "Refugee Affairs", 500}}
	recipe := func(version string) [][]any {
		return [][]any{{"grb tagging workbook", version}, {"scheme", "oecd_dac"}, {},
			{"sheet", "source sheet", "header row", "header rows", "width", "columns", "scale", "currency", "year", "decimal", "amount phase"},
			{"Tagging", "", "1", "1", "2", "programme_name=A; approved=B", "", "", "", "auto", "approved"}}
	}
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"csv", []byte("Programme,Approved\nRefugee Affairs,500\n"), ErrNotTagging},
		{"workbook without a grb sheet", readertest.BuildXLSX(t, map[string][][]any{"Tagging": budgetRows}, nil), ErrNotTagging},
		{"grb sheet of another kind", readertest.BuildXLSX(t, map[string][][]any{"Tagging": budgetRows, "grb": {{"notes"}}}, []string{"grb"}, "Tagging", "grb"), ErrNotTagging},
		{"newer format", readertest.BuildXLSX(t, map[string][][]any{"Tagging": budgetRows, "grb": recipe("9")}, []string{"grb"}, "Tagging", "grb"), ErrTaggingFormat},
		{"tag columns moved", readertest.BuildXLSX(t, map[string][][]any{"Tagging": moved, "grb": recipe("1")}, []string{"grb"}, "Tagging", "grb"), ErrTaggingFormat},
		{"a tagging workbook", readertest.BuildXLSX(t, map[string][][]any{"Tagging": budgetRows, "grb": recipe("1")}, []string{"grb"}, "Tagging", "grb"), nil},
	}
	for _, tt := range tests {
		tg, err := Read(strings.NewReader(string(tt.data)), "in", budget.Options{})
		if !errors.Is(err, tt.want) || (tt.want == nil && err != nil) {
			t.Errorf("%s: Read error = %v, want %v", tt.name, err, tt.want)
		}
		if tt.want == nil && (tg == nil || len(tg.Rows) != 1 || tg.Rows[0].Tag.Status != StatusNone) {
			t.Errorf("%s: rows %+v, want one untagged row", tt.name, tg)
		}
	}
}

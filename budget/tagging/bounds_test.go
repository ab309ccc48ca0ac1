package tagging_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
)

// A rules file whose keyword lists by language are aliases of one long
// list is refused, not expanded: each list was once decoded with a
// decoder of its own, which reset yaml.v3's alias budget (1.5 MB → 9.6 GB).
func TestParseRulesAliasBomb(t *testing.T) {
	var s strings.Builder
	s.WriteString("rules:\n  - id: bomb\n    objectives: \"2\"\n    keywords:\n      en: &a [" + strings.Repeat("phrase,", 999) + "phrase]\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&s, "      l%d: *a\n", i)
	}
	_, err := tagging.ParseRules(strings.NewReader(s.String()))
	if !errors.Is(err, budget.ErrLimit) {
		t.Fatalf("ParseRules(alias bomb) = %v, want an error wrapping ErrLimit", err)
	}
}

// Keyword lists written with anchors, by language, are still read.
func TestParseRulesKeywordAliases(t *testing.T) {
	rs, err := tagging.ParseRules(strings.NewReader("rules:\n  - id: a\n    objectives: \"2\"\n    keywords:\n      en: &k [migrant worker]\n      fr: [travailleur migrant]\n  - id: b\n    objectives: \"3\"\n    keywords: *k\n"))
	if err != nil {
		t.Fatal(err)
	}
	if rs.Len() != 2 {
		t.Errorf("Len = %d, want 2", rs.Len())
	}
}

// Item 5 of issue 13: a stray cell at XFD1048576 once made `grb template`
// allocate gigabytes (and fail): the tagging copy holds the table, not the
// sheet's whole extent, and says what it left out.
func TestNewStrayCellFar(t *testing.T) {
	f := excelize.NewFile()
	for ref, v := range map[string]any{"A1": "Description", "B1": "Approved", "A2": "Shelters", "B2": 100, "A3": "Outreach", "B3": 50, "XFD1048576": "x", "XFD2": "y"} {
		if err := f.SetCellValue("Sheet1", ref, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	tg, err := tagging.New(bytes.NewReader(buf.Bytes()), "far.xlsx", budget.Options{}, "")
	if err != nil {
		t.Fatal(err)
	}
	s := tg.Sheets[0]
	if len(s.Cells) > 3+1000 || s.Width > 2+256 {
		t.Errorf("tagging copy is %d rows × %d columns, want the table's extent", len(s.Cells), s.Width)
	}
	said := false
	for _, d := range tg.Budget.Decisions {
		said = said || d.Topic == "tagging-copy" && strings.Contains(d.Evidence, "2 cells")
	}
	if !said {
		t.Errorf("no tagging-copy decision saying 2 cells were left out: %+v", tg.Budget.Decisions)
	}
	var out bytes.Buffer
	if err := tagging.Write(&out, tg, tagging.WriteOptions{}); err != nil {
		t.Fatalf("Write: %v", err)
	}
}

package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// TestReadNotesNegatives: every way in records the negative amounts of a
// budget as a decision (budget.NoteNegatives).
func TestReadNotesNegatives(t *testing.T) {
	src := "Programme,Description,Approved\nP1,Grants,500\nP1,Reversal of 2019 grant,-120\nP2,Loans repaid,-600\n"
	name := filepath.Join(t.TempDir(), "b.csv")
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	fromFile, err := ReadFile(name, budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fromReader, err := Read(strings.NewReader(src), "b.csv", budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "2 of 3 approved amounts are negative, summing -720.00 (rows 3, 4); the approved total is -220.00"
	for how, b := range map[string]*budget.Budget{"ReadFile": fromFile, "Read": fromReader} {
		var got []string
		for _, d := range b.Decisions {
			if d.Topic == "negative" {
				got = append(got, d.Evidence)
			}
		}
		if len(got) != 1 || !strings.HasPrefix(got[0], want) {
			t.Errorf("%s: negative decisions %q, want one starting %q", how, got, want)
		}
	}
}

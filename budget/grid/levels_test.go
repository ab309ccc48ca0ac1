package grid_test

import (
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// projects is a list of 2 parent decisions and their 5 child contracts,
// with a parent column: D1 (1,000) = C1 400 + C2 600; D2 states 950 but
// C3 200 + C4 300 + C5 400 = 900; and S1, a standalone project of 50.
const projects = "Project ID,Parent ID,Title,Approved\n" +
	"D1,,Decision one,1000\n" +
	"C1,D1,Contract one,400\n" +
	"C2,D1,Contract two,600\n" +
	"D2,,Decision two,950\n" +
	"C3,D2,Contract three,200\n" +
	"C4,D2,Contract four,300\n" +
	"C5,D2,Contract five,400\n" +
	"S1,,Standalone,50\n"

func approvedSum(t *testing.T, b *budget.Budget) budget.Money {
	t.Helper()
	var s budget.Sum
	for _, l := range b.Lines.All() {
		if v, ok := l.Amounts.Get(budget.Approved); ok {
			s.Add(v)
		}
	}
	v, err := s.Value()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func lineIDs(b *budget.Budget) string {
	var ids []string
	for _, l := range b.Lines.All() {
		ids = append(ids, l.ID)
	}
	return strings.Join(ids, " ")
}

func TestReadParentLevels(t *testing.T) {
	given := map[budget.Field]string{budget.FieldParent: "Parent ID"}
	tests := []struct {
		name     string
		csv      string
		opt      budget.Options
		ids      string
		classes  string
		approved int64 // cents
		issues   string
	}{
		{
			name:     "parent column recognised: leaves by default",
			csv:      projects,
			ids:      "C1 C2 C3 C4 C5 S1",
			classes:  "header subtotal line line subtotal line line line line",
			approved: 195000,
			issues:   "parent-mismatch",
		},
		{
			name:     "parent column given",
			csv:      strings.Replace(projects, "Parent ID", "Belongs to", 1),
			opt:      budget.Options{Columns: map[budget.Field]string{budget.FieldParent: "Belongs to"}},
			ids:      "C1 C2 C3 C4 C5 S1",
			classes:  "header subtotal line line subtotal line line line line",
			approved: 195000,
			issues:   "parent-mismatch",
		},
		{
			name:     "parents that match",
			csv:      strings.Replace(projects, "D2,,Decision two,950", "D2,,Decision two,900.00", 1),
			opt:      budget.Options{Columns: given},
			ids:      "C1 C2 C3 C4 C5 S1",
			approved: 195000,
			issues:   "",
		},
		{
			name:     "--level parents",
			csv:      projects,
			opt:      budget.Options{Columns: given, Level: budget.LevelParents},
			ids:      "D1 D2 S1",
			classes:  "header line note note line note note note line",
			approved: 200000,
			issues:   "parent-mismatch",
		},
		{
			name:     "--level all",
			csv:      projects,
			opt:      budget.Options{Columns: given, Level: budget.LevelAll},
			ids:      "D1 C1 C2 D2 C3 C4 C5 S1",
			classes:  "header line line line line line line line line",
			approved: 390000,
			issues:   "parent-mismatch",
		},
		{
			name: "parents without money make no lines",
			csv: "Project ID,Parent ID,Title,Approved\n" +
				"D1,,Decision one,\n" +
				"C1,D1,Contract one,400\n" +
				"C2,D1,Contract two,600\n",
			ids:      "C1 C2",
			classes:  "header subtotal line line",
			approved: 100000,
			issues:   "",
		},
		{
			name: "orphan child is counted at every level",
			csv: "Project ID,Parent ID,Title,Approved\n" +
				"D1,,Decision one,100\n" +
				"C1,D1,Contract one,100\n" +
				"C9,D9,Contract of a decision not in the file,70\n",
			opt:      budget.Options{Level: budget.LevelParents},
			ids:      "D1 C9",
			approved: 17000,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := readCSV(t, tt.csv, tt.opt)
			if got := lineIDs(b); got != tt.ids {
				t.Errorf("lines = %q, want %q", got, tt.ids)
			}
			if tt.classes != "" {
				if got := classes(b); got != tt.classes {
					t.Errorf("ledger = %q, want %q", got, tt.classes)
				}
			}
			if got := approvedSum(t, b); got.Cmp(budget.FromCents(tt.approved)) != 0 {
				t.Errorf("approved = %s, want %s", got, budget.FromCents(tt.approved))
			}
			if got := issueCodes(b); got != tt.issues {
				t.Errorf("issues = %q, want %q", got, tt.issues)
			}
			found := false
			for _, d := range b.Decisions {
				found = found || d.Topic == "level"
			}
			if !found {
				t.Errorf("no level decision in %+v", b.Decisions)
			}
		})
	}
}

// TestParentMismatchSays checks the warning names the parent, what it
// states and what its children sum to.
func TestParentMismatchSays(t *testing.T) {
	b := readCSV(t, projects, budget.Options{})
	var msg []string
	for _, i := range b.Issues {
		if i.Code == "parent-mismatch" {
			msg = append(msg, i.Found+" | "+i.Expected+" | "+i.Message)
		}
	}
	if len(msg) != 1 {
		t.Fatalf("parent-mismatch issues = %q, want 1", msg)
	}
	for _, w := range []string{"D2", "950.00", "900.00", "3 children"} {
		if !strings.Contains(msg[0], w) {
			t.Errorf("parent-mismatch %q does not say %q", msg[0], w)
		}
	}
	var d budget.Decision
	for _, x := range b.Decisions {
		if x.Topic == "level" {
			d = x
		}
	}
	for _, w := range []string{"2 parents", "5 children", "0 orphans", "1950.00", "2000.00", "--level"} {
		if !strings.Contains(d.Evidence+" "+d.Override, w) {
			t.Errorf("level decision %+v does not say %q", d, w)
		}
	}
}

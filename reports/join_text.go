package reports

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// JoinView is the government budget beside donor aid as grb analyze
// writes it: the joined figures and the files they come from.
type JoinView struct {
	*analysis.JoinResult
	BudgetFiles []string `json:"budget_files"` // file names, without their folders
	AidFiles    []string `json:"aid_files"`
}

// NewJoinView returns j with the names of its budget and aid files, as
// typed (a folder is dropped; several aid files joined into one budget
// are listed one by one).
func NewJoinView(j *analysis.JoinResult, gov, aid *budget.Budget) *JoinView {
	return &JoinView{JoinResult: j, BudgetFiles: sourceFiles(gov.Source), AidFiles: sourceFiles(aid.Source)}
}

// sourceFiles lists the file names of a budget's Source: one file, or
// several joined with ", " (the aid files of grb report and analyze).
func sourceFiles(source string) []string {
	var out []string
	for _, s := range strings.Split(source, ", ") {
		if s != "" {
			out = append(out, fileName(s))
		}
	}
	return out
}

// FocusYear returns the fiscal year a report of b focuses on in phase
// (the latest whose screened money is at least half the largest year's;
// see Report.Focus), 0 when no line has a fiscal year. grb analyze joins
// donor aid to the budget in this year, as grb report does.
func FocusYear(b *budget.Budget, phase budget.Phase) int {
	set := map[int]bool{}
	for i := range b.Lines.Len() {
		if y := b.Lines.YearAt(i); y != 0 {
			set[y] = true
		}
	}
	if len(set) == 0 {
		return 0
	}
	years := make([]int, 0, len(set))
	for y := range set {
		years = append(years, y)
	}
	slices.Sort(years)
	y, _ := focusYear(years, &b.Lines, phase)
	return y
}

// WriteJoinText writes the government budget and donor aid side by side,
// by GCM objective, by gender marker and in total, for people: which
// files, which year and currency, and which aid is counted once because
// the budget holds it already.
func WriteJoinText(w io.Writer, j *JoinView) error {
	ew := &errWriter{w: w}
	year := "every fiscal year"
	if j.Year != 0 {
		year = fmt.Sprintf("fiscal year %d", j.Year)
	}
	ew.printf("\n== Government budget and donor aid, %s, %s amounts, in %s ==\n", year, j.Phase, orDash(j.Currency))
	ew.printf("Government budget: %s (%s); donor aid: %s (%s of that year), never added to the budget's own figures above.\n",
		strings.Join(j.BudgetFiles, ", "), format.Count(j.BudgetLines, "line"), strings.Join(j.AidFiles, ", "), format.Count(j.AidLines, "line"))
	if j.Linked > 0 {
		ew.printf("Counted once: %s of aid name a budget line by a country budget-item code of the recipient's budget (vocabulary 2 or 3: %s); that money is in the budget already and is counted there.\n",
			format.Count(j.Linked, "line"), strings.Join(j.Codes, ", "))
	} else {
		ew.printf("Counted once: no aid line names a budget line by a country budget-item code of the recipient's budget (vocabulary 2 or 3), so none is in the budget already.\n")
	}
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	row := func(label string, r analysis.JoinRow) {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t\n", label, format.Money(r.Budget), format.Money(r.Aid), format.Money(r.OnBudget), format.Money(r.Once))
	}
	for _, v := range []struct {
		by   string
		rows []analysis.JoinRow
	}{{"GCM objective", j.ByObjective}, {"gender marker", j.ByMarker}} {
		fmt.Fprintf(tw, "\nby %s\tgovernment budget\tdonor aid\tof which in the budget\tcounted once\t\n", v.by)
		for _, r := range v.rows {
			row(r.Key.Label, r)
		}
		row("Total", j.Total)
	}
	if err := tw.Flush(); err != nil && ew.err == nil {
		ew.err = err
	}
	return ew.err
}

package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// WriteGapsText writes the gender gaps for people, each section naming
// its convention and its denominators.
func WriteGapsText(w io.Writer, g *analysis.GapResult) error {
	ew := &errWriter{w: w}
	ew.printf("\nGender gaps (%s amounts, %s):\n", g.Phase, g.Weighting)
	if t := g.Target; t != nil {
		met := "not met"
		if t.Met {
			met = "met"
		}
		ew.printf("  Target: GEWE share under %s is %s (%s of %s) against a target of %s: %s points, %s", t.Weighting, format.Share(t.Share.Value()), format.Money(t.Share.Num), format.Money(t.Share.Den), format.PercentExact(100*t.Target), points(t.Gap), met)
		if t.Needed.Sign() > 0 {
			ew.printf("; %s more would reach it", format.Money(t.Needed))
		}
		ew.printf(".\n")
	}
	e := g.Execution
	ew.printf("  Execution (executed ÷ revised, or approved when not revised; band A ≤5%%, B ≤10%%, C ≤15%%, D beyond):\n")
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	rows := append(append([]analysis.ExecutionRow(nil), e.Units...), e.Total)
	labels := make([]string, len(rows))
	width := len("unit")
	for i, r := range rows {
		labels[i] = oneLine(r.Label, 36)
		if i == len(rows)-1 {
			labels[i] = "Total"
		}
		width = max(width, len([]rune(labels[i])))
	}
	fmt.Fprintf(tw, "    %s\tall lines\tGEWE-marked (%s)\tother screened\tnot screened\tgap (points)\t\n", padRight("unit", width), e.Weighting)
	for i, r := range rows {
		label := padRight(labels[i], width)
		fmt.Fprintf(tw, "    %s\t%s\t%s\t%s\t%s\t%s\t\n", label, execText(r.All), execText(r.GEWE), execText(r.Other), execText(r.NotScreened), points(r.Gap))
	}
	tw.Flush()
	for _, x := range e.Excluded {
		ew.printf("    left out: %s, %s\n", format.Count(x.Lines, "line"), exclusionText(x.Reason))
	}
	b := g.Beneficiaries
	if b.Lines > 0 {
		ew.printf("  Beneficiaries: %s give counts; women and girls are %s of %s counted beneficiaries", format.Count(b.Lines, "line"), format.Share(b.FemaleShare.V, b.FemaleShare.OK), format.Thousands(strconv.FormatInt(b.Total, 10)))
		if b.Reference > 0 {
			ew.printf(" (reference %s: %s points)", format.PercentExact(100*b.Reference), points(b.Gap))
		}
		ew.printf("; money per female beneficiary %s, per male %s (ratio %s).\n", floatMoney(b.PerFemale), floatMoney(b.PerMale), floatNum(b.FemaleToMale))
	} else {
		ew.printf("  Beneficiaries: no line gives beneficiary counts by sex.\n")
	}
	bs := g.BlindSpots
	if len(bs.NoGEWE) > 0 {
		var s []string
		for _, o := range bs.NoGEWE {
			s = append(s, fmt.Sprintf("%s (%s)", o.Label, format.Money(o.Amount)))
		}
		ew.printf("  Blind spots (%s): budget but no GEWE money: %s.\n", bs.Weighting, strings.Join(s, ", "))
	}
	if len(bs.NoBudget) > 0 {
		var s []string
		for _, o := range bs.NoBudget {
			s = append(s, o.Label)
		}
		ew.printf("  No budget at all: %s.\n", strings.Join(s, ", "))
	}
	if bs.UntaggedLines > 0 {
		ew.printf("  Not tagged with a GCM objective: %s, %s.\n", format.Count(bs.UntaggedLines, "line"), format.Money(bs.Untagged))
	}
	c := g.Concentration
	ew.printf("  Concentration of GEWE money over %d objectives (%s): Herfindahl index %s, normalised entropy %s, like %s equally funded objectives.\n", c.N, c.Weighting, floatNum(c.HHI), floatNum(c.Entropy), floatNum(c.Effective))
	ch := g.Change
	if len(ch.Years) > 0 {
		ew.printf("  By fiscal year (%s):\n", ch.Weighting)
		tw = tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "    year\ttotal\tGEWE\tGEWE share\t\n")
		for _, y := range ch.Years {
			fmt.Fprintf(tw, "    %d\t%s\t%s\t%s\t\n", y.Year, format.Money(y.Total), format.Money(y.GEWE), format.Share(y.Share.Value()))
		}
		tw.Flush()
		for _, d := range ch.Changes {
			ew.printf("    %d→%d: total %s (%s), GEWE %s (%s), share %s", d.From, d.To, format.Money(d.Total.Abs), deltaPct(d.Total), format.Money(d.GEWE.Abs), deltaPct(d.GEWE), sharePoints(d))
			if d.Real {
				ew.printf("; real (prices of %d): total %s, GEWE %s", ch.RealBase, deltaPct(d.RealTotal), deltaPct(d.RealGEWE))
			}
			ew.printf("\n")
		}
	}
	for _, m := range notesText(g.Notes) {
		ew.printf("  note: %s\n", m)
	}
	return ew.err
}

// WriteDiffText writes a version comparison: what was added, cut,
// changed and re-marked, and how the GEWE money changed.
func WriteDiffText(w io.Writer, oldName, newName string, d *analysis.DiffResult) error {
	ew := &errWriter{w: w}
	ew.printf("\nChanges from %s to %s (matched by %s; %s amounts, %s):\n", oldName, newName, d.By, d.Phase, d.Weighting)
	ew.printf("  Total %s → %s; GEWE money %s → %s (share %s → %s).\n", format.Money(d.OldTotal), format.Money(d.NewTotal), format.Money(d.OldGEWE), format.Money(d.NewGEWE), format.Share(d.OldShare.Value()), format.Share(d.NewShare.Value()))
	c := d.GEWEChange
	ew.printf("  GEWE change %s = added %s − cut %s + amount changes %s + re-marking %s", format.Money(c.Net), format.Money(c.Added), format.Money(c.Cut), format.Money(c.Amount), format.Money(c.Remarking))
	if !c.Ambiguous.IsZero() || len(d.Ambiguous) > 0 {
		ew.printf(" + ambiguous matches %s", format.Money(c.Ambiguous))
	}
	ew.printf(".\n")
	ew.printf("  %d added, %d cut, %d kept (%d changed amount, %d re-marked, %d re-tagged, %d unchanged).\n", len(d.Added), len(d.Cut), d.Kept, len(d.Changed), len(d.Remarked), len(d.Retagged), d.Unchanged)
	list := func(title string, items []analysis.DiffItem, f func(analysis.DiffItem) string) {
		if len(items) == 0 {
			return
		}
		ew.printf("  %s:\n", title)
		for i, it := range items {
			if i == 10 {
				ew.printf("    … and %s more (--format json lists all)\n", thousands(len(items)-10))
				break
			}
			ew.printf("    %s: %s\n", oneLine(it.Key, 70), f(it))
		}
	}
	list("Added", d.Added, func(it analysis.DiffItem) string {
		return fmt.Sprintf("%s (GEWE %s)", format.Money(it.New), format.Money(it.NewGEWE))
	})
	list("Cut", d.Cut, func(it analysis.DiffItem) string {
		return fmt.Sprintf("%s (GEWE %s)", format.Money(it.Old), format.Money(it.OldGEWE))
	})
	list("Re-marked", d.Remarked, func(it analysis.DiffItem) string {
		return fmt.Sprintf("%s → %s, GEWE effect %s", levels(it.OldLevels), levels(it.NewLevels), format.Money(it.RemarkEffect))
	})
	for _, a := range d.Ambiguous {
		ew.printf("  ambiguous: %q matches %d old and %d new lines; not paired\n", a.Key, len(a.Old), len(a.New))
	}
	for _, m := range notesText(d.Notes) {
		ew.printf("  note: %s\n", m)
	}
	return ew.err
}

// levels names marker levels by their labels: "Not targeted/Principal".
func levels(ls []budget.Level) string {
	var s []string
	for _, l := range ls {
		s = append(s, l.Label())
	}
	if len(s) == 0 {
		return "-"
	}
	return strings.Join(s, "/")
}

func execText(e analysis.Execution) string {
	v, ok := e.Rate.Value()
	if !ok {
		return "-"
	}
	return fmt.Sprintf("%s %s (%s)", format.Percent(100*v), e.Band, format.Thousands(strconv.Itoa(e.Lines)))
}

func points(f analysis.Float) string {
	if !f.OK {
		return "n/a"
	}
	return fmt.Sprintf("%+.1f", f.V)
}

// sharePoints is the change of a year's GEWE share in points, or n/a
// with the reason.
func sharePoints(d analysis.YearChange) string {
	if !d.Share.OK && d.ShareWhy != "" {
		return "n/a, " + baseShort(d.ShareWhy)
	}
	return points(d.Share) + " points"
}

func floatPct(f analysis.Float) string {
	if !f.OK {
		return "n/a"
	}
	return format.PercentSigned(100 * f.V)
}

func floatNum(f analysis.Float) string {
	if !f.OK {
		return "n/a"
	}
	return strconv.FormatFloat(f.V, 'f', 3, 64)
}

func floatMoney(f analysis.Float) string {
	if !f.OK {
		return "n/a"
	}
	return strconv.FormatFloat(f.V, 'f', 2, 64)
}

package reports

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// WriteSharesText writes shares as a table for people: a headline that
// names every convention, then one row per group. No gender share appears
// without the name of its convention.
func WriteSharesText(w io.Writer, source string, r *analysis.Result) error {
	ew := &errWriter{w: w}
	writeShares(ew, source, r, "")
	return ew.err
}

// writeShares writes shares as WriteSharesText does; cur, when not "",
// is the currency of every line, named in the headline.
func writeShares(ew *errWriter, source string, r *analysis.Result, cur string) {
	by := "total only"
	if len(r.By) > 0 {
		by = "by " + dimsText(r.By)
	}
	ew.printf("%s: gender allocation %s, %s amounts\n\n", source, by, r.Phase)
	if r.Mixed() {
		ew.printf("Headline: not shown: the lines are in %d currencies (%s), which cannot be added.\nEach row below is in one currency, and its share is of that currency's total (--where currency=CODE analyses one).\n", len(r.Currencies), strings.Join(currencyCodes(r.Currencies), ", "))
	} else {
		writeHeadline(ew, r, cur)
	}
	if len(r.By) > 0 {
		writeGroups(ew, r)
	}
	for _, wmsg := range notesText(r.Notes) {
		ew.printf("\nnote: %s\n", wmsg)
	}
}

// writeHeadline writes the total of r; cur, when not "", is its
// currency.
func writeHeadline(ew *errWriter, r *analysis.Result, cur string) {
	t := r.Total
	if cur != "" {
		ew.printf("Headline (%s %s %s in %s):\n", format.Money(t.Amount), cur, r.Phase, format.Count(t.Lines, "line"))
	} else {
		ew.printf("Headline (%s %s in %s):\n", format.Money(t.Amount), r.Phase, format.Count(t.Lines, "line"))
	}
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "  \tconvention\tGEWE money\tshare\t\n")
	for _, c := range r.Conventions {
		if c.Weighting == analysis.Attributed.Name && r.AttributedLines == 0 {
			fmt.Fprintf(tw, "  \t%s\t-\tn/a\t\n", c.Weighting)
			continue
		}
		fmt.Fprintf(tw, "  \t%s\t%s\t%s\t\n", c.Weighting, format.Money(c.GEWE), format.Share(c.Share.Value()))
	}
	tw.Flush()
	if r.AttributedLines == 0 {
		ew.printf("  (attributed: no line declares a GEWE amount)\n")
	}
	ew.printf("  By marker level: principal %s, significant %s, limited %s, not targeted %s, not screened %s.\n",
		format.Share(t.Principal.Value()), format.Share(t.Significant.Value()), format.Share(analysis.Ratio{Num: t.Level(budget.Limited), Den: t.Amount}.Value()),
		format.Share(analysis.Ratio{Num: t.Level(budget.NotTargeted), Den: t.Amount}.Value()), format.Share(t.NotScreened.Value()))
	ew.printf("  Coverage: %s of the money was screened for gender; %s was not screened and is not counted as zero.\n", format.Share(t.Coverage.Value()), format.Share(t.NotScreened.Value()))
}

func writeGroups(ew *errWriter, r *analysis.Result) {
	var tw *tabwriter.Writer
	{
		ew.printf("\n")
		rows := append([]analysis.Group(nil), r.Groups...)
		if !r.Mixed() {
			rows = append(rows, r.Total)
		}
		labels := make([][]string, len(rows))
		width := make([]int, len(r.By))
		for i, g := range rows {
			labels[i] = make([]string, len(r.By))
			for d := range r.By {
				label := "Total"
				if i < len(r.Groups) {
					label = oneLine(g.Keys[d].Label, 40)
				} else if d > 0 {
					label = ""
				}
				labels[i][d] = label
				width[d] = max(width[d], len([]rune(label)), len(r.By[d]))
			}
		}
		tw = tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
		for d, dim := range r.By {
			fmt.Fprintf(tw, "%s\t", padRight(string(dim), width[d]))
		}
		fmt.Fprintf(tw, "lines\t%s\tshare\tprincipal\tsignificant\tGEWE (%s)\tGEWE share (%s)\tcoverage\t\n", r.Phase, r.Weighting, r.Weighting)
		for i, g := range rows {
			for d := range r.By {
				fmt.Fprintf(tw, "%s\t", padRight(labels[i][d], width[d]))
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", g.Lines, format.Money(g.Amount), format.Share(g.Share.Value()), format.Share(g.Principal.Value()), format.Share(g.Significant.Value()), format.Money(g.GEWE), format.Share(g.GEWEShare.Value()), format.Share(g.Coverage.Value()))
		}
		tw.Flush()
	}
}

// padRight pads s with spaces to n runes, so that tabwriter's right
// alignment leaves label columns aligned left.
func padRight(s string, n int) string {
	if k := n - len([]rune(s)); k > 0 {
		return s + strings.Repeat(" ", k)
	}
	return s
}

func dimsText(ds []analysis.Dim) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = string(d)
	}
	return strings.Join(s, " × ")
}

// WriteSharesCSV writes one row per group and a final Total row, with
// every amount by phase and level, and every ratio as a fraction (empty
// when undefined), so that a spreadsheet can recompute each figure.
func WriteSharesCSV(w io.Writer, r *analysis.Result) error {
	cw := csv.NewWriter(w)
	cw.Write(sharesCSVHead(r))
	for _, rec := range sharesCSVRecords(r) {
		cw.Write(csvSafe(rec))
	}
	cw.Flush()
	return cw.Error()
}

// sharesCSVHead is the header of the shares table of r.
func sharesCSVHead(r *analysis.Result) []string {
	var head []string
	for _, d := range r.By {
		head = append(head, string(d), string(d)+"_label")
	}
	head = append(head, "lines")
	for _, p := range budget.Phases() {
		head = append(head, p.String())
	}
	head = append(head, "phase", "amount", "share")
	for _, lv := range budget.Levels() {
		head = append(head, lv.String())
	}
	return append(head, "weighting", "gewe", "gewe_share", "coverage")
}

// sharesCSVRecords are the rows of the shares table of r: its groups,
// then its total unless r mixes currencies.
func sharesCSVRecords(r *analysis.Result) [][]string {
	rows := append([]analysis.Group(nil), r.Groups...)
	if !r.Mixed() {
		rows = append(rows, r.Total) // no total across currencies
	}
	out := make([][]string, 0, len(rows))
	for i, g := range rows {
		var rec []string
		for d := range r.By {
			if i < len(r.Groups) {
				rec = append(rec, g.Keys[d].Value, g.Keys[d].Label)
			} else {
				rec = append(rec, "", "Total")
			}
		}
		rec = append(rec, strconv.Itoa(g.Lines))
		for _, p := range budget.Phases() {
			if v, ok := g.ByPhase.Get(p); ok {
				rec = append(rec, v.String())
			} else {
				rec = append(rec, "")
			}
		}
		rec = append(rec, r.Phase.String(), g.Amount.String(), frac(g.Share))
		for _, lv := range budget.Levels() {
			rec = append(rec, g.Level(lv).String())
		}
		out = append(out, append(rec, r.Weighting, g.GEWE.String(), frac(g.GEWEShare), frac(g.Coverage)))
	}
	return out
}

// csvSafe escapes every field of rec against CSV injection
// (format.CSVCell): text that a spreadsheet would run as a formula gets a
// leading quote; numbers stay numbers.
func csvSafe(rec []string) []string {
	for i, f := range rec {
		rec[i] = format.CSVCell(f)
	}
	return rec
}

func frac(r analysis.Ratio) string {
	v, ok := r.Value()
	if !ok {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// WriteJSON writes v as indented JSON.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

package reports

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
	"github.com/grb-toolkit/grb/internal/format"
)

// TagSummaryOptions controls WriteTagSummary.
type TagSummaryOptions struct {
	Output   string // the tagging workbook written
	Rules    string // where the rules came from, such as "default rules" or "rules.yaml (12 rules)"; "" = no rules
	Previous string // the earlier tagged budget, if any
	Model    string // the model that filled the markers left empty; "" = none
	// Migration: each line was scored by the migration model.
	Migration bool
	Max       int // list at most Max conflicts; 0 = all
}

// WriteTagSummary writes what a tagging run did: where the suggestions
// came from, how many rows were prefilled or kept, and every row where
// the sources of suggestions disagree.
func WriteTagSummary(w io.Writer, t *tagging.Tagging, sum tagging.SuggestSummary, opt TagSummaryOptions) error {
	ew := &errWriter{w: w}
	var sheets []string
	for _, s := range t.Sheets {
		sheets = append(sheets, s.Name)
	}
	ew.printf("%s: %s with lines in %s (%s), marker scheme %s\n", opt.Output, format.Count(sum.Rows, "row"), format.Count(len(sheets), "sheet"), strings.Join(sheets, ", "), t.Scheme)
	ew.printf("suggestions, by the first source that gave one:\n")
	type source struct {
		n    int
		what string
	}
	var sources []source
	if opt.Previous != "" {
		sources = append(sources, source{sum.Carried, "carried from " + opt.Previous})
	}
	sources = append(sources, source{sum.FromFile, "from the budget's own tag columns"})
	if opt.Rules != "" {
		sources = append(sources, source{sum.FromRules, "from rules: " + opt.Rules})
	}
	if opt.Model != "" {
		sources = append(sources, source{sum.FromModel, "from " + opt.Model + " alone"})
	}
	sources = append(sources, source{sum.None, "none"})
	width := len(fmt.Sprint(sum.Rows))
	for _, s := range sources {
		ew.printf("  %*d  %s\n", width, s.n, s.what)
	}
	if len(sum.RuleRows) > 0 {
		ids := make([]string, 0, len(sum.RuleRows))
		for id := range sum.RuleRows {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool {
			if sum.RuleRows[ids[i]] != sum.RuleRows[ids[j]] {
				return sum.RuleRows[ids[i]] > sum.RuleRows[ids[j]]
			}
			return ids[i] < ids[j]
		})
		ew.printf("rules that made suggestions, with their rows:\n")
		tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		for _, id := range ids {
			fmt.Fprintf(tw, "  %s\t%d\n", id, sum.RuleRows[id])
		}
		tw.Flush()
	}
	if opt.Model != "" {
		ew.printf("rows for review (rules that disagree, marker confidence below the model's threshold, or a high migration score without objectives; column Review says \"for review\", sort by it or by Marker confidence): %d\n", sum.ForReview)
	} else if sum.ForReview > 0 {
		ew.printf("rows for review (rules that disagree; column Review says \"for review\"): %d\n", sum.ForReview)
	}
	if opt.Migration {
		ew.printf("rows scoring %.2f or more for migration (column Migration relevance) with no objectives, for review: %d\n", tagging.MigrationReviewScore, sum.MigrationForReview)
	}
	ew.printf("rows kept as they were (confirmed or not screened): %d\n", sum.Kept)
	ew.printf("rows prefilled with the suggestion, status \"suggested\": %d\n", sum.Prefilled)
	if len(sum.Conflicts) == 0 {
		ew.printf("conflicts: none\n")
		return ew.err
	}
	ew.printf("conflicts: on %s the sources disagree (rules on objectives: all their objectives suggested, for review; on a marker: left empty, or filled by the model and marked for review; earlier lines: left empty):\n", format.Count(len(sum.Conflicts), "row"))
	for i, c := range sum.Conflicts {
		if opt.Max > 0 && i == opt.Max {
			ew.printf("  … and %s more\n", thousands(len(sum.Conflicts)-opt.Max))
			break
		}
		pos := budget.At(opt.Output, c.Pos.Sheet(), c.Pos.Row, c.Pos.Col)
		ew.printf("  %s  %s: %s\n", pos, c.Label, c.Note)
	}
	return ew.err
}

// EvaluationOptions controls WriteEvaluation.
type EvaluationOptions struct {
	Truth string // the hand-tagged file
	Rules string // what made the suggestions, such as "grb's default rules (30 rules)"
	Max   int    // list at most Max lines; 0 = all
}

// WriteEvaluation writes how well suggestions match hand-made tags:
// precision, recall and F1 by objective and by marker level, the marker
// confusion matrix, and the lines the suggestions missed or got wrong.
func WriteEvaluation(w io.Writer, ev *analysis.Evaluation, opt EvaluationOptions) error {
	ew := &errWriter{w: w}
	ew.printf("%s: suggestions by %s, against the tags of %s\n\n", opt.Truth, opt.Rules, format.Count(ev.Lines, "line"))

	ew.printf("GCM objectives (a line may have several; shares are not compared):\n")
	writeScores(ew, "objective", ev.Objectives, &ev.AllObjectives)
	ew.printf("  lines whose suggested objectives are exactly the true ones: %s of %s%s\n\n", thousands(ev.ExactObjectives), thousands(ev.Lines), pctText(ev.ExactObjectives, ev.Lines))

	ew.printf("Gender marker (%s with a true marker):\n", format.Count(ev.MarkerLines, "line"))
	if ev.MarkerLines == 0 {
		ew.printf("  no line has a true marker: nothing to score\n")
	} else {
		writeScores(ew, "level", ev.Markers, nil)
		ew.printf("  right level: %s of %s%s\n\n", thousands(ev.MarkerCorrect), thousands(ev.MarkerLines), pctText(ev.MarkerCorrect, ev.MarkerLines))
		ew.printf("Confusion matrix (rows: true level; columns: suggested level; \"none\": nothing suggested):\n")
		tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "  \t")
		for _, l := range ev.Confusion.Levels {
			fmt.Fprintf(tw, "%s\t", levelName(l))
		}
		fmt.Fprintf(tw, "\n")
		for i, l := range ev.Confusion.Levels {
			if !l.Screened() {
				continue // no line without a true marker is counted
			}
			fmt.Fprintf(tw, "  %s\t", l)
			for _, n := range ev.Confusion.Counts[i] {
				fmt.Fprintf(tw, "%d\t", n)
			}
			fmt.Fprintf(tw, "\n")
		}
		tw.Flush()
	}

	ew.printf("\nLines the suggestions missed or got wrong: %d\n", len(ev.Mistakes))
	for i, m := range ev.Mistakes {
		if opt.Max > 0 && i == opt.Max {
			ew.printf("  … and %s more (--max-lines 0 lists all)\n", thousands(len(ev.Mistakes)-opt.Max))
			break
		}
		var parts []string
		if m.Objectives {
			parts = append(parts, fmt.Sprintf("objectives %s, suggested %s", objectivesText(m.TrueObjectives), objectivesText(m.SuggestedObjectives)))
		}
		if m.Marker {
			parts = append(parts, fmt.Sprintf("marker %s, suggested %s", m.TrueMarker, levelName(m.SuggestedMarker)))
		}
		ew.printf("  %s  %s: %s\n", m.Pos, m.Label, strings.Join(parts, "; "))
		if m.Source != "" {
			ew.printf("      (%s)\n", mistakeSourceText(m))
		}
	}
	return ew.err
}

// writeScores writes a table of scores, with an optional total row.
func writeScores(ew *errWriter, what string, scores []analysis.Score, total *analysis.Score) {
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "  %s\ttrue\tsuggested\tright\twrong\tmissed\tprecision\trecall\tF1\t\n", what)
	row := func(s analysis.Score) {
		p, pok := s.Precision()
		r, rok := s.Recall()
		f, fok := s.F1()
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t\n", s.Label, s.True, s.Suggested, s.TP, s.FP, s.FN, fix2(p, pok), fix2(r, rok), fix2(f, fok))
	}
	for _, s := range scores {
		row(s)
	}
	if total != nil {
		row(*total)
	}
	tw.Flush()
}

// fix2 writes a ratio with two decimals, or "-" when it is undefined.
func fix2(v float64, ok bool) string {
	if !ok {
		return "-"
	}
	return fmt.Sprintf("%.2f", v)
}

func pctText(n, d int) string {
	if d == 0 {
		return ""
	}
	return " (" + format.PercentRounded(100*float64(n)/float64(d)) + ")"
}

func levelName(l budget.Level) string {
	if l == budget.NotScreened {
		return "none"
	}
	return l.String()
}

func objectivesText(o []budget.ObjectiveShare) string {
	if o == nil {
		return "none"
	}
	return budget.FormatObjectives(o)
}

// WriteTaggingStatus writes one line on how far the tagging of a
// workbook has come: its rows with lines by status.
func WriteTaggingStatus(w io.Writer, t *tagging.Tagging) error {
	var n [4]int
	for _, r := range t.Rows {
		if int(r.Tag.Status) < len(n) {
			n[r.Tag.Status]++
		}
	}
	_, err := fmt.Fprintf(w, "tagging workbook made from %s, marker scheme %s: %s with lines: %d confirmed, %d not screened, %d suggested, %d not tagged\n",
		t.Source, t.Scheme, format.Count(len(t.Rows), "row"), n[tagging.StatusConfirmed], n[tagging.StatusNotScreened], n[tagging.StatusSuggested], n[tagging.StatusNone])
	return err
}

// mistakeSourceText says what made a wrong suggestion, or why the rules
// made none.
func mistakeSourceText(m analysis.Mistake) string {
	if m.NoSuggestion {
		return "no suggestion: " + m.Source
	}
	return m.Source
}

// WriteMarkerEvaluation writes how well the gender-marker suggestions
// match the true markers, source by source: coverage, macro-F1 over not
// targeted / significant / principal with its bootstrap interval,
// precision, recall and F1 by level, and the calibration of the
// confidences.
func WriteMarkerEvaluation(w io.Writer, ev *analysis.MarkerEvaluation, title string) error {
	ew := &errWriter{w: w}
	if len(ev.Sources) == 0 {
		return nil
	}
	ew.printf("%s: gender marker by source, over %s with a true marker (95%% bootstrap interval: %d resamples of the lines, seed %d)\n",
		title, format.Count(ev.Sources[0].Lines, "line"), ev.Resamples, ev.Seed)
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "  source\tsuggested\tcoverage\tmacro-F1\tinterval\t\n")
	for _, s := range ev.Sources {
		fmt.Fprintf(tw, "  %s\t%d\t%s\t%.2f\t%.2f–%.2f\t\n", s.Source, s.Covered, pctOf(s.Covered, s.Lines), s.MacroF1, s.Low, s.High)
	}
	tw.Flush()
	for _, s := range ev.Sources {
		ew.printf("  %s, by level (lines suggested by another source count as not suggested):\n", s.Source)
		writeScores(ew, "  level", s.Levels, nil)
	}
	for _, s := range ev.Sources {
		if s.Source != "all" {
			continue
		}
		ew.printf("  calibration of all suggestions with a confidence (is a suggestion given 0.8 right 8 times in 10?):\n")
		tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "    confidence\tlines\tmean confidence\tright\t\n")
		for _, b := range s.Calibration {
			if b.Lines == 0 {
				continue
			}
			fmt.Fprintf(tw, "    %.1f–%.1f\t%d\t%.2f\t%s\t\n", b.From, b.To, b.Lines, b.MeanConfidence, fix2(float64(b.Right)/float64(b.Lines), true))
		}
		tw.Flush()
	}
	return ew.err
}

// pctOf writes n/d as a rounded percentage, "-" when d is 0.
func pctOf(n, d int) string {
	if d == 0 {
		return "-"
	}
	return format.PercentRounded(100 * float64(n) / float64(d))
}

// WriteMigrationEvaluation writes how well the migration model's score
// finds the lines the truth tags with objectives.
func WriteMigrationEvaluation(w io.Writer, ev analysis.MigrationEvaluation) error {
	ew := &errWriter{w: w}
	ew.printf("Migration relevance (the migration model, score %.2f or more, against lines with true objectives; %s):\n", ev.Threshold, format.Count(ev.Lines, "line"))
	ew.printf("  related: true %d, said %d, right %d, wrong %d, missed %d; not related, right %d\n", ev.TP+ev.FN, ev.TP+ev.FP, ev.TP, ev.FP, ev.FN, ev.TN)
	p, pok := ev.Precision()
	r, rok := ev.Recall()
	f, fok := ev.F1()
	ew.printf("  precision %s, recall %s, F1 %s\n", ratioText(p, pok), ratioText(r, rok), ratioText(f, fok))
	return ew.err
}

// ratioText writes a ratio to two decimals, "-" when undefined.
func ratioText(v float64, ok bool) string {
	if !ok {
		return "-"
	}
	return fmt.Sprintf("%.2f", v)
}

// TaggingWords returns the words of the tagging workbook in language l,
// for tagging.WriteOptions.Words: the catalog's French or Spanish, nil
// (English) for English.
func TaggingWords(l Lang) func(key string, args ...any) string {
	if l == "" || l == English {
		return nil
	}
	return newPrinter(l).F
}

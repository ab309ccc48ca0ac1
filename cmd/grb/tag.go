package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/input"
	"github.com/grb-toolkit/grb/budget/tagging"
	"github.com/grb-toolkit/grb/budget/tagging/model"
	"github.com/grb-toolkit/grb/internal/format"
	"github.com/grb-toolkit/grb/reports"
)

// tagReadFlags are the reading flags of template and tag, with --scheme
// meaning the institution's marker scheme.
func tagReadFlags() []cli.Flag {
	var out []cli.Flag
	for _, f := range readFlags() {
		if f.Names()[0] == "scheme" {
			f = &cli.StringFlag{Name: "scheme", Usage: "the institution's gender-marker `SCHEME` (see grb schemes): of the marker column of the tagging workbook, and of the budget's own marker column if it has one (default: oecd_dac for the workbook; the budget's column inferred, with a warning)"}
		}
		out = append(out, f)
	}
	return out
}

var forceFlag = &cli.BoolFlag{Name: "force", Usage: "replace the -o FILE if it exists (never an input)"}

var outputFlag = &cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the tagging workbook (.xlsx) to `FILE`; required"}

func templateCommand() *cli.Command {
	return &cli.Command{
		Name:      "template",
		Usage:     "write a tagging workbook: the budget's lines with columns and dropdowns for GCM objectives and gender markers",
		ArgsUsage: "FILE",
		Flags:     append(tagReadFlags(), outputFlag, forceFlag, tagLangFlag()),
		Action: func(c *cli.Context) error {
			name, err := oneFile(c)
			if err != nil {
				return err
			}
			out := c.String("output")
			if out == "" {
				return usagef("template: want -o FILE, the tagging workbook to write")
			}
			if err := checkOutputFile(out, inputsOf(c), c.Bool("force")); err != nil {
				return err
			}
			t, err := loadTagging(c, name)
			if err != nil {
				return err
			}
			sum := t.Suggest(tagging.SuggestOptions{})
			if err := writeTagging(c, t, out, "grb template", inputsOf(c)...); err != nil {
				return err
			}
			warnReading(c, t.Budget)
			return reports.WriteTagSummary(c.App.Writer, t, sum, reports.TagSummaryOptions{Output: out, Max: 50})
		},
	}
}

func tagCommand() *cli.Command {
	return &cli.Command{
		Name:  "tag",
		Usage: "suggest tags by rules and from last year's tagged budget, into a tagging workbook; or --evaluate the rules against hand-made tags",
		ArgsUsage: "FILE\n" +
			"   grb tag --evaluate TRUTH [--rules RULES] [--previous FILE]",
		Flags: append(tagReadFlags(),
			outputFlag, forceFlag, tagLangFlag(),
			&cli.StringFlag{Name: "rules", Usage: "tagging rules from a YAML `FILE` (default: grb's rules; --default-rules prints them)"},
			&cli.StringFlag{Name: "previous", Usage: "carry the confirmed tags of an earlier tagged budget `FILE` (a tagging workbook, or a budget with tag columns) to lines with the same line id or programme code"},
			&cli.StringFlag{Name: "evaluate", Usage: "compare the suggestions with the hand-made tags of `TRUTH` (a tagging workbook, or a budget with tag columns): precision, recall and F1 by objective and marker level"},
			&cli.IntFlag{Name: "max-lines", Value: 50, Usage: "list at most `N` conflicts or mistaken lines (0 = all)"},
			&cli.BoolFlag{Name: "default-rules", Usage: "print grb's default rules (YAML, documented) to start your own, and exit"},
			&cli.BoolFlag{Name: "no-model", Usage: "suggest by rules and carried tags only: no gender marker from grb's trained model, and no confidence"},
		),
		Action: func(c *cli.Context) error {
			if c.Bool("default-rules") {
				if c.NArg() > 0 {
					return usagef("tag --default-rules takes no FILE")
				}
				_, err := c.App.Writer.Write(tagging.DefaultRulesYAML())
				return err
			}
			rules, rulesName, err := loadRules(c)
			if err != nil {
				return err
			}
			var prev *tagging.CarryIndex
			if p := c.String("previous"); p != "" {
				if prev, err = loadPrevious(c, p); err != nil {
					return err
				}
			}
			mdl, err := loadModel(c)
			if err != nil {
				return err
			}
			mig, err := loadMigration(c)
			if err != nil {
				return err
			}
			if truth := c.String("evaluate"); truth != "" {
				if c.NArg() > 0 || c.String("output") != "" {
					return usagef("tag --evaluate TRUTH takes no FILE and no -o: it compares the suggestions for TRUTH's own lines with its tags")
				}
				return evaluate(c, truth, tagging.SuggestOptions{Rules: rules, Previous: prev, Model: mdl, Migration: mig}, rulesName)
			}
			name, err := oneFile(c)
			if err != nil {
				return err
			}
			out := c.String("output")
			if out == "" {
				return usagef("tag: want -o FILE, the tagging workbook to write")
			}
			if err := checkOutputFile(out, inputsOf(c), c.Bool("force")); err != nil {
				return err
			}
			t, err := loadTagging(c, name)
			if err != nil {
				return err
			}
			sum := t.Suggest(tagging.SuggestOptions{Rules: rules, Previous: prev, Model: mdl, Migration: mig})
			if err := writeTagging(c, t, out, "grb tag", inputsOf(c)...); err != nil {
				return err
			}
			warnReading(c, t.Budget)
			return reports.WriteTagSummary(c.App.Writer, t, sum, reports.TagSummaryOptions{
				Output: out, Rules: rulesName, Previous: c.String("previous"), Model: modelName(mdl), Migration: mig != nil, Max: c.Int("max-lines"),
			})
		},
	}
}

// loadTagging reads FILE for tagging: a tagging workbook as it is (its
// confirmed rows are kept), any other budget with the reading flags.
func loadTagging(c *cli.Context, name string) (*tagging.Tagging, error) {
	opt, err := readOptions(c)
	if err != nil {
		return nil, err
	}
	t, err := input.OpenTagging(name, opt, c.String("scheme"))
	if t == nil {
		return nil, err
	}
	if s := c.String("scheme"); s != "" {
		if sc, _ := opt.Schemes.Lookup(s); sc == nil || sc.ID != t.Scheme {
			return nil, usagef("--scheme %s: %s is a tagging workbook in scheme %s; make a new template to change the scheme", s, name, t.Scheme)
		}
	}
	return t, nil
}

// writeTagging writes the tagging workbook atomically, never over an
// input.
func writeTagging(c *cli.Context, t *tagging.Tagging, out, madeBy string, inputs ...string) error {
	s, err := loadSchemes(c)
	if err != nil {
		return err
	}
	lang, err := tagLang(c, t)
	if err != nil {
		return err
	}
	opt := tagging.WriteOptions{Schemes: s, MadeBy: madeBy, Words: reports.TaggingWords(lang), Lang: string(lang)}
	return writeAtomic(out, inputs, func(f *os.File) error {
		w := bufio.NewWriter(f)
		if err := tagging.Write(w, t, opt); err != nil {
			return err
		}
		return w.Flush()
	})
}

// loadRules reads --rules, or returns grb's default rules.
func loadRules(c *cli.Context) (*tagging.Rules, string, error) {
	name := c.String("rules")
	if name == "" {
		return tagging.DefaultRules(), fmt.Sprintf("grb's default rules (%d rules)", tagging.DefaultRules().Len()), nil
	}
	f, err := openFlagFile("rules", name)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	rs, err := tagging.ParseRules(f)
	if err != nil {
		return nil, "", usagef("--rules %s: %v", name, err)
	}
	return rs, fmt.Sprintf("%s (%d rules)", name, rs.Len()), nil
}

// loadPrevious reads the earlier tagged budget of --previous.
func loadPrevious(c *cli.Context, name string) (*tagging.CarryIndex, error) {
	s, err := loadSchemes(c)
	if err != nil {
		return nil, err
	}
	b, err := input.ReadReviewed(name, budget.Options{Schemes: s, Context: c.Context})
	if err != nil {
		return nil, fmt.Errorf("--previous: %w", err)
	}
	return tagging.NewCarryIndex(b), nil
}

// loadModel returns grb's trained marker model, or nil with --no-model.
func loadModel(c *cli.Context) (*model.Model, error) {
	if c.Bool("no-model") {
		return nil, nil
	}
	return model.Default()
}

// loadMigration returns grb's migration-relevance model, or nil with
// --no-model.
func loadMigration(c *cli.Context) (*model.MigrationModel, error) {
	if c.Bool("no-model") {
		return nil, nil
	}
	return model.DefaultMigration()
}

// modelName says which model made suggestions, for the summary.
func modelName(m *model.Model) string {
	if m == nil {
		return ""
	}
	return fmt.Sprintf("grb's gender-marker model (review below confidence %.2f)", m.Threshold)
}

// evaluate compares the suggestions for TRUTH's lines with its tags. A
// training corpus (budget/tagging/model/data/SOURCE.md) is evaluated on
// its test split, all rows and real-IATI rows apart, markers only.
func evaluate(c *cli.Context, truth string, sopt tagging.SuggestOptions, rulesName string) error {
	what := rulesName
	if p := c.String("previous"); p != "" {
		what = "tags carried from " + p + ", then " + what
	}
	if sopt.Model != nil {
		what += ", then " + modelName(sopt.Model)
	}
	if isCorpus(truth) {
		return evaluateCorpus(c, truth, sopt, what)
	}
	opt, err := readOptions(c)
	if err != nil {
		return err
	}
	b, err := input.ReadReviewed(truth, opt)
	if err != nil {
		return err
	}
	warnReading(c, b)
	lines := b.Lines.Slice()
	sugg := tagging.SuggestLines(lines, sopt)
	ev, err := analysis.Evaluate(lines, sugg)
	if err != nil {
		return err
	}
	if err := reports.WriteEvaluation(c.App.Writer, ev, reports.EvaluationOptions{Truth: truth, Rules: what, Max: c.Int("max-lines")}); err != nil {
		return err
	}
	if sopt.Migration != nil {
		if mev, ok := analysis.EvaluateMigration(lines, sugg, sopt.Migration.Threshold); ok {
			fmt.Fprintln(c.App.Writer)
			if err := reports.WriteMigrationEvaluation(c.App.Writer, mev); err != nil {
				return err
			}
		}
	}
	if sopt.Model == nil || ev.MarkerLines == 0 {
		return nil
	}
	mev, err := analysis.EvaluateMarkerSources(lines, sugg, evaluateSeed)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.App.Writer)
	return reports.WriteMarkerEvaluation(c.App.Writer, mev, truth)
}

// evaluateSeed fixes the bootstrap resamples of --evaluate.
const evaluateSeed = 1

// isCorpus reports whether name is a csv file with the training corpus's
// header.
func isCorpus(name string) bool {
	if !strings.EqualFold(filepath.Ext(name), ".csv") {
		return false
	}
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	head, err := csv.NewReader(bufio.NewReader(f)).Read()
	return err == nil && model.IsCorpusHeader(head)
}

// evaluateCorpus evaluates the marker suggestions on the test split of
// the training corpus, then on its real-IATI rows alone.
func evaluateCorpus(c *cli.Context, name string, sopt tagging.SuggestOptions, what string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	lines, iati, err := tagging.CorpusLines(bufio.NewReader(f), name)
	if err != nil {
		return err
	}
	sugg := tagging.SuggestLines(lines, sopt)
	w := c.App.Writer
	fmt.Fprintf(w, "%s: the test split of the training corpus (%s, never trained on), suggestions by %s\n\n", name, format.Count(len(lines), "row"), what)
	ev, err := analysis.EvaluateMarkerSources(lines, sugg, evaluateSeed)
	if err != nil {
		return err
	}
	if err := reports.WriteMarkerEvaluation(w, ev, "all rows of the test split"); err != nil {
		return err
	}
	var rl []budget.Line
	var rs []tagging.Suggestion
	for i := range lines {
		if iati[i] {
			rl, rs = append(rl, lines[i]), append(rs, sugg[i])
		}
	}
	ev, err = analysis.EvaluateMarkerSources(rl, rs, evaluateSeed)
	if err != nil {
		return err
	}
	fmt.Fprintln(w)
	return reports.WriteMarkerEvaluation(w, ev, "real-IATI rows of the test split (a publisher's own DAC marker, not UNDP's mapped one)")
}

// withTaggingChecks makes validate check a tagging workbook as one: read
// as its hidden sheet says, with every missing or invalid tag listed at
// its cell (tagging.Check). Any other file is validated as before.
func withTaggingChecks(cmd *cli.Command) *cli.Command {
	plain := cmd.Action
	cmd.Action = func(c *cli.Context) error {
		if c.NArg() != 1 || c.String("sheet") != "" {
			return plain(c)
		}
		name := c.Args().First()
		format := c.String("format")
		if format != "text" && format != "json" {
			return usagef("--format %q: want text or json", format)
		}
		if f, err := input.Detect(name); err != nil || f != input.Tagging {
			return plain(c)
		}
		opt, err := readOptions(c)
		if err != nil {
			return err
		}
		t, err := input.OpenTagging(name, opt, "")
		if err != nil {
			return err
		}
		b := t.Budget
		b.AppendIssues(tagging.Check(t)...)
		if format == "json" {
			if err := reports.WriteIssuesJSON(c.App.Writer, b); err != nil {
				return err
			}
		} else {
			if err := reports.WriteTaggingStatus(c.App.Writer, t); err != nil {
				return err
			}
			if err := reports.WriteIssues(c.App.Writer, b, reports.IssueOptions{Max: c.Int("max-issues")}); err != nil {
				return err
			}
		}
		if b.Errors() > 0 {
			return errHasErrors
		}
		return nil
	}
	return cmd
}

package main

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
	"github.com/grb-toolkit/grb/reports"
)

func analyzeCommand() *cli.Command {
	return &cli.Command{
		Name:      "analyze",
		Usage:     "allocation shares and gender gaps, each named by its weighting convention",
		ArgsUsage: "FILE [AID.xml...]",
		Flags: append(append(readFlags(), analysisFlags()...),
			&cli.StringFlag{Name: "by", Usage: "group by `DIMS`, comma-separated: objective, area, unit (or ministry), programme, year, marker, currency"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output `FORMAT`: text, csv (the shares table) or json (shares, gaps and the comparison)"},
			&cli.StringFlag{Name: "target", Usage: "target GEWE `SHARE` such as 15% or 0.15, measured under principal_only unless --target-weighting says otherwise"},
			&cli.StringFlag{Name: "target-weighting", Usage: "`CONVENTION` the target is measured under (default principal_only)"},
			&cli.StringFlag{Name: "reference-women-share", Usage: "women and girls' `SHARE` of the population served (such as 48%), for the beneficiary gap"},
			&cli.StringFlag{Name: "compare", Usage: "compare with an earlier version or year of the budget in `FILE`: lines added, cut, re-marked"},
			&cli.StringFlag{Name: "compare-by", Usage: "match lines `BY` id, line (unit, programme and description) or programme (default: id when every line has one, else line)"},
		),
		Action: func(c *cli.Context) error {
			opt, err := analysisOptions(c)
			if err != nil {
				return err
			}
			format := c.String("format")
			if format != "text" && format != "csv" && format != "json" {
				return usagef("--format %q: want text, csv or json", format)
			}
			b, aid, err := analyzeInputs(c)
			if err != nil {
				return err
			}
			if aid != nil && format == "csv" {
				return usagef("--format csv writes the budget's shares table alone: the government budget beside donor aid is in text and json")
			}
			pc := choosePhase(c, b, &opt)
			j, err := joined(c, b, aid, opt)
			if err != nil {
				return err
			}
			gopt, err := gapOptions(c, opt)
			if err != nil {
				return err
			}
			if parts := analysis.SplitCurrencies(b); len(parts) > 1 {
				return analyzeCurrencies(c, b, parts, opt, gopt, pc, format)
			}
			// The shares and the gaps read the lines apart: one on each core.
			var g *analysis.GapResult
			var gerr error
			var wg sync.WaitGroup
			wg.Go(func() { g, gerr = analysis.Gaps(b, gopt) })
			r, err := analysis.Shares(b, opt)
			wg.Wait()
			if err != nil {
				return err
			}
			r.Notes = append(pc.Notes(), r.Notes...)
			if g, err = gapsOrWarn(c, b, g, gerr); err != nil {
				return err
			}
			old, d, err := compared(c, b, opt)
			if err != nil {
				return err
			}
			switch format {
			case "csv":
				return reports.WriteSharesCSV(c.App.Writer, r)
			case "json":
				return reports.WriteAnalysisJSON(c.App.Writer, r, g, d, j, b.Decisions)
			}
			if err := reports.WriteSharesText(c.App.Writer, b.Source, r); err != nil {
				return err
			}
			if g != nil {
				if err := reports.WriteGapsText(c.App.Writer, g); err != nil {
					return err
				}
			}
			if d != nil {
				if err := reports.WriteDiffText(c.App.Writer, old.Source, b.Source, d); err != nil {
					return err
				}
			}
			if j != nil {
				return reports.WriteJoinText(c.App.Writer, j)
			}
			return nil
		},
	}
}

// analyzeInputs reads the files of grb analyze, each filtered and
// converted: one budget, or one budget and the IATI files of donor aid
// to set beside it (joined into one, aid), as grb report takes them.
func analyzeInputs(c *cli.Context) (b, aid *budget.Budget, err error) {
	if c.NArg() == 0 {
		return nil, nil, usagef("analyze: want one FILE, got none")
	}
	if err := distinctInputs(c.Args().Slice(), linesTwice); err != nil {
		return nil, nil, err
	}
	var bs []*budget.Budget
	for _, name := range c.Args().Slice() {
		b, err := readPrepared(c, name)
		if err != nil {
			return nil, nil, err
		}
		bs = append(bs, b)
	}
	_, gov, aid := splitAid(c.Args().Slice(), bs)
	if len(gov) != 1 {
		return nil, nil, usagef("analyze: want one FILE, or one budget FILE and the IATI files of donor aid to set beside it, got %d arguments", c.NArg())
	}
	return gov[0], aid, nil
}

// joined returns the government budget b beside the donor aid aid in
// b's focus year (as grb report chooses it), nil when there is no aid:
// aid whose country budget-item code (vocabulary 2 or 3) is a line's id
// or programme code counts once. Money in two currencies is refused.
func joined(c *cli.Context, b, aid *budget.Budget, opt analysis.Options) (*reports.JoinView, error) {
	if aid == nil {
		return nil, nil
	}
	j, err := analysis.Join(b, aid, analysis.JoinOptions{Phase: opt.Phase, PhaseSet: true, Year: reports.FocusYear(b, opt.Phase), FiscalStart: c.Int("fiscal-year-start"), Context: c.Context})
	if err != nil {
		return nil, err
	}
	return reports.NewJoinView(j, b, aid), nil
}

// analyzeCurrencies analyses a budget in several currencies (parts, from
// analysis.SplitCurrencies) one currency at a time: each its shares and
// gaps, computed from its lines alone, written as one section each.
func analyzeCurrencies(c *cli.Context, b *budget.Budget, parts []analysis.CurrencyPart, opt analysis.Options, gopt analysis.GapOptions, pc analysis.PhaseChoice, format string) error {
	var secs []reports.CurrencySection
	for _, part := range parts {
		r, err := analysis.Shares(part.Budget, opt)
		if err != nil {
			return err
		}
		r.Notes = append(pc.Notes(), r.Notes...)
		g, err := gaps(c, part.Budget, gopt)
		if err != nil {
			return err
		}
		secs = append(secs, reports.CurrencySection{Currency: part.Currency, Shares: r, Gaps: g})
	}
	old, d, err := compared(c, b, opt)
	if err != nil {
		return err
	}
	switch format {
	case "csv":
		return reports.WriteSectionsCSV(c.App.Writer, secs)
	case "json":
		return reports.WriteSectionsJSON(c.App.Writer, secs, d, b.Decisions)
	}
	if err := reports.WriteSectionsText(c.App.Writer, b.Source, secs); err != nil {
		return err
	}
	if d != nil {
		return reports.WriteDiffText(c.App.Writer, old.Source, b.Source, d)
	}
	return nil
}

// gaps returns the gender gaps of b, or nil, said on stderr, when they
// cannot be computed; an interruption is an error.
func gaps(c *cli.Context, b *budget.Budget, gopt analysis.GapOptions) (*analysis.GapResult, error) {
	g, err := analysis.Gaps(b, gopt)
	return gapsOrWarn(c, b, g, err)
}

// gapsOrWarn returns the gaps analysis.Gaps gave (g, err): an
// interruption is an error; any other error leaves no gaps, with a
// warning.
func gapsOrWarn(c *cli.Context, b *budget.Budget, g *analysis.GapResult, err error) (*analysis.GapResult, error) {
	if err != nil && c.Context.Err() != nil {
		return nil, err // interrupted: no warning, the run stops
	}
	if err != nil {
		fmt.Fprintf(c.App.ErrWriter, "grb: %s: no gender gaps: %v\n", b.Source, err)
		return nil, nil
	}
	return g, nil
}

// compared returns the budget of --compare and its comparison with b,
// nil when the flag is not given.
func compared(c *cli.Context, b *budget.Budget, opt analysis.Options) (*budget.Budget, *analysis.DiffResult, error) {
	other := c.String("compare")
	if other == "" {
		return nil, nil, nil
	}
	old, err := readPrepared(c, other) // read like the file: --where, --to, --prices
	if err != nil {
		return nil, nil, err
	}
	d, err := analysis.Diff(old, b, analysis.DiffOptions{Weighting: opt.Weighting, Phase: opt.Phase, PhaseSet: true, By: c.String("compare-by"), Context: opt.Context})
	return old, d, err
}

// gapOptions copies the gap flags into analysis.GapOptions.
func gapOptions(c *cli.Context, opt analysis.Options) (analysis.GapOptions, error) {
	g := analysis.GapOptions{Weighting: opt.Weighting, Phase: opt.Phase, PhaseSet: true, Context: opt.Context}
	var err error
	if s := c.String("target"); s != "" {
		if g.Target, err = parseShare(s); err != nil {
			return g, usagef("--target: %v", err)
		}
		g.TargetWeighting = analysis.PrincipalOnly
		if name := c.String("target-weighting"); name != "" {
			if g.TargetWeighting, err = analysis.LookupWeighting(name); err != nil {
				return g, usagef("--target-weighting: %v", err)
			}
		}
	}
	if s := c.String("reference-women-share"); s != "" {
		if g.ReferenceWomenShare, err = parseShare(s); err != nil {
			return g, usagef("--reference-women-share: %v", err)
		}
	}
	if name := c.String("deflators"); name != "" {
		f, err := openFlagFile("deflators", name)
		if err != nil {
			return g, err
		}
		g.Deflators, err = analysis.ParseDeflators(f)
		f.Close()
		if err != nil {
			return g, usagef("--deflators %s: %v", name, err)
		}
	}
	return g, nil
}

// parseShare reads "15%" or "0.15" as 0.15.
func parseShare(s string) (float64, error) {
	s = strings.TrimSpace(s)
	pct := strings.HasSuffix(s, "%")
	v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, "%")), 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a share such as 15%% or 0.15", s)
	}
	if pct {
		v /= 100
	}
	if v < 0 || v > 1 {
		return 0, fmt.Errorf("%q is outside 0–100%%", s)
	}
	return v, nil
}

// analysisFlags are the flags of the commands that analyse: analyze and
// report.
func analysisFlags() []cli.Flag {
	return append([]cli.Flag{
		&cli.StringFlag{Name: "weighting", Value: analysis.DACHeadline.Name, Usage: "`CONVENTION` for the GEWE columns: dac_headline, principal_only, eu_100_40_0, attributed, or one from --weightings"},
		&cli.StringFlag{Name: "weightings", Usage: "add user-defined weighting conventions from a YAML `FILE`"},
		&cli.StringFlag{Name: "phase", Value: "approved", Usage: "budget `PHASE` analysed: proposed, approved, revised or executed"},
		whereFlag(),
	}, conversionFlags()...)
}

// whereFlag is the filter of the commands that analyse: analyze, report
// and check.
func whereFlag() cli.Flag {
	return &cli.StringSliceFlag{Name: "where", Usage: "analyse only the lines where `FIELD=VALUE`: year (a fiscal year, such as 2024 or 2024-25), currency, unit, programme or marker; repeatable, every one must hold (--year, in contrast, is the year of lines when the file states none)"}
}

// filtered applies --where to b: the lines the analysis is of.
func filtered(c *cli.Context, b *budget.Budget) (*budget.Budget, error) {
	fs, err := analysis.ParseFilters(c.StringSlice("where"))
	if err != nil {
		return nil, usagef("--where: %s", strings.TrimPrefix(err.Error(), "analysis: "))
	}
	if len(fs) == 0 {
		return b, nil
	}
	out := analysis.Where(b, fs)
	if out.Lines.Len() == 0 {
		fmt.Fprintf(c.App.ErrWriter, "grb: %s: no line holds --where %s (of %s)\n", b.Source, strings.Join(c.StringSlice("where"), " --where "), format.Count(b.Lines.Len(), "line"))
	}
	return out, nil
}

// analysisOptions copies the analysis flags into analysis.Options.
func analysisOptions(c *cli.Context) (analysis.Options, error) {
	opt := analysis.Options{Context: c.Context}
	var err error
	if opt.By, err = analysis.ParseDims(c.String("by")); err != nil {
		return opt, usagef("--by: %v", err)
	}
	var extra []analysis.Weighting
	if name := c.String("weightings"); name != "" {
		f, err := openFlagFile("weightings", name)
		if err != nil {
			return opt, err
		}
		extra, err = analysis.ParseWeightings(f)
		f.Close()
		if err != nil {
			return opt, usagef("--weightings %s: %v", name, err)
		}
	}
	if opt.Weighting, err = analysis.LookupWeighting(c.String("weighting"), extra...); err != nil {
		return opt, usagef("--weighting: %v", err)
	}
	if opt.Phase, err = budget.ParsePhase(c.String("phase")); err != nil {
		return opt, usagef("--phase: %v", err)
	}
	opt.PhaseSet = true
	return opt, nil
}

// choosePhase sets the phase of opt to the one to analyse in b (see
// analysis.ChoosePhase: the default phase gives way when it has no money
// and one other phase has), and records the change of phase on b, so
// that the report's methodology shows it.
func choosePhase(c *cli.Context, b *budget.Budget, opt *analysis.Options) analysis.PhaseChoice {
	pc := analysis.ChoosePhase(b, opt.Phase, c.IsSet("phase"))
	opt.Phase = pc.Phase
	if d := reports.PhaseDecision(pc); d.Topic != "" {
		b.Decide(d)
	}
	return pc
}

// readForAnalysis reads a budget for a command that goes on to analyse
// it: a file that could not be read is an error, and what reading found
// is told on stderr.
func readForAnalysis(c *cli.Context, name string) (*budget.Budget, error) {
	b, err := readBudget(c, name)
	if b == nil || err != nil {
		return nil, err
	}
	warnReading(c, b)
	if err := sumOverflow(b); err != nil {
		return nil, err
	}
	return b, nil
}

// sumOverflow returns, for a budget whose amounts cannot be added within
// Money's range, an error saying which sum and where: no analysis of it
// can be made.
func sumOverflow(b *budget.Budget) error {
	var msgs []string
	for _, i := range b.Issues {
		if i.Code == "sum-overflow" {
			msgs = append(msgs, i.Pos.String()+": "+i.Message)
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return fmt.Errorf("cannot analyse %s: %s", b.Source, strings.Join(msgs, "; "))
}

// warnReading tells on stderr what reading found, so that an analysis is
// never read without knowing its input had problems.
func warnReading(c *cli.Context, b *budget.Budget) {
	errs := b.Errors()
	warns := b.Warnings()
	if errs == 0 && warns == 0 {
		return
	}
	var parts []string
	if errs > 0 {
		parts = append(parts, format.Count(errs, "error"))
	}
	if warns > 0 {
		parts = append(parts, format.Count(warns, "warning"))
	}
	msg := fmt.Sprintf("grb: %s: reading found %s (grb validate lists them)", b.Source, strings.Join(parts, " and "))
	if errs > 0 {
		msg += "; rows or values with errors are not in the figures"
	}
	fmt.Fprintln(c.App.ErrWriter, msg)
}

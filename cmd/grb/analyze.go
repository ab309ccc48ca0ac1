package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/reports"
)

func analyzeCommand() *cli.Command {
	return &cli.Command{
		Name:      "analyze",
		Usage:     "allocation shares and gender gaps, each named by its weighting convention",
		ArgsUsage: "FILE",
		Flags: append(readFlags(),
			&cli.StringFlag{Name: "by", Usage: "group by `DIMS`, comma-separated: objective, area, unit (or ministry), programme, year, marker, currency"},
			&cli.StringFlag{Name: "weighting", Value: analysis.DACHeadline.Name, Usage: "`CONVENTION` for the GEWE columns: dac_headline, principal_only, eu_100_40_0, attributed, or one from --weightings"},
			&cli.StringFlag{Name: "weightings", Usage: "add user-defined weighting conventions from a YAML `FILE`"},
			&cli.StringFlag{Name: "phase", Value: "approved", Usage: "budget `PHASE` analysed: proposed, approved, revised or executed"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output `FORMAT`: text, csv or json"},
		),
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageError{err.Error()}
		},
		Action: func(c *cli.Context) error {
			name, err := oneFile(c)
			if err != nil {
				return err
			}
			opt, err := analysisOptions(c)
			if err != nil {
				return err
			}
			format := c.String("format")
			if format != "text" && format != "csv" && format != "json" {
				return usagef("--format %q: want text, csv or json", format)
			}
			b, err := readBudget(c, name)
			if b == nil {
				return err
			}
			if err != nil {
				return err
			}
			warnReading(c, b)
			r, err := analysis.Shares(b, opt)
			if err != nil {
				return err
			}
			switch format {
			case "csv":
				return reports.WriteSharesCSV(c.App.Writer, r)
			case "json":
				return reports.WriteJSON(c.App.Writer, r)
			}
			return reports.WriteSharesText(c.App.Writer, b.Source, r)
		},
	}
}

// analysisOptions copies the analysis flags into analysis.Options.
func analysisOptions(c *cli.Context) (analysis.Options, error) {
	var opt analysis.Options
	var err error
	if opt.By, err = analysis.ParseDims(c.String("by")); err != nil {
		return opt, usagef("--by: %v", err)
	}
	var extra []analysis.Weighting
	if name := c.String("weightings"); name != "" {
		f, err := os.Open(name)
		if err != nil {
			return opt, usagef("--weightings: %v", err)
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

// warnReading tells on stderr what reading found, so that an analysis is
// never read without knowing its input had problems.
func warnReading(c *cli.Context, b *budget.Budget) {
	errs := b.Errors()
	warns := len(b.Issues) - errs
	if errs == 0 && warns == 0 {
		return
	}
	var parts []string
	if errs > 0 {
		parts = append(parts, plural(errs, "error"))
	}
	if warns > 0 {
		parts = append(parts, plural(warns, "warning"))
	}
	msg := fmt.Sprintf("grb: %s: reading found %s (grb validate lists them)", b.Source, strings.Join(parts, " and "))
	if errs > 0 {
		msg += "; rows or values with errors are not in the figures"
	}
	fmt.Fprintln(c.App.ErrWriter, msg)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

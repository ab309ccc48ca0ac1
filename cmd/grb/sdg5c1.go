package main

import (
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/input"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
	"github.com/grb-toolkit/grb/internal/format"
	"github.com/grb-toolkit/grb/reports"
)

func sdg5c1Command() *cli.Command {
	return &cli.Command{
		Name:      "sdg5c1",
		Usage:     "write the SDG 5.c.1 questionnaire, or score filled ones, with evidence from a budget",
		ArgsUsage: "QUESTIONNAIRE... | --template -o FILE",
		Flags: append(readFlags(),
			&cli.BoolFlag{Name: "template", Usage: "write the blank questionnaire workbook to the -o file"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "with --template: write the questionnaire to `FILE` (.xlsx)"},
			&cli.BoolFlag{Name: "force", Usage: "with --template: replace an existing -o file"},
			&cli.StringFlag{Name: "budget", Usage: "compare the answers with the budget `FILE` (read with the reading flags)"},
			&cli.StringFlag{Name: "phase", Value: "approved", Usage: "budget `PHASE` compared: proposed, approved, revised or executed"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output `FORMAT`: text or json"},
			wholeBudgetFlag(),
			textLangFlag(),
		),
		Action: func(c *cli.Context) error {
			if c.Bool("template") {
				return writeSDG5c1Template(c)
			}
			if c.IsSet("output") || c.Bool("force") {
				return usagef("sdg5c1: -o and --force go with --template")
			}
			if c.NArg() == 0 {
				return usagef("sdg5c1: want one or more filled QUESTIONNAIRE files, or --template -o FILE")
			}
			if err := distinctInputs(c.Args().Slice(), answersTwice); err != nil {
				return err
			}
			outFormat := c.String("format")
			if outFormat != "text" && outFormat != "json" {
				return usagef("--format %q: want text or json", outFormat)
			}
			lang, err := reportLang(c)
			if err != nil {
				return err
			}
			opt := analysis.SDG5c1Options{PhaseSet: true, WholeBudget: c.Bool("whole-budget")}
			if opt.Phase, err = budget.ParsePhase(c.String("phase")); err != nil {
				return usagef("--phase: %v", err)
			}
			inputErrors := false
			if name := c.String("budget"); name != "" {
				b, err := readForAnalysis(c, name)
				if err != nil {
					return err
				}
				inputErrors = b.Errors() > 0
				opt.Budget = b
			}
			var results []*analysis.SDG5c1Result
			var notes []string
			for _, name := range c.Args().Slice() {
				q, err := input.ReadQuestionnaire(name)
				if err != nil {
					return err
				}
				r, err := analysis.ScoreSDG5c1(q, opt)
				if err != nil {
					return err
				}
				if n := q.Errors(); n > 0 {
					inputErrors = true
					notes = append(notes, fmt.Sprintf("grb: %s: the questionnaire has %s (listed with its issues)", name, format.Count(n, "error")))
				}
				results = append(results, r)
			}
			track := analysis.TrackSDG5c1(results)
			if outFormat == "json" {
				err = reports.WriteSDG5c1JSON(c.App.Writer, results, track)
			} else {
				for i, r := range results {
					if i > 0 {
						fmt.Fprintln(c.App.Writer)
					}
					if err = reports.WriteSDG5c1Text(c.App.Writer, r, reports.SDG5c1Options{Lang: lang}); err != nil {
						break
					}
				}
				if err == nil && len(results) > 1 {
					fmt.Fprintln(c.App.Writer)
					err = reports.WriteSDG5c1Track(c.App.Writer, track, reports.SDG5c1Options{Lang: lang})
				}
			}
			if err != nil {
				return err
			}
			for _, n := range notes {
				fmt.Fprintln(c.App.ErrWriter, n)
			}
			if inputErrors {
				return errHasErrors
			}
			return nil
		},
	}
}

// writeSDG5c1Template writes the blank questionnaire atomically. An
// existing file is not replaced without --force: it may be a filled
// questionnaire, the input of grb sdg5c1 FILE.
func writeSDG5c1Template(c *cli.Context) error {
	if c.NArg() > 0 {
		return usagef("sdg5c1 --template takes no QUESTIONNAIRE (got %d arguments); name the output with -o", c.NArg())
	}
	if c.IsSet("budget") {
		return usagef("sdg5c1 --template takes no --budget")
	}
	name := c.String("output")
	if name == "" {
		return usagef("sdg5c1 --template: name the output file with -o, such as -o 5c1.xlsx")
	}
	if _, err := os.Stat(name); err == nil && !c.Bool("force") {
		return usagef("refusing to overwrite %s, which may be a filled questionnaire: choose another name, or pass --force", name)
	}
	if err := writeAtomic(name, nil, func(f *os.File) error { return sdg5c1.WriteQuestionnaire(f) }); err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "wrote %s: the SDG 5.c.1 questionnaire (13 yes/no questions with drop-down lists, an evidence column, the last completed fiscal year, instructions)\n", name)
	return nil
}

// wholeBudgetFlag states that a budget file covers the government's whole
// budget: grb cannot tell, so a stated share of the whole budget is never
// contradicted by a file without it.
func wholeBudgetFlag() cli.Flag {
	return &cli.BoolFlag{Name: "whole-budget", Usage: "the budget file covers the government's whole budget of the year, so the stated share of the whole budget (the questionnaire's optional question) can be contradicted by it"}
}

package main

import (
	"errors"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/reports"
)

// errRuleFailed means a compliance check ran, its result was printed, and
// a rule fails: exit status 3 without a further message.
var errRuleFailed = errors.New("a compliance rule fails")

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check a budget against a funder's compliance rules; exit 3 if a rule fails",
		ArgsUsage: "FILE",
		Flags: append(append(readFlags(), conversionFlags()...),
			&cli.StringFlag{Name: "profile", Usage: "compliance `PROFILE`: " + strings.Join(profileNames(), ", ") + ", or a YAML file of rules"},
			&cli.StringFlag{Name: "phase", Usage: "budget `PHASE` checked: proposed, approved, revised or executed (default: the profile's, else approved)"},
			&cli.StringFlag{Name: "weightings", Usage: "add user-defined weighting conventions, for the profile's rules, from a YAML `FILE`"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output `FORMAT`: text or json"},
			whereFlag(),
			textLangFlag(),
			&cli.IntFlag{Name: "max-lines", Value: 10, Usage: "list at most `N` lines per failing rule in text (0 = all); json lists all"},
		),
		Action: func(c *cli.Context) error {
			name, err := oneFile(c)
			if err != nil {
				return err
			}
			format := c.String("format")
			if format != "text" && format != "json" {
				return usagef("--format %q: want text or json", format)
			}
			if c.Int("max-lines") < 0 {
				return usagef("--max-lines %d: want 0 (all) or more", c.Int("max-lines"))
			}
			lang, err := reportLang(c)
			if err != nil {
				return err
			}
			extra, err := userWeightings(c)
			if err != nil {
				return err
			}
			p, err := loadProfile(c.String("profile"), extra)
			if err != nil {
				return err
			}
			var opt analysis.CheckOptions
			if s := c.String("phase"); s != "" {
				if opt.Phase, err = budget.ParsePhase(s); err != nil {
					return usagef("--phase: %v", err)
				}
				opt.PhaseSet = true
			}
			b, err := readForAnalysis(c, name)
			if err != nil {
				return err
			}
			if b, err = filtered(c, b); err != nil {
				return err
			}
			if b, err = converted(c, b); err != nil {
				return err
			}
			res, err := analysis.CheckYears(b, p, opt)
			if err != nil {
				return err
			}
			if format == "json" {
				err = reports.WriteComplianceYearsJSON(c.App.Writer, res)
			} else {
				max := c.Int("max-lines")
				if max == 0 {
					max = -1
				}
				err = reports.WriteComplianceYearsText(c.App.Writer, res, reports.ComplianceOptions{MaxLines: max, Lang: lang})
			}
			switch {
			case err != nil:
				return err
			case b.Errors() > 0:
				// The figures leave out what could not be read: the
				// input's errors come first, whatever the rules say.
				return errHasErrors
			case !res.Pass:
				return errRuleFailed
			}
			return nil
		},
	}
}

// loadProfile returns the built-in profile called v, or the profile in
// the YAML file v.
func loadProfile(v string, weightings []analysis.Weighting) (analysis.Profile, error) {
	if v == "" {
		return analysis.Profile{}, usagef("check: --profile is required: %s, or a YAML file of rules", strings.Join(profileNames(), ", "))
	}
	if p, err := analysis.LookupProfile(v); err == nil {
		return p, nil
	}
	if _, err := os.Lstat(v); os.IsNotExist(err) {
		return analysis.Profile{}, usagef("--profile %q: not a built-in profile (%s) nor a file", v, strings.Join(profileNames(), ", "))
	}
	f, err := openFlagFile("profile", v)
	if err != nil {
		return analysis.Profile{}, err
	}
	defer f.Close()
	p, err := analysis.ParseProfile(f, weightings...)
	if err != nil {
		return analysis.Profile{}, usagef("--profile %s: %v", v, strings.TrimPrefix(err.Error(), "analysis: "))
	}
	return p, nil
}

func profileNames() []string {
	var names []string
	for _, p := range analysis.Profiles() {
		names = append(names, p.Name)
	}
	return names
}

// userWeightings reads --weightings.
func userWeightings(c *cli.Context) ([]analysis.Weighting, error) {
	name := c.String("weightings")
	if name == "" {
		return nil, nil
	}
	f, err := openFlagFile("weightings", name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ws, err := analysis.ParseWeightings(f)
	if err != nil {
		return nil, usagef("--weightings %s: %v", name, err)
	}
	return ws, nil
}

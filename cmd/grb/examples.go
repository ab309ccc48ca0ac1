package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"
)

// examples are the examples each command's --help shows. Each runs as
// written in a folder holding the files of testdata/doc (budget.xlsx,
// budget.csv, jp.csv, 5c1.xlsx), as TestHelpExamples checks.
var examples = map[string][]string{
	"inspect":    {"grb inspect budget.xlsx", "grb inspect budget.csv --column approved=Буџет --column unit_name=\"Назив раздел\""},
	"validate":   {"grb validate budget.xlsx --scheme oecd_dac", "grb validate budget.xlsx --format json"},
	"analyze":    {"grb analyze budget.xlsx --by objective", "grb analyze budget.xlsx --by ministry,marker --weighting eu_100_40_0 --format csv", "grb analyze budget.xlsx --where year=2024 --where currency=USD"},
	"template":   {"grb template budget.xlsx -o tagging.xlsx"},
	"tag":        {"grb tag budget.xlsx -o suggested.xlsx", "grb tag --default-rules"},
	"check":      {"grb check budget.xlsx --profile un-15", "grb check jp.csv --profile mptf --scheme mptf --format json", "grb check budget.xlsx --profile eu-gap3 --where year=2024"},
	"sdg5c1":     {"grb sdg5c1 --template -o questionnaire.xlsx", "grb sdg5c1 5c1.xlsx --budget budget.xlsx"},
	"report":     {"grb report budget.xlsx -o report", "grb report budget.xlsx --profile un-15 --sdg5c1 5c1.xlsx -o report"},
	"export":     {"grb export budget.xlsx --format iati --reporting-org XM-DAC-0000 -o budget.xml", "grb export budget.xlsx --format fdp -o budget-fdp"},
	"demo":       {"grb demo", "grb demo -o my-demo"},
	"schemes":    {"grb schemes"},
	"objectives": {"grb objectives"},
}

// withExamples adds each command's examples to its description, which
// --help prints.
func withExamples(cmds []*cli.Command) {
	for _, c := range cmds {
		ex := examples[c.Name]
		if len(ex) == 0 {
			continue
		}
		var b strings.Builder
		if c.Description != "" {
			b.WriteString(c.Description + "\n\n")
		}
		b.WriteString(plural(len(ex), "Example", "Examples") + ":\n")
		for _, e := range ex {
			fmt.Fprintf(&b, "   $ %s\n", e)
		}
		c.Description = strings.TrimRight(b.String(), "\n")
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// version returns grb's module version and VCS revision, as the Go
// toolchain recorded them in the binary: "grb v1.2.0 (revision 0791c40,
// 2025-06-01T10:00:00Z)", "(devel)" for a build from a work tree, with
// "+dirty" when it had uncommitted changes.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "grb (no build information)"
	}
	return versionOf(bi)
}

func versionOf(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, at, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	out := "grb " + v
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		out += " (revision " + rev + dirty
		if at != "" {
			out += ", " + at
		}
		out += ")"
	}
	return out + ", " + bi.GoVersion
}

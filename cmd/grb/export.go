package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/fdp"
	"github.com/grb-toolkit/grb/budget/iati"
	"github.com/grb-toolkit/grb/internal/format"
)

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write the budget's tagged lines as IATI 2.03 activities (XML) or as a Fiscal Data Package (datapackage.json + csv)",
		ArgsUsage: "FILE",
		Description: "IATI: one activity per budget line under one parent activity per programme; budgets per fiscal year\n" +
			"(original = approved, revised), executed amounts as expenditure transactions, the gender marker as\n" +
			"policy-marker vocabulary 1 code 1 (none when not screened), GCM objectives as tags of vocabulary 99 and\n" +
			"sectors of vocabulary 98, SDG targets 5.c and 10.7. Fiscal Data Package: datapackage.json and budget.csv\n" +
			"in the -o folder, which grb reads back. See the README's \"Export\" section.",
		Flags: append(readFlags(),
			&cli.StringFlag{Name: "format", Usage: "`FORMAT` to write: iati or fdp", Required: true},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the IATI XML to `FILE_OR_FOLDER` (default: standard output), or the Fiscal Data Package into that folder (required for fdp)"},
			&cli.BoolFlag{Name: "force", Usage: "replace the -o file, or write into a non-empty -o folder (never over an input)"},
			&cli.StringFlag{Name: "reporting-org", Value: iati.DefaultReportingOrg, Usage: "IATI organisation identifier `REF` of the reporting organisation, the prefix of every iati-identifier (the default is a placeholder: replace it before publishing)"},
			&cli.StringFlag{Name: "org-name", Usage: "`NAME` of the reporting organisation", DefaultText: "the budget's one administrative unit, else the --reporting-org"},
			&cli.StringFlag{Name: "org-type", Value: "10", Usage: "IATI OrganisationType `CODE` of the reporting organisation (10 = government)"},
			&cli.IntFlag{Name: "fiscal-start", Value: 1, Usage: "first `MONTH` (1-12) of the fiscal year: fiscal year Y runs from that month of Y to the month before it in Y+1"},
		),
		Action: exportAction,
	}
}

func exportAction(c *cli.Context) error {
	name, err := oneFile(c)
	if err != nil {
		return err
	}
	kind, out, force := strings.ToLower(c.String("format")), c.String("output"), c.Bool("force")
	m := c.Int("fiscal-start")
	if m < 1 || m > 12 {
		return usagef("--fiscal-start %d: want a month from 1 (January) to 12", m)
	}
	inputs := inputsOf(c)
	switch kind {
	case "iati":
		if out != "" {
			if st, err := os.Stat(out); err == nil && st.IsDir() {
				out = filepath.Join(out, "iati-activities.xml")
			}
			if err := checkOutputFile(out, inputs, force); err != nil {
				return err
			}
		}
	case "fdp":
		if out == "" {
			return usagef("export --format fdp: want -o FOLDER, the Fiscal Data Package to write")
		}
	default:
		return usagef("--format %q: want iati or fdp", c.String("format"))
	}
	b, err := readBudget(c, name)
	if err != nil {
		return err
	}
	warnReading(c, b)
	if kind == "fdp" {
		return exportFDP(c, b, out, force, inputs)
	}
	opt := iati.WriteOptions{ReportingOrg: c.String("reporting-org"), OrgName: c.String("org-name"), OrgType: c.String("org-type"), FiscalStart: time.Month(m)}
	if opt.OrgName == "" {
		opt.OrgName = oneUnit(&b.Lines)
	}
	var sum iati.WriteSummary
	write := func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		s, err := iati.Write(bw, b.Lines.Slice(), opt)
		if err != nil {
			return usagef("export: %v", err)
		}
		sum = s
		return bw.Flush()
	}
	where := "standard output"
	if out == "" {
		err = write(c.App.Writer)
	} else {
		where = out
		err = writeAtomic(out, inputs, func(f *os.File) error { return write(f) })
	}
	if err != nil {
		return err
	}
	w := c.App.Writer // the summary, unless the XML went there
	if out == "" {
		w = c.App.ErrWriter
	}
	fmt.Fprintf(w, "grb: wrote %s (%s) for %s to %s: %s; %s\n",
		activitiesText(sum.Activities), format.Count(sum.Parents, "programme parent"), format.Count(sum.Lines, "budget line"),
		where, yearsText(sum.Years), currenciesText(sum.Currencies))
	if sum.LeftOut > 0 {
		fmt.Fprintf(w, "grb: %s with no approved, revised or executed amount left out (IATI has no proposed budget)\n", format.Count(sum.LeftOut, "line"))
	}
	if opt.ReportingOrg == iati.DefaultReportingOrg {
		fmt.Fprintf(w, "grb: the reporting organisation is the placeholder %s: give --reporting-org with your IATI organisation identifier before publishing\n", iati.DefaultReportingOrg)
	}
	return nil
}

// exportFDP writes the Fiscal Data Package into the folder dir.
func exportFDP(c *cli.Context, b *budget.Budget, dir string, force bool, inputs []string) error {
	folder, err := outputDir(dir, force)
	if err != nil {
		return err
	}
	defer folder.Close()
	title := "Budget lines tagged by GCM objective and gender marker, exported by grb from " + filepath.Base(b.Source)
	var desc, data strings.Builder
	sum, err := fdp.Write(&desc, &data, b.Lines.Slice(), fdp.WriteOptions{Name: "grb-budget", Title: title})
	if err != nil {
		return usagef("export: %v", err)
	}
	for _, f := range []struct{ name, text string }{{fdp.DataFile, data.String()}, {"datapackage.json", desc.String()}} {
		err := writeAtomic(filepath.Join(dir, f.name), inputs, func(w *os.File) error {
			_, err := io.WriteString(w, f.text)
			return err
		})
		if err != nil {
			return err
		}
	}
	fmt.Fprintf(c.App.Writer, "grb: wrote a Fiscal Data Package of %s to %s (datapackage.json, %s): %s; %s\n",
		format.Count(sum.Lines, "budget line"), dir, fdp.DataFile, yearsText(sum.Years), currenciesText(sum.Currencies))
	return nil
}

// oneUnit is the label of the lines' administrative unit when they share
// one, else "".
func oneUnit(lines *budget.Lines) string {
	u := ""
	for i, l := range lines.All() {
		if i > 0 && l.Unit.Label() != u {
			return ""
		}
		u = l.Unit.Label()
	}
	return u
}

func yearsText(ys []int) string {
	switch len(ys) {
	case 0:
		return "no fiscal year"
	case 1:
		return fmt.Sprintf("fiscal year %d", ys[0])
	}
	return fmt.Sprintf("fiscal years %d–%d", ys[0], ys[len(ys)-1])
}

func currenciesText(cs []string) string {
	var s []string
	for _, c := range cs {
		if c == "" {
			c = "no currency (give --currency)"
		}
		s = append(s, c)
	}
	if len(s) == 0 {
		return "no amounts"
	}
	return strings.Join(s, ", ")
}

func activitiesText(n int) string { return format.CountOf(n, "line activity", "line activities") }

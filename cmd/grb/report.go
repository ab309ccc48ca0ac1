package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/input"
	"github.com/grb-toolkit/grb/internal/files"
	"github.com/grb-toolkit/grb/reports"
	"github.com/grb-toolkit/grb/templates"
)

func reportCommand() *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "write report.xlsx, report.html and charts for one or more budgets",
		ArgsUsage: "FILE...",
		Flags: append(append(readFlags(), analysisFlags()...),
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "grb-report", Usage: "write into `FOLDER`"},
			&cli.BoolFlag{Name: "force", Usage: "write into an existing non-empty folder"},
			langFlag(),
			&cli.StringFlag{Name: "profile", Usage: "add a Compliance sheet and section: a built-in `PROFILE` (" + strings.Join(profileNames(), ", ") + ") or a YAML file"},
			&cli.StringSliceFlag{Name: "sdg5c1", Usage: "add an SDG 5.c.1 sheet and section from a filled questionnaire `FILE` (grb sdg5c1 --template); repeatable, one per year"},
			wholeBudgetFlag(),
			&cli.BoolFlag{Name: "parts", Usage: "the FILEs are parts of one budget (one per ministry, say): add their lines even when they share a fiscal year"},
			&cli.StringFlag{Name: "compare", Usage: "compare the (last) FILE with an earlier version of the budget in `OLD` (the Changes sheet and the findings); OLD's lines are in no other figure"},
		),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("report: want one or more FILEs")
			}
			aopt, err := analysisOptions(c)
			if err != nil {
				return err
			}
			if err := distinctInputs(c.Args().Slice(), linesTwice); err != nil {
				return err
			}
			if err := distinctInputs(c.StringSlice("sdg5c1"), answersTwice); err != nil {
				return err
			}
			out, err := outputDir(c.String("output"), c.Bool("force"))
			if err != nil {
				return err
			}
			defer out.Close()
			var budgets []*budget.Budget
			for _, name := range c.Args().Slice() {
				b, err := readPrepared(c, name)
				if err != nil {
					return err
				}
				budgets = append(budgets, b)
			}
			names, budgets, aid := splitAid(c.Args().Slice(), budgets)
			if !c.Bool("parts") {
				if err := distinctYears(names, budgets); err != nil {
					return err
				}
			}
			choosePhase(c, budgets[len(budgets)-1], &aopt)
			lang, err := reportLang(c)
			if err != nil {
				return err
			}
			ropt := reports.Options{Weighting: aopt.Weighting, Phase: aopt.Phase, PhaseSet: true, WholeBudget: c.Bool("whole-budget"), Lang: lang, Context: c.Context,
				Aid: aid, FiscalStart: c.Int("fiscal-year-start")}
			if name := c.String("compare"); name != "" {
				if ropt.Compare, err = readPrepared(c, name); err != nil {
					return err
				}
			}
			if v := c.String("profile"); v != "" {
				p, err := loadProfile(v, nil)
				if err != nil {
					return err
				}
				ropt.Profile = &p
			}
			for _, name := range c.StringSlice("sdg5c1") {
				q, err := input.ReadQuestionnaire(name)
				if errors.Is(err, files.ErrNotRegular) {
					return usagef("--sdg5c1: %v", err)
				}
				if err != nil {
					return err
				}
				ropt.SDG5c1 = append(ropt.SDG5c1, q)
			}
			r, err := reports.Build(budgets, ropt)
			if err != nil {
				return err
			}
			return writeReport(c, r, out.Dir, inputsOf(c))
		},
	}
}

// readPrepared reads a budget to analyse, or the earlier version it is
// compared with: read for analysis, then filtered by --where and converted
// by --to and --prices.
func readPrepared(c *cli.Context, name string) (*budget.Budget, error) {
	b, err := readForAnalysis(c, name)
	if err != nil {
		return nil, err
	}
	if b, err = filtered(c, b); err != nil {
		return nil, err
	}
	return converted(c, b)
}

// writeReport writes every output of r into dir, prepared by outputDir,
// and lists them: report.xlsx, report.html and charts/NAME.svg and .png.
// None is written over one of inputs.
func writeReport(c *cli.Context, r *reports.Report, dir string, inputs []string) error {
	charts, err := reports.RenderCharts(r)
	if err != nil {
		return err
	}
	type output struct {
		name  string
		write func(io.Writer) error
	}
	outputs := []output{
		{"report.xlsx", func(w io.Writer) error { return reports.WriteWorkbook(w, r) }},
		{"report.html", func(w io.Writer) error { return reports.WriteHTML(w, r, charts) }},
	}
	// The SVG files are the SVG documents drawn for report.html already.
	svg := make(map[string][]byte, len(charts))
	for _, hc := range charts {
		svg[hc.Name] = hc.SVG
	}
	for _, ch := range reports.Charts(r) {
		width, height := reports.ChartSize(ch)
		for _, format := range []string{"svg", "png"} {
			outputs = append(outputs, output{filepath.Join("charts", ch.Name+"."+format), func(w io.Writer) error {
				if b, ok := svg[ch.Name]; ok && format == "svg" {
					_, err := w.Write(b)
					return err
				}
				return reports.WriteChart(w, ch, format, width, height)
			}})
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "charts"), 0o755); err != nil {
		return err
	}
	// The outputs are written on as many goroutines as there are cores
	// (report.xlsx, most of the work for a large budget, first); each is
	// written atomically, and they are told in their fixed order.
	errs := make([]error, len(outputs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, o := range outputs {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			if errs[i] = c.Context.Err(); errs[i] == nil {
				errs[i] = writeAtomic(filepath.Join(dir, o.name), inputs, func(f *os.File) error { return o.write(f) })
			}
		})
	}
	wg.Wait()
	for i, o := range outputs {
		if errs[i] != nil {
			return errs[i]
		}
		path := filepath.Join(dir, o.name)
		fmt.Fprintf(c.App.Writer, "wrote %s\n", path)
		if o.name == "report.xlsx" {
			warnCut(c, path, r.CutCells)
		}
	}
	return nil
}

// warnCut tells on stderr how many text cells of the workbook at path
// were longer than an Excel cell holds and were cut, by sheet.
func warnCut(c *cli.Context, path string, cut map[string]int) {
	if len(cut) == 0 {
		return
	}
	sheets := make([]string, 0, len(cut))
	n := 0
	for s, k := range cut {
		sheets = append(sheets, fmt.Sprintf("%s: %d", s, k))
		n += k
	}
	sort.Strings(sheets)
	fmt.Fprintf(c.App.ErrWriter, "grb: %s: %d text cell(s) longer than the 32,767 characters an Excel cell holds were cut (%s); its Methodology sheet says so\n", path, n, strings.Join(sheets, "; "))
}

// sampleBudget reads the embedded sample.
func sampleBudget() (*budget.Budget, error) {
	b, err := input.Read(bytes.NewReader(templates.SampleBudget()), templates.SampleBudgetName, budget.Options{})
	if err != nil {
		return nil, fmt.Errorf("embedded sample: %w", err)
	}
	return b, nil
}

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
		),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("report: want one or more FILEs")
			}
			aopt, err := analysisOptions(c)
			if err != nil {
				return err
			}
			if err := distinctInputs(c.Args().Slice()); err != nil {
				return err
			}
			out, err := outputDir(c.String("output"), c.Bool("force"))
			if err != nil {
				return err
			}
			defer out.Close()
			var budgets []*budget.Budget
			for _, name := range c.Args().Slice() {
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
	for _, ch := range reports.Charts(r) {
		width, height := reports.ChartSize(ch)
		for _, format := range []string{"svg", "png"} {
			outputs = append(outputs, output{filepath.Join("charts", ch.Name+"."+format), func(w io.Writer) error {
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

// distinctInputs refuses a file given twice (by the same name, another
// path or a hard link): its lines would be added to themselves.
func distinctInputs(names []string) error {
	seen := make([]os.FileInfo, 0, len(names))
	for i, name := range names {
		fi, err := os.Stat(name)
		if err != nil {
			seen = append(seen, nil) // reading it says why
			continue
		}
		for j, prev := range seen {
			if prev != nil && os.SameFile(prev, fi) {
				return usagef("%s and %s are the same file given twice: its lines would be counted twice", names[j], names[i])
			}
		}
		seen = append(seen, fi)
	}
	return nil
}

// distinctYears refuses two files that hold lines of one fiscal year: they
// are most often two versions of one budget (proposed and revised, a
// correction), whose lines added would count the budget twice. analyze
// --compare compares versions; --parts says the files are parts of one
// budget. Lines of no known year are not compared.
func distinctYears(names []string, budgets []*budget.Budget) error {
	first := map[int]int{} // year -> index of the first file holding it
	for i, b := range budgets {
		for _, y := range yearsOf(b) {
			j, ok := first[y]
			if !ok {
				first[y] = i
				continue
			}
			if j != i {
				return usagef("%s and %s both hold fiscal year %d: two versions of one budget would be added. To compare them: grb analyze %s --compare %s; if they are parts of one budget, give --parts", names[j], names[i], y, names[i], names[j])
			}
		}
	}
	return nil
}

// yearsOf returns the known fiscal years of b's lines, ascending.
func yearsOf(b *budget.Budget) []int {
	seen := map[int]bool{}
	var years []int
	for i := range b.Lines {
		if y := b.Lines[i].Year; y != 0 && !seen[y] {
			seen[y] = true
			years = append(years, y)
		}
	}
	sort.Ints(years)
	return years
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/input"
	"github.com/grb-toolkit/grb/internal/format"
	"github.com/grb-toolkit/grb/reports"
)

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// errHasErrors means the input was read and its errors were reported:
// exit status 1 without a further message.
var errHasErrors = errors.New("the input has errors")

// run runs grb with args (args[0] is the program name), writing to stdout
// and stderr. It never exits the process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	// Text from the files read is shown, never sent to the terminal as
	// escape sequences (format.Visible); csv and json keep tab and newline.
	app := newApp(format.TerminalWriter(stdout), format.TerminalWriter(stderr))
	err := app.RunContext(ctx, flagsFirst(app, args))
	if err != nil && !errors.Is(err, errHasErrors) {
		var ue usageError
		if !errors.As(err, &ue) && isFlagError(err) {
			return usageError{err.Error()}
		}
	}
	return err
}

// flagsFirst moves a command's flags before its arguments, so that
// `grb inspect FILE --sheet X` works as users type it: urfave/cli v2 stops
// reading flags at the first argument. Everything after "--" stays as is.
func flagsFirst(app *cli.App, args []string) []string {
	if len(args) < 3 {
		return args
	}
	cmd := app.Command(args[1])
	if cmd == nil {
		return args
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var flags, rest []string
	for i := 2; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if !strings.Contains(name, "=") && takesValue[name] {
				if i+1 == len(args) {
					// A value flag with no value: keep it last, so that
					// urfave/cli says "flag needs an argument" instead of
					// taking the file as its value.
					return append([]string{args[0], args[1]}, flags...)
				}
				i++
				flags = append(flags, args[i])
			}
			continue
		}
		rest = append(rest, a)
	}
	out := append([]string{args[0], args[1]}, flags...)
	return append(out, rest...)
}

// isFlagError tells urfave/cli's flag-parsing errors, which it returns as
// plain errors, from the commands' own.
func isFlagError(err error) bool {
	s := err.Error()
	for _, p := range []string{"flag provided but not defined", "invalid value", "Required flag", "flag needs an argument"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:            "grb",
		Usage:           "gender-responsive budgeting for the Global Compact for Migration",
		Description:     "Reads budget workbooks (xlsx, csv) into line items tagged by GCM objective and gender marker,\naccounting for every row and checking every stated total.\nRun `grb demo` to see it work on the embedded synthetic sample.",
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		ExitErrHandler:  func(*cli.Context, error) {}, // errors go back to run; main picks the exit code
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("unknown command %q (grb --help lists the commands)", c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
		Commands: []*cli.Command{
			inspectCommand(),
			withTaggingChecks(validateCommand()),
			analyzeCommand(),
			templateCommand(),
			tagCommand(),
			checkCommand(),
			sdg5c1Command(),
			reportCommand(),
			exportCommand(),
			demoCommand(),
			schemesCommand(),
			objectivesCommand(),
		},
	}
	app.Version = version()
	cli.VersionPrinter = func(c *cli.Context) { fmt.Fprintln(c.App.Writer, c.App.Version) }
	withExamples(app.Commands)
	app.OnUsageError = asUsageError
	for _, c := range app.Commands {
		c.OnUsageError = asUsageError // a bad flag is a usage error: exit 2
	}
	return app
}

func asUsageError(_ *cli.Context, err error, _ bool) error { return usageError{err.Error()} }

func inspectCommand() *cli.Command {
	return &cli.Command{
		Name:      "inspect",
		Usage:     "show how a budget file will be read: sheets, header, column mapping, row ledger, totals",
		ArgsUsage: "FILE",
		Flags:     append(readFlags(), &cli.BoolFlag{Name: "ledger", Usage: "list the whole row ledger (runs of like rows as one record), not only the rows that are not lines"}),
		Action: func(c *cli.Context) error {
			name, err := oneFile(c)
			if err != nil {
				return err
			}
			b, err := readBudget(c, name)
			if b == nil {
				return err
			}
			if werr := reports.WriteInspection(c.App.Writer, b, reports.InspectOptions{Ledger: c.Bool("ledger")}); werr != nil {
				return werr
			}
			return err
		},
	}
}

func validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "list every problem in a budget file at once; exit 1 if any is an error",
		ArgsUsage: "FILE",
		Flags: append(append(readFlags(), conversionFlags()...),
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output `FORMAT`: text or json"},
			&cli.IntFlag{Name: "max-issues", Value: 50, Usage: "list at most `N` issues (0 = all); the counts are always printed"},
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
			b, err := readBudget(c, name)
			if b == nil {
				return err
			}
			if cerr := convertIssues(c, b); cerr != nil {
				return cerr
			}
			if format == "json" {
				if werr := reports.WriteIssuesJSON(c.App.Writer, b); werr != nil {
					return werr
				}
			} else if werr := reports.WriteIssues(c.App.Writer, b, reports.IssueOptions{Max: c.Int("max-issues")}); werr != nil {
				return werr
			}
			if err != nil || b.Errors() > 0 {
				return errHasErrors
			}
			return nil
		},
	}
}

func demoCommand() *cli.Command {
	return &cli.Command{
		Name:  "demo",
		Usage: "run grb on the embedded synthetic sample budget: findings on screen, report files in ./grb-demo",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "grb-demo", Usage: "write the report into `FOLDER` (the demo replaces its own earlier output there)"},
			langFlag(),
		},
		Action: func(c *cli.Context) error {
			lang, err := reportLang(c)
			if err != nil {
				return err
			}
			b, err := sampleBudget()
			if err != nil {
				return err
			}
			w := c.App.Writer
			fmt.Fprintf(w, "grb demo: the embedded SYNTHETIC sample budget of the fictional Republic of Examplia\n")
			fmt.Fprintf(w, "(%s: %s read from %s; every row accounted for; grb inspect and grb validate show how)\n\n", b.Source, format.Count(b.Lines.Len(), "line"), format.Count(len(b.Sheets), "sheet"))
			r, err := reports.Build([]*budget.Budget{b}, reports.Options{Synthetic: true, Lang: lang})
			if err != nil {
				return err
			}
			for _, f := range reports.Findings(r) {
				fmt.Fprintf(w, "- %s\n", f)
			}
			fmt.Fprintln(w)
			dir := c.String("output")
			out, err := outputDir(dir, true)
			if err != nil {
				return err
			}
			defer out.Close()
			if err := writeReport(c, r, dir, nil); err != nil {
				return err
			}
			fmt.Fprintf(w, "\nOpen %s in a browser, or %s in a spreadsheet.\n", filepath.Join(dir, "report.html"), filepath.Join(dir, "report.xlsx"))
			return nil
		},
	}
}

func schemesCommand() *cli.Command {
	return &cli.Command{
		Name:  "schemes",
		Usage: "list the gender-marker schemes grb knows and how their codes map to canonical levels",
		Flags: []cli.Flag{&cli.StringFlag{Name: "schemes", Usage: "add or override schemes from a YAML `FILE`"}},
		Action: func(c *cli.Context) error {
			s, err := loadSchemes(c)
			if err != nil {
				return err
			}
			return reports.WriteSchemes(c.App.Writer, s)
		},
	}
}

func objectivesCommand() *cli.Command {
	return &cli.Command{
		Name:  "objectives",
		Usage: "list the 23 GCM objectives, the guiding principles and the Migration MPTF thematic areas",
		Action: func(c *cli.Context) error {
			return reports.WriteReference(c.App.Writer)
		},
	}
}

func oneFile(c *cli.Context) (string, error) {
	if c.NArg() != 1 {
		return "", usagef("%s: want one FILE, got %d arguments", c.Command.Name, c.NArg())
	}
	return c.Args().First(), nil
}

// readBudget reads a file with the reading flags. A tagging workbook
// written by grb template is read as such: its confirmed tags, with their
// provenance, and not its instruction sheets. The budget is nil only when
// nothing could be read; a budget with an error is one whose problems are
// in its issues.
func readBudget(c *cli.Context, name string) (*budget.Budget, error) {
	opt, err := readOptions(c)
	if err != nil {
		return nil, err
	}
	b, err := input.ReadFile(name, opt)
	if b == nil {
		return nil, err
	}
	return b, err
}

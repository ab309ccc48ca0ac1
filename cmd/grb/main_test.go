package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the stdout and stderr sections of ../../testdata/cli/*.txtar")

// result is what one in-process run of grb produced.
type result struct {
	code           int
	stdout, stderr string
}

// runGrb runs grb in-process as main does: run, then report.
func runGrb(t *testing.T, args []string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(t.Context(), args, &stdout, &stderr)
	code := report(err, &stderr)
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// TestCLI runs the golden cases in ../../testdata/cli. Each case is a
// txtar archive:
//
//   - its comment holds lines starting with "#" (why the case exists),
//     then the command line, "grb ARGS…", split into words like a shell
//     does (single and double quotes group words; no escapes), then
//     optionally "exit N" (default 0);
//   - its files are written to a fresh directory, which is the working
//     directory of the run, so arguments name them by relative paths.
//     A file whose name ends in ".xlsx" holds a workbook in the text form
//     that buildWorkbook reads, and is written as a real workbook;
//   - its "stdout" and "stderr" sections are the expected output, with the
//     directory written as $WORK. go test -update rewrites them.
//
// Cases change the working directory, so they run one at a time.
func TestCLI(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "cli", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden cases in ../../testdata/cli")
	}
	for _, file := range files {
		abs, err := filepath.Abs(file)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			testCLICase(t, abs)
		})
	}
}

func testCLICase(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	args, wantCode, err := parseCaseComment(string(ar.Comment))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	dir := t.TempDir()
	if err := writeFiles(dir, ar.Files); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	t.Chdir(dir)

	res := runGrb(t, args)
	got := map[string]string{
		"stdout": replaceDir(res.stdout, dir),
		"stderr": replaceDir(res.stderr, dir),
	}
	if res.code != wantCode {
		t.Errorf("%s: exit status %d, want %d\nstderr:\n%s", strings.Join(args, " "), res.code, wantCode, got["stderr"])
	}

	if *update {
		for _, name := range []string{"stdout", "stderr"} {
			setSection(ar, name, got[name])
		}
		if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, name := range []string{"stdout", "stderr"} {
		want, ok := section(ar, name)
		if !ok {
			t.Errorf("%s: no %s section (run go test -update)", filepath.Base(file), name)
			continue
		}
		if diff := cmp.Diff(strings.Split(want, "\n"), strings.Split(got[name], "\n")); diff != "" {
			t.Errorf("%s: %s differs from the golden (-want +got):\n%s", strings.Join(args, " "), name, diff)
		}
	}
}

// parseCaseComment reads the command line and the expected exit status
// from a case's comment.
func parseCaseComment(comment string) (args []string, code int, err error) {
	for line := range strings.Lines(comment) {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case args == nil:
			if args, err = splitArgs(line); err != nil {
				return nil, 0, err
			}
			if len(args) == 0 || args[0] != "grb" {
				return nil, 0, fmt.Errorf("command line %q does not start with grb", line)
			}
		case strings.HasPrefix(line, "exit "):
			if code, err = strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "exit "))); err != nil {
				return nil, 0, fmt.Errorf("bad exit line %q", line)
			}
		default:
			return nil, 0, fmt.Errorf("unexpected comment line %q (want # text, the command line, then exit N)", line)
		}
	}
	if args == nil {
		return nil, 0, fmt.Errorf("the comment has no command line")
	}
	return args, code, nil
}

// splitArgs splits a command line into words as a shell would for simple
// cases: spaces separate words, and single or double quotes group
// characters (the quotes themselves are removed). There are no escapes.
func splitArgs(line string) ([]string, error) {
	var (
		words  []string
		word   strings.Builder
		inWord bool
		quote  rune
	)
	for _, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				word.WriteRune(r)
			}
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated %c quote in %q", quote, line)
	}
	if inWord {
		words = append(words, word.String())
	}
	return words, nil
}

func TestSplitArgs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"grb demo", []string{"grb", "demo"}},
		{"  grb   inspect\tb.csv ", []string{"grb", "inspect", "b.csv"}},
		{`grb inspect --column unit_name="Назив раздел" b.csv`, []string{"grb", "inspect", "--column", "unit_name=Назив раздел", "b.csv"}},
		{`grb inspect --sheet 'FY 2024' "" x`, []string{"grb", "inspect", "--sheet", "FY 2024", "", "x"}},
		{`a "it's"`, []string{"a", "it's"}},
	}
	for _, tt := range tests {
		got, err := splitArgs(tt.in)
		if err != nil {
			t.Errorf("splitArgs(%q) error = %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("splitArgs(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
	if _, err := splitArgs(`grb "open`); err == nil {
		t.Errorf("splitArgs(%q) error = nil, want an unterminated quote error", `grb "open`)
	}
}

// writeFiles writes the input files of a case into dir; files named
// "*.xlsx" are built with buildWorkbook from their text.
func writeFiles(dir string, files []txtar.File) error {
	for _, f := range files {
		if f.Name == "stdout" || f.Name == "stderr" {
			continue
		}
		data := f.Data
		if strings.HasSuffix(f.Name, ".xlsx") {
			var err error
			if data, err = buildWorkbook(string(f.Data)); err != nil {
				return fmt.Errorf("%s: %v", f.Name, err)
			}
		}
		if err := writeFile(filepath.Join(dir, filepath.FromSlash(f.Name)), data); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o666)
}

// buildWorkbook builds an xlsx workbook from a text description, so that
// test inputs stay readable and reviewable:
//
//	[FY2024]
//	Ministry of Examples budget 2024
//	Vote,Description,Approved
//	'0101,Border posts,1200
//	[Lists] hidden
//	0,1,2
//
// A line "[NAME]" starts a sheet ("[NAME] hidden" a hidden one); each
// following line is one row of comma-separated cells, read as csv (so
// double quotes protect commas), and an empty line is an empty row. A cell
// that parses as a number is written as a number, unless it starts with an
// apostrophe, which is dropped and keeps the cell text (as in Excel). Empty
// cells are left unset.
func buildWorkbook(text string) ([]byte, error) {
	type sheet struct {
		name   string
		hidden bool
		rows   [][]string
	}
	var sheets []*sheet
	lines := strings.Split(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, line := range lines {
		line = strings.TrimSuffix(line, "\r")
		if strings.HasPrefix(line, "[") {
			end := strings.Index(line, "]")
			if end < 0 {
				return nil, fmt.Errorf("line %d: sheet line %q has no ]", i+1, line)
			}
			s := &sheet{name: line[1:end]}
			switch rest := strings.TrimSpace(line[end+1:]); rest {
			case "":
			case "hidden":
				s.hidden = true
			default:
				return nil, fmt.Errorf("line %d: unknown sheet option %q", i+1, rest)
			}
			sheets = append(sheets, s)
			continue
		}
		if len(sheets) == 0 {
			if strings.TrimSpace(line) == "" {
				continue
			}
			return nil, fmt.Errorf("line %d: a row before the first [SHEET] line", i+1)
		}
		s := sheets[len(sheets)-1]
		if line == "" {
			s.rows = append(s.rows, nil)
			continue
		}
		r := csv.NewReader(strings.NewReader(line))
		r.FieldsPerRecord = -1
		cells, err := r.Read()
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", i+1, err)
		}
		s.rows = append(s.rows, cells)
	}
	if len(sheets) == 0 {
		return nil, fmt.Errorf("no [SHEET] line")
	}

	f := excelize.NewFile()
	defer f.Close()
	active := -1
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return nil, err
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				cell, err := excelize.CoordinatesToCellName(c+1, r+1)
				if err != nil {
					return nil, err
				}
				var value any = v
				if strings.HasPrefix(v, "'") {
					value = v[1:]
				} else if n, err := strconv.ParseFloat(v, 64); err == nil {
					value = n
				}
				if err := f.SetCellValue(s.name, cell, value); err != nil {
					return nil, err
				}
			}
		}
		if active < 0 && !s.hidden {
			active = i
		}
	}
	if active < 0 {
		return nil, fmt.Errorf("every sheet is hidden")
	}
	f.SetActiveSheet(active)
	for _, s := range sheets {
		if s.hidden {
			if err := f.SetSheetVisible(s.name, false); err != nil {
				return nil, err
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// replaceDir writes dir (and its symlink-free form) as $WORK.
func replaceDir(s, dir string) string {
	if real, err := filepath.EvalSymlinks(dir); err == nil && real != dir {
		s = strings.ReplaceAll(s, real, "$WORK")
	}
	return strings.ReplaceAll(s, dir, "$WORK")
}

func section(ar *txtar.Archive, name string) (string, bool) {
	for _, f := range ar.Files {
		if f.Name == name {
			return string(f.Data), true
		}
	}
	return "", false
}

func setSection(ar *txtar.Archive, name, data string) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = []byte(data)
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
}

// TestHelp checks that --help and -h work for every command, exit 0, write
// nothing to stderr and mention every flag of the command; and that the
// top-level help lists every command.
func TestHelp(t *testing.T) {
	app := newApp(io.Discard, io.Discard)
	for _, cmd := range app.Commands {
		t.Run(cmd.Name, func(t *testing.T) {
			for _, help := range []string{"--help", "-h"} {
				args := []string{"grb", cmd.Name, help}
				res := runGrb(t, args)
				if res.code != exitOK || res.stderr != "" {
					t.Errorf("%s: exit status %d, stderr %q; want 0 and no stderr", strings.Join(args, " "), res.code, res.stderr)
				}
				for _, f := range cmd.Flags {
					for _, n := range f.Names() {
						dash := "--"
						if len(n) == 1 {
							dash = "-" // urfave/cli shows one-letter aliases with one dash
						}
						if !strings.Contains(res.stdout, dash+n+" ") {
							t.Errorf("%s does not mention %s%s:\n%s", strings.Join(args, " "), dash, n, res.stdout)
						}
					}
				}
			}
		})
	}
	t.Run("grb", func(t *testing.T) {
		res := runGrb(t, []string{"grb", "--help"})
		if res.code != exitOK || res.stderr != "" {
			t.Errorf("grb --help: exit status %d, stderr %q; want 0 and no stderr", res.code, res.stderr)
		}
		for _, cmd := range app.Commands {
			if !strings.Contains(res.stdout, "   "+cmd.Name+" ") {
				t.Errorf("grb --help does not list command %s:\n%s", cmd.Name, res.stdout)
			}
		}
	})
}

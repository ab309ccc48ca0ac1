package main

import (
	"errors"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/grb-toolkit/grb/budget/fdp"
	"github.com/grb-toolkit/grb/internal/files"
)

// maxFlagFile bounds the YAML and JSON files the flags name (--mapping,
// --schemes, --rules, --profile, --weightings, --deflators).
const maxFlagFile = 16 << 20

// fileFlags are the flags that name an input file.
var fileFlags = []string{"mapping", "schemes", "rules", "profile", "weightings", "deflators", "rates", "previous", "compare", "budget"}

// openFlagFile opens the file named by --flag under the one rule for
// input files (files.Check): a regular file of at most maxFlagFile bytes.
func openFlagFile(flag, name string) (*os.File, error) {
	f, err := files.Open(name, maxFlagFile)
	if err != nil {
		return nil, usagef("--%s: %v", flag, err)
	}
	return f, nil
}

// inputsOf lists every input of the command: its arguments, the files its
// flags name, and the descriptor and data file of each Fiscal Data
// Package among them.
func inputsOf(c *cli.Context) []string {
	var in []string
	for _, name := range c.Args().Slice() {
		in = append(in, name)
		if fdp.IsPackage(name) {
			if p, err := fdp.ReadPackage(name); err == nil {
				in = append(in, p.Descriptor, p.Data)
			}
		}
	}
	for _, flag := range fileFlags {
		if c.IsSet(flag) {
			in = append(in, c.String(flag))
		}
	}
	return append(in, c.StringSlice("sdg5c1")...)
}

// outputDir prepares and locks dir for outputs (files.OpenFolder): it is
// created if missing, and an existing non-empty folder is refused unless
// force is set. It reads no input, so that -o is checked first.
func outputDir(dir string, force bool) (*files.Folder, error) {
	f, err := files.OpenFolder(dir, force)
	switch {
	case errors.Is(err, files.ErrNotEmpty):
		return nil, usagef("output folder %s is not empty: choose another with -o, or pass --force to write into it", dir)
	case err != nil:
		return nil, err
	}
	return f, nil
}

// checkOutputFile refuses the output file name, before any input is
// read, when it exists (unless force is set) or is one of the inputs.
func checkOutputFile(name string, inputs []string, force bool) error {
	err := files.CheckOutput(name, inputs, force)
	switch {
	case errors.Is(err, files.ErrExists):
		return usagef("refusing to overwrite %s, which may be a workbook someone filled in: choose another name, or pass --force", name)
	case err != nil:
		return usagef("%v", err)
	}
	return nil
}

// writeAtomic writes name atomically, never over one of inputs (see
// files.WriteAtomic).
func writeAtomic(name string, inputs []string, write func(f *os.File) error) error {
	err := files.WriteAtomic(name, inputs, write)
	if errors.Is(err, files.ErrIsInput) {
		return usagef("%v", err)
	}
	return err
}

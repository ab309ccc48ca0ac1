package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// outputDir prepares dir for outputs: it is created if missing, and an
// existing non-empty folder is refused unless force is set.
func outputDir(dir string, force bool) error {
	entries, err := os.ReadDir(dir)
	switch {
	case os.IsNotExist(err):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(entries) > 0 && !force:
		return usagef("output folder %s is not empty: choose another with -o, or pass --force to write into it", dir)
	}
	return nil
}

// writeAtomic writes name atomically: to a temporary file in the same
// folder, renamed into place once complete. It refuses to replace any of
// the inputs.
func writeAtomic(name string, inputs []string, write func(f *os.File) error) (err error) {
	abs, _ := filepath.Abs(name)
	for _, in := range inputs {
		if a, _ := filepath.Abs(in); a == abs {
			return usagef("refusing to overwrite the input %s", in)
		}
		if st1, err1 := os.Stat(in); err1 == nil {
			if st2, err2 := os.Stat(name); err2 == nil && os.SameFile(st1, st2) {
				return usagef("refusing to overwrite the input %s", in)
			}
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

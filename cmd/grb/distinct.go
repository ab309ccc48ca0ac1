package main

import (
	"bytes"
	"crypto/sha256"
	"io"
	"os"
	"sort"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/fdp"
)

// distinctInputs refuses an input given twice: the same file (by the same
// name, another path or a hard link) or two files of identical content (a
// copy under another name, with or without a fiscal year); why says what
// would follow ("its lines would be counted twice"). Neither --parts nor
// the files' years change that.
func distinctInputs(names []string, why string) error {
	infos := make([]os.FileInfo, len(names))
	data := make([]string, len(names)) // the file each name reads
	for i, name := range names {
		data[i] = dataFile(name)
		fi, err := os.Stat(data[i])
		if err != nil {
			continue // reading it says why
		}
		for j, prev := range infos[:i] {
			if prev == nil || !os.SameFile(prev, fi) {
				continue
			}
			if data[i] != name || data[j] != names[j] {
				return usagef("%s and %s are the same budget given twice (both read %s): %s", names[j], names[i], data[i], why)
			}
			return usagef("%s and %s are the same file given twice: %s", names[j], names[i], why)
		}
		infos[i] = fi
	}
	return identicalInputs(names, data, infos, why)
}

// dataFile returns the file that reading name reads: the csv file of a
// Fiscal Data Package (its folder or descriptor), else name.
func dataFile(name string) string {
	if fdp.IsPackage(name) {
		if p, err := fdp.ReadPackage(name); err == nil {
			return p.Data
		}
	}
	return name
}

// identicalInputs refuses two inputs, of names, whose files (data, of
// infos) are regular and hold identical bytes (why as for distinctInputs).
// Only files of one size are compared, by their SHA-256 sums.
func identicalInputs(names, data []string, infos []os.FileInfo, why string) error {
	sums := make([][]byte, len(names))
	sum := func(i int) []byte {
		if sums[i] == nil {
			sums[i] = contentSum(data[i])
		}
		return sums[i]
	}
	for i, fi := range infos {
		if fi == nil || !fi.Mode().IsRegular() {
			continue
		}
		for j, prev := range infos[:i] {
			if prev == nil || !prev.Mode().IsRegular() || prev.Size() != fi.Size() {
				continue
			}
			if a, b := sum(j), sum(i); len(a) > 0 && bytes.Equal(a, b) {
				return usagef("%s and %s are identical (the same bytes): one file given twice, %s; give it once", names[j], names[i], why)
			}
		}
	}
	return nil
}

// Why an input may not be given twice, for distinctInputs.
const (
	linesTwice   = "its lines would be counted twice"
	answersTwice = "its answers would be scored twice"
)

// contentSum returns the SHA-256 sum of the file name, or an empty sum
// when it cannot be read (reading it later says why).
func contentSum(name string) []byte {
	f, err := os.Open(name)
	if err != nil {
		return []byte{}
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return []byte{}
	}
	return h.Sum(nil)
}

// distinctYears refuses two files that hold lines of one fiscal year: they
// are most often two versions of one budget (proposed and revised, a
// correction), whose lines added would count the budget twice. --compare
// compares versions; --parts says the files are parts of one budget. Lines
// of no known year are not compared.
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
				return usagef("%s and %s both hold fiscal year %d: two versions of one budget would be added. To compare them: grb report %s --compare %s (or grb analyze %s --compare %s); if they are parts of one budget, give --parts",
					names[j], names[i], y, names[i], names[j], names[i], names[j])
			}
		}
	}
	return nil
}

// yearsOf returns the known fiscal years of b's lines, ascending.
func yearsOf(b *budget.Budget) []int {
	seen := map[int]bool{}
	var years []int
	for i := range b.Lines.Len() {
		if y := b.Lines.YearAt(i); y != 0 && !seen[y] {
			seen[y] = true
			years = append(years, y)
		}
	}
	sort.Ints(years)
	return years
}

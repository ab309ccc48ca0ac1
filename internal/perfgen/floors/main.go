package main

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: floors inflate FILE.xlsx | floors csv FILE.csv")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "inflate":
		err = inflate(os.Args[2])
	case "csv":
		err = groupBy(os.Args[2])
	default:
		err = fmt.Errorf("unknown floor %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "floors:", err)
		os.Exit(1)
	}
}

// inflate inflates xl/worksheets/sheet1.xml and discards it.
func inflate(name string) error {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return err
	}
	defer zr.Close()
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	defer rc.Close()
	n, err := io.Copy(io.Discard, rc)
	fmt.Println(n, "bytes inflated")
	return err
}

// groupBy sums the Approved and Executed columns (7 and 8) by ministry
// and marker (columns 3 and 10) of a perf csv.
func groupBy(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	r.ReuseRecord = true
	type key struct{ m, g string }
	sums := map[key][2]float64{}
	if _, err := r.Read(); err != nil {
		return err
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		a, _ := strconv.ParseFloat(rec[6], 64)
		e, _ := strconv.ParseFloat(rec[7], 64)
		k := key{rec[2], rec[9]}
		s, ok := sums[k]
		if !ok {
			k = key{string([]byte(rec[2])), string([]byte(rec[9]))}
		}
		s[0] += a
		s[1] += e
		sums[k] = s
	}
	fmt.Println(len(sums), "groups")
	return nil
}

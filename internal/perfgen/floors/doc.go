// Command floors measures the floors that grb's speed is compared with
// (README, Speed): Go's bare inflate of an .xlsx workbook's first sheet
// part, and a bare encoding/csv read of a csv file with a group-by of its
// two amount columns in floating point. It must not import any grb
// package: a floor does none of grb's work.
//
//	go run ./internal/perfgen/floors inflate perf-1000000.xlsx
//	go run ./internal/perfgen/floors csv perf-1000000.csv
//
// peer.py beside it is the pandas peer (read and group-by, or read and a
// summary workbook), run with Debian's python3-pandas and python3-openpyxl.
package main

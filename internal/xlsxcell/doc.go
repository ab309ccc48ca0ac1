// Package xlsxcell writes the text of a worksheet cell as grb's own sheet
// writers put it into an .xlsx part (the tagging workbook's sheets and
// report.xlsx's Lines sheets, both written as XML rather than cell by cell
// through excelize): cut to Excel's limit, escaped as XML and as
// ECMA-376's _xHHHH_ escapes require. It imports the standard library
// only, never a package of grb's.
package xlsxcell

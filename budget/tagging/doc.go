// Package tagging owns the tagging workbook, in which budget officers put
// GCM objectives and gender markers on the lines of a budget: it prepares
// a budget for tagging ([New]), suggests tags by rules
// ([Rules], data/rules.yaml) and from an earlier tagged budget
// ([CarryIndex]), writes the workbook ([Write], with excelize), reads it
// back ([Read]) and checks it ([Check]). It sits beside the readers of
// package budget and uses budget/xlsx, budget/csv and budget/grid; it
// must not import input, analysis or reports.
//
// A tagging workbook is an .xlsx workbook:
//
//   - each sheet of the source budget that holds lines is copied cell for
//     cell, at the same rows and columns (so positions in messages match
//     the source), and the tag columns ([TagColumns]) are added to its
//     right;
//   - a hidden sheet named "grb" ([MarkerSheet]) marks the workbook as a
//     tagging workbook and records how to read each copied sheet (its
//     header row, column mapping, scale, …), so that reading it back gives
//     the same lines as the source.
package tagging

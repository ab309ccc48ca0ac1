package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// A summary holds the figures a reader of the sample workbook must find,
// computed from the same data the generator writes.
type summary struct {
	Sheets   []sheetSummary
	Mismatch string // the deliberate subtotal mismatch, with its cell
}

// A sheetSummary holds one fiscal-year sheet's expected figures.
type sheetSummary struct {
	Name                    string
	Year                    int
	Lines                   int // line rows (not subtotal, total or other rows)
	FirstRow, LastRow       int // worksheet rows spanned by lines and subtotals
	Subtotals               int
	TotalRow                int
	Sums                    [numPhases]int64 // exact sums of the lines, in tenths of a thousand USD
	Given                   [numPhases]int   // lines with the amount given
	Markers                 [4]int           // lines by marker: 0, 1, 2, blank
	SplitWeighted           int              // "7 (60%), 16 (40%)"
	SplitListed             int              // "3; 7"
	Beneficiaries           int              // lines with beneficiary counts
	Women, Men, Girls, Boys int64            // planned beneficiaries, summed
	Irregular               []string         // text amounts, N/A and negative amounts, by cell
}

// summarize computes the expected figures of the sheets.
func summarize(sheets []*sheet) summary {
	var sum summary
	for _, s := range sheets {
		ss := sheetSummary{
			Name: s.name(), Year: s.year, FirstRow: firstDataRow, LastRow: s.totalRow - 1,
			Subtotals: len(s.blocks), TotalRow: s.totalRow,
		}
		for _, b := range s.blocks {
			for _, l := range b.lines {
				ss.Lines++
				for p, a := range l.amounts {
					if a.ok {
						ss.Sums[p] += a.v
						ss.Given[p]++
					}
					cell := fmt.Sprintf("%s%d", amountCols[p], l.row)
					switch {
					case a.text != "" && !a.ok:
						ss.Irregular = append(ss.Irregular,
							fmt.Sprintf("%s %s is the text %q: absent, not counted (%s)", cell, phaseNames[p], a.text, l.spec.desc))
					case a.text != "":
						ss.Irregular = append(ss.Irregular,
							fmt.Sprintf("%s %s is the text %q: counted as %s (%s)", cell, phaseNames[p], a.text, formatTenths(a.v), l.spec.desc))
					case a.ok && a.v < 0:
						ss.Irregular = append(ss.Irregular,
							fmt.Sprintf("%s %s is negative: %s (%s)", cell, phaseNames[p], formatTenths(a.v), l.spec.desc))
					}
				}
				switch l.spec.marker {
				case "0":
					ss.Markers[0]++
				case "1":
					ss.Markers[1]++
				case "2":
					ss.Markers[2]++
				default:
					ss.Markers[3]++
				}
				switch {
				case strings.Contains(l.spec.obj, "%"):
					ss.SplitWeighted++
				case isSplit(l.spec.obj):
					ss.SplitListed++
				}
				if l.hasBen {
					ss.Beneficiaries++
					ss.Women += l.ben[0]
					ss.Men += l.ben[1]
					ss.Girls += l.ben[2]
					ss.Boys += l.ben[3]
				}
			}
			if s.year == mismatchYear && b.min.vote == mismatchVote {
				stated := b.subtotal[approved].v
				sum.Mismatch = fmt.Sprintf("%s!G%d (%q): Approved stated %s, its lines sum to %s (difference %s)",
					s.name(), b.row, "Subtotal "+b.min.name,
					formatTenths(stated), formatTenths(stated-mismatchDelta), "+"+formatTenths(mismatchDelta))
			}
		}
		sum.Sheets = append(sum.Sheets, ss)
	}
	return sum
}

// String formats the summary as printed by -summary and kept in the
// README.
func (sum summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Republic of Examplia sample budget (SYNTHETIC). Amounts in thousands of USD, exact.\n")
	fmt.Fprintf(&b, "Sheets: FY2023, FY2024, FY2025 (visible); Lists (hidden, not budget data).\n")
	for _, s := range sum.Sheets {
		fmt.Fprintf(&b, "\n%s: %d line rows, %d subtotal rows (rows %d-%d), Total row %d\n",
			s.Name, s.Lines, s.Subtotals, s.FirstRow, s.LastRow, s.TotalRow)
		for p := range numPhases {
			if s.Given[p] == 0 {
				fmt.Fprintf(&b, "  %-9s none given\n", phaseNames[p]+":")
				continue
			}
			fmt.Fprintf(&b, "  %-9s %s thousand = USD %s.00 (%d lines)\n",
				phaseNames[p]+":", formatTenths(s.Sums[p]), thousandsToUnits(s.Sums[p]), s.Given[p])
		}
		fmt.Fprintf(&b, "  Gender marker: 0 = %d, 1 = %d, 2 = %d, blank = %d\n",
			s.Markers[0], s.Markers[1], s.Markers[2], s.Markers[3])
		fmt.Fprintf(&b, "  Split GCM objectives: %d lines (%d weighted \"7 (60%%), 16 (40%%)\", %d listed \"3; 7\")\n",
			s.SplitWeighted+s.SplitListed, s.SplitWeighted, s.SplitListed)
		fmt.Fprintf(&b, "  Beneficiary counts: %d lines; women %d, men %d, girls %d, boys %d\n",
			s.Beneficiaries, s.Women, s.Men, s.Girls, s.Boys)
		for _, irr := range s.Irregular {
			fmt.Fprintf(&b, "  Irregular: %s\n", irr)
		}
	}
	fmt.Fprintf(&b, "\nDeliberate subtotal mismatch (the only one): %s\n", sum.Mismatch)
	return b.String()
}

// thousandsToUnits converts v tenths of a thousand to whole currency
// units: 12345 (1,234.5 thousand) is "1234500".
func thousandsToUnits(v int64) string {
	return fmt.Sprint(v * 100)
}

// The markers around the generated figures in the README.
const (
	readmeBegin = "<!-- samplegen:figures:begin -->\n```text\n"
	readmeEnd   = "```\n<!-- samplegen:figures:end -->"
)

// updateReadme returns readme with the text between the figure markers
// replaced by figures.
func updateReadme(readme []byte, figures string) ([]byte, error) {
	i := bytes.Index(readme, []byte(readmeBegin))
	j := bytes.Index(readme, []byte(readmeEnd))
	if i < 0 || j < i {
		return nil, errors.New("figure markers not found")
	}
	var b bytes.Buffer
	b.Write(readme[:i+len(readmeBegin)])
	b.WriteString(figures)
	b.Write(readme[j:])
	return b.Bytes(), nil
}

package main

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/internal/format"
)

// fiscalYears are the years of the sample, one sheet each.
var fiscalYears = []int{2023, 2024, 2025}

// executed reports whether fiscal year fy has been executed; later years
// have no Executed amounts yet.
func executed(fy int) bool { return fy <= 2024 }

// An amount is a money cell in tenths of a thousand USD (so 12345 is
// USD 1,234.5 thousand). Amounts are kept as integers so that sums are
// exact.
type amount struct {
	v  int64
	ok bool // the amount is given; false for a blank or "N/A" cell
	// text, when set, is written as a text cell instead of a number, as
	// some accounting systems export: "1,234.5" (v is its value) or
	// "N/A" (ok is false).
	text string
}

// num returns a given amount of v tenths.
func num(v int64) amount { return amount{v: v, ok: true} }

// phase indexes the three amount columns.
type phase int

const (
	approved phase = iota
	revised
	executedPhase
	numPhases
)

var phaseNames = [numPhases]string{"Approved", "Revised", "Executed"}

// A line is one budget line of one fiscal year.
type line struct {
	spec    *lineSpec
	min     *ministry
	prog    *programme
	amounts [numPhases]amount
	ben     [4]int64 // women, men, girls, boys; meaningful when hasBen
	hasBen  bool
	row     int // 1-based worksheet row
}

// A block is one ministry's lines on one sheet and its subtotal row.
type block struct {
	min      *ministry
	lines    []*line
	subtotal [numPhases]amount // as written; equals sum(lines) except for the deliberate mismatch
	row      int               // worksheet row of the subtotal
}

// A sheet is one fiscal year's worksheet.
type sheet struct {
	year   int
	blocks []*block
	total  [numPhases]amount
	// totalRow and noteRow are the worksheet rows of the Total row and
	// of the source footnote.
	totalRow, noteRow int
}

// name returns the worksheet name, "FY2023".
func (s *sheet) name() string { return "FY" + strconv.Itoa(s.year) }

// firstDataRow is the worksheet row of the first line: rows 1–2 are the
// title, row 3 is blank and rows 4–5 are the two-row header.
const firstDataRow = 6

// The deliberate subtotal mismatch: on this sheet, this vote's subtotal
// Approved is stated mismatchDelta tenths (USD 10.0 thousand) above the sum
// of its lines. Readers must report it; tests check that they do.
const (
	mismatchYear  = 2024
	mismatchVote  = 104 // Ministry of Health
	mismatchDelta = 100
)

// generate builds the sample's three fiscal-year sheets from the catalogue
// and a fixed-seed random source, and lays out their worksheet rows.
func generate() []*sheet {
	r := rand.New(rand.NewPCG(1, 2))
	between := func(lo, hi int64) int64 { return lo + r.Int64N(hi-lo+1) }
	// scale returns v*pct/100 rounded to the nearest tenth.
	scale := func(v, pct int64) int64 {
		p := v * pct
		if p < 0 {
			return (p - 50) / 100
		}
		return (p + 50) / 100
	}

	// Per-line constants across years: the base allocation, whether the
	// line is budgeted in whole thousands, and the base beneficiary count.
	type base struct {
		approved  int64
		wholeUnit bool
		people    int64
	}
	bases := map[*lineSpec]base{}
	for mi := range catalogue {
		for pi := range catalogue[mi].progs {
			for li := range catalogue[mi].progs[pi].lines {
				var b base
				switch r.IntN(3) {
				case 0:
					b.approved = between(1500, 9000)
				case 1:
					b.approved = between(9000, 30000)
				default:
					b.approved = between(30000, 95000)
				}
				b.wholeUnit = r.IntN(10) < 6
				b.people = between(150, 4000)
				bases[&catalogue[mi].progs[pi].lines[li]] = b
			}
		}
	}

	var sheets []*sheet
	for _, fy := range fiscalYears {
		s := &sheet{year: fy}
		for mi := range catalogue {
			m := &catalogue[mi]
			b := &block{min: m}
			for pi := range m.progs {
				p := &m.progs[pi]
				for li := range p.lines {
					spec := &p.lines[li]
					if !spec.activeIn(fy) {
						continue
					}
					bs := bases[spec]
					l := &line{spec: spec, min: m, prog: p}
					a := scale(bs.approved, between(95, 112))
					if bs.wholeUnit {
						a = (a + 5) / 10 * 10
					}
					l.amounts[approved] = num(a)
					revisedShare := 40
					if !executed(fy) {
						revisedShare = 25 // mid-year: fewer revisions so far
					}
					if r.IntN(100) < revisedShare {
						l.amounts[revised] = num(scale(a, between(85, 120)))
					}
					if executed(fy) {
						ref := a
						if l.amounts[revised].ok {
							ref = l.amounts[revised].v
						}
						l.amounts[executedPhase] = num(scale(ref, between(62, 108)))
					}
					if spec.ben != [4]int64{} {
						var w int64
						for _, x := range spec.ben {
							w += x
						}
						people := scale(bs.people, between(90, 125))
						for i, x := range spec.ben {
							l.ben[i] = people * x / w
						}
						l.hasBen = true
					}
					b.lines = append(b.lines, l)
				}
			}
			s.blocks = append(s.blocks, b)
		}
		sheets = append(sheets, s)
	}

	applyQuirks(sheets)
	for _, s := range sheets {
		s.computeTotals()
		s.layout()
	}
	return sheets
}

// A quirk is a hand-placed irregularity of the kind real exports contain.
type quirk struct {
	year  int
	desc  string
	phase phase
	kind  quirkKind
}

type quirkKind int

const (
	// asText writes the generated amount as a text cell with a thousands
	// separator, "1,234.5", as some accounting systems export.
	asText quirkKind = iota
	// notAvailable writes the text "N/A": the amount is absent.
	notAvailable
	// negativeCut replaces the amount by a negative one: the line was cut
	// and the cut recorded as a negative Revised amount.
	negativeCut
)

// negativeCutAmount is the Revised amount of the negativeCut quirk, in
// tenths (USD -250.0 thousand).
const negativeCutAmount = -2500

// quirks are the irregular amount cells of the sample, each documented in
// templates/sample/README.md.
var quirks = []quirk{
	{2023, "Border management equipment", approved, asText},
	{2024, "Migrant health outreach", executedPhase, asText},
	{2025, "Remittance cost-reduction programme", approved, asText},
	{2024, "Diaspora investment forum", revised, notAvailable},
	{2025, "Contingency reserve for migration emergencies", revised, negativeCut},
}

// applyQuirks applies the quirks to the generated amounts. It panics if a
// quirk names a line that does not exist or an amount too small to need a
// thousands separator, which are bugs in the tables above.
func applyQuirks(sheets []*sheet) {
	for _, q := range quirks {
		var l *line
		for _, s := range sheets {
			for _, b := range s.blocks {
				for _, bl := range b.lines {
					if s.year == q.year && bl.spec.desc == q.desc {
						l = bl
					}
				}
			}
		}
		if l == nil {
			panic(fmt.Sprintf("samplegen: quirk for missing line FY%d %q", q.year, q.desc))
		}
		a := &l.amounts[q.phase]
		switch q.kind {
		case asText:
			if !a.ok || a.v < 10000 {
				panic(fmt.Sprintf("samplegen: text quirk FY%d %q: amount %+v needs no separator", q.year, q.desc, *a))
			}
			a.text = groupTenths(a.v)
		case notAvailable:
			*a = amount{text: "N/A"}
		case negativeCut:
			*a = num(negativeCutAmount)
		}
	}
}

// sumAmounts returns the exact sum of the given amounts, absent when none
// is given.
func sumAmounts(as []amount) amount {
	var s amount
	for _, a := range as {
		if a.ok {
			s.v += a.v
			s.ok = true
		}
	}
	return s
}

// computeTotals sets the subtotal of each block and the sheet total to the
// exact sums of the lines, then applies the deliberate mismatch.
func (s *sheet) computeTotals() {
	var all [numPhases][]amount
	for _, b := range s.blocks {
		for p := range numPhases {
			var as []amount
			for _, l := range b.lines {
				as = append(as, l.amounts[p])
			}
			b.subtotal[p] = sumAmounts(as)
			all[p] = append(all[p], as...)
		}
		if s.year == mismatchYear && b.min.vote == mismatchVote {
			b.subtotal[approved].v += mismatchDelta
		}
	}
	for p := range numPhases {
		s.total[p] = sumAmounts(all[p])
	}
}

// layout assigns worksheet rows: lines, then each ministry's subtotal,
// then the Total row, a blank row and the footnote.
func (s *sheet) layout() {
	row := firstDataRow
	for _, b := range s.blocks {
		for _, l := range b.lines {
			l.row = row
			row++
		}
		b.row = row
		row++
	}
	s.totalRow = row
	s.noteRow = row + 2
}

// isSplit reports whether a GCM objective cell names more than one
// objective.
func isSplit(obj string) bool { return strings.ContainsAny(obj, ",;") }

// formatTenths formats v tenths as a decimal with one digit after the
// point and no grouping: "-1234.5".
func formatTenths(v int64) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	return sign + strconv.FormatInt(v/10, 10) + "." + strconv.FormatInt(v%10, 10)
}

// groupTenths formats v tenths like formatTenths but with a comma every
// three digits: "1,234.5".
func groupTenths(v int64) string {
	return format.Thousands(formatTenths(v))
}

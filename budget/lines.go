package budget

import (
	"iter"
	"math"
	"unique"
)

// Lines holds a budget's lines column by column. A national budget has
// hundreds of thousands of lines and an aid file millions, and a Line
// struct is 272 bytes before its texts: held as Lines, a line costs about
// 50 to 90 bytes beyond its own text (see TestLinesBytesPerLine).
//
//   - Descriptions and identifiers are copied into one buffer of large
//     chunks and held as offsets into it.
//   - Codes (unit, programme, parent) are held once each in a table and
//     referred to by index.
//   - What lines of a sheet share (year, currency, objectives, markers,
//     their provenance, the file and sheet) is held once per distinct
//     combination, referred to by index.
//   - Amounts are int64 multiples of one power of ten, a column per phase
//     that some line has (see Amounts).
//   - What few lines have (a gender-equality amount, other markers,
//     beneficiaries) is behind an index that most lines leave zero.
//
// Set and Append copy the texts of a line (its description, identifier,
// codes, year label, currency and other markers): the caller may reuse
// the memory of the strings it passed.
//
// Read a line with At or All; it is made from the columns on each call, a
// Line value the caller owns (its Objectives and pointers are shared with
// the store: do not modify what they point to; Set a new value instead).
// Write with Append and Set.
//
// The zero Lines is empty and ready to use. A copy of a Lines shares its
// columns as a copy of a slice shares its array; it is not safe for
// concurrent use when any goroutine writes.
type Lines struct {
	desc    []textRef
	id      []textRef // nil until a line has an identifier
	unit    []uint32  // indexes in t.codes
	prog    []uint32
	parent  []uint32
	attrs   []uint32 // indexes in t.attrs
	row     []uint32 // Pos.Row; rowInAttrs when the row is in the attributes
	scale   []uint8  // the Amounts' scale; bigAmounts when held as Money
	present []uint8
	amt     [NumPhases][]int64 // nil until a line has phase p; for a big line, amt[0] is an index in t.big
	extra   []uint32           // nil until a line has one; 0 none, k is t.extras[k-1]
	t       *lineTables
}

const (
	rowInAttrs = math.MaxUint32 // the line's row does not fit the column
	bigAmounts = math.MaxUint8  // the line's amounts are in t.big
)

// lineTables are the texts and the shared values the columns refer to;
// they are only appended to, so copies of a Lines can share them.
type lineTables struct {
	text   textBuf
	codes  dict[Code]
	strs   dict[string] // year labels and currencies
	attrs  dict[lineAttrs]
	objs   map[string]uint32 // objective lists by encoding, indexes in objList
	objLst [][]ObjectiveShare
	extras []lineExtra
	big    []*[NumPhases]Money
	// recent are codes looked up lately, by where their text is: readers
	// share one Code among the lines that repeat it, and a string's bytes
	// never change, so the same bytes are the same code without hashing
	// its text. An entry holds its text alive, so the address is never
	// another text's. Made once the table holds recentFrom codes (a
	// Lines of a few codes does without).
	recent *[1024]recentCode
}

type recentCode struct {
	p *byte
	n int
	k uint32
}

// lineAttrs are the values lines of one sheet mostly share.
type lineAttrs struct {
	year         int
	yearLabel    uint32 // index in strs
	currency     uint32 // index in strs
	objectives   uint32 // index in objLst
	objSource    Provenance
	gender       Marker
	genderSource Provenance
	place        unique.Handle[place]
	col          int
	row          int // the line's row, when it does not fit the row column; else 0
}

// lineExtra is what few lines have.
type lineExtra struct {
	gewe  *Amounts
	other *OtherMarkers
	ben   *Beneficiaries
}

// LinesOf returns the lines ls held as Lines.
func LinesOf(ls ...Line) Lines {
	var out Lines
	out.Grow(len(ls))
	for _, l := range ls {
		out.Append(l)
	}
	return out
}

// Len returns the number of lines.
func (ls *Lines) Len() int { return len(ls.desc) }

// Grow makes room for n more lines without reallocating the columns.
func (ls *Lines) Grow(n int) {
	if n <= 0 {
		return
	}
	ls.desc = growTo(ls.desc, n)
	if ls.id != nil {
		ls.id = growTo(ls.id, n)
	}
	ls.unit, ls.prog, ls.parent = growTo(ls.unit, n), growTo(ls.prog, n), growTo(ls.parent, n)
	ls.attrs, ls.row = growTo(ls.attrs, n), growTo(ls.row, n)
	if ls.extra != nil {
		ls.extra = growTo(ls.extra, n)
	}
	ls.scale = growTo(ls.scale, n)
	ls.present = growTo(ls.present, n)
	for p := range ls.amt {
		if ls.amt[p] != nil {
			ls.amt[p] = growTo(ls.amt[p], n)
		}
	}
}

func growTo[T any](s []T, n int) []T {
	if cap(s)-len(s) >= n {
		return s
	}
	out := make([]T, len(s), len(s)+n)
	copy(out, s)
	return out
}

// tables returns the tables, made on first use.
func (ls *Lines) tables() *lineTables {
	if ls.t == nil {
		ls.t = &lineTables{objs: map[string]uint32{}}
		ls.t.codes.add(Code{})
		ls.t.strs.add("")
		ls.t.objLst = append(ls.t.objLst, nil)
		ls.t.attrs.add(lineAttrs{})
	}
	return ls.t
}

// Append adds the lines l at the end.
func (ls *Lines) Append(l ...Line) {
	for i := range l {
		ls.appendZero()
		ls.Set(len(ls.desc)-1, l[i])
	}
}

// appendZero adds a line of zero columns.
func (ls *Lines) appendZero() {
	ls.tables()
	ls.desc = append(ls.desc, 0)
	if ls.id != nil {
		ls.id = append(ls.id, 0)
	}
	ls.unit = append(ls.unit, 0)
	ls.prog = append(ls.prog, 0)
	ls.parent = append(ls.parent, 0)
	ls.attrs = append(ls.attrs, 0)
	ls.row = append(ls.row, 0)
	ls.scale = append(ls.scale, 0)
	ls.present = append(ls.present, 0)
	for p := range ls.amt {
		if ls.amt[p] != nil {
			ls.amt[p] = append(ls.amt[p], 0)
		}
	}
	if ls.extra != nil {
		ls.extra = append(ls.extra, 0)
	}
}

// column returns the column *c with room for every line, made (zero) when
// it is nil.
func column[T any](c *[]T, n, capacity int) []T {
	if *c == nil {
		*c = make([]T, n, max(n, capacity))
	}
	return *c
}

// Set replaces line i with l.
func (ls *Lines) Set(i int, l Line) {
	t := ls.tables()
	n, c := len(ls.desc), cap(ls.desc)
	ls.desc[i] = t.text.keep(ls.desc[i], l.Description)
	if l.ID != "" || ls.id != nil {
		id := column(&ls.id, n, c)
		id[i] = t.text.keep(id[i], l.ID)
	}
	ls.unit[i] = t.code(l.Unit, ls.unit, i)
	ls.prog[i] = t.code(l.Programme, ls.prog, i)
	ls.parent[i] = t.code(l.Parent, ls.parent, i)

	a := lineAttrs{year: l.Year, yearLabel: t.str(l.YearLabel, ls.attrs, i, func(a *lineAttrs) uint32 { return a.yearLabel }),
		currency:   t.str(l.Currency, ls.attrs, i, func(a *lineAttrs) uint32 { return a.currency }),
		objectives: t.objectives(l.Objectives), objSource: l.ObjectiveSource,
		gender: l.Gender, genderSource: l.GenderSource, place: l.Pos.place, col: l.Pos.Col}
	if l.Pos.Row >= 0 && l.Pos.Row < rowInAttrs {
		ls.row[i] = uint32(l.Pos.Row)
	} else {
		ls.row[i], a.row = rowInAttrs, l.Pos.Row
	}
	if i > 0 && t.attrs.vals[ls.attrs[i-1]] == a {
		ls.attrs[i] = ls.attrs[i-1]
	} else {
		ls.attrs[i] = t.attrs.add(a)
	}

	ls.present[i] = l.Amounts.present
	for p := range ls.amt {
		if ls.amt[p] != nil {
			ls.amt[p][i] = 0
		}
	}
	if l.Amounts.big != nil {
		ls.scale[i] = bigAmounts
		t.big = append(t.big, l.Amounts.big)
		column(&ls.amt[0], n, c)[i] = int64(len(t.big) - 1)
	} else {
		ls.scale[i] = l.Amounts.scale
		for p := range NumPhases {
			if l.Amounts.present&(1<<p) != 0 {
				column(&ls.amt[p], n, c)[i] = l.Amounts.m[p]
			}
		}
	}

	if l.GEWE != nil || l.Other != nil || l.Beneficiaries != nil {
		e := lineExtra{l.GEWE, l.Other, l.Beneficiaries}
		if o := l.Other; o != nil {
			e.other = &OtherMarkers{HumanRights: t.text.str(t.text.add(o.HumanRights)),
				ChildSensitivity: t.text.str(t.text.add(o.ChildSensitivity))}
		}
		t.extras = append(t.extras, e)
		column(&ls.extra, n, c)[i] = uint32(len(t.extras))
	} else if ls.extra != nil {
		ls.extra[i] = 0
	}
}

// SetGender sets the gender marker of line i and its provenance, as
// Set(i, l) with l = At(i) so changed would.
func (ls *Lines) SetGender(i int, m Marker, src Provenance) {
	a := ls.t.attrs.vals[ls.attrs[i]]
	a.gender, a.genderSource = m, src
	if i > 0 && ls.t.attrs.vals[ls.attrs[i-1]] == a {
		ls.attrs[i] = ls.attrs[i-1]
	} else {
		ls.attrs[i] = ls.t.attrs.add(a)
	}
}

// At returns line i.
func (ls *Lines) At(i int) Line {
	t := ls.t
	a := &t.attrs.vals[ls.attrs[i]]
	l := Line{
		Year: a.year, YearLabel: t.strs.vals[a.yearLabel], Currency: t.strs.vals[a.currency],
		Unit: t.codes.vals[ls.unit[i]], Programme: t.codes.vals[ls.prog[i]], Parent: t.codes.vals[ls.parent[i]],
		Description:     t.text.str(ls.desc[i]),
		Objectives:      t.objLst[a.objectives],
		ObjectiveSource: a.objSource, Gender: a.gender, GenderSource: a.genderSource,
		Pos:     Position{place: a.place, Row: int(ls.row[i]), Col: a.col},
		Amounts: ls.AmountsAt(i),
	}
	if ls.row[i] == rowInAttrs {
		l.Pos.Row = a.row
	}
	if ls.id != nil {
		l.ID = t.text.str(ls.id[i])
	}
	if ls.extra != nil && ls.extra[i] != 0 {
		e := t.extras[ls.extra[i]-1]
		l.GEWE, l.Other, l.Beneficiaries = e.gewe, e.other, e.ben
	}
	return l
}

// AmountsAt returns the amounts of line i: At(i).Amounts, without making
// the rest of the line.
func (ls *Lines) AmountsAt(i int) Amounts {
	a := Amounts{present: ls.present[i], scale: ls.scale[i]}
	if a.scale == bigAmounts {
		a.scale, a.big = 0, ls.t.big[ls.amt[0][i]]
		return a
	}
	for p := range NumPhases {
		if a.present&(1<<p) != 0 {
			a.m[p] = ls.amt[p][i]
		}
	}
	return a
}

// All returns the lines in order, with their indexes.
func (ls *Lines) All() iter.Seq2[int, Line] {
	return func(yield func(int, Line) bool) {
		for i := range ls.desc {
			if !yield(i, ls.At(i)) {
				return
			}
		}
	}
}

// Slice returns the lines as a slice of their own.
func (ls *Lines) Slice() []Line {
	out := make([]Line, ls.Len())
	for i := range out {
		out[i] = ls.At(i)
	}
	return out
}

// Keep keeps, in order, the lines i for which keep(i) is true, and drops
// the others; keep is called once for each line, in order.
func (ls *Lines) Keep(keep func(i int) bool) {
	j := 0
	for i := range ls.desc {
		if !keep(i) {
			continue
		}
		if i != j {
			ls.move(j, i)
		}
		j++
	}
	ls.cut(j)
}

// move copies line i's columns to line j.
func (ls *Lines) move(j, i int) {
	ls.desc[j] = ls.desc[i]
	if ls.id != nil {
		ls.id[j] = ls.id[i]
	}
	ls.unit[j], ls.prog[j], ls.parent[j] = ls.unit[i], ls.prog[i], ls.parent[i]
	ls.attrs[j], ls.row[j] = ls.attrs[i], ls.row[i]
	ls.scale[j], ls.present[j] = ls.scale[i], ls.present[i]
	for p := range ls.amt {
		if ls.amt[p] != nil {
			ls.amt[p][j] = ls.amt[p][i]
		}
	}
	if ls.extra != nil {
		ls.extra[j] = ls.extra[i]
	}
}

// cut keeps the first n lines' columns.
func (ls *Lines) cut(n int) {
	ls.desc = ls.desc[:n]
	if ls.id != nil {
		ls.id = ls.id[:n]
	}
	ls.unit, ls.prog, ls.parent = ls.unit[:n], ls.prog[:n], ls.parent[:n]
	ls.attrs, ls.row = ls.attrs[:n], ls.row[:n]
	ls.scale, ls.present = ls.scale[:n], ls.present[:n]
	for p := range ls.amt {
		if ls.amt[p] != nil {
			ls.amt[p] = ls.amt[p][:n]
		}
	}
	if ls.extra != nil {
		ls.extra = ls.extra[:n]
	}
}

// Reorder puts the lines from, from+1, … in the order given: line from+k
// becomes the line that was at order[k], which must be a permutation of
// from … from+len(order)-1.
func (ls *Lines) Reorder(from int, order []int) {
	reorder(ls.desc, from, order)
	if ls.id != nil {
		reorder(ls.id, from, order)
	}
	reorder(ls.unit, from, order)
	reorder(ls.prog, from, order)
	reorder(ls.parent, from, order)
	reorder(ls.attrs, from, order)
	reorder(ls.row, from, order)
	reorder(ls.scale, from, order)
	reorder(ls.present, from, order)
	for p := range ls.amt {
		if ls.amt[p] != nil {
			reorder(ls.amt[p], from, order)
		}
	}
	if ls.extra != nil {
		reorder(ls.extra, from, order)
	}
}

func reorder[T any](c []T, from int, order []int) {
	old := append([]T(nil), c[from:from+len(order)]...)
	for k, o := range order {
		c[from+k] = old[o-from]
	}
}

// RowAt returns the row line i was read from: At(i).Pos.Row, without
// making the rest of the line.
func (ls *Lines) RowAt(i int) int {
	if r := ls.row[i]; r != rowInAttrs {
		return int(r)
	}
	return ls.t.attrs.vals[ls.attrs[i]].row
}

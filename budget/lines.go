package budget

import (
	"encoding/binary"
	"iter"
	"math"
	"unique"
	"unsafe"
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
		currency: t.str(l.Currency, ls.attrs, i, func(a *lineAttrs) uint32 { return a.currency }),
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
		t.extras = append(t.extras, lineExtra{l.GEWE, l.Other, l.Beneficiaries})
		column(&ls.extra, n, c)[i] = uint32(len(t.extras))
	} else if ls.extra != nil {
		ls.extra[i] = 0
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

// Truncate keeps the first n lines.
func (ls *Lines) Truncate(n int) {
	ls.Keep(func(i int) bool { return i < n })
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

// code returns the index of c, looking first at the previous line's code
// in the same column col, which is most often the same.
func (t *lineTables) code(c Code, col []uint32, i int) uint32 {
	if c.IsZero() {
		return 0
	}
	if i > 0 && t.codes.vals[col[i-1]] == c {
		return col[i-1]
	}
	if k, ok := t.codes.idx[c]; ok {
		return k
	}
	return t.codes.add(Code{t.text.str(t.text.add(c.s))})
}

// str returns the index of s among the year labels and currencies,
// looking first at the previous line's (field of its attributes).
func (t *lineTables) str(s string, attrs []uint32, i int, field func(*lineAttrs) uint32) uint32 {
	if s == "" {
		return 0
	}
	if i > 0 {
		if k := field(&t.attrs.vals[attrs[i-1]]); t.strs.vals[k] == s {
			return k
		}
	}
	return t.strs.add(s)
}

// objectives returns the index of the list o.
func (t *lineTables) objectives(o []ObjectiveShare) uint32 {
	if len(o) == 0 {
		return 0
	}
	var buf [64]byte
	key := buf[:0]
	for _, s := range o {
		key = binary.AppendVarint(key, int64(s.Objective))
		key = binary.AppendVarint(key, int64(s.Share))
	}
	if k, ok := t.objs[string(key)]; ok {
		return k
	}
	k := uint32(len(t.objLst))
	t.objLst = append(t.objLst, append([]ObjectiveShare(nil), o...)[:len(o):len(o)])
	if len(t.objs) < dictIndexed {
		t.objs[string(key)] = k
	}
	return k
}

// dictIndexed is the most values a dict indexes: past it, a new value is
// added to the table without looking it up again (a file of a million
// distinct programmes would otherwise hold a map of a million keys).
const dictIndexed = 1 << 16

// dict is a table of distinct values, indexed by a map up to dictIndexed
// of them.
type dict[T comparable] struct {
	idx  map[T]uint32
	vals []T
}

// add returns the index of v, adding it when new.
func (d *dict[T]) add(v T) uint32 {
	if k, ok := d.idx[v]; ok {
		return k
	}
	if d.idx == nil {
		d.idx = map[T]uint32{}
	}
	k := uint32(len(d.vals))
	d.vals = append(d.vals, v)
	if len(d.idx) < dictIndexed {
		d.idx[v] = k
	}
	return k
}

// textRef locates a text in a textBuf: chunk index, offset in the chunk
// and length, 24, 20 and 20 bits; a text of textLong bytes or more has a
// chunk of its own and the length field textLong.
type textRef uint64

const (
	textChunk = 1 << 20
	textLong  = 1<<20 - 1
)

// textBuf holds texts in chunks that are only ever appended to, so the
// strings made from them never change.
type textBuf struct {
	chunks [][]byte
	cur    int // index+1 of the chunk small texts go to; 0 before the first
}

// add copies s into the buffer and returns where it is.
func (b *textBuf) add(s string) textRef {
	if s == "" {
		return 0
	}
	if len(s) > textChunk/4 { // a chunk of its own, exactly as long as s
		c := make([]byte, len(s))
		copy(c, s)
		b.chunks = append(b.chunks, c)
		return textRef(uint64(len(b.chunks)-1)<<40 | uint64(min(len(s), textLong)))
	}
	if b.cur == 0 || textChunk-len(b.chunks[b.cur-1]) < len(s) {
		b.chunks = append(b.chunks, make([]byte, 0, textChunk))
		b.cur = len(b.chunks)
	}
	c := &b.chunks[b.cur-1]
	off := len(*c)
	*c = append(*c, s...)
	return textRef(uint64(b.cur-1)<<40 | uint64(off)<<20 | uint64(len(s)))
}

// keep returns r when it holds s, else where s is added: a line set again
// with its own text does not add the text again.
func (b *textBuf) keep(r textRef, s string) textRef {
	if b.str(r) == s {
		return r
	}
	return b.add(s)
}

// str returns the text at r.
func (b *textBuf) str(r textRef) string {
	n := int(r & textLong)
	if n == 0 {
		return ""
	}
	c := b.chunks[r>>40]
	if n == textLong {
		return unsafe.String(&c[0], len(c))
	}
	off := int(r>>20) & textLong
	return unsafe.String(&c[off], n)
}

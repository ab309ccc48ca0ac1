package budget

import (
	"encoding/binary"
	"unsafe"
)

// code returns the index of c, looking first at the previous line's code
// in the same column col, which is most often the same.
func (t *lineTables) code(c Code, col []uint32, i int) uint32 {
	if c.IsZero() {
		return 0
	}
	if i > 0 && t.codes.vals[col[i-1]] == c {
		return col[i-1]
	}
	if t.recent == nil && len(t.codes.vals) >= recentFrom {
		t.recent = new([1024]recentCode)
	}
	var r *recentCode
	if p := unsafe.StringData(c.s); t.recent != nil {
		r = &t.recent[(uintptr(unsafe.Pointer(p))>>4^uintptr(len(c.s)))%uintptr(len(t.recent))]
		if r.p == p && r.n == len(c.s) {
			return r.k
		}
	}
	k, ok := t.codes.idx[c]
	if !ok {
		k = t.codes.add(Code{t.text.str(t.text.add(c.s))})
	}
	if r != nil {
		*r = recentCode{unsafe.StringData(c.s), len(c.s), k}
	}
	return k
}

// recentFrom is the number of codes from which lookups go through
// lineTables.recent.
const recentFrom = 64

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
	if k, ok := t.strs.idx[s]; ok {
		return k
	}
	return t.strs.add(t.text.str(t.text.add(s)))
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

package grid

import (
	"strings"
	"unsafe"
)

// StableText is implemented by the Rows of a source some of whose cells'
// text outlives the row: an .xlsx cell that refers to the shared-string
// table is a part of the table, which the source holds anyway. The text
// of any other cell is a part of its row's text, which a line would keep
// alive whole (a row of 200 bytes for a year label of 4) unless copied.
type StableText interface {
	// Stable reports whether the text of the current row's cell at col
	// (0-based) is not a part of the row's own text.
	Stable(col int) bool
}

// textArena holds the text the lines keep (descriptions, identifiers), copied
// out of the rows they were read from into large chunks: a million lines
// keep their text and nothing else of their rows, in a few hundred
// allocations.
type textArena struct {
	chunk []byte
	small map[string]string // short texts that repeat (years, currencies), once each
}

// arenaChunk is the size of an arena chunk; a text longer than a quarter of
// it is copied on its own.
const arenaChunk = 1 << 20

// maxSmall bounds the short texts kept once each.
const maxSmall = 4096

// keep returns s as a string that holds no other text alive.
func (a *textArena) keep(s string) string {
	switch {
	case s == "":
		return ""
	case len(s) > arenaChunk/4:
		return strings.Clone(s)
	case len(s) <= 8:
		if k, ok := a.small[s]; ok {
			return k
		}
		if len(a.small) < maxSmall {
			if a.small == nil {
				a.small = map[string]string{}
			}
			k := strings.Clone(s)
			a.small[k] = k
			return k
		}
	}
	if cap(a.chunk)-len(a.chunk) < len(s) {
		a.chunk = make([]byte, 0, arenaChunk)
	}
	off := len(a.chunk)
	a.chunk = append(a.chunk, s...)
	// The chunk is only ever appended to: the bytes under this string are
	// never written again.
	return unsafe.String(&a.chunk[off], len(s))
}

// keepCell returns the text of the current row's cell at col for a line to
// keep: as it is when the source says it outlives the row, else a copy.
func (s *sheetReader) keepCell(v string, col int) string {
	if v == "" || (s.stable != nil && col >= 0 && s.stable.Stable(col)) {
		return v
	}
	return s.arena.keep(v)
}

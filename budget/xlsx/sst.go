package xlsx

import (
	"archive/zip"
	"fmt"
	"slices"
	"unsafe"
)

// sharedStrings is the shared-string table of a workbook, held as one
// byte buffer and the end of each string in it: a million strings cost
// their text and eight bytes each, and a cell's text is copied out only
// when a row refers to it.
type sharedStrings struct {
	text []byte
	ends []int
	// all is text as one string, made once the table is read, without a
	// copy (text is never written again): cells take their strings from
	// it, so a million cells that refer to the table allocate nothing.
	all string
}

// str returns string i, which must be in the table, as a part of all.
func (t *sharedStrings) str(i int) string {
	from := 0
	if i > 0 {
		from = t.ends[i-1]
	}
	return t.all[from:t.ends[i]]
}

func (t *sharedStrings) len() int { return len(t.ends) }

// at returns string i, which must be in the table.
func (t *sharedStrings) at(i int) []byte {
	from := 0
	if i > 0 {
		from = t.ends[i-1]
	}
	return t.text[from:t.ends[i]:t.ends[i]] // capped: appending to it copies
}

// sstRead, when set (by tests), is called with each table read.
var sstRead func(*sharedStrings)

// readSharedStrings reads xl/sharedStrings.xml, if there is one. The text
// of an item is that of its <t> (the last one, when there are several)
// followed by the <t> of each rich-text run, with _xHHHH_ escapes
// replaced; phonetic runs (<rPh>) are left out. That is excelize's
// reading.
func readSharedStrings(zf *zip.File) (*sharedStrings, error) {
	t := &sharedStrings{}
	if zf == nil {
		return t, nil
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", sharedStringsPart, err)
	}
	if zf.UncompressedSize64 >= aheadMin {
		rc = newReadAhead(rc) // inflated on its own goroutine, as a large sheet is
	}
	defer rc.Close()
	if zf.UncompressedSize64 < 1<<30 {
		// The text is shorter than the part it is written in: one
		// allocation, never grown (the zip-bomb limit bounds the size).
		t.text = make([]byte, 0, zf.UncompressedSize64)
	}
	s := newScanner(rc, "xl/sharedStrings.xml", 256<<10)
	var item, run []byte
	for {
		switch s.next() {
		case tokEOF:
			if s.err != nil {
				return nil, s.err
			}
			t.text = slices.Clip(t.text)
			if len(t.text) > 0 {
				t.all = unsafe.String(&t.text[0], len(t.text))
			}
			if sstRead != nil {
				sstRead(t)
			}
			return t, nil
		case tokStart:
			if string(localName(s.name)) != "si" || s.depth() != 2 && !(s.self && s.depth() == 1) {
				continue
			}
			item, run = s.richText(item[:0], run[:0])
			if s.err != nil {
				return nil, s.err
			}
			if hasBstr(item) {
				t.text = appendBstr(t.text, item)
			} else {
				t.text = append(t.text, item...)
			}
			t.ends = append(t.ends, len(t.text))
		}
	}
}

// richText reads the rest of a string item (<si> or <is>) whose start tag
// was the last token: the text of its last direct <t>, then that of each
// run <r> (its last <t>). dst and scratch are reused buffers.
func (s *scanner) richText(dst, scratch []byte) ([]byte, []byte) {
	if s.self {
		return dst, scratch
	}
	d := s.depth()
	var runs []byte
	var tok []byte
	for s.next() != tokEOF && s.depth() >= d {
		if s.kind != tokStart || s.depth() != d+1 && !(s.self && s.depth() == d) {
			continue
		}
		switch string(localName(s.name)) {
		case "t":
			tok = s.elemText(tok[:0])
			dst = append(dst[:0], tok...)
		case "r":
			scratch = s.runText(scratch)
			runs = append(runs, scratch...)
		default:
			s.skip()
		}
	}
	return append(dst, runs...), scratch
}

// runText reads a rich-text run whose start tag was the last token: the
// text of its last <t>.
func (s *scanner) runText(dst []byte) []byte {
	dst = dst[:0]
	if s.self {
		return dst
	}
	d := s.depth()
	for s.next() != tokEOF && s.depth() >= d {
		if s.kind == tokStart && (s.depth() == d+1 || s.self && s.depth() == d) {
			if string(localName(s.name)) == "t" {
				dst = s.elemText(dst[:0])
			} else {
				s.skip()
			}
		}
	}
	return dst
}

// elemText appends to dst the text directly inside the element whose
// start tag was the last token, and consumes it; the text of nested
// elements is left out, as encoding/xml does for a string field.
func (s *scanner) elemText(dst []byte) []byte {
	if s.self {
		return dst
	}
	d := s.depth()
	for s.next() != tokEOF && s.depth() >= d {
		switch {
		case s.kind == tokText && s.depth() == d:
			dst = append(dst, s.text...)
		case s.kind == tokStart:
			s.skip()
		}
	}
	return dst
}

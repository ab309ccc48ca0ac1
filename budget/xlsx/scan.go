package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// ErrMalformed is wrapped by every error about a workbook part that is not
// well-formed XML, is cut off, declares a document type or entities, nests
// deeper than a workbook does, or names an impossible cell.
var ErrMalformed = errors.New("malformed workbook")

// maxDepth bounds the nesting of elements in a part: a worksheet nests
// about ten deep (extensions included), so 32 leaves room and refuses
// documents built to exhaust a reader.
const maxDepth = 32

// Token kinds of the scanner.
const (
	tokEOF = iota
	tokStart
	tokEnd
	tokText
)

// scanner is a strict, streaming XML tokenizer for the parts of a
// workbook, working on bytes: it checks well-formedness (matched tags,
// quoted attributes, known references, valid UTF-8 and XML characters,
// one root element, nothing cut off) and refuses DOCTYPE and every other
// declaration, so no entity can be defined. Names and texts it returns are
// valid until the next call of next.
type scanner struct {
	r        io.Reader
	part     string
	buf      []byte
	pos, end int
	off      int64 // offset in the part of buf[0]
	eof      bool
	err      error

	kind   int
	tokOff int64  // offset in the part of the current token
	name   []byte // qualified name of a start or end tag
	self   bool   // the start tag closes itself
	text   []byte // text of a text token, decoded
	attrs  []attr

	stack   []byte // names of the open elements, concatenated
	ends    []int  // end of each name in stack
	root    int    // 0 before the root element, 1 inside it, 2 after it
	started bool   // some token was read (an XML declaration must come first)
	scratch []byte
	avals   []byte
}

// attr is an attribute of the current start tag: spans of buf.
type attr struct {
	name, val []byte
}

func newScanner(r io.Reader, part string, size int) *scanner {
	return &scanner{r: r, part: part, buf: make([]byte, size)}
}

// fail records a syntax error at the current token and returns tokEOF.
func (s *scanner) fail(format string, args ...any) int {
	if s.err == nil {
		s.err = &partError{part: s.part, off: s.tokOff, msg: fmt.Sprintf(format, args...)}
	}
	s.kind = tokEOF
	return tokEOF
}

// partError is a fault in a part of a workbook, at a byte offset of the
// uncompressed part.
type partError struct {
	part string
	off  int64
	msg  string
	row  int
	io   error
}

func (e *partError) Error() string {
	where := fmt.Sprintf("%s, byte %d", e.part, e.off)
	if e.row > 0 {
		where = fmt.Sprintf("%s, row %d, byte %d", e.part, e.row, e.off)
	}
	return "malformed workbook: " + where + ": " + e.msg
}

func (e *partError) Unwrap() []error {
	if e.io != nil {
		return []error{ErrMalformed, e.io}
	}
	return []error{ErrMalformed}
}

// more reads input after buf[s.end], first moving buf[keep:end] to the
// front (growing buf when it is full); it reports whether bytes came.
func (s *scanner) more(keep int) bool {
	if s.eof {
		return false
	}
	if keep > 0 {
		n := copy(s.buf, s.buf[keep:s.end])
		s.off += int64(keep)
		s.pos -= keep
		s.end = n
	}
	if s.end == len(s.buf) {
		nb := make([]byte, 2*len(s.buf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	start := s.end
	for s.end < len(s.buf) {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err == io.EOF {
			s.eof = true
			break
		}
		if err != nil {
			s.eof = true
			if s.err == nil {
				s.err = &partError{part: s.part, off: s.off + int64(s.end), msg: "cannot inflate: " + err.Error(), io: err}
			}
			break
		}
		if n == 0 {
			continue
		}
		if s.end-start >= 64<<10 {
			break
		}
	}
	return s.end > start
}

// next reads the next token and returns its kind; tokEOF at the end of
// the part or after an error (see s.err).
func (s *scanner) next() int {
	for s.err == nil {
		if s.pos >= s.end && !s.more(s.pos) {
			if s.err != nil {
				break
			}
			s.tokOff = s.off + int64(s.pos)
			return s.atEOF()
		}
		s.tokOff = s.off + int64(s.pos)
		var k int
		if s.buf[s.pos] == '<' {
			k = s.tag()
		} else {
			k = s.chars()
		}
		if k >= 0 {
			s.started = true
			s.kind = k
			return k
		}
		if k == -1 && !s.more(s.pos) { // the token is cut off
			if s.err != nil {
				break
			}
			return s.fail("the part ends inside a tag or text (truncated?)")
		}
		// k == -2: a token that yields nothing (comment, declaration, blank)
	}
	s.kind = tokEOF
	return tokEOF
}

func (s *scanner) atEOF() int {
	switch {
	case s.root == 0:
		return s.fail("no root element (empty or truncated part)")
	case len(s.ends) > 0:
		return s.fail("the part ends inside <%s> (truncated?)", s.top())
	}
	s.kind = tokEOF
	return tokEOF
}

// top returns the name of the innermost open element.
func (s *scanner) top() []byte {
	n := len(s.ends)
	if n == 0 {
		return nil
	}
	from := 0
	if n > 1 {
		from = s.ends[n-2]
	}
	return s.stack[from:s.ends[n-1]]
}

// depth is the number of open elements.
func (s *scanner) depth() int { return len(s.ends) }

// chars reads character data up to the next '<'. It returns -1 when it
// needs more input, -2 for blank text outside the root.
func (s *scanner) chars() int {
	i := bytes.IndexByte(s.buf[s.pos:s.end], '<')
	if i < 0 {
		if !s.eof {
			return -1
		}
		i = s.end - s.pos
	}
	raw := s.buf[s.pos : s.pos+i]
	s.pos += i
	if s.root != 1 {
		if len(bytes.TrimLeft(raw, " \t\r\n")) > 0 {
			return s.fail("text outside the root element")
		}
		return -2
	}
	t, ok := s.decode(raw, true, &s.scratch)
	if !ok {
		return tokEOF
	}
	s.text = t
	return tokText
}

// tag reads a tag, comment, CDATA section or processing instruction at
// s.pos ('<'). It returns -1 when it needs more input.
func (s *scanner) tag() int {
	b := s.buf[s.pos:s.end]
	if len(b) < 2 {
		return -1
	}
	switch b[1] {
	case '/':
		return s.endTag(b)
	case '?':
		return s.procInst(b)
	case '!':
		return s.bang(b)
	}
	return s.startTag(b)
}

func (s *scanner) endTag(b []byte) int {
	i := bytes.IndexByte(b, '>')
	if i < 0 {
		return -1
	}
	name := bytes.TrimRight(b[2:i], " \t\r\n")
	if !isName(name) {
		return s.fail("bad end tag %q", b[:i+1])
	}
	top := s.top()
	if top == nil {
		return s.fail("end tag </%s> with no open element", name)
	}
	if !bytes.Equal(top, name) {
		return s.fail("end tag </%s> closes <%s>", name, top)
	}
	s.name = top
	n := len(s.ends)
	s.ends = s.ends[:n-1]
	if n == 1 {
		s.stack = s.stack[:0]
		s.root = 2
	} else {
		s.stack = s.stack[:s.ends[n-2]]
	}
	s.pos += i + 1
	return tokEnd
}

func (s *scanner) procInst(b []byte) int {
	i := bytes.Index(b[2:], []byte("?>"))
	if i < 0 {
		return -1
	}
	i += 2
	body := b[2:i]
	t := 0
	for t < len(body) && isName(body[:t+1]) {
		t++
	}
	if t == 0 {
		return s.fail("bad processing instruction")
	}
	if len(body) >= 3 && string(body[:3]) == "xml" && (len(body) == 3 || isSpace(body[3])) {
		if s.started {
			return s.fail("XML declaration after the start of the part")
		}
		if msg := checkDecl(body[3:]); msg != "" {
			return s.fail("%s", msg)
		}
	}
	s.started = true
	s.pos += i + 2
	return -2
}

// checkDecl checks the attributes of an XML declaration: XML 1.0 (the
// only version encoding/xml, and so excelize, reads) and UTF-8 text.
func checkDecl(b []byte) string {
	if v, found, ok := declAttr(b, "version"); !ok {
		return "bad XML declaration"
	} else if found && v != "1.0" {
		return fmt.Sprintf("XML version %q: only version 1.0 is read", v)
	}
	enc, found, ok := declAttr(b, "encoding")
	if !ok {
		return "bad XML declaration"
	}
	if e := strings.ToLower(enc); found && e != "utf-8" && e != "utf8" {
		return fmt.Sprintf("encoding %q: only UTF-8 parts are read", enc)
	}
	return ""
}

// declAttr returns the value of the pseudo-attribute name of an XML
// declaration b, whether it is there, and false if it is malformed.
func declAttr(b []byte, name string) (value string, found, ok bool) {
	i := bytes.Index(b, []byte(name))
	if i < 0 {
		return "", false, true
	}
	rest := bytes.TrimLeft(b[i+len(name):], " \t\r\n=")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return "", true, false
	}
	j := bytes.IndexByte(rest[1:], rest[0])
	if j < 0 {
		return "", true, false
	}
	return string(rest[1 : 1+j]), true, true
}

func (s *scanner) bang(b []byte) int {
	switch {
	case bytes.HasPrefix(b, []byte("<!--")):
		i := bytes.Index(b[4:], []byte("--"))
		if i < 0 {
			return -1
		}
		if len(b) < 4+i+3 {
			return -1
		}
		if b[4+i+2] != '>' {
			return s.fail(`"--" inside a comment`)
		}
		s.pos += 4 + i + 3
		return -2
	case bytes.HasPrefix(b, []byte("<![CDATA[")):
		i := bytes.Index(b[9:], []byte("]]>"))
		if i < 0 {
			return -1
		}
		if s.root != 1 {
			return s.fail("CDATA outside the root element")
		}
		t, ok := s.decode(b[9:9+i], false, &s.scratch)
		if !ok {
			return tokEOF
		}
		s.text = t
		s.pos += 9 + i + 3
		return tokText
	case len(b) < 9:
		return -1
	}
	if bytes.HasPrefix(b, []byte("<!DOCTYPE")) {
		return s.fail("a DOCTYPE declaration (entities are not allowed in a workbook)")
	}
	return s.fail("a markup declaration %q", b[:min(len(b), 12)])
}

// startTag reads a start tag and its attributes.
func (s *scanner) startTag(b []byte) int {
	i := 1
	for i < len(b) && !isSpace(b[i]) && b[i] != '>' && b[i] != '/' {
		i++
	}
	if i == len(b) {
		return -1
	}
	name := b[1:i]
	if !isName(name) {
		return s.fail("bad start tag %q", b[:min(len(b), i+1)])
	}
	s.attrs = s.attrs[:0]
	for {
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i == len(b) {
			return -1
		}
		switch b[i] {
		case '>':
			return s.opened(name, false, i+1)
		case '/':
			if i+1 == len(b) {
				return -1
			}
			if b[i+1] != '>' {
				return s.fail("bad start tag <%s>", name)
			}
			return s.opened(name, true, i+2)
		}
		j, ok := s.attribute(b, i)
		if j < 0 || !ok {
			if ok {
				return -1
			}
			return tokEOF
		}
		i = j
	}
}

// attribute reads name="value" at b[i:]; it returns the index after it,
// or -1 with ok when it needs more input.
func (s *scanner) attribute(b []byte, i int) (int, bool) {
	j := i
	for j < len(b) && !isSpace(b[j]) && b[j] != '=' && b[j] != '>' && b[j] != '/' {
		j++
	}
	if j == len(b) {
		return -1, true
	}
	name := b[i:j]
	if j == i || !isName(name) || (j > i && isSpace(b[j-1])) {
		s.fail("bad attribute in a start tag")
		return -1, false
	}
	for j < len(b) && isSpace(b[j]) {
		j++
	}
	if j < len(b) && b[j] != '=' {
		s.fail("attribute %s has no value", name)
		return -1, false
	}
	j++
	for j < len(b) && isSpace(b[j]) {
		j++
	}
	if j >= len(b) {
		return -1, true
	}
	q := b[j]
	if q != '"' && q != '\'' {
		s.fail("attribute %s: unquoted value", name)
		return -1, false
	}
	k := bytes.IndexByte(b[j+1:], q)
	if k < 0 {
		return -1, true
	}
	val := b[j+1 : j+1+k]
	if bytes.IndexByte(val, '<') >= 0 {
		s.fail("attribute %s: '<' in a value", name)
		return -1, false
	}
	s.attrs = append(s.attrs, attr{name: name, val: val})
	return j + 2 + k, true
}

// opened finishes a start tag of n bytes.
func (s *scanner) opened(name []byte, self bool, n int) int {
	switch s.root {
	case 2:
		return s.fail("a second root element <%s>", name)
	case 0:
		s.root = 1
	}
	if len(s.ends)+1 > maxDepth {
		return s.fail("elements nested more than %d deep", maxDepth)
	}
	for _, a := range s.attrs { // check values once, decode on demand
		if _, ok := s.decode(a.val, true, &s.avals); !ok {
			return tokEOF
		}
	}
	s.name, s.self = name, self
	if self {
		if len(s.ends) == 0 {
			s.root = 2
		}
	} else {
		s.stack = append(s.stack, name...)
		s.ends = append(s.ends, len(s.stack))
	}
	s.pos += n
	return tokStart
}

// attr returns the decoded value of the last attribute of the current
// start tag whose local name is local, and whether there is one.
func (s *scanner) attr(local string) ([]byte, bool) {
	for i := len(s.attrs) - 1; i >= 0; i-- {
		if string(localName(s.attrs[i].name)) == local {
			v, _ := s.decode(s.attrs[i].val, true, &s.avals)
			return v, true
		}
	}
	return nil, false
}

// attrPrefixed is attr for an attribute with a namespace prefix (r:id),
// leaving out namespace declarations.
func (s *scanner) attrPrefixed(local string) ([]byte, bool) {
	for i := len(s.attrs) - 1; i >= 0; i-- {
		n := s.attrs[i].name
		c := bytes.IndexByte(n, ':')
		if c > 0 && string(n[c+1:]) == local && string(n[:c]) != "xmlns" {
			v, _ := s.decode(s.attrs[i].val, true, &s.avals)
			return v, true
		}
	}
	return nil, false
}

// skip consumes the rest of the element just opened, whose start tag was
// the last token.
func (s *scanner) skip() {
	if s.self {
		return
	}
	d := s.depth()
	for s.depth() >= d {
		if s.next() == tokEOF {
			return
		}
	}
}

// localName returns name without its namespace prefix.
func localName(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isName reports whether b is an XML name (checked loosely beyond ASCII).
func isName(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_', c == ':', c >= 0x80:
		case i > 0 && (c >= '0' && c <= '9' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return utf8.Valid(b)
}

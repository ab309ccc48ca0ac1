package xlsx

import (
	"strconv"
	"unicode/utf8"
)

// decode checks raw character data (text or an attribute value) and
// returns it with references replaced (when refs) and line ends
// normalized to "\n" as encoding/xml does; raw itself when nothing
// changes, else the text built in *dst. It reports false after recording
// an error.
func (s *scanner) decode(raw []byte, refs bool, dst *[]byte) ([]byte, bool) {
	i := 0
	for i < len(raw) {
		c := raw[i]
		if c >= 0x20 && c < 0x80 && c != '&' {
			i++
			continue
		}
		if c >= 0x80 {
			r, n := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && n == 1 || !isXMLChar(r) {
				s.fail("invalid UTF-8 or a character not allowed in XML")
				return nil, false
			}
			i += n
			continue
		}
		if c == '\t' || c == '\n' || (c == '&' && !refs) {
			i++
			continue
		}
		if c != '\r' && c != '&' {
			s.fail("control character %#x in text", c)
			return nil, false
		}
		return s.decodeSlow(raw, i, refs, dst)
	}
	return raw, true
}

// decodeSlow is decode from raw[i], the first byte that changes.
func (s *scanner) decodeSlow(raw []byte, i int, refs bool, dst *[]byte) ([]byte, bool) {
	out := append((*dst)[:0], raw[:i]...)
	for i < len(raw) {
		c := raw[i]
		switch {
		case c == '\r':
			out = append(out, '\n')
			i++
			if i < len(raw) && raw[i] == '\n' {
				i++
			}
		case c == '&' && refs:
			r, n := entity(raw[i:])
			if n == 0 {
				s.fail("bad or unknown reference %q", raw[i:min(len(raw), i+12)])
				return nil, false
			}
			out = utf8.AppendRune(out, r)
			i += n
		case c < 0x20 && c != '\t' && c != '\n' && c != '&':
			s.fail("control character %#x in text", c)
			return nil, false
		case c >= 0x80:
			r, n := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && n == 1 || !isXMLChar(r) {
				s.fail("invalid UTF-8 or a character not allowed in XML")
				return nil, false
			}
			out = append(out, raw[i:i+n]...)
			i += n
		default:
			out = append(out, c)
			i++
		}
	}
	*dst = out
	return out, true
}

// entity decodes the reference at the start of b (&amp; or &#...;): the
// rune and the bytes read, 0 when it is not one of XML's.
func entity(b []byte) (rune, int) {
	end := -1
	for j := 1; j < len(b) && j < 12; j++ {
		if b[j] == ';' {
			end = j
			break
		}
	}
	if end < 2 {
		return 0, 0
	}
	name := string(b[1:end])
	switch name {
	case "lt":
		return '<', end + 1
	case "gt":
		return '>', end + 1
	case "amp":
		return '&', end + 1
	case "apos":
		return '\'', end + 1
	case "quot":
		return '"', end + 1
	}
	if name[0] != '#' || len(name) < 2 {
		return 0, 0
	}
	var v uint64
	var err error
	if name[1] == 'x' {
		v, err = strconv.ParseUint(name[2:], 16, 32)
	} else {
		v, err = strconv.ParseUint(name[1:], 10, 32)
	}
	if err != nil || v > utf8.MaxRune || !isXMLChar(rune(v)) {
		return 0, 0
	}
	return rune(v), end + 1
}

// isXMLChar reports whether r may appear in an XML 1.0 document.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// appendBstr appends s to dst with the escapes _xHHHH_ of Office's basic
// strings replaced by the characters they stand for, as excelize does:
// _x005F_ is "_", and an escape of a surrogate stands for nothing.
func appendBstr(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		if s[i] == '_' && i+7 <= len(s) && s[i+1] == 'x' && s[i+6] == '_' && isHex4(s[i+2:i+6]) {
			v, _ := strconv.ParseUint(string(s[i+2:i+6]), 16, 32)
			if r := rune(v); utf8.ValidRune(r) {
				dst = utf8.AppendRune(dst, r)
			}
			i += 7
			continue
		}
		dst = append(dst, s[i])
		i++
	}
	return dst
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// hasBstr reports whether s may hold an escape _xHHHH_.
func hasBstr(s []byte) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '_' && s[i+1] == 'x' {
			return true
		}
	}
	return false
}

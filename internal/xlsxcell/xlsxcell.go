package xlsxcell

import (
	"bytes"
	"encoding/xml"
	"strings"
	"unicode/utf8"
)

// MaxUnits is Excel's limit on a cell's text, in UTF-16 units (excelize's
// TotalCellChars).
const MaxUnits = 32767

// Cut returns v cut to MaxUnits UTF-16 units, as excelize cuts a cell.
func Cut(v string) string {
	if len(v) <= MaxUnits { // a UTF-16 unit takes at least a byte
		return v
	}
	n := 0
	for i, r := range v {
		n++
		if r > 0xFFFF {
			n++
		}
		if n > MaxUnits {
			return v[:i]
		}
	}
	return v
}

// Preserve reports whether v starts or ends with white space, which an
// inline string keeps only with xml:space="preserve".
func Preserve(v string) bool {
	if v == "" {
		return false
	}
	f, l := v[0], v[len(v)-1]
	return f == '\t' || f == '\n' || f == '\r' || f == ' ' || l == '\t' || l == '\n' || l == '\r' || l == ' '
}

// AppendText appends v escaped as the text of a cell: every underscore
// that starts an _xHHHH_ written _x005F_ (the escape of an underscore, so
// that a reader decoding escapes left to right gives the text back:
// "_x005F_x0041_" is written "_x005F_x005F_x005F_x0041_", ECMA-376 Part 1,
// 22.9.2.19 ST_Xstring), then escaped as encoding/xml escapes text (a
// character XML does not allow becomes U+FFFD), line feeds kept as they
// are, as excelize writes them.
func AppendText(b []byte, v string) []byte {
	plain := true
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '_' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	if plain {
		return append(b, v...)
	}
	if strings.Contains(v, "_x") {
		var s strings.Builder
		for i := 0; i < len(v); i++ {
			if v[i] == '_' && i+7 <= len(v) && v[i+1] == 'x' && v[i+6] == '_' && isHex4(v[i+2:i+6]) {
				s.WriteString("_x005F_")
				continue
			}
			s.WriteByte(v[i])
		}
		v = s.String()
	}
	var buf bytes.Buffer
	_ = xml.EscapeText(&buf, []byte(v))
	return append(b, strings.ReplaceAll(buf.String(), "&#xA;", "\n")...)
}

func isHex4(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

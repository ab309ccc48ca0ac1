package xlsx

import (
	"archive/zip"
	"strconv"
)

// relStyles is the relationship type of the styles part, transitional and
// strict.
const (
	relStyles       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	relStylesStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships/styles"
)

// The styles part is read for one thing only: which cell formats (the
// xf records of cellXfs, that a cell's s attribute indexes) show a number
// as a percentage. A share typed "60%" is stored as 0.6 with such a
// format; the value alone cannot tell it from a 0.6 typed as 0.6.
// Number formats decide nothing else here (dates are read as stored).

// percentStyles reads the styles part p and returns, for each cellXfs
// record, whether its number format is a percentage (nil when the part
// is absent or unreadable: no cell is then a percentage).
func percentStyles(parts map[string]*zip.File, p string) []bool {
	if p == "" || parts[p] == nil {
		return nil
	}
	custom := map[int]bool{} // numFmtId → its code shows a percentage
	var xfs []bool
	err := eachElement(parts, p, func(s *scanner) {
		switch string(localName(s.name)) {
		case "numFmt":
			id, err := strconv.Atoi(s.attrString("numFmtId"))
			if err == nil {
				custom[id] = percentCode(s.attrString("formatCode"))
			}
		case "xf":
			if string(localName(s.parent())) != "cellXfs" {
				return
			}
			id, err := strconv.Atoi(s.attrString("numFmtId"))
			pct := false
			if err == nil {
				if c, ok := custom[id]; ok {
					pct = c
				} else {
					pct = id == 9 || id == 10 // built in: 0% and 0.00%
				}
			}
			xfs = append(xfs, pct)
		}
	})
	if err != nil {
		return nil
	}
	return xfs
}

// percentCode reports whether the number format code shows a positive
// number as a percentage: a % in its first section outside quotes,
// brackets and escapes.
func percentCode(code string) bool {
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case quoted:
			quoted = c != '"'
		case bracket:
			bracket = c != ']'
		case c == '"':
			quoted = true
		case c == '[':
			bracket = true
		case c == '\\' || c == '_' || c == '*':
			i++
		case c == ';':
			return false
		case c == '%':
			return true
		}
	}
	return false
}

// isPercentStyle reports whether the cell style index s (the text of a
// cell's s attribute) is a percentage format.
func (src *Source) isPercentStyle(s []byte) bool {
	if len(s) == 0 {
		return false
	}
	src.stylesOnce.Do(func() { src.pctXF = percentStyles(src.parts, src.stylesPart) })
	i, ok := parseUint(trimSpace(s))
	return ok && i < len(src.pctXF) && src.pctXF[i]
}

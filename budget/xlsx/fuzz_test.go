package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// strictRules are the faults this reader refuses in a part that
// encoding/xml may tokenize: each breaks the XML specification or the
// worksheet schema (ECMA-376), and excelize, which swallows its decoder's
// errors, would read the sheet short or misplace cells instead.
var strictRules = []string{
	"DOCTYPE",                                                                         // no entity may be declared
	"nested more than",                                                                // a worksheet nests about ten deep
	"text outside the root",                                                           // XML allows only markup there
	"CDATA outside the root",                                                          // likewise
	"a second root element",                                                           // XML has one root
	"no root element",                                                                 // an empty or cut part
	"truncated",                                                                       // a cut part
	"XML declaration after",                                                           // XML declares first
	"only version 1.0",                                                                // VersionNum is '1.' digits, never empty; Go reads 1.0 only
	"only UTF-8",                                                                      // Excel writes UTF-8
	"is not one of a worksheet",                                                       // A1..XFD1048576
	"in row",                                                                          // a cell of another row
	"after column",                                                                    // cells go left to right
	"comes after row",                                                                 // rows go down
	"beyond Excel's last row",                                                         // 1048576
	"is not a number",                                                                 // a row number
	"not in the table",                                                                // a shared string that does not exist
	"outside a row",                                                                   // cells live in rows
	"outside sheetData",                                                               // rows live in sheetData
	"nested in a",                                                                     // no row in a row, no cell in a cell
	"after sheetData",                                                                 // rows live in sheetData
	"more than 16384 columns",                                                         // XFD
	`"--" inside a comment`,                                                           // XML
	"a markup declaration",                                                            // no declarations at all
	"control character",                                                               // not an XML character
	"not allowed in XML",                                                              // likewise
	"bad or unknown reference",                                                        // only XML's five and character references
	"'<' in a value",                                                                  // XML
	"unquoted value", "has no value", "bad attribute", "bad start tag", "bad end tag", // XML syntax
	"closes <", "with no open element", "bad XML declaration", // XML syntax
}

// FuzzXLSXScanner reads a worksheet part through this reader and through
// excelize: when this reader reads it, excelize must read the same cells;
// when this reader refuses it, the error must wrap ErrMalformed and be
// right: the part is not XML encoding/xml accepts, or it breaks one of
// strictRules.
func FuzzXLSXScanner(f *testing.F) {
	for _, x := range handSheets {
		f.Add([]byte(sheetHead + x + sheetTail))
	}
	f.Add([]byte(sheetHead + goodRows + sheetTail))
	f.Add([]byte(sheetHead + goodRows + `<row r="3"><c r="C3"><v>1</v></c><c r="B3"><v>2</v></c></row>` + sheetTail))
	f.Fuzz(func(t *testing.T, part []byte) {
		xl := buildWorkbook(t, []testSheet{{name: "Budget", xml: string(part)}},
			`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`+handSST+`</sst>`, nil)
		got, err := readOurs(xl, fuzzRows)
		if err != nil {
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("error %v does not wrap ErrMalformed", err)
			}
			if xmlRejects(part) {
				return
			}
			for _, r := range strictRules {
				if strings.Contains(err.Error(), r) {
					return
				}
			}
			t.Fatalf("refused a part encoding/xml reads, for no rule of strictRules: %v", err)
		}
		want, err := readExcelize(xl, fuzzRows)
		if err != nil {
			t.Fatalf("excelize: %v; ours read %d sheets", err, len(got))
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("cells differ from excelize's (-excelize +ours):\n%s", d)
		}
	})
}

// fuzzRows bounds the rows compared: a mutated row number can make a
// million empty rows.
const fuzzRows = 2000

// xmlRejects reports whether encoding/xml's strict decoder refuses part.
func xmlRejects(part []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(part))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return false
		}
		if err != nil {
			return true
		}
		if _, ok := tok.(xml.Directive); ok {
			return true // a DOCTYPE: refused by rule, whatever follows
		}
	}
}

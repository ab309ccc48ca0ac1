package xlsx

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// A budget sheet whose rows are fine, so that only the breakage under test
// can make a read fail.
const goodRows = `<row r="1"><c r="A1" t="inlineStr"><is><t>Description</t></is></c><c r="B1" t="inlineStr"><is><t>Approved</t></is></c></row>` +
	`<row r="2"><c r="A2" t="inlineStr"><is><t>Shelters</t></is></c><c r="B2"><v>12.5</v></c></row>`

// Every broken workbook is an error naming the file, the part and where
// in it (a byte offset or a row); never an empty read.
func TestReadBroken(t *testing.T) {
	sheet := func(xml string) []byte {
		return buildWorkbook(t, []testSheet{{name: "Budget", xml: xml}}, "", nil)
	}
	deep := strings.Repeat("<x>", 200) + strings.Repeat("</x>", 200)
	for _, tc := range []struct {
		name  string
		xl    []byte
		where string // text the error must contain besides file and part
	}{
		{"truncated part", sheet(sheetHead + goodRows + `<row r="3"><c r="A3" t="inlineStr"><is><t>Cut`), "byte"},
		{"truncated after the rows", sheet(sheetHead + goodRows + `</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/>`), "byte"},
		{"mismatched end tag", sheet(sheetHead + goodRows + `<row r="3"><c r="A3"><v>1</c></v></row>` + sheetTail), "byte"},
		{"unescaped ampersand", sheet(sheetHead + goodRows + `<row r="3"><c r="A3" t="inlineStr"><is><t>Health & care</t></is></c></row>` + sheetTail), "byte"},
		{"doctype with entities", sheet(`<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>` +
			`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + goodRows +
			`<row r="3"><c r="A3" t="inlineStr"><is><t>&b;</t></is></c></row>` + sheetTail), "byte"},
		{"deep nesting", sheet(sheetHead + goodRows + `<row r="3"><c r="A3"><v>1</v>` + deep + `</c></row>` + sheetTail), "byte"},
		{"cell beyond column XFD", sheet(sheetHead + goodRows + `<row r="3"><c r="XFE3"><v>1</v></c></row>` + sheetTail), "row 3"},
		{"row beyond 1048576", sheet(sheetHead + goodRows + `<row r="1048577"><c r="A1048577"><v>1</v></c></row>` + sheetTail), "byte"},
		{"cell going backwards in its row", sheet(sheetHead + goodRows + `<row r="3"><c r="C3"><v>1</v></c><c r="B3"><v>2</v></c></row>` + sheetTail), "row 3"},
		{"cell of another row", sheet(sheetHead + goodRows + `<row r="3"><c r="A4"><v>1</v></c></row>` + sheetTail), "row 3"},
		{"rows going backwards", sheet(sheetHead + goodRows + `<row r="2"><c r="A2"><v>1</v></c></row>` + sheetTail), "byte"},
		{"shared string out of the table", sheet(sheetHead + goodRows + `<row r="3"><c r="A3" t="s"><v>7</v></c></row>` + sheetTail), "row 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Read(bytes.NewReader(tc.xl), "broken.xlsx", budget.Options{})
			var pe *budget.ParseError
			if !errors.As(err, &pe) {
				n := -1
				if b != nil {
					n = b.Lines.Len()
				}
				t.Fatalf("Read = %d lines, error %v; want a ParseError", n, err)
			}
			msg := err.Error()
			for _, want := range []string{"broken.xlsx", "xl/worksheets/sheet1.xml", tc.where} {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q does not say %q", msg, want)
				}
			}
			if !errors.Is(err, ErrMalformed) {
				t.Errorf("error %q does not wrap ErrMalformed", msg)
			}
		})
	}
}

package perfgen

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"math/rand"
	"strconv"
	"strings"
)

// Workbook writes to w a budget the way Excel saves a ministry export:
// 10 columns, Zipf-like ministries, descriptions of 5 to 15 words nearly
// all distinct, two amounts with two decimals, about 10% blank markers,
// and every string in the shared-string table.
func Workbook(w io.Writer, rows int) error {
	sst := map[string]int{}
	var strs []string
	ref := func(s string) int {
		if i, ok := sst[s]; ok {
			return i
		}
		sst[s] = len(strs)
		strs = append(strs, s)
		return len(strs) - 1
	}
	zw := zip.NewWriter(w)
	sheet, _ := zw.Create("xl/worksheets/sheet1.xml")
	bw := bufio.NewWriterSize(sheet, 1<<16)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:J` + strconv.Itoa(rows+1) + `"/><sheetData>`)
	header := Header
	cols := "ABCDEFGHIJ"
	row := func(n int, cells []string, numeric map[int]bool) {
		fmt.Fprintf(bw, `<row r="%d" spans="1:10">`, n)
		for i, c := range cells {
			if c == "" {
				continue
			}
			if numeric[i] {
				fmt.Fprintf(bw, `<c r="%c%d" s="1"><v>%s</v></c>`, cols[i], n, c)
			} else {
				fmt.Fprintf(bw, `<c r="%c%d" t="s"><v>%d</v></c>`, cols[i], n, ref(c))
			}
		}
		bw.WriteString(`</row>`)
	}
	row(1, header, nil)
	num := map[int]bool{0: true, 6: true, 7: true}
	Rows(rows, func(i int, cells []string) { row(i+2, cells, num) })
	bw.WriteString(`</sheetData></worksheet>`)
	if err := bw.Flush(); err != nil {
		return err
	}
	sw, _ := zw.Create("xl/sharedStrings.xml")
	bw = bufio.NewWriterSize(sw, 1<<16)
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(strs), len(strs))
	for _, s := range strs {
		bw.WriteString("<si><t>")
		xml.EscapeText(bw, []byte(s))
		bw.WriteString("</t></si>")
	}
	bw.WriteString("</sst>")
	if err := bw.Flush(); err != nil {
		return err
	}
	for name, text := range map[string]string{
		"[Content_Types].xml":        contentTypesXML,
		"_rels/.rels":                rootRelsXML,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
		"xl/styles.xml":              `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
	} {
		f, _ := zw.Create(name)
		io.WriteString(f, text)
	}
	return zw.Close()
}

// Header is the perf budget's header row.
var Header = []string{"Fiscal year", "Ministry code", "Ministry", "Programme code", "Programme", "Line description", "Approved", "Executed", "GCM objective(s)", "Gender marker (OECD DAC)"}

// Rows makes the cells of the perf budget's lines, in order:
// Zipf-like ministries, descriptions of 5 to 15 words nearly all distinct,
// two amounts with two decimals, split and single objectives, and the
// gender marker codes 0, 1 and 2 with about 10% left blank.
func Rows(rows int, emit func(i int, cells []string)) {
	rng := rand.New(rand.NewSource(int64(rows)))
	zipf := rand.NewZipf(rng, 1.2, 1, 59)
	words := strings.Fields("support training migrants women border health shelter services protection equipment labour regional office capacity data reform water schools rural urban youth legal aid transport housing grants")
	markers := []string{"0", "1", "2"}
	objs := []string{"7", "7 (60%), 16 (40%)", "3; 7", "11", "2", "23"}
	for i := 0; i < rows; i++ {
		m := int(zipf.Uint64())
		nw := 5 + rng.Intn(11)
		desc := make([]string, nw)
		for j := range desc {
			desc[j] = words[rng.Intn(len(words))]
		}
		desc[nw-1] += " " + strconv.Itoa(i)
		marker := markers[rng.Intn(len(markers))]
		if rng.Intn(10) == 0 {
			marker = ""
		}
		emit(i, []string{"2025", strconv.Itoa(100 + m), "Ministry of " + words[m%len(words)] + " " + strconv.Itoa(m),
			fmt.Sprintf("%d-%02d", 100+m, i%17), "Programme " + strconv.Itoa(m*17+i%17), strings.Join(desc, " "),
			fmt.Sprintf("%d.%02d", 1000+rng.Intn(900000), rng.Intn(100)), fmt.Sprintf("%d.%02d", rng.Intn(900000), rng.Intn(100)),
			objs[rng.Intn(len(objs))], marker})
	}
}

// CSV writes the perf budget as a csv file, as a ministry's export.
func CSV(w io.Writer, rows int) error {
	cw := csv.NewWriter(w)
	cw.Write(Header)
	Rows(rows, func(_ int, cells []string) { cw.Write(cells) })
	cw.Flush()
	return cw.Error()
}

const (
	contentTypesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`
	rootRelsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
)

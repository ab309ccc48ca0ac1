package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// Relationship types of the officeDocument part, transitional and strict.
const (
	relOfficeDocument       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relOfficeDocumentStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
	sharedStringsPart       = "xl/sharedstrings.xml" // excelize's fixed place, compared folded
)

// sheetEntry is a sheet of workbook.xml and its part (empty when the
// workbook names a part the archive lacks).
type sheetEntry struct {
	name   string
	hidden bool
	part   string
}

// openZip opens the archive r, without reading it whole when it is a
// file or already in memory.
func openZip(r io.Reader) (*zip.Reader, error) {
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			return zip.NewReader(f, st.Size())
		}
	}
	if ra, ok := r.(interface {
		io.ReaderAt
		Size() int64
		Len() int
	}); ok && int64(ra.Len()) == ra.Size() { // an unread bytes.Reader: in memory already, not copied again
		return zip.NewReader(ra, ra.Size())
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return zip.NewReader(bytes.NewReader(data), int64(len(data)))
}

// indexParts maps the archive's part names to its entries, checking the
// zip-bomb limit on their declared sizes (archive/zip refuses an entry
// that inflates beyond its declared size).
func indexParts(zr *zip.Reader, name string, maxBytes int64) (map[string]*zip.File, error) {
	parts := make(map[string]*zip.File, len(zr.File))
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if maxBytes > 0 && (f.UncompressedSize64 > uint64(maxBytes) || total > uint64(maxBytes)) {
			return nil, &budget.ParseError{File: name, Err: fmt.Errorf("%w: the workbook unzips to more than %d bytes (raise it with --max-bytes)", budget.ErrLimit, maxBytes)}
		}
		n := strings.ReplaceAll(f.Name, "\\", "/")
		if strings.EqualFold(n, sharedStringsPart) {
			n = sharedStringsPart
		}
		parts[n] = f
	}
	return parts, nil
}

// readWorkbook finds the workbook part and lists its sheets with their
// parts, and names its styles part ("" when none).
func readWorkbook(parts map[string]*zip.File) ([]sheetEntry, string, error) {
	wbPath := ""
	err := eachElement(parts, "_rels/.rels", func(s *scanner) {
		if string(localName(s.name)) != "Relationship" || wbPath != "" {
			return
		}
		if t, _ := s.attr("Type"); string(t) == relOfficeDocument || string(t) == relOfficeDocumentStrict {
			tg, _ := s.attr("Target")
			wbPath = strings.TrimPrefix(string(tg), "/")
		}
	})
	if err != nil {
		return nil, "", err
	}
	if wbPath == "" || parts[wbPath] == nil {
		return nil, "", fmt.Errorf("no workbook part (is this a spreadsheet?)")
	}
	type relTarget struct{ id, target string }
	styles := ""
	var rels []relTarget
	relsPath := path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels")
	if parts[relsPath] != nil {
		err = eachElement(parts, relsPath, func(s *scanner) {
			if string(localName(s.name)) == "Relationship" {
				id := s.attrString("Id")
				rels = append(rels, relTarget{id, s.attrString("Target")})
				if t := s.attrString("Type"); t == relStyles || t == relStylesStrict {
					styles = partPath(wbPath, s.attrString("Target"))
				}
			}
		})
		if err != nil {
			return nil, "", err
		}
	}
	var sheets []sheetEntry
	err = eachElement(parts, wbPath, func(s *scanner) {
		if string(localName(s.name)) != "sheet" || s.depth() < 2 || string(localName(s.parent())) != "sheets" {
			return
		}
		name := s.attrString("name")
		state := s.attrString("state")
		v, _ := s.attrPrefixed("id")
		id := string(v)
		e := sheetEntry{name: name, hidden: state != "" && state != "visible"}
		for _, r := range rels {
			if r.id == id {
				if p := partPath(wbPath, r.target); parts[p] != nil {
					e.part = p
				}
			}
		}
		sheets = append(sheets, e)
	})
	return sheets, styles, err
}

// partPath resolves a relationship's target against the workbook part, as
// excelize does.
func partPath(wbPath, target string) string {
	target = strings.ReplaceAll(target, "\\", "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Dir(wbPath)+"/"+target), "/")
}

// eachElement scans the part p and calls f at each start tag.
func eachElement(parts map[string]*zip.File, p string, f func(*scanner)) error {
	zf := parts[p]
	if zf == nil {
		return nil
	}
	rc, err := zf.Open()
	if err != nil {
		return fmt.Errorf("%s: %v", p, err)
	}
	defer rc.Close()
	s := newScanner(rc, p, 32<<10)
	for {
		switch s.next() {
		case tokEOF:
			if s.err != nil {
				return s.err
			}
			return nil
		case tokStart:
			f(s)
		}
	}
}

// parent returns the name of the element enclosing the current start tag
// (the innermost open one when the tag closes itself).
func (s *scanner) parent() []byte {
	if s.self {
		return s.top()
	}
	n := len(s.ends)
	if n < 2 {
		return nil
	}
	from := 0
	if n > 2 {
		from = s.ends[n-3]
	}
	return s.stack[from:s.ends[n-2]]
}

// attrString is attr as a string ("" when absent).
func (s *scanner) attrString(local string) string {
	v, _ := s.attr(local)
	return string(v)
}

// openDocument returns the media type of an OpenDocument archive (its
// first entry, "mimetype", names it), "" for any other zip.
func openDocument(parts map[string]*zip.File) string {
	zf := parts["mimetype"]
	if zf == nil || zf.UncompressedSize64 > 200 {
		return ""
	}
	rc, err := zf.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 200))
	if t := strings.TrimSpace(string(b)); strings.HasPrefix(t, "application/vnd.oasis.opendocument.") {
		return t
	}
	return ""
}

// od2err is the answer to an OpenDocument file: what it is and how to
// save it as a workbook grb reads.
func od2err(mediaType string) error {
	kind := strings.TrimPrefix(mediaType, "application/vnd.oasis.opendocument.")
	if kind == "spreadsheet" {
		return fmt.Errorf("%w: this is an OpenDocument spreadsheet (.ods), which grb does not read: open it in LibreOffice Calc and choose File › Save As, file type Excel 2007-365 (.xlsx), then give grb the .xlsx file", budget.ErrUnknownFormat)
	}
	return fmt.Errorf("%w: this is an OpenDocument %s, not a spreadsheet: grb reads .xlsx workbooks (in LibreOffice, File › Save As, file type Excel 2007-365 (.xlsx)), .csv and IATI .xml", budget.ErrUnknownFormat, kind)
}

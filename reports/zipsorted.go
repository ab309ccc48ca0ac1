package reports

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"sort"

	"github.com/xuri/excelize/v2"
)

// sortedZip is the zip writer of report.xlsx. excelize writes the parts
// of its streamed sheets (the Lines sheets) in map order, so a workbook of
// more than one streamed sheet would differ from one run to the next.
// sortedZip compresses each part as it is written and adds them to the
// archive at Close in one order, by name descending (excelize's own order
// for its other parts): the same report gives the same bytes. It deflates
// at the fastest level: the Lines sheet of a large budget is most of the
// workbook, and its XML compresses almost as well at level 1 as at the
// default (measured: a 100,000-line report, see README's Speed section),
// in far less time.
type sortedZip struct {
	w       *zip.Writer
	entries []*zipEntry
	fw      *flate.Writer        // compresses the last part created
	splice  map[string]*rowsPart // data rows to put into parts, by part name
	spliced int
}

// newSortedZip returns a sortedZip writing to w, which puts the data rows
// of splice into the parts of those names; it is an excelize File's
// ZipWriter.
func newSortedZip(w io.Writer, splice map[string]*rowsPart) excelize.ZipWriter {
	return &sortedZip{w: zip.NewWriter(w), splice: splice}
}

// zipEntry is one part: its name, its deflated bytes, and the checksum
// and size of what was written.
type zipEntry struct {
	name string
	data bytes.Buffer
	fw   *flate.Writer // the sortedZip's, until the next part
	crc  hash.Hash32
	size uint64
	// rows, for a part whose data rows were written apart: the part as
	// excelize writes it (head), into which end puts them.
	rows     *rowsPart
	head     bytes.Buffer
	fixedCRC uint32 // the checksum, when spliceRows computed it (spliced)
	spliced  bool
	// more are the deflated bytes that follow data, for a spliced part:
	// the data rows as they were written (not copied: a million lines'
	// rows are some 150 MB), then the deflated end of the part.
	more [][]byte
}

// compressed returns the size of the part's deflated bytes.
func (e *zipEntry) compressed() int {
	n := e.data.Len()
	for _, b := range e.more {
		n += len(b)
	}
	return n
}

func (e *zipEntry) Write(p []byte) (int, error) {
	if e.rows != nil {
		return e.head.Write(p)
	}
	if e.fw == nil {
		return 0, errors.New("reports: write to a zip part after the next was created")
	}
	e.crc.Write(p)
	e.size += uint64(len(p))
	return e.fw.Write(p)
}

// Create starts the part name and ends the one before, as zip.Writer
// does.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.end(); err != nil {
		return nil, err
	}
	e := &zipEntry{name: name, crc: crc32.NewIEEE(), rows: z.splice[name]}
	if z.fw == nil {
		fw, err := flate.NewWriter(&e.data, flate.BestSpeed)
		if err != nil {
			return nil, err
		}
		z.fw = fw
	} else {
		z.fw.Reset(&e.data)
	}
	e.fw = z.fw
	z.entries = append(z.entries, e)
	return e, nil
}

// end ends the last part created.
func (z *sortedZip) end() error {
	if len(z.entries) == 0 {
		return nil
	}
	e := z.entries[len(z.entries)-1]
	if e.fw == nil {
		return nil
	}
	e.fw = nil
	if e.rows != nil {
		return z.spliceRows(e)
	}
	return z.fw.Close()
}

// spliceRows deflates the part excelize wrote with its data rows put in
// before </sheetData>: its start, deflated and flushed to a byte
// boundary, the rows (deflated the same way), then its end, closing the
// stream; the checksum of the whole from those of its three pieces.
func (z *sortedZip) spliceRows(e *zipEntry) error {
	part := e.head.Bytes()
	i := bytes.Index(part, []byte("</sheetData>"))
	if i < 0 {
		return errors.New("reports: a streamed sheet without </sheetData>")
	}
	pre, post := part[:i], part[i:]
	z.fw.Reset(&e.data)
	if _, err := z.fw.Write(pre); err != nil {
		return err
	}
	if err := z.fw.Flush(); err != nil {
		return err
	}
	var tail bytes.Buffer
	z.fw.Reset(&tail)
	if _, err := z.fw.Write(post); err != nil {
		return err
	}
	if err := z.fw.Close(); err != nil {
		return err
	}
	e.more = append(e.rows.data, tail.Bytes())
	crc := crc32Combine(crc32.ChecksumIEEE(pre), e.rows.crc, e.rows.size)
	crc = crc32Combine(crc, crc32.ChecksumIEEE(post), int64(len(post)))
	e.crc.Reset()
	e.fixedCRC, e.spliced, e.size = crc, true, uint64(len(pre))+uint64(e.rows.size)+uint64(len(post))
	e.rows, e.head = nil, bytes.Buffer{}
	z.spliced++
	return nil
}

// AddFS is not used by excelize when it writes a workbook.
func (z *sortedZip) AddFS(fs.FS) error {
	return errors.New("reports: sortedZip does not add file systems")
}

// Close writes the parts in order and the archive's directory.
func (z *sortedZip) Close() error {
	if err := z.end(); err != nil {
		return err
	}
	if z.spliced != len(z.splice) {
		return fmt.Errorf("reports: %d streamed sheets, %d written", len(z.splice), z.spliced)
	}
	sort.SliceStable(z.entries, func(i, j int) bool { return z.entries[i].name > z.entries[j].name })
	for i, e := range z.entries {
		sum := e.crc.Sum32()
		if e.spliced {
			sum = e.fixedCRC
		}
		w, err := z.w.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: sum,
			CompressedSize64: uint64(e.compressed()), UncompressedSize64: e.size})
		if err != nil {
			return err
		}
		if _, err := e.data.WriteTo(w); err != nil {
			return err
		}
		for _, b := range e.more {
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
		z.entries[i] = nil // its bytes are in the archive
	}
	return z.w.Close()
}

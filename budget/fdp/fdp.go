package fdp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/csv"
	"github.com/grb-toolkit/grb/internal/files"
)

// ErrNotPackage reports a descriptor that is not a Fiscal Data Package grb
// can read.
var ErrNotPackage = errors.New("not a Fiscal Data Package grb can read")

// IsPackage reports whether name is a Fiscal Data Package: a folder with a
// datapackage.json, or a .json file (taken to be the descriptor).
func IsPackage(name string) bool {
	st, err := os.Stat(name)
	if err != nil {
		return false
	}
	if st.IsDir() {
		_, err := os.Stat(filepath.Join(name, "datapackage.json"))
		return err == nil
	}
	return strings.EqualFold(filepath.Ext(name), ".json")
}

// Open reads the descriptor of the Fiscal Data Package name (its
// datapackage.json, or the folder that holds it) and applies it to opt
// (see Apply). The package's data are then the csv file p.Data, to be
// read with opt.
//
// The data file must be a regular file inside the package's folder once
// its symbolic links are followed (files.Within), no larger than
// opt.MaxBytes: it is checked here, before any of it is read.
func Open(name string, opt *budget.Options) (p *budget.Package, err error) {
	p, err = ReadPackage(name)
	if err != nil {
		return nil, err
	}
	if _, err := files.Within(filepath.Dir(p.Descriptor), p.Data, opt.MaxBytes); err != nil {
		return nil, &budget.ParseError{File: p.Descriptor, Err: fmt.Errorf("resource %q: %w", p.Resource, err)}
	}
	Apply(p, opt)
	return p, nil
}

// ReadFile reads the Fiscal Data Package name (its datapackage.json, or
// the folder that holds it) as the csv file it describes, with the
// columns, currency, scale and phases of its model; Budget.Package then
// says what was taken from it.
func ReadFile(name string, opt budget.Options) (*budget.Budget, error) {
	p, err := Open(name, &opt)
	if err != nil {
		return nil, err
	}
	b, err := csv.ReadFile(p.Data, opt)
	if b != nil {
		b.Package = p
	}
	return b, err
}

// maxDescriptor bounds the size of a datapackage.json.
const maxDescriptor = 16 << 20

// ReadPackage reads the descriptor of a Fiscal Data Package: name is the
// datapackage.json or the folder that holds it.
func ReadPackage(name string) (*budget.Package, error) {
	if st, err := os.Stat(name); err == nil && st.IsDir() {
		name = filepath.Join(name, "datapackage.json")
	}
	data, err := files.ReadFile(name, maxDescriptor)
	if err != nil {
		return nil, err
	}
	return ParsePackage(data, name)
}

// The descriptor, as far as grb reads it.
type fdpDescriptor struct {
	Name      string        `json:"name"`
	Title     string        `json:"title"`
	Resources []fdpResource `json:"resources"`
	Model     *fdpModel     `json:"model"`
	Mapping   *fdpModel     `json:"mapping"` // drafts before 0.3.0-alpha9
	GRB       struct {
		Rows string `json:"rows"` // "lines" in grb's exports: every row is a line item
	} `json:"grb"`
}

type fdpResource struct {
	Name    string          `json:"name"`
	Path    json.RawMessage `json:"path"`
	Format  string          `json:"format"`
	Dialect struct {
		Delimiter string `json:"delimiter"`
	} `json:"dialect"`
	Schema struct {
		Fields []struct {
			Name        string `json:"name"`
			Type        string `json:"type"`
			DecimalChar string `json:"decimalChar"`
		} `json:"fields"`
	} `json:"schema"`
}

type fdpModel struct {
	Measures   map[string]fdpMeasure   `json:"measures"`
	Dimensions map[string]fdpDimension `json:"dimensions"`
}

type fdpMeasure struct {
	Source    string      `json:"source"`
	Currency  string      `json:"currency"`
	Factor    json.Number `json:"factor"`
	Resource  string      `json:"resource"`
	Direction string      `json:"direction"`
	Phase     string      `json:"phase"`
}

type fdpDimension struct {
	Attributes         map[string]fdpAttribute `json:"attributes"`
	PrimaryKey         json.RawMessage         `json:"primaryKey"`
	DimensionType      string                  `json:"dimensionType"`
	ClassificationType string                  `json:"classificationType"`
	Scheme             string                  `json:"scheme"` // of a "gender-marker" classification, as grb's exports write it
}

type fdpAttribute struct {
	Source   string          `json:"source"`
	Constant json.RawMessage `json:"constant"`
	Resource string          `json:"resource"`
	Labelfor string          `json:"labelfor"`
}

// pkg is a Package being read from its descriptor.
type pkg struct{ *budget.Package }

// ParsePackage reads a datapackage.json; descriptor is its path, to which
// the resource paths are relative. Every problem found is reported at
// once, in one error.
func ParsePackage(data []byte, descriptor string) (*budget.Package, error) {
	var d fdpDescriptor
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // saved by Notepad and Excel
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&d); err != nil {
		return nil, &budget.ParseError{File: descriptor, Err: fmt.Errorf("%w: not a readable datapackage.json: %v", ErrNotPackage, err)}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &budget.ParseError{File: descriptor, Err: fmt.Errorf("%w: more JSON after the descriptor (at byte %d): one datapackage.json holds one descriptor", ErrNotPackage, dec.InputOffset())}
	}
	p := pkg{&budget.Package{Descriptor: descriptor, Title: d.Title, Columns: map[budget.Field]string{}}}
	if d.GRB.Rows == "lines" {
		p.Lines = true
		p.note("rows: every row is a line item (a package exported by grb): no row is read as a total")
	}
	var bad []string
	problem := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }

	m := d.Model
	if m == nil {
		m = d.Mapping
	}
	switch {
	case len(d.Resources) == 0:
		problem("no resources: the descriptor names no data file")
	case m == nil:
		problem(`no "model" (nor a draft "mapping"): grb needs its measures to know which columns are money`)
	case len(m.Measures) == 0:
		problem("the model has no measures: grb needs at least one column of money")
	}
	if len(bad) > 0 {
		return nil, p.errorOf(bad)
	}

	// The resource: the one the measures are in (the first by default).
	res := map[string]bool{}
	for _, name := range slices.Sorted(maps.Keys(m.Measures)) {
		r := m.Measures[name].Resource
		if r == "" {
			r = d.Resources[0].Name
		}
		res[r] = true
	}
	var r *fdpResource
	if len(res) > 1 {
		problem("measures in several resources (%s): grb reads one csv file at a time", strings.Join(slices.Sorted(maps.Keys(res)), ", "))
	} else {
		for i := range d.Resources {
			if res[d.Resources[i].Name] {
				r = &d.Resources[i]
				break
			}
		}
		if r == nil {
			problem("the measures' resource %q is not among the resources", slices.Sorted(maps.Keys(res))[0])
		}
	}
	fields := map[string]bool{}
	if r != nil {
		p.Resource = r.Name
		p.Data = p.resourcePath(r, problem)
		marks := map[budget.DecimalMark]bool{}
		for _, f := range r.Schema.Fields {
			fields[f.Name] = true
			if f.Type == "number" {
				marks[schemaDecimal(f.DecimalChar)] = true
			}
		}
		if len(marks) == 1 {
			for m := range marks {
				p.Decimal = m
			}
		}
		if dl := r.Dialect.Delimiter; dl != "" {
			if d, err := budget.ParseDelimiter(dl); err != nil {
				problem("resource %q: dialect delimiter %q: want a comma, semicolon or tab", r.Name, dl)
			} else {
				p.Delimiter = d
			}
		}
	}
	inData := func(what, source string) bool {
		if len(fields) > 0 && !fields[source] {
			problem("%s: column %q is not a field of resource %q", what, source, p.Resource)
			return false
		}
		return true
	}

	p.measures(m.Measures, inData, problem)
	p.dimensions(m.Dimensions, inData, problem)
	if len(bad) > 0 {
		return nil, p.errorOf(bad)
	}
	return p.Package, nil
}

func (p pkg) errorOf(bad []string) error {
	if len(bad) == 1 {
		return &budget.ParseError{File: p.Descriptor, Err: fmt.Errorf("%w: %s", ErrNotPackage, bad[0])}
	}
	return &budget.ParseError{File: p.Descriptor, Err: fmt.Errorf("%w (%d problems):\n  %s", ErrNotPackage, len(bad), strings.Join(bad, "\n  "))}
}

// resourcePath checks that the resource is a local csv file inside the
// package, and returns its path.
func (p pkg) resourcePath(r *fdpResource, problem func(string, ...any)) string {
	var path string
	if err := json.Unmarshal(r.Path, &path); err != nil || path == "" {
		problem("resource %q: want a path naming one csv file", r.Name)
		return ""
	}
	switch {
	case strings.Contains(path, "://"):
		problem("resource %q: %s is remote; grb reads local files only (download it beside datapackage.json)", r.Name, path)
		return ""
	case !filepath.IsLocal(filepath.FromSlash(path)):
		problem("resource %q: path %q leaves the package's folder", r.Name, path)
		return ""
	}
	ext := strings.ToLower(filepath.Ext(path))
	if f := strings.ToLower(r.Format); (f != "" && f != "csv") || (f == "" && ext != ".csv" && ext != ".tsv" && ext != ".txt") {
		problem("resource %q: %s is not csv; a Fiscal Data Package's data are csv files", r.Name, path)
		return ""
	}
	return filepath.Join(filepath.Dir(p.Descriptor), filepath.FromSlash(path))
}

func (p pkg) note(format string, args ...any) {
	p.Notes = append(p.Notes, fmt.Sprintf(format, args...))
}

// Apply fills opt with what the package p says, leaving alone what opt
// already sets (flags win over the descriptor).
func Apply(p *budget.Package, opt *budget.Options) {
	opt.Format = "csv"
	if opt.HeaderRow == 0 {
		opt.HeaderRow = 1 // a package's csv files start with their header
	}
	given := map[string]bool{} // the columns the flags name
	for _, h := range opt.Columns {
		given[budget.Normalize(h)] = true
	}
	cols := maps.Clone(opt.Columns) // the caller's map stays as it was
	if cols == nil {
		cols = map[budget.Field]string{}
	}
	opt.ColumnsFrom = map[budget.Field]string{}
	for f, h := range p.Columns {
		if _, ok := cols[f]; ok || given[budget.Normalize(h)] {
			continue
		}
		cols[f] = h
		opt.ColumnsFrom[f] = "datapackage.json"
	}
	opt.Columns = cols
	if opt.Currency == "" {
		opt.Currency = p.Currency
	}
	if opt.Scale == 0 && p.Scale != 0 {
		opt.Scale, opt.ScaleFrom = p.Scale, "datapackage.json factor"
	}
	if opt.Year == 0 {
		opt.Year = p.Year
	}
	if opt.Scheme == "" {
		opt.Scheme = p.Scheme
	}
	if p.Lines {
		opt.Hierarchy = budget.HierarchyOff
	}
	if opt.Delimiter == 0 {
		opt.Delimiter = p.Delimiter
	}
	if opt.Decimal == budget.AutoDecimal {
		opt.Decimal = p.Decimal
	}
}

// schemaDecimal is the decimal mark of a Table Schema number field: its
// decimalChar, "." by the specification when it gives none.
func schemaDecimal(c string) budget.DecimalMark {
	switch c {
	case "", ".":
		return budget.DecimalPoint
	case ",":
		return budget.DecimalComma
	}
	return budget.AutoDecimal
}

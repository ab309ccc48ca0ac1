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
	"strconv"
	"strings"

	"golang.org/x/text/currency"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/csv"
	"github.com/grb-toolkit/grb/budget/grid"
)

// Fiscal Data Package input. A Fiscal Data Package is a csv file with a
// datapackage.json descriptor whose model says which columns hold money
// (measures: source column, currency, factor, budget phase) and what the
// other columns are (dimensions: date, administrative classification,
// activity, …). grb reads the csv with the table reader, taking from the
// model what it would otherwise guess from the header: the columns, the
// currency, the scale and the phases. Both the 0.3+ "model" and the earlier
// drafts' "mapping" are read.

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
func Open(name string, opt *budget.Options) (p *budget.Package, err error) {
	p, err = ReadPackage(name)
	if err != nil {
		return nil, err
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
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxDescriptor+1))
	if err != nil {
		return nil, &budget.ParseError{File: name, Err: err}
	}
	if len(data) > maxDescriptor {
		return nil, &budget.ParseError{File: name, Err: fmt.Errorf("%w: a descriptor of more than %d bytes", budget.ErrLimit, maxDescriptor)}
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
			Name string `json:"name"`
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
}

type fdpAttribute struct {
	Source   string          `json:"source"`
	Constant json.RawMessage `json:"constant"`
	Resource string          `json:"resource"`
	Labelfor string          `json:"labelfor"`
}

// fdpPhases maps the specification's phases to grb's.
var fdpPhases = map[string]budget.Phase{"proposed": budget.Proposed, "approved": budget.Approved, "adjusted": budget.Revised, "executed": budget.Executed}

// pkg is a Package being read from its descriptor.
type pkg struct{ *budget.Package }

// ParsePackage reads a datapackage.json; descriptor is its path, to which
// the resource paths are relative. Every problem found is reported at
// once, in one error.
func ParsePackage(data []byte, descriptor string) (*budget.Package, error) {
	var d fdpDescriptor
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&d); err != nil {
		return nil, &budget.ParseError{File: descriptor, Err: fmt.Errorf("%w: not a readable datapackage.json: %v", ErrNotPackage, err)}
	}
	p := pkg{&budget.Package{Descriptor: descriptor, Title: d.Title, Columns: map[budget.Field]string{}}}
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
		for _, f := range r.Schema.Fields {
			fields[f.Name] = true
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

// measures takes the money columns, their phases, currency and scale.
func (p pkg) measures(ms map[string]fdpMeasure, inData func(string, string) bool, problem func(string, ...any)) {
	byPhase := map[budget.Phase][]string{}
	var noPhase, years []string
	revenue := 0
	currencies, factors := map[string]bool{}, map[budget.Scale]bool{}
	for _, name := range slices.Sorted(maps.Keys(ms)) {
		m := ms[name]
		what := fmt.Sprintf("measure %q", name)
		if m.Source == "" {
			problem("%s has no source column", what)
			continue
		}
		if !inData(what, m.Source) {
			continue
		}
		if strings.EqualFold(m.Direction, "revenue") {
			p.note("%s (%s) is revenue: left out, grb reads spending", what, m.Source)
			revenue++
			continue
		}
		if c := strings.ToUpper(strings.TrimSpace(m.Currency)); c != "" {
			if _, err := currency.ParseISO(c); err != nil {
				problem("%s: currency %q is not an ISO 4217 code", what, m.Currency)
			} else {
				currencies[c] = true
			}
		}
		if m.Factor != "" {
			f, err := strconv.ParseInt(m.Factor.String(), 10, 64)
			if err != nil || f < 1 {
				problem("%s: factor %s: want a whole number such as 1000", what, m.Factor)
			} else {
				factors[budget.Scale(f)] = true
			}
		}
		switch ph, ok := fdpPhases[strings.ToLower(m.Phase)]; {
		case ok:
			byPhase[ph] = append(byPhase[ph], m.Source)
		case m.Phase != "":
			problem("%s: phase %q: want proposed, approved, adjusted or executed", what, m.Phase)
		default:
			if _, y := grid.ParseYearHeader(m.Source); y {
				years = append(years, m.Source)
			} else {
				noPhase = append(noPhase, m.Source)
			}
		}
	}
	for _, ph := range budget.Phases() {
		cols := byPhase[ph]
		switch {
		case len(cols) == 1:
			p.Columns[budget.Field(ph.String())] = cols[0]
			p.note("money: column %q, %s", cols[0], ph)
		case len(cols) > 1:
			problem("several measures of phase %s (%s): grb reads one column per phase, or one per fiscal year", ph, strings.Join(cols, ", "))
		}
	}
	switch {
	case len(noPhase) == 1 && len(years) == 0:
		p.Columns[budget.FieldAmount] = noPhase[0]
		p.note("money: column %q, phase not given (read as --amount-phase, default approved)", noPhase[0])
	case len(noPhase) > 1:
		problem("measures %s have no phase: give each a phase (proposed, approved, adjusted or executed)", strings.Join(noPhase, ", "))
	case len(years) > 0 && len(byPhase) == 0 && len(noPhase) == 0:
		p.note("money: fiscal-year columns %s, phase not given (read as --amount-phase, default approved)", strings.Join(years, ", "))
	case len(years) > 0:
		problem("measures %s are fiscal years without a phase, beside measures with one: give them a phase", strings.Join(years, ", "))
	}
	if revenue == len(ms) {
		problem("every measure is revenue: grb reads spending")
	}
	switch len(currencies) {
	case 0:
	case 1:
		p.Currency = slices.Sorted(maps.Keys(currencies))[0]
		p.note("currency: %s", p.Currency)
	default:
		problem("measures in several currencies (%s): grb reads one currency per file", strings.Join(slices.Sorted(maps.Keys(currencies)), ", "))
	}
	switch len(factors) {
	case 0:
	case 1:
		for f := range factors {
			p.Scale = f
		}
		p.note("scale: factor %d (%s)", int64(p.Scale), p.Scale)
	default:
		problem("measures with different factors: grb reads one scale per file")
	}
}

// dimensions takes the columns of the year, the administrative unit, the
// programme and the line identifier from the typed dimensions; the others
// are left to header recognition.
func (p pkg) dimensions(ds map[string]fdpDimension, inData func(string, string) bool, problem func(string, ...any)) {
	type target struct {
		code, name, both budget.Field
	}
	admin := false
	for _, d := range ds {
		admin = admin || (d.DimensionType == "classification" && d.ClassificationType == "administrative")
	}
	claims := map[budget.Field][]string{}
	take := map[string]target{}
	var untyped, other []string
	for _, name := range slices.Sorted(maps.Keys(ds)) {
		d := ds[name]
		var t target
		switch {
		case d.DimensionType == "datetime":
			t = target{code: budget.FieldYear}
		case d.DimensionType == "classification" && d.ClassificationType == "administrative",
			d.DimensionType == "entity" && !admin:
			t = target{budget.FieldUnitCode, budget.FieldUnitName, budget.FieldUnit}
		case d.DimensionType == "activity":
			t = target{budget.FieldProgrammeCode, budget.FieldProgrammeName, budget.FieldProgrammeName}
		case d.DimensionType == "fact":
			t = target{code: budget.FieldID}
		case d.DimensionType == "":
			untyped = append(untyped, name)
			continue
		default:
			other = append(other, fmt.Sprintf("%s (%s)", name, strings.TrimSpace(d.DimensionType+" "+d.ClassificationType)))
			continue
		}
		take[name] = t
		claims[t.code] = append(claims[t.code], name)
	}
	for _, name := range slices.Sorted(maps.Keys(take)) {
		d, t := ds[name], take[name]
		if others := claims[t.code]; len(others) > 1 {
			if others[0] == name {
				p.note("dimensions %s are all %s: left to header recognition", strings.Join(others, ", "), t.code)
			}
			continue
		}
		what := fmt.Sprintf("dimension %q", name)
		code, label, constant := d.keys(problem, what)
		switch {
		case constant != "" && t.code == budget.FieldYear:
			if y, ok := grid.ParseYearHeader(constant); ok {
				p.Year = y
				p.note("fiscal year: %d (constant of %s)", y, what)
			} else {
				problem("%s: constant %q is not a fiscal year", what, constant)
			}
			continue
		case constant != "":
			p.note("%s: constant %q not read (grb reads a constant fiscal year only)", what, constant)
			continue
		}
		if code == "" || !inData(what, code) || (label != "" && !inData(what, label)) {
			continue
		}
		switch {
		case label != "" && t.name != "":
			p.Columns[t.code], p.Columns[t.name] = code, label
			p.note("%s: code %q, name %q (%s)", fieldNoun(t.code), code, label, what)
		case t.both != "" && len(d.Attributes) == 1:
			// One attribute, such as "0702010 Cabinet Affairs": code and
			// name are split from the text, as for a recognised column.
			p.Columns[t.both] = code
			p.note("%s: column %q (%s)", fieldNoun(t.code), code, what)
		default:
			p.Columns[t.code] = code
			p.note("%s: column %q (%s)", fieldNoun(t.code), code, what)
		}
	}
	if len(other) > 0 {
		p.note("dimensions %s: not fields of grb's, left to header recognition", strings.Join(other, ", "))
	}
	if len(untyped) > 0 {
		p.note("dimensions without a dimensionType (%s): left to header recognition", strings.Join(untyped, ", "))
	}
}

// keys returns the source column of the dimension's primary key, the
// column of its label (the attribute that is labelfor the key), and the
// key's constant when it has one instead of a column.
func (d fdpDimension) keys(problem func(string, ...any), what string) (code, label, constant string) {
	var pk []string
	if len(d.PrimaryKey) > 0 {
		var one string
		if json.Unmarshal(d.PrimaryKey, &one) == nil {
			pk = []string{one}
		} else if json.Unmarshal(d.PrimaryKey, &pk) != nil {
			problem("%s: primaryKey: want an attribute name or a list of them", what)
			return "", "", ""
		}
	}
	names := slices.Sorted(maps.Keys(d.Attributes))
	key := ""
	switch {
	case len(pk) > 0:
		key = pk[len(pk)-1] // the finest level of a composite key
	case len(names) == 1:
		key = names[0]
	default:
		problem("%s: no primaryKey among %d attributes", what, len(names))
		return "", "", ""
	}
	a, ok := d.Attributes[key]
	if !ok {
		problem("%s: primaryKey %q is not one of its attributes", what, key)
		return "", "", ""
	}
	if a.Source == "" && len(a.Constant) > 0 {
		var s string
		if json.Unmarshal(a.Constant, &s) != nil {
			s = string(a.Constant) // a number
		}
		return "", "", strings.TrimSpace(s)
	}
	for _, n := range names {
		if d.Attributes[n].Labelfor == key && d.Attributes[n].Source != "" {
			label = d.Attributes[n].Source
			break
		}
	}
	return a.Source, label, ""
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
	if opt.Delimiter == 0 {
		opt.Delimiter = p.Delimiter
	}
}

// fieldNoun names a field a dimension was read as, for the notes.
func fieldNoun(f budget.Field) string {
	switch f {
	case budget.FieldYear:
		return "fiscal year"
	case budget.FieldUnitCode:
		return "administrative unit"
	case budget.FieldProgrammeCode:
		return "programme"
	case budget.FieldID:
		return "line id"
	}
	return string(f)
}

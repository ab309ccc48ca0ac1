package budget

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Mapping is a reading recipe for one institution's budget files, kept in a
// small YAML file so the same layout reads the same way every year:
//
//	sheet: FY2024
//	header_row: 5
//	scheme: un_gem
//	currency: USD
//	scale: thousands
//	decimal: comma
//	phase: approved
//	columns:
//	  approved: Aprobado
//	  executed: Ejercido
//	  gender_marker: K     # a header text or a column letter
//
// Every key is optional.
type Mapping struct {
	Sheet     string            `yaml:"sheet"`
	HeaderRow int               `yaml:"header_row"`
	Scheme    string            `yaml:"scheme"`
	Currency  string            `yaml:"currency"`
	Scale     string            `yaml:"scale"`
	Decimal   string            `yaml:"decimal"`
	Phase     string            `yaml:"phase"`
	Year      int               `yaml:"year"`
	Delimiter string            `yaml:"delimiter"`
	Columns   map[string]string `yaml:"columns"`
}

// ParseMapping reads a mapping file. Unknown keys are errors, so a typo
// does not pass unnoticed.
func ParseMapping(r io.Reader) (*Mapping, error) {
	var m Mapping
	if err := DecodeYAML(r, &m); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("budget: mapping: %w", err)
	}
	return &m, nil
}

// ReadMappingFile reads a mapping file by name.
func ReadMappingFile(name string) (*Mapping, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ParseMapping(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

// Apply copies the mapping into opt, leaving alone what opt already sets
// (flags win over the file).
func (m *Mapping) Apply(opt *Options) error {
	if opt.Sheet == "" {
		opt.Sheet = m.Sheet
	}
	if opt.HeaderRow == 0 {
		opt.HeaderRow = m.HeaderRow
	}
	if opt.Scheme == "" {
		opt.Scheme = m.Scheme
	}
	if opt.Currency == "" {
		opt.Currency = m.Currency
	}
	if opt.Year == 0 {
		opt.Year = m.Year
	}
	if opt.Scale == 0 && m.Scale != "" {
		s, err := ParseScaleName(m.Scale)
		if err != nil {
			return err
		}
		opt.Scale = s
	}
	if opt.Decimal == AutoDecimal && m.Decimal != "" {
		d, err := ParseDecimalMark(m.Decimal)
		if err != nil {
			return err
		}
		opt.Decimal = d
	}
	if !opt.PhaseSet && m.Phase != "" {
		p, err := ParsePhase(m.Phase)
		if err != nil {
			return err
		}
		opt.Phase, opt.PhaseSet = p, true
	}
	if opt.Delimiter == 0 && m.Delimiter != "" {
		d, err := ParseDelimiter(m.Delimiter)
		if err != nil {
			return err
		}
		opt.Delimiter = d
	}
	for k, v := range m.Columns {
		f, err := ParseField(k)
		if err != nil {
			return err
		}
		if opt.Columns == nil {
			opt.Columns = map[Field]string{}
		}
		if _, set := opt.Columns[f]; !set {
			opt.Columns[f] = v
		}
	}
	return nil
}

// ParseDecimalMark parses "auto", "point" (or ".") and "comma" (or ",").
func ParseDecimalMark(s string) (DecimalMark, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return AutoDecimal, nil
	case "point", ".", "dot":
		return DecimalPoint, nil
	case "comma", ",":
		return DecimalComma, nil
	}
	return 0, fmt.Errorf("budget: unknown decimal mark %q (want auto, point or comma)", s)
}

// ParseDelimiter parses a csv delimiter: ",", ";", "tab" or "\t".
func ParseDelimiter(s string) (rune, error) {
	switch s {
	case ",", "comma":
		return ',', nil
	case ";", "semicolon":
		return ';', nil
	case "\t", "tab", `\t`:
		return '\t', nil
	}
	return 0, fmt.Errorf("budget: unsupported delimiter %q (want comma, semicolon or tab)", s)
}

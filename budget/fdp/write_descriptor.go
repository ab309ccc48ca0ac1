package fdp

import (
	"encoding/json"
	"io"
	"strconv"

	"github.com/grb-toolkit/grb/budget"
)

// The descriptor an export writes (Fiscal Data Package 1.0 / 0.3 model).
type outDescriptor struct {
	Profile   string        `json:"profile"`
	Name      string        `json:"name"`
	Title     string        `json:"title,omitempty"`
	Resources []outResource `json:"resources"`
	Model     outModel      `json:"model"`
	GRB       struct {
		Rows string `json:"rows"`
	} `json:"grb"`
}

type outResource struct {
	Name      string            `json:"name"`
	Path      string            `json:"path"`
	Format    string            `json:"format"`
	Mediatype string            `json:"mediatype"`
	Encoding  string            `json:"encoding"`
	Dialect   map[string]string `json:"dialect"`
	Schema    struct {
		Fields []outField `json:"fields"`
	} `json:"schema"`
}

type outField struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	DecimalChar string `json:"decimalChar,omitempty"`
	GroupChar   string `json:"groupChar,omitempty"`
	Description string `json:"description,omitempty"`
}

type outModel struct {
	Measures   map[string]outMeasure   `json:"measures"`
	Dimensions map[string]outDimension `json:"dimensions"`
}

type outMeasure struct {
	Source   string `json:"source"`
	Currency string `json:"currency,omitempty"`
	Factor   int    `json:"factor"`
	Phase    string `json:"phase"`
}

type outDimension struct {
	DimensionType      string                  `json:"dimensionType"`
	ClassificationType string                  `json:"classificationType,omitempty"`
	PrimaryKey         string                  `json:"primaryKey"`
	Attributes         map[string]outAttribute `json:"attributes"`
	Codelist           map[string]string       `json:"codelist,omitempty"`
	Scheme             string                  `json:"scheme,omitempty"`
	Description        string                  `json:"description,omitempty"`
}

type outAttribute struct {
	Source   string `json:"source"`
	Labelfor string `json:"labelfor,omitempty"`
}

// outPhases are the specification's names of grb's phases.
var outPhases = map[budget.Phase]string{budget.Proposed: "proposed", budget.Approved: "approved", budget.Revised: "adjusted", budget.Executed: "executed"}

func writeDescriptor(w io.Writer, opt WriteOptions, cols []column, currency string) error {
	d := outDescriptor{Profile: "fiscal-data-package", Name: opt.Name, Title: opt.Title,
		Model: outModel{Measures: map[string]outMeasure{}, Dimensions: map[string]outDimension{}}}
	d.GRB.Rows = "lines"
	if d.Name == "" {
		d.Name = "grb-budget"
	}
	r := outResource{Name: "budget", Path: DataFile, Format: "csv", Mediatype: "text/csv", Encoding: "utf-8", Dialect: map[string]string{"delimiter": ","}}
	dims := d.Model.Dimensions
	for _, c := range cols {
		f := outField{Name: c.name, Type: c.typ}
		switch {
		case c.isMoney:
			f.DecimalChar, f.GroupChar = ".", ""
			d.Model.Measures[c.name] = outMeasure{Source: c.name, Currency: currency, Factor: 1, Phase: outPhases[c.phase]}
		case c.name == "id":
			dims["line"] = oneAttribute("fact", "", "id")
		case c.name == "year":
			dims["year"] = oneAttribute("datetime", "", "year")
		case c.name == objectivesHeader:
			f.Description = "GCM objectives of the line (0 is the Compact as a whole), with each one's share of the line's money when there are several"
			dims["gcm_objective"] = tagDimension("gcm-objective", c.name, objectiveCodes(), f.Description)
		case c.name == markerHeader:
			f.Description = "gender equality marker, OECD DAC significance: 2 principal, 1 significant, 0 not targeted (also grb's limited and potential levels); blank when not screened"
			g := tagDimension("gender-marker", c.name, map[string]string{"0": "Not targeted", "1": "Significant", "2": "Principal"}, f.Description)
			g.Scheme = "oecd_dac"
			dims["gender_marker"] = g
		}
		r.Schema.Fields = append(r.Schema.Fields, f)
	}
	dims["unit"] = codeAndName("classification", "administrative", "unit_code", "unit_name")
	dims["programme"] = codeAndName("activity", "", "programme_code", "programme_name")
	d.Resources = []outResource{r}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}

func oneAttribute(typ, class, col string) outDimension {
	return outDimension{DimensionType: typ, ClassificationType: class, PrimaryKey: col, Attributes: map[string]outAttribute{col: {Source: col}}}
}

func codeAndName(typ, class, code, name string) outDimension {
	d := oneAttribute(typ, class, code)
	d.Attributes[name] = outAttribute{Source: name, Labelfor: code}
	return d
}

// tagDimension is a tag column as a classification of a custom type,
// with its codelist.
func tagDimension(class, col string, codes map[string]string, desc string) outDimension {
	d := oneAttribute("classification", class, col)
	d.Codelist, d.Description = codes, desc
	return d
}

// objectiveCodes is the codelist of the GCM objectives: 0 (the Compact as
// a whole) to 23, with their titles.
func objectiveCodes() map[string]string {
	codes := map[string]string{}
	for _, o := range budget.Objectives() {
		codes[strconv.Itoa(o.Number)] = o.Title
	}
	return codes
}

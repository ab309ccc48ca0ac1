package grid

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// resolveMarkers chooses the marker scheme of the sheet and reads each
// line's marker under it.
func (s *sheetReader) resolveMarkers() {
	c, ok := s.cols[budget.FieldGenderMarker]
	if !ok {
		return
	}
	header := strings.TrimSpace(s.header[c])
	var scheme *budget.Scheme
	if s.opt.Scheme != "" {
		scheme, _ = s.opt.Schemes.Lookup(s.opt.Scheme)
		s.rep.Scheme, s.rep.SchemeNote = scheme.ID, "option"
	} else if len(s.markerVals) > 0 {
		vals := make([]string, 0, len(s.markerVals))
		for v := range s.markerVals {
			vals = append(vals, v)
		}
		sort.Strings(vals)
		inf := s.opt.Schemes.Infer(header, vals)
		if inf.Scheme == "" {
			// A header that names its scheme is believed even when some
			// values are not codes of it; those values are errors below.
			if h := s.opt.Schemes.Infer(header, nil); h.ByHeader {
				sc, _ := s.opt.Schemes.Lookup(h.Scheme)
				var bad []string
				for _, v := range vals {
					if _, err := sc.Parse(v); err != nil {
						bad = append(bad, strconv.Quote(v))
					}
				}
				h.Reason = fmt.Sprintf("scheme %q chosen from the header %q; values %s are not codes of it and are reported below", h.Scheme, header, strings.Join(bad, ", "))
				inf = h
			}
		}
		if inf.Scheme == "" {
			s.b.AddIssue(budget.Error, "scheme-unknown", s.pos(s.rep.HeaderRow, c+1), strings.Join(vals, ", "), "codes of one marker scheme (see `grb schemes`), or --scheme", inf.Reason, budget.ErrUnknownScheme)
		} else {
			scheme, _ = s.opt.Schemes.Lookup(inf.Scheme)
			s.rep.Scheme, s.rep.SchemeNote = scheme.ID, inf.Reason
			s.b.AddIssue(budget.Warning, "scheme-assumed", s.pos(s.rep.HeaderRow, c+1), "", "--scheme or a mapping file naming the scheme", inf.Reason, nil)
		}
	}
	if scheme == nil {
		return
	}
	// Each code is read once; the lines take the result.
	type parsed struct {
		m   budget.Marker
		err error
	}
	read := make(map[budget.Marker]parsed, len(s.markerVals))
	for v, m := range s.markerVals {
		lv, err := scheme.Parse(v)
		read[m] = parsed{budget.NewMarker(lv, v, scheme.ID), err}
	}
	src := budget.NewProvenance(budget.FromColumn, s.header[c])
	sheetLines := s.b.Lines.Len() - s.start
	for i := 0; i < sheetLines; i++ {
		g := s.b.Lines.GenderAt(s.start + i)
		p, ok := read[g]
		if !ok {
			continue // no code on the line
		}
		if p.err != nil {
			s.b.AddIssue(budget.Error, "marker-invalid", s.pos(s.b.Lines.RowAt(s.start+i), c+1), g.Raw(), "a code of scheme "+scheme.ID, budget.IssueText(p.err), p.err)
			continue
		}
		s.b.Lines.SetGender(s.start+i, p.m, src)
	}
}

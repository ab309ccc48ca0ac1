package iati

import (
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// iatiClass is a sector or tag of an activity.
type iatiClass struct {
	Vocabulary string `xml:"vocabulary,attr"`
	URI        string `xml:"vocabulary-uri,attr"`
	Code       string `xml:"code,attr"`
	Percentage string `xml:"percentage,attr"`
}

// gcm reports whether c is a GCM objective of vocabulary vocab: its
// vocabulary-uri names A/RES/73/195, the resolution of the Compact, as
// grb's export writes (GCMVocabularyURI).
func (c iatiClass) gcm(vocab string) bool {
	return strings.TrimSpace(c.Vocabulary) == vocab && strings.Contains(c.URI, "A/RES/73/195")
}

// objectives returns the GCM objectives of activity a: its sectors of
// vocabulary 98 with the Compact's uri, split by their percentages (or
// equally when one has none); without such sectors, its tags of
// vocabulary 99 with that uri, split equally. Objectives that grb cannot
// read are the warning objective-invalid, and the activity has none.
func (r *iatiReader) objectives(a *iatiActivity, pos budget.Position, where string) ([]budget.ObjectiveShare, budget.Provenance) {
	var codes, shares []string
	pct := true
	what := "sector vocabulary 98"
	for _, s := range a.Sectors {
		if s.gcm("98") {
			c, p := strings.TrimSpace(s.Code), strings.TrimSpace(s.Percentage)
			codes, shares = append(codes, c), append(shares, c+" ("+p+"%)")
			pct = pct && p != ""
		}
	}
	if len(codes) == 0 {
		what, pct = "tag vocabulary 99", false
		for _, tg := range a.Tags {
			if tg.gcm("99") {
				codes = append(codes, strings.TrimSpace(tg.Code))
			}
		}
	}
	if len(codes) == 0 {
		return nil, budget.Provenance{}
	}
	text := strings.Join(codes, "; ")
	if pct {
		text = strings.Join(shares, ", ")
	}
	objs, err := budget.ParseObjectives(text)
	if err != nil {
		r.b.AddIssue(budget.Warning, "objective-invalid", pos, budget.ClipText(text), "GCM objectives 0–23, with percentages that add up to 100", where+": GCM objectives ("+what+", A/RES/73/195) not read: "+budget.IssueText(err), err)
		return nil, budget.Provenance{}
	}
	return objs, budget.NewProvenance(budget.FromColumn, what+" (A/RES/73/195)")
}

package iati

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/currency"
	"golang.org/x/text/encoding/ianaindex"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// ErrInvalidXML reports an IATI file that is not well-formed XML. It is
// carried in a [budget.ParseError] whose message gives the XML line.
var ErrInvalidXML = errors.New("invalid XML")

// iatiSheet is the sheet name of IATI lines, ledger entries and issues: a
// position such as "activities.xml:activities!12" is the 12th
// <iati-activity> of the file (positions count activities, not XML lines).
const iatiSheet = "activities"

// IATI XML (https://iatistandard.org, versions 1.01 to 2.03) is read as
// follows; the README's "How files are read" says the same for users.
//
//   - Each <iati-activity> is decoded on its own (the file is streamed, never
//     held whole) and makes the lines of one ledger row, Row being the
//     activity's 1-based ordinal in the file.
//   - One line per budget period and currency: <budget type="1"> (or
//     "Original", or no type) is the Approved amount and type 2 ("Revised")
//     the Revised amount of the line of its period-start..period-end.
//   - Disbursements and expenditure (transaction types 3 and 4, "D" and "E"
//     in IATI 1.0x) dated inside a budget period of the same currency are
//     summed into that line's Executed amount (the first such period in
//     date order, when periods overlap). Those outside every budget period
//     make one extra line per calendar year and currency with only an
//     Executed amount, so no spending is dropped. An activity without
//     budgets therefore has executed-only lines, and an activity with
//     neither budgets nor spending makes no line: it is a note in the
//     ledger and a warning "activity-no-budget", unless it names a child
//     activity (related-activity type 2): a parent whose children carry
//     the money is a note only.
//   - Currency: value/@currency, else the activity's @default-currency,
//     else Options.Currency, else absent with a warning; never guessed.
//   - Gender: the policy-marker with vocabulary 1 ("DAC" in IATI 1.0x, or no
//     vocabulary) and code 1, read with the "iati" scheme from its
//     significance; no such marker is NotScreened, never NotTargeted.
//   - Amounts are xsd:decimal in currency units: Options.Scale, Decimal,
//     Year, Scheme and Delimiter do not apply.

// iatiActivity is the part of an <iati-activity> that grb reads.
type iatiActivity struct {
	DefaultCurrency string            `xml:"default-currency,attr"`
	Hierarchy       string            `xml:"hierarchy,attr"`
	Identifier      string            `xml:"iati-identifier"`
	ReportingOrg    iatiText          `xml:"reporting-org"`
	Title           iatiText          `xml:"title"`
	Description     []iatiText        `xml:"description"`
	Related         []iatiText        `xml:"related-activity"`
	Budgets         []iatiBudget      `xml:"budget"`
	Transactions    []iatiTransaction `xml:"transaction"`
	Markers         []iatiMarker      `xml:"policy-marker"`
	BudgetItems     []iatiBudgetItems `xml:"country-budget-items"`
	Sectors         []iatiClass       `xml:"sector"`
	Tags            []iatiClass       `xml:"tag"`
}

// iatiBudgetItems is an activity's country-budget-items: codes of a
// budget classification, which its vocabulary names.
type iatiBudgetItems struct {
	Vocabulary string     `xml:"vocabulary,attr"`
	Items      []iatiText `xml:"budget-item"`
}

// budgetItems returns the codes of the activity's country-budget-items of
// a recipient country's own budget (BudgetIdentifierVocabulary 2, its
// chart of accounts, or 3, another country system), trimmed, each once,
// in the file's order. IATI's functional categories (1) and the
// reporting organisation's (4) name no line of a government's budget.
func (a *iatiActivity) budgetItems() []string {
	var out []string
	for _, cbi := range a.BudgetItems {
		if v := strings.TrimSpace(cbi.Vocabulary); v != "2" && v != "3" {
			continue
		}
		for _, it := range cbi.Items {
			if c := strings.TrimSpace(it.Code); c != "" && !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// iatiText is an element with text, either as plain content (IATI 1.0x) or
// in <narrative> children (2.0x), and the attributes grb needs.
type iatiText struct {
	Ref        string   `xml:"ref,attr"`
	Code       string   `xml:"code,attr"`
	Type       string   `xml:"type,attr"`
	Text       string   `xml:",chardata"`
	Narratives []string `xml:"narrative"`
}

// String returns the first non-blank narrative, else the element text.
func (t iatiText) String() string {
	for _, n := range t.Narratives {
		if s := strings.Join(strings.Fields(n), " "); s != "" {
			return s
		}
	}
	return strings.Join(strings.Fields(t.Text), " ")
}

type iatiDate struct {
	ISO  string `xml:"iso-date,attr"`
	Text string `xml:",chardata"`
}

func (d *iatiDate) value() string {
	if d == nil {
		return ""
	}
	if s := strings.TrimSpace(d.ISO); s != "" {
		return s
	}
	return strings.TrimSpace(d.Text)
}

type iatiValue struct {
	Currency  string `xml:"currency,attr"`
	ValueDate string `xml:"value-date,attr"`
	Text      string `xml:",chardata"`
}

type iatiBudget struct {
	Type  string    `xml:"type,attr"`
	Start *iatiDate `xml:"period-start"`
	End   *iatiDate `xml:"period-end"`
	Value iatiValue `xml:"value"`
}

type iatiTransaction struct {
	Type  iatiCode  `xml:"transaction-type"`
	Date  *iatiDate `xml:"transaction-date"`
	Value iatiValue `xml:"value"`
}

type iatiCode struct {
	Code string `xml:"code,attr"`
}

type iatiMarker struct {
	Vocabulary   string `xml:"vocabulary,attr"`
	Code         string `xml:"code,attr"`
	Significance string `xml:"significance,attr"`
}

// maxActivityBytes bounds one <iati-activity>: each is decoded whole, so
// the memory grb needs is that of the largest activity, and one activity
// of millions of budgets (9 GB once) is refused instead.
const maxActivityBytes = 32 << 20

// maxText bounds, in characters, each text a line keeps of its activity
// (title, reporting organisation, description, parent's name): with it,
// what reading holds is bounded by the lines made, not by the XML. The
// longest description of the real files read is 3,999 characters.
const maxText = 4000

// iatiLimitReader fails with errIATILimit once more than n bytes are read,
// and with errActivityLimit once the activity begun at byte start runs
// past maxActivityBytes.
type iatiLimitReader struct {
	r     io.Reader
	n     int64 // bytes left; <0 = no limit
	read  int64 // bytes read so far
	start int64 // where the activity being decoded starts; <0 = none
}

var (
	errIATILimit     = errors.New("iati: byte limit")
	errActivityLimit = errors.New("iati: activity byte limit")
)

func (l *iatiLimitReader) Read(p []byte) (int, error) {
	if l.start >= 0 && l.read-l.start > maxActivityBytes {
		return 0, errActivityLimit
	}
	k, err := l.limited(p)
	l.read += int64(k)
	return k, err
}

func (l *iatiLimitReader) limited(p []byte) (int, error) {
	if l.n < 0 {
		return l.r.Read(p)
	}
	if l.n == 0 {
		// One byte more tells a file of exactly the limit from a larger one.
		var one [1]byte
		if k, _ := l.r.Read(one[:]); k == 0 {
			return 0, io.EOF
		}
		return 0, errIATILimit
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	return k, err
}

// iatiReader reads one IATI file into a Budget.
type iatiReader struct {
	b      *budget.Budget
	opt    *budget.Options
	name   string
	scheme *budget.Scheme
	// others counts the policy markers of vocabularies other than the
	// OECD DAC's, by vocabulary and code, in the order first seen.
	others     map[[2]string]int
	otherOrder [][2]string
	dec        *xml.Decoder
	in         *iatiLimitReader
	rep        budget.SheetReport
	// lineless holds the title and ordinal of the first activity of each
	// identifier that made no line, to name parents (nameParents); the
	// others' titles are their lines' programme names.
	lineless map[string]titled
	texts    map[string]string // short texts lines repeat (shared)
	// lost counts the values with more than 18 decimals, rounded, and
	// the effect of that rounding on their total.
	lost       int
	lostEffect *big.Rat
	lostAt     budget.Position
	tree       iatiTree
	// clipped counts the texts longer than maxText characters that were
	// cut (keep), the longest and where the first was.
	clipped, longest int
	clippedAt        budget.Position
}

// Read reads the IATI activities of r into a Budget; name is used in
// messages. The file is streamed, one activity at a time.
func Read(r io.Reader, name string, opt budget.Options) (*budget.Budget, error) {
	opt, err := opt.WithDefaults()
	if err != nil {
		return nil, err
	}
	b := &budget.Budget{Source: name, Format: "iati", Tolerance: opt.Tolerance}
	if err := read(b, bufio.NewReaderSize(r, 64<<10), name, &opt); err != nil {
		return nil, err
	}
	return b, nil
}

// ReadFile reads the IATI file name, as Read does.
func ReadFile(name string, opt budget.Options) (*budget.Budget, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && opt.SizeHint <= 0 {
		opt.SizeHint = fi.Size() // sizes the lines (iatiReader.presize)
	}
	return Read(f, name, opt)
}

// Sniff reports whether head, the first bytes of a file, start like XML:
// an XML declaration or an <iati-activities> root, after an optional
// byte-order mark and white space.
func Sniff(head []byte) bool {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	return bytes.HasPrefix(head, []byte("<?xml")) || bytes.HasPrefix(head, []byte("<iati-activities"))
}

// read reads IATI activities from br into b. br starts at the first byte
// of the file.
func read(b *budget.Budget, br *bufio.Reader, name string, opt *budget.Options) error {
	if opt.Sheet != "" && opt.Sheet != iatiSheet {
		return &budget.ParseError{File: name, Err: fmt.Errorf("%w %q: an IATI file has one table, %q (drop --sheet)", budget.ErrNoSuchSheet, opt.Sheet, iatiSheet)}
	}
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		br.Discard(3)
	}
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = -1
	}
	sc, ok := opt.Schemes.Lookup("iati")
	if !ok {
		sc, _ = budget.DefaultSchemes().Lookup("iati")
	}
	if opt.Scheme != "" {
		if named, _ := opt.Schemes.Lookup(opt.Scheme); named == nil || named.ID != sc.ID {
			return &budget.ParseError{File: name, Err: fmt.Errorf("--scheme %q does not apply to an IATI file: its gender marker is the OECD DAC policy marker (vocabulary 1, code 1), read with the %q scheme (drop --scheme)", opt.Scheme, sc.ID)}
		}
	}
	r := &iatiReader{b: b, opt: opt, name: name, scheme: sc,
		rep: budget.SheetReport{Name: iatiSheet, Scale: budget.Units, ScaleFrom: "IATI values are in currency units", Scheme: sc.ID,
			SchemeNote: "policy-marker vocabulary 1 (OECD DAC), code 1 (gender equality), significance 0/1/2"}}
	r.in = &iatiLimitReader{r: br, n: limit, start: -1}
	r.dec = xml.NewDecoder(r.in)
	r.dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		enc, err := ianaindex.IANA.Encoding(label)
		if err != nil || enc == nil {
			return nil, fmt.Errorf("unsupported encoding %q (re-save the file as UTF-8)", label)
		}
		return enc.NewDecoder().Reader(in), nil
	}
	if err := r.read(); err != nil {
		return err
	}
	titles := r.parentTitles()
	r.levels()
	r.sayOtherVocabularies()
	r.sayPrecisionLost()
	r.sayClipped()
	b.Sheets = append(b.Sheets, r.rep)
	r.nameParents(titles)
	return nil
}

func (r *iatiReader) read() error {
	root := ""
	for {
		tok, err := r.dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return r.wrapErr(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = se.Name.Local
			if root != "iati-activities" && root != "iati-activity" {
				return &budget.ParseError{File: r.name, Err: fmt.Errorf("%w: the XML root element is <%s>, not <iati-activities> (grb reads IATI activity files)", budget.ErrUnknownFormat, root)}
			}
		}
		if se.Name.Local != "iati-activity" {
			continue
		}
		line, _ := r.dec.InputPos()
		if r.opt.MaxRows > 0 && r.rep.Rows >= r.opt.MaxRows {
			return &budget.ParseError{File: r.name, Err: fmt.Errorf("%w: more than %d activities (raise it with --max-rows)", budget.ErrLimit, r.opt.MaxRows)}
		}
		var a iatiActivity
		r.in.start = r.dec.InputOffset()
		if err := r.dec.DecodeElement(&a, &se); err != nil {
			if errors.Is(err, errActivityLimit) {
				return &budget.ParseError{File: r.name, Err: fmt.Errorf("%w: activity %[3]d of the file (XML line %[2]d) is larger than %[4]d MB; grb reads activities up to that size", budget.ErrLimit, line, r.rep.Rows+1, maxActivityBytes>>20)}
			}
			return r.wrapErr(err)
		}
		r.in.start = -1
		r.rep.Rows++
		if err := r.opt.Interrupted(r.rep.Rows); err != nil {
			return err
		}
		r.activity(&a, r.rep.Rows, line)
		if r.rep.Rows == presizeAfter {
			r.presize()
		}
	}
	if root == "" {
		return &budget.ParseError{File: r.name, Err: fmt.Errorf("%w: no XML element found", ErrInvalidXML)}
	}
	if r.rep.Rows == 0 {
		r.b.AddIssue(budget.Warning, "no-activities", budget.At(r.name, "", 0, 0), "", "", "the file has no <iati-activity> elements", nil)
	}
	return nil
}

// presizeAfter is the number of activities read before the lines are
// sized for the whole file.
const presizeAfter = 1000

// presize makes room, once, for the lines of the whole file, estimated from
// its size (Options.SizeHint) and the lines and bytes of the activities
// read so far (5% more), so that a large file's lines are not grown by
// copies, each holding the old lines and the new at once. An estimate too
// low is grown as before; one too high leaves room never written.
func (r *iatiReader) presize() {
	read := r.dec.InputOffset()
	if r.opt.SizeHint <= read || read <= 0 || r.b.Lines.Len() == 0 {
		return
	}
	est := float64(r.opt.SizeHint) / float64(read) * float64(r.b.Lines.Len()) * 1.05
	if est > 1<<26 {
		est = 1 << 26
	}
	r.b.Lines.Grow(int(est) - r.b.Lines.Len())
}

// wrapErr turns an error of the XML decoder into a *ParseError.
func (r *iatiReader) wrapErr(err error) error {
	if errors.Is(err, errIATILimit) {
		return &budget.ParseError{File: r.name, Err: fmt.Errorf("%w: the file is larger than %d bytes (reading stopped after %d activities); raise the limit with --max-bytes", budget.ErrLimit, r.opt.MaxBytes, r.rep.Rows)}
	}
	line, _ := r.dec.InputPos()
	msg := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line, msg = se.Line, se.Msg
	}
	if err == io.ErrUnexpectedEOF {
		msg = "the file ends inside an element"
	}
	return &budget.ParseError{File: r.name, Err: fmt.Errorf("XML line %d (after %d complete activities): %s: %w", line, r.rep.Rows, msg, ErrInvalidXML)}
}

func (r *iatiReader) reject(ord int, reason string) {
	r.rep.Counts[budget.RowRejected]++
	r.b.Record(budget.RowRecord{Sheet: iatiSheet, Row: ord, Class: budget.RowRejected, Reason: reason})
}

// amount parses a <value>; an invalid or empty value is an error issue.
func (r *iatiReader) amount(v iatiValue, pos budget.Position, what string) (budget.Money, bool) {
	t := strings.TrimSpace(v.Text)
	m, ok, residual, err := budget.ParseAmountExact(t, budget.Units, budget.DecimalPoint)
	if residual != nil {
		if r.lost == 0 {
			r.lostEffect, r.lostAt = new(big.Rat), pos
		}
		r.lost++
		r.lostEffect.Sub(r.lostEffect, residual)
	}
	if err != nil {
		r.b.AddIssue(budget.Error, "amount-invalid", pos, budget.ClipText(t), "an xsd:decimal such as 1234.56", what+": "+budget.IssueText(err), err)
		return budget.Money{}, false
	}
	if !ok {
		r.b.AddIssue(budget.Error, "amount-invalid", pos, "", "an xsd:decimal such as 1234.56", what+" has no value; it is not counted", budget.ErrInvalidAmount)
		return budget.Money{}, false
	}
	if c := strings.TrimSpace(v.Currency); c != "" {
		if _, err := currency.ParseISO(c); err != nil {
			r.b.AddIssue(budget.Warning, "currency-invalid", pos, c, "an ISO 4217 code such as USD, EUR or GBP", what+": currency code not recognised", nil)
		}
	}
	return m, true
}

// marker reads the gender-equality policy marker of an activity.
func (r *iatiReader) marker(ms []iatiMarker, pos budget.Position, where string) (budget.Marker, budget.Provenance) {
	var found *iatiMarker
	for i := range ms {
		m := &ms[i]
		switch v := strings.ToUpper(strings.TrimSpace(m.Vocabulary)); v {
		case "", "1", "DAC":
		default:
			r.otherVocabulary(v, m.Code)
			continue
		}
		if strings.TrimSpace(m.Code) != "1" {
			continue
		}
		if found == nil {
			found = m
		} else if strings.TrimSpace(m.Significance) != strings.TrimSpace(found.Significance) {
			r.b.AddIssue(budget.Warning, "marker-conflict", pos, m.Significance, "", fmt.Sprintf("%s has more than one gender policy marker; the first (significance %q) is used", where, found.Significance), nil)
		}
	}
	if found == nil {
		return budget.Marker{}, budget.Provenance{}
	}
	raw := budget.TrimCell(found.Significance)
	src := budget.NewProvenance(budget.FromColumn, "policy-marker")
	if raw == "" {
		r.b.AddIssue(budget.Warning, "marker-no-significance", pos, "", "significance 0, 1 or 2", where+": gender policy marker (vocabulary 1, code 1) without a significance: read as not screened", nil)
		return budget.Marker{}, budget.Provenance{}
	}
	lv, err := r.scheme.Parse(raw)
	if err != nil {
		r.b.AddIssue(budget.Error, "marker-invalid", pos, raw, "significance 0, 1 or 2", where+": "+budget.IssueText(err), err)
		return budget.NewMarker(budget.NotScreened, raw, ""), src
	}
	return budget.NewMarker(lv, raw, r.scheme.ID), src
}

// otherVocabulary counts a policy marker of a vocabulary other than the
// OECD DAC's (such as 99, the reporting organisation's own): it is not the
// gender marker, whatever its code, and is said once per vocabulary and
// code by sayOtherVocabularies.
func (r *iatiReader) otherVocabulary(vocabulary, code string) {
	k := [2]string{budget.ClipText(vocabulary), budget.ClipText(strings.TrimSpace(code))}
	if r.others == nil {
		r.others = map[[2]string]int{}
	}
	if r.others[k] == 0 {
		r.otherOrder = append(r.otherOrder, k)
	}
	r.others[k]++
}

// keep returns the text s of the activity at pos as a line keeps it: its
// first maxText characters and "…" when it is longer (counted for
// sayClipped), in a string of its own, so that the activity's decoded
// text is not held by the line.
func (r *iatiReader) keep(s string, pos budget.Position) string {
	if len(s) <= maxText {
		return s
	}
	n := utf8.RuneCountInString(s)
	if n <= maxText {
		return s
	}
	if r.clipped == 0 {
		r.clippedAt = pos
	}
	r.clipped++
	r.longest = max(r.longest, n)
	i, k := 0, 0
	for k < maxText {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
		k++
	}
	return s[:i] + "…"
}

// sayClipped adds one warning for the texts cut by keep, if any.
func (r *iatiReader) sayClipped() {
	if r.clipped == 0 {
		return
	}
	msg := fmt.Sprintf("%s (titles, descriptions, organisations or parents' names) longer than %s characters, the longest %s: the lines keep the first %s characters of each, followed by …",
		format.Thousands(strconv.Itoa(r.clipped))+" "+format.Plural(r.clipped, "text", "texts"), format.Thousands(strconv.Itoa(maxText)), format.Thousands(strconv.Itoa(r.longest)), format.Thousands(strconv.Itoa(maxText)))
	r.b.AddIssue(budget.Warning, "text-clipped", r.clippedAt, "", fmt.Sprintf("at most %s characters", format.Thousands(strconv.Itoa(maxText))), msg, nil)
}

// sayPrecisionLost adds one warning for the values rounded beyond 18
// decimals, if any.
func (r *iatiReader) sayPrecisionLost() {
	if r.lost == 0 {
		return
	}
	msg := fmt.Sprintf("%s more than 18 decimals: rounded to 18 decimals (halves to even), which changes their total by %s (the total as read minus the exact sum of the values as written)",
		format.CountOf(r.lost, "value has", "values have"), budget.RatDecimal(r.lostEffect))
	r.b.AddIssue(budget.Warning, "precision-lost", r.lostAt, "", "amounts with at most 18 decimals", msg, nil)
}

// sayOtherVocabularies adds one warning per vocabulary and code counted
// by otherVocabulary.
func (r *iatiReader) sayOtherVocabularies() {
	for _, k := range r.otherOrder {
		n := r.others[k]
		vocab := "vocabulary " + k[0]
		if k[0] == "99" {
			vocab += " (the reporting organisation's own)"
		}
		msg := fmt.Sprintf("%s a policy marker of %s, code %s: not read as the gender marker, which is the OECD DAC policy marker (vocabulary 1, code 1)", format.CountOf(n, "activity has", "activities have"), vocab, k[1])
		r.b.AddIssue(budget.Warning, "marker-other-vocabulary", budget.At(r.name, iatiSheet, 0, 0), k[1], "vocabulary 1 (OECD DAC)", msg, nil)
	}
}

package budget

import (
	"fmt"
	"strings"
)

// Field is the role of a column in a budget table.
type Field string

// The fields grb recognises. A file needs at least one amount column
// (FieldAmount or a phase, or fiscal-year columns in a wide layout).
const (
	FieldID               Field = "id"
	FieldYear             Field = "year"
	FieldUnitCode         Field = "unit_code"
	FieldUnitName         Field = "unit_name"
	FieldUnit             Field = "unit" // code and name in one cell, such as "1011 Executive Office"
	FieldProgrammeCode    Field = "programme_code"
	FieldProgrammeName    Field = "programme_name"
	FieldParent           Field = "parent"
	FieldDescription      Field = "description"
	FieldProposed         Field = "proposed"
	FieldApproved         Field = "approved"
	FieldRevised          Field = "revised"
	FieldExecuted         Field = "executed"
	FieldAmount           Field = "amount" // an amount of unstated phase; read as Options.AmountPhase
	FieldCurrency         Field = "currency"
	FieldObjectives       Field = "objectives"
	FieldGenderMarker     Field = "gender_marker"
	FieldGEWEAmount       Field = "gewe_amount"
	FieldHumanRights      Field = "human_rights"
	FieldChildSensitivity Field = "child_sensitivity"
	FieldWomen            Field = "women"
	FieldMen              Field = "men"
	FieldGirls            Field = "girls"
	FieldBoys             Field = "boys"
	FieldOtherSex         Field = "other_sex"
)

// fieldOrder is the order fields are listed in reports.
var fieldOrder = []Field{
	FieldID, FieldYear, FieldUnitCode, FieldUnitName, FieldUnit, FieldProgrammeCode, FieldProgrammeName, FieldParent,
	FieldDescription, FieldProposed, FieldApproved, FieldRevised, FieldExecuted, FieldAmount, FieldCurrency,
	FieldObjectives, FieldGenderMarker, FieldGEWEAmount, FieldHumanRights, FieldChildSensitivity,
	FieldWomen, FieldMen, FieldGirls, FieldBoys, FieldOtherSex,
}

// Fields lists every field in report order.
func Fields() []Field { return append([]Field(nil), fieldOrder...) }

// ParseField checks a field name given by a user.
func ParseField(s string) (Field, error) {
	f := Field(strings.ToLower(strings.TrimSpace(s)))
	for _, g := range fieldOrder {
		if f == g {
			return f, nil
		}
	}
	names := make([]string, len(fieldOrder))
	for i, g := range fieldOrder {
		names[i] = string(g)
	}
	return "", fmt.Errorf("budget: unknown field %q (want one of %s)", s, strings.Join(names, ", "))
}

// Phase returns the budget phase of an amount field (proposed, approved,
// revised, executed) and whether f is one.
func (f Field) Phase() (Phase, bool) {
	switch f {
	case FieldProposed:
		return Proposed, true
	case FieldApproved:
		return Approved, true
	case FieldRevised:
		return Revised, true
	case FieldExecuted:
		return Executed, true
	}
	return 0, false
}

// IsMoney reports whether a column of field f holds money: a phase, a
// generic amount or the GEWE amount.
func (f Field) IsMoney() bool {
	_, ok := f.Phase()
	return ok || f == FieldAmount || f == FieldGEWEAmount
}

package xlsx

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"unsafe"
	"weak"

	"github.com/grb-toolkit/grb/budget"
)

// TestSharedStringsLetGo checks that a budget read from a workbook does not
// hold the workbook's shared-string table: its lines keep copies of their
// texts, and the table (most of the memory of reading a large workbook)
// is let go once the sheet's rows are all read, so it is collected before
// the lines are analysed. It fails if any part of what a read returns
// (a line, an issue, a header, a decision) is a part of the table's text.
func TestSharedStringsLetGo(t *testing.T) {
	defer func(k int) { sstKeep = k }(sstKeep)
	sstKeep = 1 // every table is let go, as a large one is
	defer func(m uint64) { aheadMin = m }(aheadMin)
	files := []string{perfFile(t, t.TempDir(), 300), perfFile(t, t.TempDir(), 5000), "../../templates/sample/examplia-budget.xlsx"}
	real, _ := filepath.Glob("../../../shared/data/real/*/*.xlsx")
	if len(real) == 0 {
		t.Log("no real workbooks in ../shared/data/real: the perf and sample workbooks only")
	}
	for _, name := range append(files, real...) {
		for _, ahead := range []bool{false, true} { // read on the caller's goroutine, and scanned ahead
			aheadMin = 1 << 62
			if ahead {
				aheadMin = 1
			}
			var text weak.Pointer[byte]
			var from, to uintptr
			tables := 0
			sstRead = func(s *sharedStrings) {
				if len(s.text) > 0 {
					text, tables = weak.Make(&s.text[0]), tables+1
					from = uintptr(unsafe.Pointer(&s.text[0]))
					to = from + uintptr(len(s.text))
				}
			}
			b, err := ReadFile(name, budget.Options{})
			sstRead = nil
			if b == nil {
				t.Fatalf("%s: %v", name, err)
			}
			if tables == 0 {
				t.Fatalf("%s: no shared-string table read", name)
			}
			for range 3 {
				runtime.GC()
			}
			if text.Value() != nil {
				t.Errorf("%s (ahead %v): the shared-string table outlives the read; strings in it: %v", filepath.Base(name), ahead, stringsIn(reflect.ValueOf(b), from, to, "b", 5))
			}
			runtime.KeepAlive(b)
		}
	}
}

// stringsIn returns the paths of up to max strings reachable from v whose
// bytes lie in [from, to).
func stringsIn(v reflect.Value, from, to uintptr, path string, max int) []string {
	var out []string
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		if len(out) >= max {
			return
		}
		switch v.Kind() {
		case reflect.String:
			if v.Len() > 0 {
				p := uintptr(unsafe.Pointer(unsafe.StringData(v.String())))
				if p >= from && p < to {
					out = append(out, fmt.Sprintf("%s=%q", path, v.String()))
				}
			}
		case reflect.Pointer, reflect.Interface:
			if v.IsNil() {
				return
			}
			if v.Kind() == reflect.Pointer {
				if seen[v.Pointer()] {
					return
				}
				seen[v.Pointer()] = true
			}
			walk(v.Elem(), path)
		case reflect.Struct:
			if !v.CanAddr() { // a map's value, an interface's: a copy to read its fields
				c := reflect.New(v.Type()).Elem()
				c.Set(v)
				v = c
			}
			for i := range v.NumField() {
				f := v.Field(i)
				if !f.CanInterface() {
					f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
				}
				walk(f, path+"."+v.Type().Field(i).Name)
			}
		case reflect.Slice, reflect.Array:
			for i := range min(v.Len(), 100000) {
				walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(it.Key(), path+"{key}")
				walk(it.Value(), path+"{}")
			}
		}
	}
	walk(v, path)
	return out
}

package files

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Within compares resolved paths, not prefixes: a sibling folder whose
// name starts like the root's is outside it.
func TestWithin(t *testing.T) {
	dir := t.TempDir()
	root, sibling := filepath.Join(dir, "pkg"), filepath.Join(dir, "pkg2")
	for _, d := range []string{root, sibling} {
		os.Mkdir(d, 0o755)
		os.WriteFile(filepath.Join(d, "a.csv"), []byte("x"), 0o644)
	}
	os.Symlink(filepath.Join(sibling, "a.csv"), filepath.Join(root, "link.csv"))
	os.Symlink("a.csv", filepath.Join(root, "inner.csv"))
	for name, want := range map[string]error{"a.csv": nil, "inner.csv": nil, "link.csv": ErrOutside} {
		if _, err := Within(root, filepath.Join(root, name), 0); !errors.Is(err, want) {
			t.Errorf("%s: %v, want %v", name, err, want)
		}
	}
}

// Two runs into one folder: the second is refused while the first
// holds it, and takes it once the first is done.
func TestOpenFolderLock(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	a, err := OpenFolder(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenFolder(dir, true); !errors.Is(err, ErrLocked) {
		t.Errorf("second run: %v, want ErrLocked", err)
	}
	a.Close()
	b, err := OpenFolder(dir, false)
	if err != nil {
		t.Fatalf("after the first run: %v", err)
	}
	b.Close()
}

func TestIsTemp(t *testing.T) {
	for name, want := range map[string]bool{".report.xlsx.tmp123": true, "report.xlsx": false, ".grb.lock": false} {
		if IsTemp(name) != want {
			t.Errorf("IsTemp(%q) = %v", name, !want)
		}
	}
}

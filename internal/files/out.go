package files

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Errors of outputs.
var (
	ErrIsInput  = errors.New("refusing to overwrite the input")
	ErrExists   = errors.New("the output exists")
	ErrNotEmpty = errors.New("the output folder is not empty")
	ErrLocked   = errors.New("another grb run is writing into the output folder")
)

// LockName is the lock file of an output folder being written.
const LockName = ".grb.lock"

// temporaries are the files being written now, removed by Cleanup.
var temporaries = struct {
	sync.Mutex
	names map[string]bool
}{names: map[string]bool{}}

func track(name string, on bool) {
	temporaries.Lock()
	defer temporaries.Unlock()
	if on {
		temporaries.names[name] = true
	} else {
		delete(temporaries.names, name)
	}
}

// Cleanup removes every temporary file and lock file being written now:
// what an interrupted run must not leave behind.
func Cleanup() {
	temporaries.Lock()
	defer temporaries.Unlock()
	for name := range temporaries.names {
		os.Remove(name)
		delete(temporaries.names, name)
	}
}

// CheckOutput refuses the output file name when it names one of inputs
// (ErrIsInput), or, unless force is set, when it exists (ErrExists). It
// reads nothing, so that it can be called before any input is read.
func CheckOutput(name string, inputs []string, force bool) error {
	for _, in := range inputs {
		if in != "" && Same(in, name) {
			return fmt.Errorf("%w %s", ErrIsInput, in)
		}
	}
	if st, err := os.Lstat(name); err == nil && !force {
		if st.IsDir() {
			return fmt.Errorf("%w: %s is a folder", ErrExists, name)
		}
		return fmt.Errorf("%w: %s", ErrExists, name)
	}
	return nil
}

// WriteAtomic writes name atomically: to a temporary file in the same
// folder, renamed into place once complete. It refuses to replace any of
// inputs (ErrIsInput). The temporary file is removed on failure, and by
// Cleanup when the run is interrupted.
func WriteAtomic(name string, inputs []string, write func(f *os.File) error) (err error) {
	for _, in := range inputs {
		if in != "" && Same(in, name) {
			return fmt.Errorf("%w %s", ErrIsInput, in)
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp*")
	if err != nil {
		return err
	}
	track(tmp.Name(), true)
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
		track(tmp.Name(), false)
	}()
	if err = write(tmp); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// Folder is an output folder locked by this run.
type Folder struct {
	Dir  string
	lock string
}

// OpenFolder prepares dir for outputs: it is created if missing, locked
// against a second run (ErrLocked; a lock left by a run that no longer
// exists is taken over), cleared of the temporary files a killed run left
// behind, and, unless force is set, refused when it holds anything else
// (ErrNotEmpty). Close unlocks it.
func OpenFolder(dir string, force bool) (*Folder, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	lock := filepath.Join(dir, LockName)
	if err := takeLock(lock); err != nil {
		return nil, err
	}
	f := &Folder{Dir: dir, lock: lock}
	removeTemporaries(dir)
	removeTemporaries(filepath.Join(dir, "charts"))
	entries, err := os.ReadDir(dir)
	if err != nil {
		f.Close()
		return nil, err
	}
	n := 0
	for _, e := range entries {
		if e.Name() == LockName {
			continue
		}
		if e.IsDir() && e.Name() == "charts" && empty(filepath.Join(dir, "charts")) {
			continue
		}
		n++
	}
	if n > 0 && !force {
		f.Close()
		return nil, fmt.Errorf("%w: %s", ErrNotEmpty, dir)
	}
	return f, nil
}

// Close removes the folder's lock.
func (f *Folder) Close() error {
	track(f.lock, false)
	return os.Remove(f.lock)
}

func takeLock(lock string) error {
	for try := 0; try < 2; try++ {
		l, err := os.OpenFile(lock, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			track(lock, true)
			_, werr := fmt.Fprintf(l, "%d\n", os.Getpid())
			if cerr := l.Close(); werr == nil {
				werr = cerr
			}
			return werr
		}
		if !errors.Is(err, os.ErrExist) {
			return err
		}
		data, _ := os.ReadFile(lock)
		pid, perr := strconv.Atoi(strings.TrimSpace(string(data)))
		if perr != nil || pid <= 0 || alive(pid) {
			break
		}
		os.Remove(lock) // left by a run that was killed
	}
	return fmt.Errorf("%w %s (its lock file %s exists; remove it if no grb run is writing there)", ErrLocked, filepath.Dir(lock), lock)
}

// removeTemporaries removes the temporary files of WriteAtomic in dir.
func removeTemporaries(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() && IsTemp(e.Name()) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

func empty(dir string) bool {
	entries, err := os.ReadDir(dir)
	return err == nil && len(entries) == 0
}

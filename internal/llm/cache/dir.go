package cache

import (
	"path/filepath"
	"runtime"
)

// DefaultDir returns the folder prodgen keeps its cache in when none is
// configured, reading the environment through getenv. home is the user's
// home folder. $XDG_CACHE_HOME/prodgen wins wherever it is set to an
// absolute path, as the XDG rule asks; otherwise it is, like
// os.UserCacheDir, %LocalAppData%\prodgen on Windows,
// ~/Library/Caches/prodgen on macOS and ~/.cache/prodgen elsewhere. It is
// empty when neither the environment nor home gives a place.
func DefaultDir(getenv func(string) string, home string) string {
	return defaultDir(runtime.GOOS, getenv, home)
}

// defaultDir is DefaultDir for the operating system goos.
func defaultDir(goos string, getenv func(string) string, home string) string {
	const name = "prodgen"
	// The XDG rule: a relative value is invalid and ignored.
	if xdg := getenv("XDG_CACHE_HOME"); xdg != "" && filepath.IsAbs(xdg) {
		return filepath.Join(xdg, name)
	}
	switch goos {
	case "windows":
		if local := getenv("LocalAppData"); local != "" {
			return filepath.Join(local, name)
		}
		if home != "" {
			return filepath.Join(home, "AppData", "Local", name)
		}
	case "darwin", "ios":
		if home != "" {
			return filepath.Join(home, "Library", "Caches", name)
		}
	default:
		if home != "" {
			return filepath.Join(home, ".cache", name)
		}
	}
	return ""
}

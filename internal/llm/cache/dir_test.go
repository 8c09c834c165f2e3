package cache

import (
	"path/filepath"
	"testing"
)

func TestDefaultDir(t *testing.T) {
	tests := []struct {
		name string
		goos string
		env  map[string]string
		home string
		want string
	}{
		{"linux XDG", "linux", map[string]string{"XDG_CACHE_HOME": "/xdg/cache"}, "/home/ann", "/xdg/cache/prodgen"},
		{"linux home", "linux", nil, "/home/ann", "/home/ann/.cache/prodgen"},
		{"relative XDG ignored", "linux", map[string]string{"XDG_CACHE_HOME": "rel/cache"}, "/home/ann", "/home/ann/.cache/prodgen"},
		{"empty XDG ignored", "freebsd", map[string]string{"XDG_CACHE_HOME": ""}, "/home/ann", "/home/ann/.cache/prodgen"},
		{"nothing known", "linux", nil, "", ""},
		{"nothing known, relative XDG", "linux", map[string]string{"XDG_CACHE_HOME": "cache"}, "", ""},
		{"XDG without home", "openbsd", map[string]string{"XDG_CACHE_HOME": "/xdg"}, "", "/xdg/prodgen"},
		{"macOS", "darwin", nil, "/Users/ann", "/Users/ann/Library/Caches/prodgen"},
		{"macOS XDG", "darwin", map[string]string{"XDG_CACHE_HOME": "/xdg"}, "/Users/ann", "/xdg/prodgen"},
		{"macOS no home", "darwin", nil, "", ""},
		{"windows LocalAppData", "windows", map[string]string{"LocalAppData": `C:\Users\ann\AppData\Local`}, `C:\Users\ann`, filepath.Join(`C:\Users\ann\AppData\Local`, "prodgen")},
		{"windows home", "windows", nil, "/c/ann", filepath.Join("/c/ann", "AppData", "Local", "prodgen")},
		{"windows nothing known", "windows", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(name string) string { return tt.env[name] }
			if got := defaultDir(tt.goos, getenv, tt.home); got != filepath.FromSlash(tt.want) {
				t.Errorf("defaultDir(%q) = %q, want %q", tt.goos, got, filepath.FromSlash(tt.want))
			}
		})
	}
}

func TestDefaultDirUsesGetenv(t *testing.T) {
	xdg := filepath.Join(t.TempDir(), "xdg")
	got := DefaultDir(func(name string) string {
		if name == "XDG_CACHE_HOME" {
			return xdg
		}
		return ""
	}, t.TempDir())
	if want := filepath.Join(xdg, "prodgen"); got != want {
		t.Errorf("DefaultDir = %q, want %q", got, want)
	}
}

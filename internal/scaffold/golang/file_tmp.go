package golang

// File is one generated file, relative to the output folder. It stands in
// for scaffold.File until the safe writer that defines it lands.
type File struct {
	Path       string
	Content    []byte
	Executable bool
}

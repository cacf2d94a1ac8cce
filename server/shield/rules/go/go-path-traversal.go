package files

import (
	"net/http"
	"os"
	"path/filepath"
)

func Download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	// ruleid: go-path-traversal
	data, err := os.ReadFile(filepath.Join("/srv/files", name))
	// ruleid: go-path-traversal
	http.ServeFile(w, r, r.FormValue("path"))
	// ruleid: go-path-traversal
	os.Remove(mux.Vars(r)["name"])
	// ok: go-path-traversal
	idx, err := os.ReadFile(filepath.Join("/srv/files", "index.html"))
	// ok: go-path-traversal
	base, err := os.Open(filepath.Base(r.FormValue("file")))
	// ok: go-path-traversal
	http.ServeFile(w, r, "/srv/files/index.html")
	// os.Open(r.FormValue("file")) in a comment
	write(w, data, idx, base, err)
}

func local(dir, name string) (*os.File, error) {
	// ok: go-path-traversal
	return os.Open(filepath.Join(dir, name))
}

// fragment: a gin handler body
	file := c.Query("file")
	// ruleid: go-path-traversal
	c.File(file)
	// ruleid: go-path-traversal
	f, err := os.Create(filepath.Join(uploadDir, c.PostForm("name")))

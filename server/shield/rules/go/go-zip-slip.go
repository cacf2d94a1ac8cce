package archive

import (
	"archive/tar"
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
)

func Unzip(r *zip.Reader, dest string) error {
	for _, f := range r.File {
		// ruleid: go-zip-slip
		target := filepath.Join(dest, f.Name)
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		rc, _ := f.Open()
		io.Copy(out, rc)
	}
	return nil
}

func Untar(tr *tar.Reader, dest string) error {
	for {
		hdr, err := tr.Next()
		if err != nil {
			return err
		}
		// ruleid: go-zip-slip
		out, err := os.Create(filepath.Join(dest, hdr.Name))
		io.Copy(out, tr)
	}
}

func SafeUnzip(r *zip.Reader, dest string) error {
	for _, f := range r.File {
		// ok: go-zip-slip
		target := filepath.Join(dest, f.Name)
		if !strings.HasPrefix(target, filepath.Clean(dest)+string(os.PathSeparator)) {
			return errBadPath
		}
		// ok: go-zip-slip
		base := filepath.Join(dest, cfg.Name)
		use(base)
	}
	return nil
}

func LocalUnzip(r *zip.Reader, dest string) error {
	for _, f := range r.File {
		if !filepath.IsLocal(f.Name) {
			return errBadPath
		}
		// ok: go-zip-slip
		out, err := os.Create(filepath.Join(dest, f.Name))
		use(out, err)
	}
	// filepath.Join(dest, f.Name) in a comment
	return nil
}

// fragment: a loop body cut off
func extract(zr *zip.Reader, dir string) {
	for _, zf := range zr.File {
		// ruleid: go-zip-slip
		p := filepath.Join(dir, zf.Name)
		w, _ := os.Create(p)

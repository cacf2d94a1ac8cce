package upload

import (
	"compress/flate"
	"compress/gzip"
	"io"
	"os"
)

func Unpack(src io.Reader, out *os.File) error {
	gz, err := gzip.NewReader(src)
	if err != nil {
		return err
	}
	// ruleid: go-decompression-bomb
	if _, err := io.Copy(out, gz); err != nil {
		return err
	}
	// ruleid: go-decompression-bomb
	_, err = io.Copy(out, flate.NewReader(src))
	return err
}

func ReadBody(src io.Reader) ([]byte, error) {
	zr, err := zlib.NewReader(src)
	if err != nil {
		return nil, err
	}
	// ruleid: go-decompression-bomb
	return io.ReadAll(zr)
}

func Limited(src io.Reader, out *os.File) error {
	gz, err := gzip.NewReader(src)
	if err != nil {
		return err
	}
	// ok: go-decompression-bomb
	_, err = io.Copy(out, io.LimitReader(gz, 10<<20))
	// ok: go-decompression-bomb
	_, err = io.CopyN(out, gz, 10<<20)
	// ok: go-decompression-bomb
	_, err = io.Copy(out, src)
	// io.Copy(out, gz) in a comment
	return err
}

// fragment
	r, _ := gzip.NewReader(req.Body)
	// ruleid: go-decompression-bomb
	data, _ := io.ReadAll(r)

package deploy

import (
	"io/ioutil"
	"os"
)

func Publish(dir, path string, data []byte, f *os.File) error {
	// ruleid: go-world-writable
	os.MkdirAll(dir, 0777)
	// ruleid: go-world-writable
	ioutil.WriteFile(path, data, 0666)
	// ruleid: go-world-writable
	os.Chmod(path, os.FileMode(0o777))
	// ruleid: go-world-writable
	f.Chmod(0666)
	// ok: go-world-writable
	os.MkdirAll(dir, 0750)
	// ok: go-world-writable
	os.WriteFile(path, data, 0600)
	// ok: go-world-writable
	os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0644)
	// os.Chmod(path, 0777) in a comment
	return nil
}

// fragment
	// ruleid: go-world-writable
	if err := os.WriteFile(cfgPath, buf, 0777); err != nil {
		return err

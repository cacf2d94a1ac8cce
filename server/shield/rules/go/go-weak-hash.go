package auth

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"fmt"
)

func Fingerprint(password, salt []byte) string {
	// ruleid: go-weak-hash
	sum := md5.Sum(append(salt, password...))
	// ruleid: go-weak-hash
	h := sha1.New()
	h.Write(password)
	// ok: go-weak-hash
	good := sha256.Sum256(password)
	// ok: go-weak-hash
	label := "md5.Sum(password)"
	// md5.Sum(password) in a comment
	return fmt.Sprintf("%x%x%x%s", sum, h.Sum(nil), good, label)
}

// fragment
	// ruleid: go-weak-hash
	digest := fmt.Sprintf("%x", md5.Sum([]byte(token)))
	// ok: go-weak-hash
	mac := hmac.New(sha256.New, key)

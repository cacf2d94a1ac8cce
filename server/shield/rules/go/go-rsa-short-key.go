package keys

import (
	"crypto/dsa"
	"crypto/rand"
	"crypto/rsa"
)

func Generate(bits int) (*rsa.PrivateKey, error) {
	// ruleid: go-rsa-short-key
	weak, err := rsa.GenerateKey(rand.Reader, 1024)
	var params dsa.Parameters
	// ruleid: go-rsa-short-key
	err = dsa.GenerateParameters(&params, rand.Reader, dsa.L1024N160)
	// ok: go-rsa-short-key
	strong, err := rsa.GenerateKey(rand.Reader, 3072)
	// ok: go-rsa-short-key
	custom, err := rsa.GenerateKey(rand.Reader, bits)
	// ok: go-rsa-short-key
	err = dsa.GenerateParameters(&params, rand.Reader, dsa.L3072N256)
	// ok: go-rsa-short-key
	multi, err := rsa.GenerateMultiPrimeKey(rand.Reader, 3, 4096)
	// rsa.GenerateKey(rand.Reader, 512) in a comment
	return pick(weak, strong, custom, multi), err
}

// fragment
	// ruleid: go-rsa-short-key
	key, err := rsa.GenerateKey(rand.Reader, 512)
	if err != nil {

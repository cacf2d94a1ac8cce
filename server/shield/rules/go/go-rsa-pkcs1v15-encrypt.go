package wrap

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
)

func Wrap(pub *rsa.PublicKey, priv *rsa.PrivateKey, key []byte) ([]byte, error) {
	// ruleid: go-rsa-pkcs1v15-encrypt
	ct, err := rsa.EncryptPKCS1v15(rand.Reader, pub, key)
	// ruleid: go-rsa-pkcs1v15-encrypt
	pt, err := rsa.DecryptPKCS1v15(rand.Reader, priv, ct)
	// ok: go-rsa-pkcs1v15-encrypt
	ct2, err := rsa.EncryptOAEP(sha256.New(), rand.Reader, pub, key, nil)
	// ok: go-rsa-pkcs1v15-encrypt
	sig, err := rsa.SignPKCS1v15(rand.Reader, priv, 0, key)
	// ok: go-rsa-pkcs1v15-encrypt
	pt2, err := rsa.DecryptOAEP(sha256.New(), rand.Reader, priv, ct2, nil)
	// rsa.EncryptPKCS1v15(rand.Reader, pub, key) in a comment
	return join(ct, pt, ct2, pt2, sig), err
}

// fragment
	// ruleid: go-rsa-pkcs1v15-encrypt
	return rsa.EncryptPKCS1v15(rand.Reader, &priv.PublicKey, sessionKey)
}

package crypt

import (
	"crypto/aes"
	"crypto/des"
	"crypto/rc4"
)

func Encrypt(key, data []byte) ([]byte, error) {
	// ruleid: go-weak-cipher
	block, err := des.NewTripleDESCipher(key)
	// ruleid: go-weak-cipher
	stream, err := rc4.NewCipher(key)
	// ok: go-weak-cipher
	aesBlock, err := aes.NewCipher(key)
	// ok: go-weak-cipher
	name := "des.NewCipher"
	// des.NewCipher(key) in a comment
	return use(block, stream, aesBlock, name), err
}

// fragment
	// ruleid: go-weak-cipher
	c, _ := blowfish.NewCipher([]byte(secret))
	// ok: go-weak-cipher
	g, _ := cipher.NewGCM(c)

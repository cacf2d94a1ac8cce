package auth

import (
	"crypto/aes"
	"crypto/hmac"
	"crypto/sha256"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

// ruleid: go-hardcoded-crypto-key
var jwtKey = []byte("my-super-secret-signing-key")

func Issue(claims jwt.MapClaims, body []byte) (string, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	// ruleid: go-hardcoded-crypto-key
	mac := hmac.New(sha256.New, []byte("webhook-secret"))
	// ruleid: go-hardcoded-crypto-key
	block, err := aes.NewCipher([]byte("0123456789abcdef"))
	// ok: go-hardcoded-crypto-key
	envKey := []byte(os.Getenv("JWT_KEY"))
	// ok: go-hardcoded-crypto-key
	greeting := []byte("hello")
	// ok: go-hardcoded-crypto-key
	mac2 := hmac.New(sha256.New, envKey)
	// token.SignedString([]byte("secret")) in a comment
	use(mac, mac2, block, greeting, err)
	// ruleid: go-hardcoded-crypto-key
	return token.SignedString([]byte("secret"))
}

// fragment
	t, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		// ruleid: go-hardcoded-crypto-key
		return []byte("secret"), nil

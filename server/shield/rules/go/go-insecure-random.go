package session

import (
	crand "crypto/rand"
	"math/rand"
	"strings"
)

const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

func NewSessionID(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		// ruleid: go-insecure-random
		b.WriteByte(letters[rand.Intn(len(letters))])
	}
	return b.String()
}

func fill(u *User) {
	key := make([]byte, 32)
	// ruleid: go-insecure-random
	rand.Read(key)
	// ruleid: go-insecure-random
	resetToken := rand.Int63()
	// ok: go-insecure-random
	jitter := rand.Intn(100)
	// ok: go-insecure-random
	rand.Shuffle(len(u.Items), func(i, j int) { u.Items[i], u.Items[j] = u.Items[j], u.Items[i] })
	// ok: go-insecure-random
	backoff := time.Duration(rand.Int63n(int64(maxBackoff)))
	secretKey := make([]byte, 32)
	// ok: go-insecure-random
	_, err := crand.Read(secretKey)
	// token := rand.Int63() in a comment
	u.Set(key, resetToken, jitter, backoff, secretKey, err)
}

// fragment: a body without its function and imports
	otp := ""
	for i := 0; i < 6; i++ {
		// ruleid: go-insecure-random
		otp += strconv.Itoa(rand.Intn(10))
	}

package webhook

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"net/http"
)

func Verify(r *http.Request, secret []byte, body []byte, user *User) bool {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	expectedMAC := mac.Sum(nil)
	sent := []byte(r.Header.Get("X-Signature"))
	// ruleid: go-timing-compare
	if bytes.Equal(sent, expectedMAC) {
		return true
	}
	// ruleid: go-timing-compare
	if r.Header.Get("X-Api-Key") == user.APIKey {
		return true
	}
	// ruleid: go-timing-compare
	return user.Token != r.FormValue("token")
}

func Fine(sent, expectedMAC []byte, user *User) bool {
	// ok: go-timing-compare
	if hmac.Equal(sent, expectedMAC) {
		return true
	}
	// ok: go-timing-compare
	if user.Token == "" || user.Secret == nil {
		return false
	}
	// ok: go-timing-compare
	if err := parse(user); err == ErrInvalidToken {
		return false
	}
	// ok: go-timing-compare
	if p.tok.Type == EndTagToken {
		return false
	}
	// ok: go-timing-compare
	return len(user.Token) == 32
}

// fragment
	provided := c.GetHeader("Authorization")
	// ruleid: go-timing-compare
	if provided != "Bearer "+cfg.AdminToken {
		c.AbortWithStatus(401)

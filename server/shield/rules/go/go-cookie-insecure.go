package web

import "net/http"

func SetSession(w http.ResponseWriter, id string, secure bool) {
	// ruleid: go-cookie-insecure
	http.SetCookie(w, &http.Cookie{Name: "session_id", Value: id, HttpOnly: true})
	// ruleid: go-cookie-insecure
	http.SetCookie(w, &http.Cookie{Name: "auth", Value: id, Secure: false, HttpOnly: true})
	// ok: go-cookie-insecure
	http.SetCookie(w, &http.Cookie{Name: "session_id", Value: id, Secure: true, HttpOnly: true})
	// ok: go-cookie-insecure
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: "dark"})
	// ok: go-cookie-insecure
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: id, Secure: secure, HttpOnly: true})
	// http.Cookie{Name: "session"} in a comment
}

// fragment
	// ruleid: go-cookie-insecure
	cookie := http.Cookie{
		Name:     sessionCookieName,
		Value:    token,
		HttpOnly: true,

package web

import "net/http"

func SetSession(w http.ResponseWriter, id string) {
	// ruleid: go-cookie-no-httponly
	http.SetCookie(w, &http.Cookie{Name: "session_id", Value: id, Secure: true})
	// ruleid: go-cookie-no-httponly
	http.SetCookie(w, &http.Cookie{Name: "jwt", Value: id, Secure: true, HttpOnly: false})
	// ok: go-cookie-no-httponly
	http.SetCookie(w, &http.Cookie{Name: "session_id", Value: id, Secure: true, HttpOnly: true})
	// ok: go-cookie-no-httponly
	http.SetCookie(w, &http.Cookie{Name: "csrf_token", Value: id, Secure: true})
	// ok: go-cookie-no-httponly
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: "en"})
	// http.Cookie{Name: "session"} in a comment
}

// fragment
	// ruleid: go-cookie-no-httponly
	c.SetCookie(w, &http.Cookie{Name: "auth_token", Value: tok, Path: "/"})
	// ruleid: go-cookie-no-httponly
	sc := http.Cookie{
		Name:   "session",
		Value:  sid,
		Secure: true,

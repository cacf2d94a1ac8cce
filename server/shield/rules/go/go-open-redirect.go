package web

import "net/http"

func Login(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if authenticate(r) {
		// ruleid: go-open-redirect
		http.Redirect(w, r, next, http.StatusFound)
		return
	}
	// ruleid: go-open-redirect
	http.Redirect(w, r, r.FormValue("return_to"), http.StatusSeeOther)
	// ok: go-open-redirect
	http.Redirect(w, r, "/login", http.StatusFound)
	// ok: go-open-redirect
	http.Redirect(w, r, "/items/"+itemID, http.StatusFound)
	// http.Redirect(w, r, next, 302) in a comment
}

// fragment: a gin handler body
	// ruleid: go-open-redirect
	c.Redirect(http.StatusFound, c.Query("redirect"))
	// ok: go-open-redirect
	c.Redirect(http.StatusFound, "/home")

package web

import (
	"fmt"
	"html"
	"io"
	"net/http"
)

func Hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: go-xss-response-write
	fmt.Fprintf(w, "<h1>Hello, %s!</h1>", name)
	// ruleid: go-xss-response-write
	io.WriteString(w, r.FormValue("msg"))
	// ruleid: go-xss-response-write
	w.Write([]byte("<p>" + r.FormValue("q") + "</p>"))
	// ok: go-xss-response-write
	fmt.Fprintf(w, "<h1>Hello, %s!</h1>", html.EscapeString(name))
	// ok: go-xss-response-write
	fmt.Fprintf(w, "<h1>Hello, %s!</h1>", currentUser.Name)
	// ok: go-xss-response-write
	fmt.Fprintf(os.Stderr, "bad name %s\n", name)
	// fmt.Fprintf(w, name) in a comment
}

// fragment
	q := c.Query("q")
	// ruleid: go-xss-response-write
	fmt.Fprint(c.Writer, q)

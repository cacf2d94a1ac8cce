package views

import (
	"html/template"
	"net/http"
)

func Profile(w http.ResponseWriter, r *http.Request, tmpl *template.Template, u *User) {
	data := map[string]any{
		// ruleid: go-template-unescaped
		"Bio": template.HTML(u.Bio),
		// ruleid: go-template-unescaped
		"Name": template.HTML("<b>" + r.FormValue("name") + "</b>"),
		// ruleid: go-template-unescaped
		"Link": template.URL(r.URL.Query().Get("next")),
		// ok: go-template-unescaped
		"Footer": template.HTML("<hr><small>(c) Example</small>"),
		// ok: go-template-unescaped
		"Safe": template.HTML(policy.Sanitize(u.Bio)),
		// ok: go-template-unescaped
		"Plain": u.Bio,
	}
	// template.HTML(u.Bio) in a comment
	tmpl.Execute(w, data)
}

// fragment
	// ruleid: go-template-unescaped
	page.Body = template.HTML(markdown)

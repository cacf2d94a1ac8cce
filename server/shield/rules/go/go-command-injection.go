package main

import (
	"net/http"
	"os/exec"
)

func run(w http.ResponseWriter, r *http.Request, host string) {
	// ruleid: go-command-injection
	out, _ := exec.Command("sh", "-c", "ping -c 1 "+host).Output()
	// ruleid: go-command-injection
	exec.Command("/bin/bash", "-c", r.FormValue("cmd")).Run()
	tool := r.URL.Query().Get("tool")
	// ruleid: go-command-injection
	exec.Command(tool, "--version").Run()
	// ok: go-command-injection
	exec.Command("sh", "-c", "ls -l | wc -l").Run()
	// ok: go-command-injection
	exec.Command("ping", "-c", "1", host).Run()
	// ok: go-command-injection
	exec.Command("sh", "-c", "echo "+"hello").Run()
	// ok: go-command-injection
	exec.Command("git", "log", r.FormValue("ref")).Run()
	// exec.Command("sh", "-c", host) in a comment
	w.Write(out)
}

// fragment: a handler body without its function
	name := c.Query("name")
	// ruleid: go-command-injection
	cmd := exec.CommandContext(ctx, "bash", "-c", "convert "+name+" out.png")
	// ruleid: go-command-injection
	exec.CommandContext(ctx, c.Param("bin")).Run()

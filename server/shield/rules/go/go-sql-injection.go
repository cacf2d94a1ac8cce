package store

import (
	"context"
	"database/sql"
	"fmt"
)

func Find(ctx context.Context, db *sql.DB, id string, name string) error {
	// ruleid: go-sql-injection
	rows, err := db.Query("SELECT * FROM users WHERE id = " + id)
	// ruleid: go-sql-injection
	row := db.QueryRowContext(ctx, fmt.Sprintf("SELECT * FROM users WHERE name = '%s'", name))
	query := fmt.Sprintf("DELETE FROM users WHERE id = %s", id)
	// ruleid: go-sql-injection
	_, err = db.Exec(query)
	// ok: go-sql-injection
	rows, err = db.Query("SELECT * FROM users WHERE id = $1", id)
	// ok: go-sql-injection
	rows, err = db.Query("SELECT * FROM users " + "ORDER BY id")
	safe := "SELECT count(*) FROM users"
	// ok: go-sql-injection
	row = db.QueryRow(safe)
	filter := safe + " WHERE name = '" + name + "'"
	// ruleid: go-sql-injection
	row = db.QueryRow(filter)
	// ok: go-sql-injection
	q := r.URL.Query()
	// db.Query("SELECT " + id) in a comment
	_ = fmt.Sprintf("db.Query(%s)", id)
	return scan(rows, row, err, q)
}

// fragment
	stmt := "UPDATE accounts SET balance = " + amount + " WHERE id = " + acct
	// ruleid: go-sql-injection
	if _, err := tx.ExecContext(ctx, stmt); err != nil {

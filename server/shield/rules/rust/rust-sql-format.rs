use rusqlite::{params, Connection};
use sqlx::PgPool;

async fn find(pool: &PgPool, conn: &Connection, id: &str, name: String) -> anyhow::Result<()> {
    // ruleid: rust-sql-format
    let rows = sqlx::query(&format!("SELECT * FROM users WHERE id = {}", id)).fetch_all(pool).await?;
    // ruleid: rust-sql-format
    conn.execute(&format!("DELETE FROM users WHERE name = '{name}'"), [])?;
    let sql = format!("UPDATE users SET name = '{}' WHERE id = {}", name, id);
    // ruleid: rust-sql-format
    sqlx::query_as::<_, User>(&sql).fetch_one(pool).await?;
    // ok: rust-sql-format
    sqlx::query("SELECT * FROM users WHERE id = $1").bind(id).fetch_all(pool).await?;
    // ok: rust-sql-format
    conn.execute("DELETE FROM users WHERE name = ?1", params![name])?;
    // ok: rust-sql-format
    let table = format!("users_{}", 2024);
    let fixed = "SELECT count(*) FROM users";
    // ok: rust-sql-format
    conn.query_row(fixed, [], |r| r.get::<_, i64>(0))?;
    // sqlx::query(&format!("... {}", id)) in a comment
    drop((rows, table));
    Ok(())
}

// fragment
    let q = format!("SELECT * FROM orders WHERE customer = '{}'", customer);
    // ruleid: rust-sql-format
    let orders = client.query(q.as_str(), &[]).await?;

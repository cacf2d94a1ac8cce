use diesel::prelude::*;
use diesel::sql_query;

const ALL_USERS: &str = "SELECT * FROM users";

fn find(conn: &mut PgConnection, name: &str, q: String) {
    // ruleid: rust-sql-query-non-literal
    let rows = sql_query(q).load::<User>(conn);
    // ruleid: rust-sql-query-non-literal
    let r2 = diesel::sql_query(&q).execute(conn);
    // ok: rust-sql-query-non-literal
    let r3 = sql_query("SELECT * FROM users WHERE name = $1").bind::<Text, _>(name).load::<User>(conn);
    // ok: rust-sql-query-non-literal
    let r4 = sql_query(ALL_USERS).load::<User>(conn);
    // ok: rust-sql-query-non-literal
    let r5 = sql_query(include_str!("users.sql")).load::<User>(conn);
    // sql_query(q) in a comment
}

/* Code Shield's test snippet (RUST-R-001) */
fn icd(weird_query: String) {
    // ruleid: rust-sql-query-non-literal
    sql_query(weird_query);
}

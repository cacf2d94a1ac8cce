async function find(db, knex, req, id) {
  // ruleid: js-sql-injection
  await db.query("SELECT * FROM users WHERE id = " + id);
  // ruleid: js-sql-injection
  await db.execute(`DELETE FROM sessions WHERE user = '${req.body.user}'`);
  // ruleid: js-sql-injection
  await knex.raw("select * from t where name = '" + req.query.name + "'");
  // ok: js-sql-injection
  await db.query("SELECT * FROM users WHERE id = $1", [id]);
  // ok: js-sql-injection
  await db.query("SELECT * FROM users " + "ORDER BY id");
  // ok: js-sql-injection
  const el = document.query("div." + id);
  // ok: js-sql-injection
  return sql`SELECT * FROM users WHERE id = ${id}`;
}

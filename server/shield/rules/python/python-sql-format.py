def find(cursor, conn, uid, name):
    # ruleid: python-sql-format
    cursor.execute("SELECT * FROM users WHERE id = %s" % uid)
    # ruleid: python-sql-format
    cursor.execute("SELECT * FROM users WHERE name = '" + name + "'")
    # ruleid: python-sql-format
    cursor.execute(f"DELETE FROM users WHERE id = {uid}")
    # ruleid: python-sql-format
    conn.executemany("INSERT INTO t VALUES ({})".format(name), [])
    # ruleid: python-sql-format
    User.objects.raw("SELECT * FROM auth_user WHERE name = '%s'" % name)
    # ok: python-sql-format
    cursor.execute("SELECT * FROM users WHERE id = %s", (uid,))
    # ok: python-sql-format
    cursor.execute("SELECT * FROM users " + "ORDER BY id")
    # ok: python-sql-format
    cursor.execute(f"SELECT 1")
    return cursor.fetchall()

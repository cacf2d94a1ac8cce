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


def icd_cases(conn, table, var1, var2):
    cursor = conn.cursor()
    format_string = f"SELECT COUNT(*) FROM {table};"
    # ruleid: python-sql-format
    cursor.execute(format_string)
    format_string_function = "SELECT COUNT(*) FROM {};".format(table)
    # ruleid: python-sql-format
    cursor.execute(format_string_function)
    percentage_string = "select from test where var1=%s and var2=%s" % (var1, var2)
    # ruleid: python-sql-format
    cursor.execute(percentage_string)
    literal_string = "SELECT COUNT(*) FROM table;"
    # ok: python-sql-format
    cursor.execute(literal_string)
    table_ident = table_name.replace('"', '""')
    # ok: python-sql-format
    cursor.execute('PRAGMA table_info("{0}")'.format(table_ident))
    # ruleid: python-sql-format
    cursor.execute('PRAGMA table_info("{0}")'.format(table_name))
    # ruleid: python-sql-format
    conn.executemany("select from test where id1=%s " % var1)
    # ruleid: python-sql-format
    cursor.execute("select from test where var1=" + var2 + ";")
    # ok: python-sql-format
    cursor.execute("select from test where var1=%s and var2=%s", (var1, var2))
    # ok: python-sql-format
    cursor.execute("select from test where var1=" + "and var2=" + "var3")

import java.sql.*;

public class UserDao {
    private Connection conn;
    private JdbcTemplate jdbc;

    public ResultSet find(String name, int id) throws SQLException {
        Statement stmt = conn.createStatement();
        // ruleid: java-sql-injection
        ResultSet rs = stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
        // ruleid: java-sql-injection
        stmt.executeUpdate(String.format("DELETE FROM users WHERE id = %d", id));
        String sql = "SELECT * FROM orders WHERE owner = '" + name + "'";
        // ruleid: java-sql-injection
        stmt.execute(sql);
        // ruleid: java-sql-injection
        PreparedStatement bad = conn.prepareStatement("UPDATE users SET name = '" + name + "' WHERE id = ?");
        // ruleid: java-sql-injection
        jdbc.queryForList("SELECT * FROM t WHERE a = " + id);
        // ruleid: java-sql-injection
        em.createNativeQuery("SELECT * FROM users WHERE name = '%s'".formatted(name)).getResultList();
        // ok: java-sql-injection
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
        ps.setString(1, name);
        // ok: java-sql-injection
        stmt.executeQuery("SELECT * FROM users " + "ORDER BY id");
        // ok: java-sql-injection
        jdbc.query("SELECT * FROM users WHERE id = ?", mapper, id);
        String fixed = "SELECT count(*) FROM users";
        // ok: java-sql-injection
        stmt.executeQuery(fixed);
        // ok: java-sql-injection
        counter.update("hits" + 1);
        // ok: java-sql-injection
        stmt.executeQuery(query.getSql());
        // "stmt.executeQuery(\"SELECT \" + x)" in a string is not code
        return rs;
    }

// unclosed method fragment as a model writes it
    public void delete(HttpServletRequest request) throws SQLException {
        String q = "DELETE FROM items WHERE id = " + request.getParameter("id");
        // ruleid: java-sql-injection
        conn.createStatement().executeUpdate(q);

import java.sql.*;

public class Db {
    public Connection open(String url, String user) throws SQLException {
        // ruleid: java-hardcoded-db-password
        Connection c = DriverManager.getConnection("jdbc:postgresql://db/app", "app", "S3cr3t!pw");
        HikariConfig cfg = new HikariConfig();
        // ruleid: java-hardcoded-db-password
        cfg.setPassword("hunter2");
        // ruleid: java-hardcoded-db-password
        DataSource ds = DataSourceBuilder.create().url(url).username("sa").password("tiger").build();
        // ok: java-hardcoded-db-password
        Connection env = DriverManager.getConnection(url, user, System.getenv("DB_PASSWORD"));
        // ok: java-hardcoded-db-password
        Connection mem = DriverManager.getConnection("jdbc:h2:mem:test", "sa", "");
        // ok: java-hardcoded-db-password
        cfg.setPassword(secrets.get("db.password"));
        // ok: java-hardcoded-db-password
        user.setPassword(encoder.encode(rawPassword));
        return c;
    }
}

// fragment
    Authenticator.setDefault(new Authenticator() {
        protected PasswordAuthentication getPasswordAuthentication() {
            // ruleid: java-hardcoded-db-password
            return new PasswordAuthentication("proxyuser", "pr0xy-pass".toCharArray());

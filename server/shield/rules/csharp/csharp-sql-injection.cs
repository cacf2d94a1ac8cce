using System.Data.SqlClient;
using Dapper;

public class UserRepository
{
    public User Find(SqlConnection conn, AppDbContext db, string name, int id)
    {
        // ruleid: csharp-sql-injection
        var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = '" + name + "'", conn);
        // ruleid: csharp-sql-injection
        cmd.CommandText = $"DELETE FROM Users WHERE Id = {id}";
        // ruleid: csharp-sql-injection
        var users = db.Users.FromSqlRaw($"SELECT * FROM Users WHERE Name = '{name}'").ToList();
        // ruleid: csharp-sql-injection
        db.Database.ExecuteSqlRaw(string.Format("UPDATE Users SET Active = 0 WHERE Name = '{0}'", name));
        // ruleid: csharp-sql-injection
        var u = conn.QueryFirstOrDefault<User>("SELECT * FROM Users WHERE Name = '" + name + "'");
        var sql = "SELECT * FROM Orders WHERE Owner = '" + name + "'";
        // ruleid: csharp-sql-injection
        var orders = conn.Query<Order>(sql);
        // ok: csharp-sql-injection
        var safe = new SqlCommand("SELECT * FROM Users WHERE Name = @name", conn);
        safe.Parameters.AddWithValue("@name", name);
        // ok: csharp-sql-injection
        var ef = db.Users.FromSqlInterpolated($"SELECT * FROM Users WHERE Name = {name}").ToList();
        // ok: csharp-sql-injection
        var dapper = conn.Query<User>("SELECT * FROM Users WHERE Id = @id", new { id });
        // ok: csharp-sql-injection
        cmd.CommandText = "SELECT * FROM Users " + "ORDER BY Name";
        // ok: csharp-sql-injection
        var total = calculator.Execute(a + b);
        return u;
    }
}

// fragment without a class, unclosed
public void Delete(string id) {
    // ruleid: csharp-sql-injection
    using var c = new NpgsqlCommand("DELETE FROM items WHERE id = " + Request.Query["id"], conn);

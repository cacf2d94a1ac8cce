// fragment without the opening tag
$id = $_GET['id'];
// ruleid: php-sql-injection
$res = mysqli_query($conn, "SELECT * FROM users WHERE id = " . $id);
// ruleid: php-sql-injection
$rows = $pdo->query("SELECT * FROM posts WHERE author = '$_POST[author]'");
// ruleid: php-sql-injection
$db->exec("DELETE FROM sessions WHERE token = '{$_COOKIE['token']}'");
// ruleid: php-sql-injection
$users = DB::select("SELECT * FROM users WHERE email = '" . $request->input('email') . "'");
// ruleid: php-sql-injection
$q = $wpdb->get_results("SELECT * FROM wp_posts WHERE ID = " . $_REQUEST['p']);
// ok: php-sql-injection
$stmt = $pdo->prepare("SELECT * FROM users WHERE id = ?");
$stmt->execute([$_GET['id']]);
// ok: php-sql-injection
$res = mysqli_query($conn, "SELECT * FROM users WHERE id = " . intval($_GET['id']));
// ok: php-sql-injection
$all = $pdo->query("SELECT * FROM users ORDER BY name");
// ok: php-sql-injection
$hits = $xpath->query("//item[@id='" . $_GET['id'] . "']");

function unclosed($conn) {
    $name = $_POST['name'];
    // ruleid: php-sql-injection
    mysql_query("INSERT INTO guests (name) VALUES ('$name')");

/* Code Shield's test snippet (sql-injection) */
// ruleid: php-sql-injection
mysql_query($_POST['query']);
// ok: php-sql-injection
mysql_query($fixedQuery);

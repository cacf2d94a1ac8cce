// fragment without the opening tag: an admin action with no check at all
$id = $_GET['id'];
// ruleid: php-missing-authorization
mysqli_query($conn, "DELETE FROM users WHERE id = " . intval($id));
// ruleid: php-missing-authorization
$stmt = $pdo->prepare("UPDATE accounts SET role = 'admin' WHERE id = ?");
$stmt->execute([$_POST['id']]);
// ok: php-missing-authorization
$rows = $pdo->query("SELECT * FROM products WHERE id = " . intval($_GET['id']));
// ok: php-missing-authorization
$count = $pdo->query("SELECT COUNT(*) FROM users");
// ok: php-missing-authorization
$msg = "DELETE is not allowed here";

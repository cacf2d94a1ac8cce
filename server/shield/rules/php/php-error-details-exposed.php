// fragment without the opening tag
try {
    $pdo = new PDO($dsn, $user, $pass);
} catch (PDOException $e) {
    // ruleid: php-error-details-exposed
    echo 'Connection failed: ' . $e->getMessage();
}
$conn = mysqli_connect($host, $user, $pass);
// ruleid: php-error-details-exposed
if (!$conn) die("DB error: " . mysqli_connect_error());
// ok: php-error-details-exposed
error_log($e->getMessage());
// ok: php-error-details-exposed
echo 'Something went wrong, please try again.';

/* Code Shield's test snippet (info-exposure-error-message) */
// ruleid: php-error-details-exposed
die($_GET['message']);
// ok: php-error-details-exposed
die('Something went wrong');

// fragment without the opening tag
// ruleid: php-referer-auth
if (strpos($_SERVER['HTTP_REFERER'], 'https://admin.example.com') === 0) {
    delete_user($_POST['id']);
}
$ref = $_SERVER['HTTP_REFERER'] ?? '';
// ruleid: php-referer-auth
if ($ref !== 'https://example.com/transfer') {
    die('forbidden');
}
// ok: php-referer-auth
$back = $_SERVER['HTTP_REFERER'] ?? '/';
// ok: php-referer-auth
error_log('came from ' . $_SERVER['HTTP_REFERER']);
// ok: php-referer-auth
if (!hash_equals($_SESSION['csrf'], $_POST['csrf'])) die('forbidden');

// fragment without the opening tag
// ruleid: php-unsafe-unserialize
$prefs = unserialize($_COOKIE['prefs']);
// ruleid: php-unsafe-unserialize
$cart = unserialize(base64_decode($_POST['cart']));
$raw = file_get_contents('php://input');
// ruleid: php-unsafe-unserialize
$obj = unserialize($raw);
// ok: php-unsafe-unserialize
$safe = unserialize($_COOKIE['prefs'], ['allowed_classes' => false]);
// ok: php-unsafe-unserialize
$data = json_decode($_COOKIE['prefs'], true);
// ok: php-unsafe-unserialize
$cached = unserialize($redis->get('config'));

/* Code Shield's test snippet (untrusted-data-deserialization) */
// ruleid: php-unsafe-unserialize
$obj = unserialize($_GET['data']);
// ok: php-unsafe-unserialize
$s = serialize($_POST);

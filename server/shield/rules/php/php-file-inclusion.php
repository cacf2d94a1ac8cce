// fragment without the opening tag
$page = $_GET['page'];
// ruleid: php-file-inclusion
include $page . '.php';
// ruleid: php-file-inclusion
require_once("templates/" . $_REQUEST['tpl']);
// ruleid: php-file-inclusion
include_once __DIR__ . '/lang/' . $_COOKIE['lang'] . '.php';
// ok: php-file-inclusion
include 'header.php';
// ok: php-file-inclusion
require_once __DIR__ . '/vendor/autoload.php';
// ok: php-file-inclusion
include 'pages/' . basename($_GET['page']) . '.php';
$allowed = ['home' => 'home.php', 'about' => 'about.php'];
// ok: php-file-inclusion
include $allowed[$page] ?? 'home.php';

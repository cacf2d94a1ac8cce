// fragment without the opening tag
// ruleid: php-path-traversal
readfile('/var/www/files/' . $_GET['file']);
$name = $_POST['name'];
// ruleid: php-path-traversal
$text = file_get_contents("uploads/$name");
// ruleid: php-path-traversal
unlink($_REQUEST['path']);
// ruleid: php-path-traversal
return Storage::download($request->input('doc'));
// ok: php-path-traversal
readfile('/var/www/files/' . basename($_GET['file']));
// ok: php-path-traversal
$conf = file_get_contents(__DIR__ . '/config.json');
// ok: php-path-traversal
$remote = file_get_contents($_GET['url']);
// ok: php-path-traversal
$log = fopen('/var/log/app.log', 'a');

/* Code Shield's path-traversal with request input (its $_SESSION snippets are php-include-from-session's) */
// ruleid: php-path-traversal
require($_GET['file']);
// ruleid: php-path-traversal
include_once $_POST['page'];
// ok: php-path-traversal
include(__DIR__ . '/header.php');

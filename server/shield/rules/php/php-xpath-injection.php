// fragment without the opening tag
$xpath = new DOMXPath($doc);
// ruleid: php-xpath-injection
$nodes = $xpath->query("//user[@name='" . $_POST['user'] . "']");
$id = $_GET['id'];
// ruleid: php-xpath-injection
$hit = $xpath->evaluate("/catalog/item[@id='$id']");
// ruleid: php-xpath-injection
$res = $sxe->xpath('//book[author="' . $_GET['author'] . '"]');
// ok: php-xpath-injection
$all = $xpath->query('//user');
// ok: php-xpath-injection
$rows = $pdo->query("SELECT * FROM items WHERE id = " . intval($_GET['id']));
// ok: php-xpath-injection
$one = $xpath->query('//user[@id=$id]', null, false);

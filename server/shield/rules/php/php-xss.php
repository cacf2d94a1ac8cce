// fragment without the opening tag
$name = $_GET['name'];
// ruleid: php-xss
echo "<h1>Hello " . $name . "</h1>";
// ruleid: php-xss
print $_POST['comment'];
// ruleid: php-xss
echo "<input value=\"{$_GET['q']}\">";
// ruleid: php-xss
printf("<p>%s</p>", $_REQUEST['msg']);
// ok: php-xss
echo "<h1>Hello " . htmlspecialchars($name, ENT_QUOTES, 'UTF-8') . "</h1>";
$safe = htmlspecialchars($_GET['q']);
// ok: php-xss
echo "<input value=\"$safe\">";
// ok: php-xss
echo (int) $_GET['page'];
// ok: php-xss
echo count($_POST['items']) . " items";

function unclosed() {
    // ruleid: php-xss
    die("Unknown user " . $_GET['user']);

/* Code Shield's test snippet (xss-in-echo-print) */
// ruleid: php-xss
echo($_GET['message']);

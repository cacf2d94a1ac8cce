// fragment without the opening tag
// ruleid: php-extract-request
extract($_POST);
// ruleid: php-extract-request
extract($_GET, EXTR_OVERWRITE);
// ruleid: php-extract-request
parse_str($_SERVER['QUERY_STRING']);
// ok: php-extract-request
parse_str($_SERVER['QUERY_STRING'], $params);
// ok: php-extract-request
extract($_POST, EXTR_SKIP);
// ok: php-extract-request
extract($row);

/* Code Shield's test snippets (unsafe-extract) */
$test = $_POST;
$test2 = $_GET["p"];
// ruleid: php-extract-request
extract($test);
// ruleid: php-extract-request
extract($test2);
// ruleid: php-extract-request
extract($_POST["test"]);
// ruleid: php-extract-request
extract($_GET);
// ruleid: php-extract-request
extract($_FILES);
// ok: php-extract-request
extract($_POST, EXTR_SKIP);
// ok: php-extract-request
extract($_GET, EXTR_SKIP, "test");
function extracting($index){
    $ex = $_GET[$index];
    // ruleid: php-extract-request
    extract($ex);
}
function assign($tmp)
{
    // ok: php-extract-request
    extract($tmp);
}

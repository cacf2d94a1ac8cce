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

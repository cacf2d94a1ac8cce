// fragment without the opening tag
$from = $_POST['from'];
// ruleid: php-mail-parameter-injection
mail($to, $subject, $body, $headers, "-f" . $from);
// ruleid: php-mail-parameter-injection
mail($to, $subject, $body, '', '-f' . $_REQUEST['sender']);
// ok: php-mail-parameter-injection
mail($to, $subject, $body, $headers, '-fnoreply@example.com');
// ok: php-mail-parameter-injection
mail($to, $subject, $body, $headers);
// ok: php-mail-parameter-injection
mail($to, $subject, $body, $headers, '-f' . escapeshellarg($from));

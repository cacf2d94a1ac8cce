// fragment without the opening tag
$email = $_POST['email'];
// ruleid: php-mail-header-injection
mail('support@example.com', 'Contact form', $_POST['message'], "From: " . $email);
// ruleid: php-mail-header-injection
mail('support@example.com', "Message from " . $_POST['name'], $body);
// ruleid: php-mail-header-injection
mail($_GET['to'], 'Your invoice', $body);
// ok: php-mail-header-injection
mail('support@example.com', 'Contact form', $_POST['message']);
// ok: php-mail-header-injection
mail('support@example.com', 'Contact', $body, "From: " . filter_var($_POST['email'], FILTER_VALIDATE_EMAIL));
// ok: php-mail-header-injection
mail($adminEmail, 'Daily report', $report, 'From: noreply@example.com');

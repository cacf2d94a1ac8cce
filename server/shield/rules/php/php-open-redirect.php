// fragment without the opening tag
// ruleid: php-open-redirect
header("Location: " . $_GET['next']);
$url = $_REQUEST['return'];
// ruleid: php-open-redirect
header("Location: $url");
// ruleid: php-open-redirect
return redirect($request->input('redirect_to'));
// ruleid: php-open-redirect
wp_redirect($_GET['redirect_to']);
// ok: php-open-redirect
header("Location: /login.php");
// ok: php-open-redirect
header("Content-Type: " . $_GET['type']);
// ok: php-open-redirect
wp_safe_redirect($_GET['redirect_to']);
// ok: php-open-redirect
header("Location: /item.php?id=" . intval($_GET['id']));

/* Code Shield's test snippet (open-redirect; ICD's snippet lacks the concatenation dot) */
// ruleid: php-open-redirect
header('Location: ' . $_GET['url']);
/* ... and Code Shield's own snippet, which misses the dot (a parse error, still an open redirect in intent) */
// ruleid: php-open-redirect
header('Location: '$_GET['url']);

<?php
// ruleid: php-critical-action-client-state
user_delete($_COOKIE['user_id']);
// ruleid: php-critical-action-client-state
$repo->delete($_COOKIE['order']);
// ok: php-critical-action-client-state
delete_account($userId);
// ok: php-critical-action-client-state
$repo->update($id, $data);
// ok: php-critical-action-client-state
$count = count($_SESSION['cart']);
// delete($_COOKIE['id']) in a comment

/* Code Shield's test snippet (missing-auth-for-critical-function) */
// ruleid: php-critical-action-client-state
update($_SESSION['data']);

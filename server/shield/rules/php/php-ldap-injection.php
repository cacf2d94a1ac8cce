// fragment without the opening tag
$ds = ldap_connect('ldap://ldap.example.com');
// ruleid: php-ldap-injection
$sr = ldap_search($ds, 'ou=people,dc=example,dc=com', '(uid=' . $_POST['user'] . ')');
$mail = $_GET['mail'];
// ruleid: php-ldap-injection
$r2 = ldap_list($ds, $base, "(mail=$mail)");
// ok: php-ldap-injection
$r3 = ldap_search($ds, $base, '(uid=' . ldap_escape($_POST['user'], '', LDAP_ESCAPE_FILTER) . ')');
// ok: php-ldap-injection
$r4 = ldap_search($ds, $base, '(objectClass=person)');

function find_user($ds, $base, $name) {
    // ruleid: php-ldap-injection
    return ldap_search($ds, $base, "(cn=" . $name . ")");
}
// ok: php-ldap-injection
$r5 = ldap_read($ds, 'cn=admin,dc=example,dc=com', '(objectClass=*)');

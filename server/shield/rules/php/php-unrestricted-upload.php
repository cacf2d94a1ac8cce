// fragment without the opening tag
$target = 'uploads/' . $_FILES['avatar']['name'];
// ruleid: php-unrestricted-upload
move_uploaded_file($_FILES['avatar']['tmp_name'], $target);
// ruleid: php-unrestricted-upload
move_uploaded_file($_FILES['doc']['tmp_name'], __DIR__ . '/files/' . $_FILES['doc']['name']);
// ruleid: php-unrestricted-upload
$request->file('photo')->move(public_path('img'), $request->file('photo')->getClientOriginalName());
// ok: php-unrestricted-upload
move_uploaded_file($_FILES['avatar']['tmp_name'], 'uploads/' . bin2hex(random_bytes(16)) . '.jpg');
// ok: php-unrestricted-upload
$path = $request->file('photo')->store('photos');
// ok: php-unrestricted-upload
$size = $_FILES['avatar']['size'];

/* Code Shield's test snippet (unrestricted-file-upload) */
// ruleid: php-unrestricted-upload
move_uploaded_file($tmp_name, 'uploads/file.exe');
// ok: php-unrestricted-upload
move_uploaded_file($tmp_name, 'uploads/file.png');

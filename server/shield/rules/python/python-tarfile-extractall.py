import tarfile
import zipfile


def unpack(path, dest):
    with tarfile.open(path) as tar:
        # ruleid: python-tarfile-extractall
        tar.extractall(dest)
    # ruleid: python-tarfile-extractall
    tarfile.open(path).extractall()
    with tarfile.open(path) as tf:
        # ok: python-tarfile-extractall
        tf.extractall(dest, filter="data")
    # ok: python-tarfile-extractall
    zipfile.ZipFile(path).extractall(dest)


def safe_members(path, dest, members):
    with tarfile.open(path) as tf:
        # ok: python-tarfile-extractall
        tf.extractall(dest, members=members, filter="tar")

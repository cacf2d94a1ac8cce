import ftplib
import telnetlib
from ftplib import FTP, FTP_TLS


def upload(host, user, pw):
    # ruleid: python-cleartext-protocol
    ftp = ftplib.FTP(host)
    # ruleid: python-cleartext-protocol
    tn = telnetlib.Telnet(host, 23)
    # ruleid: python-cleartext-protocol
    other = FTP(host, user, pw)
    # ok: python-cleartext-protocol
    secure = FTP_TLS(host)
    # ok: python-cleartext-protocol
    ftps = ftplib.FTP_TLS(host)
    return ftp, tn, other, secure, ftps


def sftp(client):
    # ok: python-cleartext-protocol
    return client.open_sftp()

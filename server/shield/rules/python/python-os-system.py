import os
import subprocess


def run(cmd, host):
    # ruleid: python-os-system
    os.system(cmd)
    # ruleid: python-os-system
    os.system("ping -c 1 " + host)
    # ruleid: python-os-system
    out = os.popen(f"ls {host}").read()
    # ruleid: python-os-system
    subprocess.getoutput("cat %s" % host)
    # ok: python-os-system
    os.system("ls -l")
    # ok: python-os-system
    os.system("make " + "all")
    # ok: python-os-system
    subprocess.run(["ping", "-c", "1", host])
    # os.system(cmd) in a comment is not code
    return out

# A method body without its class still parses well enough.
    def handler(self, name):
        # ruleid: python-os-system
        os.system("rm -rf /tmp/" + name)

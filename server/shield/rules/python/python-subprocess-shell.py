import subprocess


def deploy(branch, args):
    # ruleid: python-subprocess-shell
    subprocess.call("git checkout " + branch, shell=True)
    # ruleid: python-subprocess-shell
    subprocess.run(f"tar xzf {args.file}", cwd="/tmp", shell=True, check=True)
    # ruleid: python-subprocess-shell
    out = subprocess.check_output(args.cmd, shell=True)
    # ok: python-subprocess-shell
    subprocess.run("ls -l | wc -l", shell=True)
    # ok: python-subprocess-shell
    subprocess.run(["git", "checkout", branch])
    # ok: python-subprocess-shell
    subprocess.run(branch, shell=False)
    return out

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


from subprocess import Popen, run
import asyncio


async def icd_cases(param):
    # ruleid: python-subprocess-shell
    subprocess.run("echo %s" % param, shell=True)
    # ruleid: python-subprocess-shell
    subprocess.run(f"echo {param} ", other=False, shell=True)
    # ruleid: python-subprocess-shell
    Popen("echo " + param, shell=True)
    # ruleid: python-subprocess-shell
    run(param, shell=True)
    # ruleid: python-subprocess-shell
    await asyncio.create_subprocess_shell("echo " + param)
    # ok: python-subprocess-shell
    subprocess.run("echo ", shell=True)
    # ok: python-subprocess-shell
    subprocess.run(f"echo {param} ")
    # ok: python-subprocess-shell
    await asyncio.create_subprocess_shell("ls -l")

"""Drives Thonny's MicroPython back end (Debian's `thonny` package) headlessly against a serial
port, the way Thonny's window does: starts the back end process, sends it the messages the
front end sends (the shell, input(), the Files view, save/open, Run, Stop, Ctrl-D) and prints
one JSON object with what came back. Test support for main/board/third-party-tools.test.ts.

Usage: python3 thonny-drive.py PORT
"""

import json
import os
import queue
import subprocess
import tempfile
import sys
import threading
import time

from thonny.common import (
    EOFCommand,
    ImmediateCommand,
    InlineCommand,
    InputSubmission,
    ToplevelCommand,
    parse_message,
    serialize_message,
)
import thonny.plugins.micropython.bare_metal_backend as backend_module

PORT = sys.argv[1]
TIMEOUT = 20
results = {"steps": [], "errors": []}


def launch():
    args = {
        "clean": False,
        "port": PORT,
        "dtr": None,
        "rts": None,
        "submit_mode": None,
        "interrupt_on_connect": True,
        "write_block_size": None,
        "write_block_delay": None,
        "proxy_class": "RaspberryPiPicoBackendProxy",
        "sync_time": True,
        "validate_time": False,
        "local_rtc": True,
    }
    # Thonny keeps its logs in its user folder: a fresh one, so the host's settings play no part
    env = dict(os.environ, THONNY_USER_DIR=tempfile.mkdtemp(prefix="mote-thonny-"))
    return subprocess.Popen(
        [sys.executable, backend_module.__file__, repr(args)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="ascii",
    )


proc = launch()
incoming = queue.Queue()


def reader():
    # messages are one line each here (they are split only past 64 KiB)
    for line in proc.stdout:
        if line.startswith("\x02"):
            incoming.put(parse_message(line))
    incoming.put(None)


threading.Thread(target=reader, daemon=True).start()
next_id = [0]


def send(msg):
    if "id" not in msg.__dict__ and not isinstance(msg, InputSubmission):
        next_id[0] += 1
        msg.id = "cmd%d" % next_id[0]
    proc.stdin.write(serialize_message(msg) + "\n")
    proc.stdin.flush()
    return msg


def until(pred, what):
    """Collects messages until one satisfies pred; returns (that message, program output before it)."""
    out = ""
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        try:
            msg = incoming.get(timeout=max(0.1, deadline - time.time()))
        except queue.Empty:
            break
        if msg is None:
            raise RuntimeError("the back end exited while waiting for " + what)
        name = type(msg).__name__
        if name == "BackendEvent" and getattr(msg, "event_type", "") == "ProgramOutput":
            out += msg.data
        if pred(msg):
            return msg, out
    raise RuntimeError("timed out waiting for " + what + "; output so far: " + repr(out))


def response_to(cmd):
    return until(lambda m: getattr(m, "command_id", None) == cmd.id and type(m).__name__.endswith("Response"), cmd.name)


def step(name, fn):
    try:
        results["steps"].append(dict(name=name, **fn()))
    except Exception as e:  # noqa: BLE001 - every failure is reported as data
        results["errors"].append("%s: %s" % (name, e))


def connect():
    msg, out = until(lambda m: type(m).__name__ == "ToplevelResponse", "the welcome")
    return {"welcome": getattr(msg, "welcome_text", ""), "error": getattr(msg, "error", None)}


def shell():
    _, out = response_to(send(ToplevelCommand("execute_source", source="print(6 * 7)\n")))
    return {"output": out}


def shell_input():
    cmd = send(ToplevelCommand("execute_source", source="name = input('who? ')\nprint('hello', name)\n"))
    until(lambda m: getattr(m, "data", "").endswith("who? "), "the prompt")
    send(InputSubmission(data="ada\n"))
    _, out = response_to(cmd)
    return {"output": out}


def save_and_open():
    send_w = send(InlineCommand("write_file", path="/thonny_made.py", content_bytes=b"print('saved by thonny')\n", make_shebang_scripts_executable=False))
    w, _ = response_to(send_w)
    r, _ = response_to(send(InlineCommand("read_file", path="/thonny_made.py")))
    return {"write_error": getattr(w, "error", None), "read": r["content_bytes"].decode()}


def files_view():
    r, _ = response_to(send(InlineCommand("get_dirs_children_info", node_id="x", paths=["/"], include_hidden=True)))
    kids = r["data"]["/"] or {}
    return {"names": sorted(kids), "kinds": {k: v["kind"] for k, v in kids.items()}}


def run_program():
    _, out = response_to(send(ToplevelCommand("Run", argv=["/thonny_made.py"], source="print('run', 1 + 1)\n")))
    return {"output": out}


def stop():
    cmd = send(ToplevelCommand("execute_source", source="n = 0\nwhile True:\n    n += 1\n"))
    time.sleep(1.0)
    send(ImmediateCommand("interrupt"))
    _, out = response_to(cmd)
    _, after = response_to(send(ToplevelCommand("execute_source", source="print('alive', n > 0)\n")))
    return {"output": out, "after": after}


def soft_reboot():
    send(EOFCommand())
    _, out = until(lambda m: type(m).__name__ == "ToplevelResponse", "the reboot")
    _, after = response_to(send(ToplevelCommand("execute_source", source="print('name' in dir())\n")))
    return {"output": out, "after": after}


def clock():
    _, out = response_to(send(ToplevelCommand("execute_source", source="import time\nprint(time.localtime()[:5])\n")))
    return {"board": out.strip(), "host": str(tuple(time.localtime()[:5]))}


for name, fn in [("connect", connect), ("shell", shell), ("input", shell_input), ("save-open", save_and_open), ("files", files_view), ("run", run_program), ("stop", stop), ("ctrl-d", soft_reboot), ("clock", clock)]:
    step(name, fn)
    if name == "connect" and results["errors"]:
        break

proc.kill()
print(json.dumps(results))

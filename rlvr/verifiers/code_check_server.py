"""Trusted check server for script (HumanEval-style) tasks; runs *outside* every sandbox.

Standalone like the harness: :func:`rlvr.verifiers.code_script.server_source`
returns ``code_wire.py`` + this file, started once per process as
``python -I -S -c <source>`` with one end of a Unix socket pair as its stdin.
For each job the parent sends a fresh socket over that control socket
(``SCM_RIGHTS``); the server forks a child that answers the job on it and
exits, so jobs are isolated from each other and cost a fork, not an
interpreter start.

A job runs the task's trusted ``check(candidate)`` where ``candidate`` is a
proxy. The candidate's program never runs here: the proxy answers each call
from the *results* the sandboxed candidate produced for that call (tagged
JSON, decoded to plain builtin values), so ``check`` can only ever see plain
data, and the candidate can never see ``check``'s frames, bytecode, ``gc``
objects or memory (a different process, outside its sandbox).

Calls are planned ahead: a call whose result is not known yet is answered
speculatively (by the task's reference solution when there is one, else by a
permissive placeholder) and reported back, the parent runs the missing calls
in the sandbox, and the check is replayed. The verdict only ever comes from a
replay in which every call was answered by the candidate's real results.

A session (one socket) handles one submission: the first message carries the
task, later ones only new ``plan``/``results``; each message is answered.
Message (JSON, ``>I`` length-prefixed): ``{"test", "entry", "reference"|null,
"seed", "timeout", "plan": [call, ...], "results": [[kind, payload], ...]}``
where a call is the tagged JSON of ``(args, kwargs)`` and kind is ``ok``
(payload = tagged JSON value), ``raise`` (payload = ``[class, builtin base,
message]``), ``notplain`` or ``abort`` (payload = reason). Answer:
``{"outcome": "pass"|"fail"|"abort"|"need"|"error", "plan": [...],
"reason": str, "message": str}``.
"""

import json
import os
import random
import resource
import signal
import socket
import sys
import builtins

if "encode_value" not in globals():  # imported as a module, not run from server_source()
    from rlvr.verifiers.code_wire import NotPlainData, decode_value, encode_value


class _Abort(BaseException):
    """Raised into ``check`` when the candidate's call did not produce a value."""


class _Anything:
    """A placeholder result used only to discover later calls when no reference exists."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __lt__ = __le__ = __gt__ = __ge__ = __contains__ = __eq__

    def __bool__(self):
        return True

    def __hash__(self):
        return 0

    def __len__(self):
        return 0

    def __iter__(self):
        return iter(())

    def __getitem__(self, key):
        return self

    def __getattr__(self, name):
        return self

    def __call__(self, *args, **kwargs):
        return self

    def _same(self, *args):
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _same
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __pow__ = __rpow__ = __neg__ = __pos__ = _same
    __abs__ = __round__ = __and__ = __or__ = __xor__ = __rand__ = __ror__ = _same

    def __float__(self):
        return 0.0

    def __int__(self):
        return 0

    __index__ = __int__

    def __str__(self):
        return ""


def _rebuild_exception(payload):
    name, base, message = (list(payload) + ["", "", ""])[:3]
    klass = getattr(builtins, str(base), None)
    if not (isinstance(klass, type) and issubclass(klass, Exception)):
        return None
    try:
        return klass(message)
    except Exception:
        return Exception(message)


def run_job(job):
    plan, results = job.get("plan") or [], job.get("results") or []
    known = {}
    seen = {}
    for call, result in zip(plan, results):
        key = (call, seen.get(call, 0))
        seen[call] = key[1] + 1
        known[key] = result
    seen.clear()
    observed = []
    state = {"need": False, "abort": None, "unsupported": None}
    entry = job["entry"]

    reference = None
    if job.get("reference"):
        ref_ns = {"__name__": "__reference__"}
        random.seed(job.get("seed", 0))
        try:
            exec(compile(job["reference"], "reference.py", "exec"), ref_ns)
            reference = ref_ns.get(entry)
        except Exception:
            reference = None

    def proxy(*args, **kwargs):
        if state["abort"] is not None:
            raise _Abort(state["abort"])
        try:
            call = encode_value((args, kwargs))
        except NotPlainData as exc:
            if state["need"]:  # built from a speculative answer: known after the next round
                raise _Abort("speculation") from None
            state["unsupported"] = f"the check passes a value that is not plain data: {exc}"
            raise _Abort("unsupported") from None
        key = (call, seen.get(call, 0))
        seen[call] = key[1] + 1
        observed.append(call)
        if key not in known:
            state["need"] = True
            if reference is None:
                return _Anything()
            a, kw = decode_value(call)  # the reference gets its own copies, as the candidate would
            value = reference(*a, **kw)
            try:
                return decode_value(encode_value(value))
            except (NotPlainData, ValueError):
                return value
        kind, payload = known[key]
        if kind == "ok":
            try:
                return decode_value(payload)
            except ValueError:
                kind = "notplain"
        if kind == "raise":
            exc = _rebuild_exception(payload)
            if exc is not None:
                raise exc
            kind, payload = "abort", "runtime_error"
        state["abort"] = "not_plain_data" if kind == "notplain" else str(payload)
        raise _Abort(state["abort"])

    namespace = {"__name__": "__check__"}
    random.seed(job.get("seed", 0))
    try:
        exec(compile(job["test"], "check.py", "exec"), namespace)
        check = namespace.get("check")
        if not callable(check):
            return {"outcome": "error", "reason": "bad_check", "message": "the test defines no check(candidate)"}
        namespace[entry] = proxy  # HumanEval checks sometimes call the entry point by name
        check(proxy)
        failed = None
    except _Abort:
        failed = None
    except BaseException as exc:  # AssertionError and anything else: the check did not pass
        failed = type(exc).__name__
    if state["unsupported"]:
        return {"outcome": "error", "reason": "unsupported_check", "message": state["unsupported"]}
    if state["abort"] is not None:
        return {"outcome": "abort", "reason": state["abort"], "plan": observed}
    if state["need"]:
        return {"outcome": "need", "plan": observed}
    if failed:
        return {"outcome": "fail", "reason": "wrong_answer", "message": failed}
    return {"outcome": "pass", "plan": observed}


def _read_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def serve_job(fd):
    """Answer the jobs of one session on ``fd``: the first carries the task, later ones new results."""
    sock = socket.socket(fileno=fd)
    devnull = os.open(os.devnull, os.O_RDWR)
    for target in (0, 1):
        os.dup2(devnull, target)
    base = None
    while True:
        try:
            size = int.from_bytes(_read_exact(sock, 4), "big")
            message = json.loads(_read_exact(sock, size))
        except (EOFError, OSError, ValueError):
            return
        if base is None:
            base = message
            memory = int(base.get("memory_bytes") or 0)
            if memory:
                resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        job = {**base, **message}
        timeout = float(job.get("timeout", 10.0))
        signal.alarm(max(1, int(timeout + 1)))  # default action: the process dies, the parent sees EOF
        try:
            answer = run_job(job)
        except BaseException as exc:
            answer = {"outcome": "error", "reason": "check_crashed",
                      "message": f"{type(exc).__name__}: {exc}"[:300]}
        signal.alarm(0)
        data = json.dumps(answer).encode()
        sock.sendall(len(data).to_bytes(4, "big") + data)


#: Imported once by the server so that forked check processes do not pay for them.
#: A short list: every module makes each fork (one per submission) dearer, and checks import little.
PRELOAD = ("typing", "math", "collections", "itertools", "functools", "re", "string", "random", "copy",
           "heapq", "bisect")


def main():
    control = socket.socket(fileno=0)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    for name in PRELOAD:
        try:
            __import__(name)
        except ImportError:
            pass
    # No PR_SET_PDEATHSIG: it fires when the *thread* that started the server exits (a worker
    # thread of a ThreadPoolExecutor, say), not the process. The server exits when its control
    # socket reaches EOF instead, which happens when the parent process dies.
    while True:
        try:
            msg, fds, _, _ = socket.recv_fds(control, 16, 4)
        except (OSError, InterruptedError):
            continue
        if not msg:
            return
        for fd in fds[1:]:
            os.close(fd)
        if not fds:
            continue
        pid = os.fork()
        if pid == 0:
            control.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            try:
                serve_job(fds[0])
            finally:
                os._exit(0)
        os.close(fds[0])


if __name__ == "__main__":
    main()

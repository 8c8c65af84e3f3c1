"""Trusted check server for script (HumanEval-style) tasks; runs *outside* every sandbox.

Standalone like the harness: :func:`rlvr.verifiers.code_script.server_source`
returns ``code_wire.py`` + this file, started as ``python -I -S -c <source>``
with one end of a Unix socket pair as its stdin. A worker lives across many
submissions, one at a time (:mod:`rlvr.verifiers.code_script` hands it out);
each job's check is compiled into a fresh namespace, and the interpreter
state a check can change (builtins, the globals of the preloaded
standard-library modules, the recursion limit, the standard streams;
``random`` is re-seeded per job) is restored after every job. A job that
outlives its timeout trips ``SIGALRM`` and kills the worker.

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

A session handles one submission: its first message carries the task and
``"new": true``, later ones only new ``plan``/``results``; each message is
answered.
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


#: Operations on placeholders one planning pass may make before it gives up (``while x == 2`` never ends).
PLACEHOLDER_BUDGET = 20_000
_placeholder_ops = [0]


def _spend():
    _placeholder_ops[0] += 1
    if _placeholder_ops[0] > PLACEHOLDER_BUDGET:
        raise _Abort("speculation")


class _Anything:
    """A placeholder result used only to discover the check's calls before any answer is known.

    Every operation on it counts against :data:`PLACEHOLDER_BUDGET`, so a
    check that loops on a placeholder stops, and the pass is redone with
    the reference solution.
    """

    def __eq__(self, other):
        _spend()
        return True

    def __ne__(self, other):
        _spend()
        return False

    __lt__ = __le__ = __gt__ = __ge__ = __contains__ = __eq__

    def __bool__(self):
        _spend()
        return True

    def __hash__(self):
        _spend()
        return 0

    def __len__(self):
        _spend()
        return 0

    def __iter__(self):
        _spend()
        return iter(())

    def __getitem__(self, key):
        _spend()
        return self

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        _spend()
        return self

    def __call__(self, *args, **kwargs):
        _spend()
        return self

    def _same(self, *args):
        _spend()
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _same
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __pow__ = __rpow__ = __neg__ = __pos__ = _same
    __abs__ = __round__ = __and__ = __or__ = __xor__ = __rand__ = __ror__ = _same

    def __float__(self):
        _spend()
        return 0.0

    def __int__(self):
        _spend()
        return 0

    __index__ = __int__

    def __str__(self):
        _spend()
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


_CODE_CACHE = {}


def _compiled(source, filename):
    """``compile`` with a small cache: a task's check and reference are replayed many times per worker."""
    key = (source, filename)
    code = _CODE_CACHE.get(key)
    if code is None:
        if len(_CODE_CACHE) >= 512:
            _CODE_CACHE.clear()
        code = _CODE_CACHE[key] = compile(source, filename, "exec")
    return code


def run_job(job):
    """Replay the check on the known results; speculate on the unknown calls.

    The first round of a submission (no results yet) speculates with
    placeholders, which costs nothing; only when the check cannot run to its
    end on placeholders (its later calls depend on earlier answers) is it
    replayed with the reference solution, whose answers a correct program
    shares. Later rounds speculate with the reference.
    """
    if not job.get("results") and job.get("reference"):
        answer, clean = _replay(job, use_reference=False)
        if clean or answer["outcome"] != "need":
            return answer
    return _replay(job, use_reference=True)[0]


def _load_reference(job):
    namespace = {"__name__": "__reference__"}
    random.seed(job.get("seed", 0))
    try:
        exec(_compiled(job["reference"], "reference.py"), namespace)
        return namespace.get(job["entry"])
    except Exception:
        return None


def _replay(job, use_reference):
    """One run of the check; ``(answer, clean)``, clean = it ran to its end without raising."""
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

    reference = _load_reference(job) if use_reference and job.get("reference") else None
    _placeholder_ops[0] = 0

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
    clean = False
    try:
        exec(_compiled(job["test"], "check.py"), namespace)
        check = namespace.get("check")
        if not callable(check):
            return {"outcome": "error", "reason": "bad_check", "message": "the test defines no check(candidate)"}, True
        namespace[entry] = proxy  # HumanEval checks sometimes call the entry point by name
        check(proxy)
        failed, clean = None, True
    except _Abort:
        failed = None
    except BaseException as exc:  # AssertionError and anything else: the check did not pass
        failed = type(exc).__name__
    if state["unsupported"]:
        return {"outcome": "error", "reason": "unsupported_check", "message": state["unsupported"]}, clean
    if state["abort"] is not None:
        return {"outcome": "abort", "reason": state["abort"], "plan": observed}, clean
    if state["need"]:
        return {"outcome": "need", "plan": observed}, clean
    if failed:
        return {"outcome": "fail", "reason": "wrong_answer", "message": failed}, clean
    return {"outcome": "pass", "plan": observed}, clean


def _read_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def _snapshot_namespaces():
    """The namespaces a check could patch for the checks after it: builtins and the preloaded modules."""
    spaces = [builtins.__dict__]
    spaces += [sys.modules[name].__dict__ for name in PRELOAD if name in sys.modules]
    return [(space, dict(space)) for space in spaces]


def _reset_interpreter(snapshots, recursion_limit):
    """Undo what a check may have changed in this long-lived interpreter (namespaces, recursion limit, streams)."""
    for current, saved in snapshots:
        if len(current) != len(saved) or any(current.get(k) is not v for k, v in saved.items()):
            current.clear()
            current.update(saved)
    sys.setrecursionlimit(recursion_limit)
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__


def serve(sock):
    """Answer jobs on ``sock`` until it closes; a message with ``"new"`` starts a new submission's session."""
    devnull = os.open(os.devnull, os.O_RDWR)
    for target in (1, 2):
        os.dup2(devnull, target)
    snapshots = _snapshot_namespaces()
    recursion_limit = sys.getrecursionlimit()
    memory = None
    base = {}
    while True:
        try:
            size = int.from_bytes(_read_exact(sock, 4), "big")
            message = json.loads(_read_exact(sock, size))
        except (EOFError, OSError, ValueError):
            return
        if message.pop("new", False):
            base = message
        wanted = int(base.get("memory_bytes") or 0)
        if wanted and wanted != memory:
            hard = resource.getrlimit(resource.RLIMIT_AS)[1]
            resource.setrlimit(resource.RLIMIT_AS, (wanted if hard < 0 else min(wanted, hard), hard))
            memory = wanted
        job = {**base, **message}
        timeout = float(job.get("timeout", 10.0))
        signal.alarm(max(1, int(timeout + 1)))  # default action: the worker dies, the client sees EOF
        try:
            answer = run_job(job)
        except BaseException as exc:
            answer = {"outcome": "error", "reason": "check_crashed",
                      "message": f"{type(exc).__name__}: {exc}"[:300]}
        signal.alarm(0)
        _reset_interpreter(snapshots, recursion_limit)
        data = json.dumps(answer).encode()
        sock.sendall(len(data).to_bytes(4, "big") + data)


#: Imported once when the worker starts, so that the first checks do not pay for them.
PRELOAD = ("typing", "math", "collections", "itertools", "functools", "re", "string", "random", "copy",
           "heapq", "bisect")


def main():
    # The worker exits when its socket reaches EOF, which happens when the client process dies.
    sock = socket.socket(fileno=0)
    for name in PRELOAD:
        try:
            __import__(name)
        except ImportError:
            pass
    serve(sock)


if __name__ == "__main__":
    main()

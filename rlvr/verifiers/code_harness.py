"""The trusted harness that runs *inside* the sandbox and executes a submission's tests.

It is standalone: :func:`harness_source` returns ``code_wire.py`` + this file,
run as ``python3 -I -S -c <source>`` by the sandbox. Nothing here imports
``rlvr``; only builtin/C modules are imported so that start-up costs no more
than the interpreter itself.

Processes (all inside one sandbox run)::

    H  harness    reads the job from stdin, holds the report channel (stdout)
    └─ Z zygote   forked from H *before* H reads the nonce and the tests; never
       │          runs candidate code; compiles/builds once, then forks a fresh
       │          child per test and measures it
       └─ C test  one per test group: runs the candidate with stdin/stdout/
                  stderr (and fd 3 = call results) on private memfds

    A job with a single group of Python (``"single": true``; HumanEval's
    hidden check, a one-test stdio task) skips Z: H forks the test process T
    directly, T compiles the program, reports that to H, receives its group
    and runs it like C, and H measures it. One fork fewer per submission;
    the guarantees below hold for T as for C.

Why the verdict cannot be forged from inside:

* Expected outputs never enter the sandbox; H only reports raw bytes (stdout,
  call results as tagged JSON), exit statuses and resource usage. Pass/fail is
  decided by the parent.
* H reports once, at the end, on its stdout framed by a per-run 128-bit nonce.
  H reads the nonce from stdin only after Z has been forked, so no process that
  ever runs candidate code has the nonce in memory; stdin is drained and
  closed before the first test starts. A test process holds no descriptor of
  H's stdout or of the H<->Z pipes. (It may still reach the sandbox's stdout
  through ``/proc/1/fd/1`` of the sandbox's init, so the nonce is what makes a
  fake report impossible, not the descriptors.) H and Z are non-dumpable, so
  without capabilities a test process cannot read their memory or descriptors
  through ``/proc/<pid>/mem|fd`` or ptrace.
* H and Z are child subreapers: anything a test leaves running (a daemon that
  called ``setsid``) is reparented to them and killed after each test and
  before the report is written.
* Exit codes are only hints for stopping early; they never make a test pass.
* A missing or broken report is the program's doing (it killed or stopped H,
  flooded or drained the sandbox's stdout): the parent checks once per
  sandbox that the harness itself runs there (``code_runners.preflight``), so
  it can score such a run 0 instead of masking it as an infrastructure error.

Job protocol (stdin, trusted parent -> H): two frames ``>I length + marshal``.
Frame 1 (read before Z is forked): ``{"mode": "stdio"|"call", "code": str,
"entry": str|None, "build": argv|None, "exec": argv|None, "single": bool,
"limits": {...}}``.
Frame 2: ``{"nonce": str, "groups": [{"phase": "public"|"hidden",
"input": bytes} | {"phase", "calls": [(args, kwargs), ...]}],
"stop_on_exit": bool}``.
"""

import os
import sys
import marshal
import time
import select
import resource
import _ctypes
import _signal

if "encode_value" not in globals():  # imported as a module, not run from harness_source()
    from rlvr.verifiers.code_wire import NotPlainData, encode_value, exception_payload

PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36
SIGKILL = _signal.SIGKILL
SIGXCPU = _signal.SIGXCPU
SIGXFSZ = _signal.SIGXFSZ
#: Exit status a test process uses for MemoryError (a label only).
EXIT_MEMORY = 3
#: Bytes of a test's stderr kept (the tail: tracebacks end there).
ERR_TAIL = 4096
#: What :func:`run_alone` writes on fd 3 when the program does not compile.
COMPILE_ERROR_MARK = b"!compile_error\n"


class _CInt(_ctypes._SimpleCData):
    _type_ = "i"


class _CULong(_ctypes._SimpleCData):
    _type_ = "L"


class _Libc:
    _handle = _ctypes.dlopen(None)


class _CFunc(_ctypes.CFuncPtr):
    _flags_ = _ctypes.FUNCFLAG_CDECL | _ctypes.FUNCFLAG_USE_ERRNO
    _restype_ = _CInt


def _make_prctl():
    try:
        fn = _CFunc(("prctl", _Libc))
        fn.argtypes = (_CInt, _CULong, _CULong, _CULong, _CULong)
        return lambda option, arg=0: fn(option, arg, 0, 0, 0)
    except (AttributeError, OSError):  # not Linux: hardening is skipped
        return lambda option, arg=0: -1


prctl = _make_prctl()


# ----------------------------------------------------------------- plumbing
def read_exact(fd, n):
    chunks, left = [], n
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_frame(fd):
    return marshal.loads(read_exact(fd, int.from_bytes(read_exact(fd, 4), "big")))


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def write_frame(fd, obj):
    data = marshal.dumps(obj)
    write_all(fd, len(data).to_bytes(4, "big") + data)


def wait_readable(fd, timeout):
    try:
        return bool(select.select([fd], [], [], max(0.0, timeout))[0])
    except InterruptedError:
        return False


def kill_descendants():
    """SIGKILL every child of this process (orphans are reparented here) until none is left."""
    path = f"/proc/self/task/{os.getpid()}/children"
    for _ in range(1000):
        try:
            with open(path, "rb") as f:
                pids = [int(p) for p in f.read().split()]
        except OSError:
            pids = []
        for pid in pids:
            try:
                os.kill(pid, SIGKILL)
            except OSError:
                pass
        reaped = False
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if not pid:
                break
            reaped = True
        if not pids and not reaped:
            return
        if pids and not reaped:
            time.sleep(0.0005)


def to_json(obj):
    """JSON for H's own report header: ints, floats, None, bools, identifiers, lists, dicts."""
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, (int, float)):
        return repr(obj)
    if isinstance(obj, str):
        return '"' + obj.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(obj, (list, tuple)):
        return "[" + ",".join(to_json(x) for x in obj) + "]"
    return "{" + ",".join(to_json(str(k)) + ":" + to_json(v) for k, v in obj.items()) + "}"


def cpu_seconds_of(pid, tick):
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick
    except (OSError, IndexError, ValueError):
        return 0.0


# ------------------------------------------------------------------ zygote
def zygote(job, rfd, wfd):
    """Z: prepare the program once, then run one fresh child per test group."""
    try:
        null = os.open("/dev/null", os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.close(null)
    except OSError:
        for fd in (0, 1, 2):
            try:
                os.close(fd)
            except OSError:
                pass
    prctl(PR_SET_PDEATHSIG, SIGKILL)
    prctl(PR_SET_CHILD_SUBREAPER, 1)
    limits = job["limits"]
    program = None
    if job.get("build"):
        try:
            status, err = build(job["build"], limits)
        except BaseException as exc:  # the build could not even be started
            status, err = "compile_error", f"{type(exc).__name__}: {exc}".encode()
    else:
        status, err, program = compile_python(job["code"])
    write_frame(wfd, {"status": status, "err": err[-ERR_TAIL:]})
    if status != "ok":
        os._exit(0)
    if program is not None:
        preimport(job["code"])
    try:
        while True:
            group = read_frame(rfd)
            if group is None:
                break
            write_frame(wfd, run_group(job, program, group, limits))
    except (EOFError, OSError):
        pass
    os._exit(0)


def compile_python(code):
    try:
        return "ok", b"", compile(code, "solution.py", "exec", dont_inherit=True)
    except SyntaxError as exc:
        where = f'  File "solution.py", line {exc.lineno}\n'
        text = (exc.text or "").rstrip("\n")
        caret = ""
        if text and exc.offset:
            caret = "\n    " + " " * max(0, exc.offset - 1 - (len(text) - len(text.lstrip()))) + "^"
        msg = f"{where}    {text.strip()}{caret}\n{type(exc).__name__}: {exc.msg}\n"
        return "compile_error", msg.encode("utf-8", "replace"), None
    except (ValueError, OverflowError) as exc:  # null bytes, absurd literals
        return "compile_error", f"{type(exc).__name__}: {exc}\n".encode(), None
    except BaseException as exc:  # MemoryError, RecursionError in the compiler
        return "compile_error", f"{type(exc).__name__}: {exc}".encode(), None


def preimport(code):
    """Import the standard-library modules the code names, once, so tests do not each pay for them.

    Only standard-library modules are imported, and the workdir is not on
    ``sys.path`` (``-I``), so this never runs candidate code.
    """
    names = set()
    for line in code.splitlines():
        words = line.replace(",", " ").split()
        if len(words) >= 2 and words[0] in ("import", "from"):
            names.update(w.split(".")[0] for w in (words[1:] if words[0] == "import" else words[1:2]))
    stdlib = getattr(sys, "stdlib_module_names", ())
    for name in sorted(names & set(stdlib) - {"antigravity", "this", "tkinter", "turtle", "idlelib", "site"}):
        try:
            __import__(name)
        except BaseException:
            pass


def build(argv, limits):
    err = os.memfd_create("build-err")
    pid = os.fork()
    if pid == 0:
        try:
            os.setsid()
            os.dup2(err, 1)
            os.dup2(err, 2)
            os.closerange(3, 1 << 16)
            cpu = int(limits.get("build_cpu", 30))
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
            os.execvpe(argv[0], argv, {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"})
        finally:
            os._exit(127)
    status, rusage, killed = wait_child(pid, limits.get("build_cpu", 30.0), limits.get("build_wall", 60.0))
    data = os.pread(err, 1 << 16, max(0, os.fstat(err).st_size - (1 << 16)))
    os.close(err)
    kill_descendants()
    if killed or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        if killed:
            data += b"\n(compilation timed out)\n"
        return "compile_error", data
    return "ok", b""


def wait_child(pid, cpu_limit, wall_limit):
    """Wait for ``pid`` while enforcing the limits; ``(status, rusage, killed_for)``."""
    t0 = time.monotonic()
    tick = os.sysconf("SC_CLK_TCK")
    killed = None
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        pidfd = None
    nap, next_cpu_check = 0.0002, t0 + 0.05
    while True:
        now = time.monotonic()
        if now - t0 >= wall_limit:
            killed = "wall"
            break
        if pidfd is not None:
            if wait_readable(pidfd, min(wall_limit - (now - t0), 0.05)):
                break
        else:
            if os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                break
            time.sleep(nap)
            nap = min(nap * 2, 0.01)
        if time.monotonic() >= next_cpu_check:
            next_cpu_check = time.monotonic() + 0.05
            if cpu_seconds_of(pid, tick) > cpu_limit:
                killed = "cpu"
                break
    if killed:
        try:
            os.kill(pid, SIGKILL)
        except OSError:
            pass
    _, status, rusage = os.wait4(pid, 0)
    if pidfd is not None:
        os.close(pidfd)
    return status, rusage, killed


def memory_limit(limits):
    """RLIMIT_AS for a test process: its limit on top of what this interpreter already maps."""
    mem = int(limits.get("mem_bytes") or 0)
    if mem:
        try:
            with open("/proc/self/statm", "rb") as f:
                mem += int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError):
            pass
    return mem


def group_stdin(job, group):
    """A descriptor to read the group's stdin from (a memfd with its input, or /dev/null for calls)."""
    if job["mode"] != "stdio":
        return os.open("/dev/null", os.O_RDONLY)
    fd = os.memfd_create("stdin")
    write_all(fd, group["input"])
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


def lower_rlimit(res, soft, hard):
    """Set a limit, never above the hard limit the sandbox already imposes (which cannot be raised)."""
    current = resource.getrlimit(res)[1]
    if current != resource.RLIM_INFINITY:
        hard = min(hard, current)
        soft = min(soft, hard)
    resource.setrlimit(res, (soft, hard))


def enter_test(job, program, group, fds, limits, mem):
    """In a test process: take the group's descriptors and limits, then run it. Never returns."""
    try:
        try:
            os.setsid()
        except OSError:  # already a session leader
            pass
        for src, dst in zip(fds, (0, 1, 2, 3)):
            os.dup2(src, dst)
        os.closerange(4, 1 << 16)
        soft = int(float(limits["cpu"])) + 2
        lower_rlimit(resource.RLIMIT_CPU, soft, soft + 1)
        out_cap = int(limits["out_bytes"])
        lower_rlimit(resource.RLIMIT_FSIZE, out_cap, out_cap)
        lower_rlimit(resource.RLIMIT_CORE, 0, 0)
        if mem:
            lower_rlimit(resource.RLIMIT_AS, mem, mem)
        prctl(PR_SET_PDEATHSIG, SIGKILL)
        if job.get("exec"):
            os.execve(job["exec"][0], job["exec"], {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
        elif job["mode"] == "stdio":
            run_script(program)
        else:
            run_calls(program, job["entry"], group["calls"])
    finally:
        os._exit(127)


def collect(pid, t0, out_fd, err_fd, res_fd, limits):
    """Wait for test process ``pid`` under the limits, kill what it left, describe what happened (raw data only)."""
    cpu_limit = float(limits["cpu"])
    out_cap = int(limits["out_bytes"])
    status, rusage, killed = wait_child(pid, cpu_limit, float(limits["wall"]))
    wall = time.monotonic() - t0
    try:
        os.killpg(pid, SIGKILL)
    except OSError:
        pass
    kill_descendants()
    cpu = rusage.ru_utime + rusage.ru_stime
    out_size = os.fstat(out_fd).st_size
    err_size = os.fstat(err_fd).st_size
    out = os.pread(out_fd, out_cap, 0)
    err = os.pread(err_fd, ERR_TAIL, max(0, err_size - ERR_TAIL))
    res = os.pread(res_fd, out_cap, 0)
    for fd in (out_fd, err_fd, res_fd):
        os.close(fd)
    exit_code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    verdict = classify_test(timed_out=bool(killed), cpu=cpu, cpu_limit=cpu_limit, sig=sig,
                            too_much_output=out_size >= out_cap or len(res) >= out_cap, exit_code=exit_code,
                            err=err)
    return {"status": verdict, "exit_code": exit_code, "signal": sig, "cpu": round(cpu, 4),
            "wall": round(wall, 4), "rss_kb": rusage.ru_maxrss, "out": out, "err": err, "res": res}


def classify_test(*, timed_out, cpu, cpu_limit, sig, too_much_output, exit_code, err):
    """A test's status from what was measured; also used by the parent for warm-pool runs (``run_alone``)."""
    if timed_out or cpu > cpu_limit or sig == SIGXCPU:
        return "timeout"
    if sig == SIGXFSZ or too_much_output:
        return "output_limit"
    if exit_code == EXIT_MEMORY and b"MemoryError" in err:
        return "memory"
    if sig is not None:
        return "signal"
    return "ok" if exit_code == 0 else "exit"


def output_fds():
    return tuple(os.memfd_create(n) for n in ("stdout", "stderr", "results"))


def run_group(job, program, group, limits):
    """Z: run one test group in a fresh child and describe what happened."""
    stdin_fd = group_stdin(job, group)
    out_fd, err_fd, res_fd = output_fds()
    mem = memory_limit(limits)
    t0 = time.monotonic()
    pid = os.fork()
    if pid == 0:
        enter_test(job, program, group, (stdin_fd, out_fd, err_fd, res_fd), limits, mem)
    os.close(stdin_fd)
    return collect(pid, t0, out_fd, err_fd, res_fd, limits)


def run_alone(job):
    """The whole sandbox run is one test (warm-pool runs): compile, then become the test process.

    Used when the sandbox's own init is a fresh fork that nothing else needs:
    everything the verdict rests on is observed outside this process (exit
    status and CPU time by the pool's zygote, stdout and stderr by the
    parent, call results on fd 3, a memfd of the parent's), so no report and
    no nonce are needed. A compile error is marked on fd 3 before any
    candidate code runs. Never returns.
    """
    try:
        status, err, program = compile_python(job["code"])
        if status != "ok":
            write_all(3, COMPILE_ERROR_MARK)
            write_all(2, err[-ERR_TAIL:])
            os._exit(0)
        group = job["group"]
        enter_test(job, program, group, (group_stdin(job, group), 1, 2, 3), job["limits"],
                   memory_limit(job["limits"]))
    finally:
        os._exit(127)


def direct_test(job, rfd, wfd, fds, mem):
    """T (one-group jobs): compile, report the outcome to H, wait for the group, run it here. Never returns."""
    try:
        status, err, program = compile_python(job["code"])
        write_frame(wfd, {"status": status, "err": err[-ERR_TAIL:]})
        if status != "ok":
            os._exit(0)
        group = read_frame(rfd)
        enter_test(job, program, group, (group_stdin(job, group),) + fds, job["limits"], mem)
    finally:
        os._exit(127)


# ------------------------------------------------------------- test process
def _std_streams():
    sys.stdin = sys.__stdin__ = open(0, "r", encoding="utf-8", errors="surrogateescape", closefd=False)
    out = open(1, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
    err = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False, buffering=1)
    sys.stdout = sys.__stdout__ = out
    sys.stderr = sys.__stderr__ = err
    return out, err


def _finish(code, out):
    threading = sys.modules.get("threading")
    if threading is not None:
        try:
            threading._shutdown()
        except BaseException:
            pass
    for stream in (sys.stdout, out, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass
    os._exit(code)


def _exit_code(exc):
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        sys.stderr.write(f"{code}\n")
    except BaseException:
        pass
    return 1


def run_script(program):
    out, _ = _std_streams()
    code = 0
    try:
        exec(program, {"__name__": "__main__", "__file__": "solution.py", "__builtins__": __builtins__})
    except SystemExit as exc:
        code = _exit_code(exc)
    except MemoryError:
        code = EXIT_MEMORY
        os.write(2, b"MemoryError\n")
    except BaseException:
        code = 1
        try:
            sys.__excepthook__(*sys.exc_info())
        except BaseException:
            pass
    _finish(code, out)


def run_calls(program, entry, calls):
    out, _ = _std_streams()
    namespace = {"__name__": "solution", "__file__": "solution.py", "__builtins__": __builtins__}
    try:
        exec(program, namespace)
        if "." in entry:  # "Solution.method": LeetCode-style, called on a fresh instance
            owner, _, method = entry.partition(".")
            fn = getattr(namespace[owner](), method)
        else:
            fn = namespace.get(entry)
        if not callable(fn):
            raise NameError(f"the program does not define a function named {entry!r}")
    except SystemExit as exc:
        _finish(_exit_code(exc) or 1, out)
    except MemoryError:
        os.write(2, b"MemoryError\n")
        _finish(EXIT_MEMORY, out)
    except BaseException:
        try:
            sys.__excepthook__(*sys.exc_info())
        except BaseException:
            pass
        _finish(1, out)
    failed = False
    for args, kwargs in calls:
        try:
            value = fn(*args, **kwargs)
            try:
                payload = b"R" + encode_value(value).encode("ascii")
            except NotPlainData as exc:
                payload, failed = b"N" + encode_value(str(exc)).encode("ascii"), True
        except MemoryError:
            payload, failed = b"E" + encode_value(["MemoryError", "MemoryError", ""]).encode("ascii"), True
        except BaseException as exc:
            payload, failed = b"E" + encode_value(exception_payload(exc)).encode("ascii"), True
        write_all(3, b"%d\n" % len(payload) + payload)
    _finish(1 if failed else 0, out)


# ------------------------------------------------------------------ harness
def main():
    prctl(PR_SET_DUMPABLE, 0)
    prctl(PR_SET_CHILD_SUBREAPER, 1)
    job = read_frame(0)
    if job.get("alone"):
        run_alone(job)
    # One group of Python: T compiles and runs it itself; no zygote, one fork fewer.
    direct = bool(job.get("single")) and not job.get("build") and not job.get("exec")
    h2z_r, h2z_w = os.pipe()
    z2h_r, z2h_w = os.pipe()
    if direct:
        test_fds, mem = output_fds(), memory_limit(job["limits"])
    zpid = os.fork()
    if zpid == 0:
        os.close(h2z_w)
        os.close(z2h_r)
        try:
            if direct:
                direct_test(job, h2z_r, z2h_w, test_fds, mem)
            zygote(job, h2z_r, z2h_w)
        finally:
            os._exit(0)
    os.close(h2z_r)
    os.close(z2h_w)
    part2 = read_frame(0)  # the nonce and the tests: Z (or T) was forked before they were read
    while os.read(0, 1 << 16):
        pass
    os.close(0)
    nonce = part2["nonce"]
    groups = part2["groups"]
    limits = job["limits"]
    header = {"v": 1, "prepare": None, "groups": []}
    blobs = []

    def receive(timeout):
        if not wait_readable(z2h_r, timeout):
            return None
        try:
            return read_frame(z2h_r)
        except (EOFError, OSError, ValueError):
            return None

    ready = receive(float(limits.get("build_wall", 60.0)) + 5.0)
    if ready is None:
        ready = {"status": "crashed", "err": b""}
    header["prepare"] = {"status": ready["status"], "err_len": len(ready["err"])}
    blobs.append(ready["err"])
    if ready["status"] == "ok":
        failed_phase = set()
        for index, group in enumerate(groups):
            phase = group.get("phase", "hidden")
            if phase in failed_phase or "hidden" in failed_phase:
                continue
            try:
                if direct:
                    if index:  # T runs exactly one group
                        break
                    t0 = time.monotonic()
                    write_frame(h2z_w, group)
                    result = collect(zpid, t0, *test_fds, limits)
                    zpid = None
                else:
                    write_frame(h2z_w, group)
                    result = receive(float(limits["wall"]) + 1.0)
            except OSError:
                result = None
            if result is None:  # Z was killed or stopped by the test: nothing more can be trusted
                header["groups"].append({"index": index, "status": "harness_killed"})
                break
            record = {k: result[k] for k in ("status", "exit_code", "signal", "cpu", "wall", "rss_kb")}
            record.update(index=index, out_len=len(result["out"]), err_len=len(result["err"]),
                          res_len=len(result["res"]))
            header["groups"].append(record)
            blobs.extend((result["out"], result["err"], result["res"]))
            bad = result["status"] != "ok" or (part2.get("stop_on_exit") and result["exit_code"] != 0)
            if bad:
                failed_phase.add(phase)
            if result["status"] == "timeout":  # timeouts are what cost time: one is enough
                failed_phase.add("hidden")
    if zpid is not None:  # (a collected T is reaped: its pid is no longer ours to signal)
        try:
            os.kill(zpid, SIGKILL)
        except OSError:
            pass
    kill_descendants()
    head = to_json(header).encode()
    report = b"".join([b"\n@@RLVR-BEGIN ", nonce.encode(), b"\n", b"%d\n" % len(head), head]
                      + blobs + [b"\n@@RLVR-END ", nonce.encode(), b"\n"])
    write_all(1, report)
    os._exit(0)


if __name__ == "__main__":
    main()

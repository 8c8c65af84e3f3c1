"""The zygote of a warm bwrap worker: runs *inside* a long-lived bwrap sandbox, forks one fresh sandbox per run.

Standalone (standard library only); :mod:`rlvr.verifiers.sandbox.pool` starts it
as ``python3 -S -c <this source> <mode>`` inside bwrap with the control socket
(``SOCK_SEQPACKET``) as fd 0. It never runs untrusted code and never reads a
run's data: per run it only receives two socket descriptors (the run's
stdin/stdout and its stderr), so its memory holds nothing of any submission.

Per run (``run`` message)::

    zygote   unshare(CLONE_NEWPID); fork
    └─ R     pid 1 of a fresh pid namespace. Reads the run's setup frame from its
             socket, then enters fresh mount, IPC and UTS namespaces; mounts a
             private size-bounded tmpfs on /work, /tmp and /dev/shm, a /proc of
             its own pid namespace, makes /dev read-only, writes the run's
             files, joins a new session keyring, sets the rlimits and drops
             every privilege (below). Then it either runs the preloaded
             program's ``main()`` in this interpreter (warm runs) or spawns the
             command and waits for it like bwrap's init.

The network namespace is the worker's (bwrap's ``--unshare-net``: a loopback
and nothing else), shared by its runs one after the other, never at the same
time. That is safe because an unprivileged process cannot leave anything in
a network namespace that outlives it (sockets, bound ports and abstract Unix
names belong to open descriptors, and every process of a run is dead before
the zygote sees the run end); routes, addresses and firewall rules need
capabilities a run does not have. It saves creating and tearing down a
network namespace per run, the dearest of the namespaces. IPC objects do
outlive their processes, so every run gets a fresh IPC namespace.

When R exits (or the manager asks for a kill and the zygote SIGKILLs it), the
kernel kills every process of the namespace, ``setsid`` daemons included; the
tmpfs mounts and namespaces die with them. The zygote then reports R's wait
status. Nothing a run does can reach the next one: its processes are gone,
its files lived on tmpfs mounts that only its mount namespace had, and the
zygote's own memory is untouched (runs execute in forked copies).

Privilege drop, two modes (argv[1]):

* ``root`` (the caller is host root; bwrap runs without a user namespace and
  keeps only the capabilities the zygote needs): R switches to the run's own
  random unprivileged host uid/gid (``setresuid``, no supplementary groups),
  which clears all its capabilities, after emptying its bounding set; so
  ``RLIMIT_NPROC`` holds and the uid shares nothing with any other process.
* ``userns`` (the caller is not root; the zygote is uid 0 of bwrap's user
  namespace): R enters a nested user namespace of its own (uid/gid 1000 ->
  the caller), forbids further user namespaces in it, and drops every
  capability. The real uid is the unprivileged caller, so ``RLIMIT_NPROC``
  holds.

In both, ``no_new_privs`` is set and the ambient and bounding sets are empty.
"""

import os
import sys
import marshal
import select
import socket
import struct
import ctypes
import resource
import signal

CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWUSER, CLONE_NEWPID = 0x10000000, 0x20000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS = 1, 4, 24, 38
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
KEYCTL_JOIN_SESSION_KEYRING = 1
SYS_KEYCTL = {"x86_64": 250, "aarch64": 219}.get(os.uname().machine)
#: Exit status of R when the sandbox could not be set up (the message goes on the error pipe).
SETUP_FAILED = 121
NESTED_ID = 1000
#: Where a run's extra descriptor waits while R sets up its standard ones (then it becomes fd 3).
EXTRA_FD_PARKED = 255

libc = ctypes.CDLL(None, use_errno=True)
libc.mount.argtypes = (ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p)
libc.prctl.argtypes = (ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong)


def _ok(ret, what):
    if ret != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def unshare(flags):
    _ok(libc.unshare(flags), f"unshare({flags:#x})")


def mount(source, target, fstype, flags, data=None):
    _ok(libc.mount(source and source.encode(), target.encode(), fstype and fstype.encode(), flags,
                   data and data.encode()), f"mount {target}")


def prctl(option, arg=0):
    return libc.prctl(option, arg, 0, 0, 0)


def write_file(path, text):
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, text.encode())
    finally:
        os.close(fd)


def read_exact(fd, n):
    chunks, left = [], n
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError("the run's setup frame was cut short")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


# ------------------------------------------------------------------ sandbox
def write_files(files, uid):
    """Write the run's files into the fresh /work (nothing untrusted has run yet), then give them to ``uid``."""
    made = ["/work"]
    for rel, data in files:
        path = os.path.join("/work", rel)
        parent = os.path.dirname(path)
        missing = []
        while not os.path.isdir(parent):
            missing.append(parent)
            parent = os.path.dirname(parent)
        for directory in reversed(missing):
            os.mkdir(directory, 0o755)
            made.append(directory)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        made.append(path)
    if uid is not None:
        for path in made:
            os.chown(path, uid, uid)


def drop_bounding_and_ambient():
    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL)
    cap = 0
    while prctl(PR_CAPBSET_DROP, cap) == 0:
        cap += 1


def clear_capabilities():
    header = struct.pack("II", 0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this thread
    data = ctypes.create_string_buffer(24)
    _ok(libc.capset(ctypes.c_char_p(header), data), "capset")


def isolate(setup, mode):
    """Turn this process (pid 1 of a fresh pid namespace) into a fresh sandbox; see the module docstring."""
    unshare(CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS)
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    uid = setup.get("uid") if mode == "root" else None
    disk = int(setup["disk_bytes"])
    mount("tmpfs", "/work", "tmpfs", MS_NOSUID | MS_NODEV, f"size={disk},mode=0755")
    mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, f"size={disk},mode=1777")
    mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, f"size={16 << 20},mode=1777")
    mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    mount(None, "/dev", None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID)
    write_files(setup.get("files") or (), uid)
    if SYS_KEYCTL is not None:  # a new anonymous session keyring: nothing shared with the zygote's
        libc.syscall(SYS_KEYCTL, KEYCTL_JOIN_SESSION_KEYRING, None)
    for name, value in setup["rlimits"].items():
        res = getattr(resource, name)
        soft, hard = value if isinstance(value, (list, tuple)) else (value, value)
        resource.setrlimit(res, (soft, hard))
    os.chdir("/work")
    drop_bounding_and_ambient()
    if mode == "root":
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)  # all uids non-zero: the kernel clears every capability
    else:
        unshare(CLONE_NEWUSER)
        write_file("/proc/self/setgroups", "deny")
        write_file("/proc/self/uid_map", f"{NESTED_ID} 0 1\n")
        write_file("/proc/self/gid_map", f"{NESTED_ID} 0 1\n")
        write_file("/proc/sys/user/max_user_namespaces", "0")
        drop_bounding_and_ambient()
    clear_capabilities()
    _ok(prctl(PR_SET_NO_NEW_PRIVS, 1), "no_new_privs")
    if os.getuid() == 0 or os.geteuid() == 0:
        raise OSError("the run would still be uid 0 after the privilege drop")
    os.environ.clear()
    os.environ.update(setup.get("env") or {})


def run_child(io_fd, err_fd, extra_fd, report_fd, mode, namespace):
    """R: set up the sandbox, then run the program (``extra_fd``, if any, as its fd 3). Never returns."""
    try:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if extra_fd is not None:  # out of the way of the dup2s below (before RLIMIT_NOFILE is lowered)
            extra_fd = os.dup2(extra_fd, EXTRA_FD_PARKED)
        size = int.from_bytes(read_exact(io_fd, 4), "big")
        setup = marshal.loads(read_exact(io_fd, size))
        isolate(setup, mode)
        null = os.open("/dev/null", os.O_RDWR)
        for fd, target in ((io_fd, 0), (io_fd, 1), (err_fd, 2)):
            os.dup2(fd, target)
        os.dup2(null, 3)
        os.closerange(4, EXTRA_FD_PARKED if extra_fd is not None else 1 << 16)  # everything of the zygote's
        os.closerange(EXTRA_FD_PARKED + 1, 1 << 16)
    except BaseException as exc:
        try:
            os.write(report_fd, f"{type(exc).__name__}: {exc}".encode()[:2000])
        finally:
            os._exit(SETUP_FAILED)
    if extra_fd is not None:
        os.dup2(extra_fd, 3)
        os.close(extra_fd)
    else:
        os.close(3)
    if setup.get("argv") is None:
        code = 0
        try:
            namespace["main"]()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException:
            code = 1
            try:
                sys.excepthook(*sys.exc_info())
            except BaseException:
                pass
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:
                pass
        os._exit(code & 0xFF)
    exec_and_wait(setup["argv"])


def exec_and_wait(argv):
    """Be the namespace's init: run ``argv`` as pid 2, reap everything, exit with its status (128+sig if killed).

    ``posix_spawnp`` (vfork-style in glibc) rather than fork + exec: the
    zygote's page tables are not copied only to be thrown away by ``exec``.
    """
    try:
        pid = os.posix_spawnp(argv[0], argv, dict(os.environ),
                              setsigdef=(signal.SIGPIPE, signal.SIGXFSZ))
    except OSError as exc:
        os.write(2, f"rlvr sandbox: cannot execute {argv[0]}: {exc.strerror}\n".encode())
        os._exit(127)
    null = os.open("/dev/null", os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)
    while True:
        try:
            done, status = os.waitpid(-1, 0)
        except ChildProcessError:
            os._exit(SETUP_FAILED)
        except InterruptedError:
            continue
        if done == pid:
            if os.WIFSIGNALED(status):
                os._exit(128 + os.WTERMSIG(status))
            os._exit(os.WEXITSTATUS(status))


# ------------------------------------------------------------------- zygote
def send(ctl, obj):
    ctl.send(marshal.dumps(obj))


def serve(ctl, mode, namespace):
    own_pidns = None
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(ctl, 1 << 16, 4)
        except InterruptedError:
            continue
        if not data:
            return
        msg = marshal.loads(data)
        if msg.get("cmd") != "run" or len(fds) not in (2, 3):
            for fd in fds:
                os.close(fd)
            continue
        io_fd, err_fd, extra_fd = (fds + [None])[:3]
        report_r, report_w = os.pipe()
        try:
            # unshare(CLONE_NEWPID) works once per pid_ns_for_children change: go back to our own first
            if own_pidns is not None:
                _ok(libc.setns(own_pidns, CLONE_NEWPID), "setns")
            unshare(CLONE_NEWPID)
            pid = os.fork()
        except OSError as exc:
            for fd in (io_fd, err_fd, report_r, report_w, extra_fd):
                if fd is not None:
                    os.close(fd)
            send(ctl, {"status": None, "error": f"could not start the run: {exc}"})
            continue
        if pid == 0:
            run_child(io_fd, err_fd, extra_fd, report_w, mode, namespace)
        if own_pidns is None:
            own_pidns = os.open("/proc/self/ns/pid", os.O_RDONLY | os.O_CLOEXEC)
        for fd in (io_fd, err_fd, report_w, extra_fd):
            if fd is not None:
                os.close(fd)
        status, cpu = wait_run(ctl, pid)
        os.set_blocking(report_r, False)
        try:
            error = os.read(report_r, 4096).decode("utf-8", "replace")
        except OSError:
            error = ""
        os.close(report_r)
        if status is None:
            return
        send(ctl, {"status": status, "error": error, "cpu": cpu})


def wait_run(ctl, pid):
    """Wait for R; SIGKILL it when the manager says so. ``(status, cpu)``; status ``None`` = manager gone."""
    pidfd = os.pidfd_open(pid)
    gone = False
    try:
        while True:
            ready, _, _ = select.select([ctl, pidfd], [], [])
            if pidfd in ready:
                break
            try:
                data = ctl.recv(1 << 16)
            except InterruptedError:
                continue
            if not data or marshal.loads(data).get("cmd") == "kill":
                os.kill(pid, signal.SIGKILL)
                gone = gone or not data
    finally:
        os.close(pidfd)
    _, status, usage = os.wait4(pid, 0)
    return (None if gone else status), usage.ru_utime + usage.ru_stime


def main():
    mode = sys.argv[1]
    sys.path[:] = [p for p in sys.path if p]
    ctl = socket.socket(fileno=0)
    prctl(PR_SET_DUMPABLE, 0)
    try:
        msg = marshal.loads(ctl.recv(1 << 24))
        for name in msg.get("preload", ()):
            try:
                __import__(name)
            except BaseException:
                pass
        namespace = {"__name__": "__pool__", "__builtins__": __builtins__}
        exec(compile(msg["program"], "program", "exec", dont_inherit=True), namespace)
        if not callable(namespace.get("main")):
            raise ValueError("the pool's program defines no main()")
        import gc
        gc.collect()
        gc.freeze()  # the children share these pages instead of copying them on the first collection
    except BaseException as exc:
        send(ctl, {"ready": False, "error": f"{type(exc).__name__}: {exc}"})
        return
    send(ctl, {"ready": True, "pid": os.getpid()})
    serve(ctl, mode, namespace)


if __name__ == "__main__":
    main()

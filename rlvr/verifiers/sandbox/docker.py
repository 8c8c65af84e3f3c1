"""The ``docker`` backend: a container per run or per session, through the Docker SDK.

Each workspace is a container started from a local image (default
``rlvr-sandbox:bookworm``, built by ``rlvr sandbox build-image``) with
``network_mode="none"``, a read-only root filesystem, ``cap_drop=["ALL"]``,
``no-new-privileges``, a memory limit (no swap), a CPU quota, a pids limit,
ulimits (CPU, open files, file size, core=0), docker's init as pid 1 and a
size-bounded tmpfs ``/tmp``. Its workdir ``/work`` is a tmpfs-backed volume of
``Limits.disk_mb``. The container's main process is a capability-less root
``sleep`` that only keeps the workspace mounted; every program runs through
``exec`` as ``nobody`` (65534:65534), under util-linux's ``prlimit`` when the
image has it (so ``MemoryError`` comes before the cgroup OOM killer), and
cannot signal the keeper.

Files go in and out only through the Docker API (``put_archive`` /
``get_archive``), never host bind mounts, so a remote engine or a mounted
socket works the same. A run's container and volume are removed when the run
ends; a session's when it closes. After every session run, all of
``nobody``'s processes are killed (a fork bomb that leaves no room for that
``exec`` gets the workspace snapshotted, the container restarted and the
snapshot restored).
"""

from __future__ import annotations

import io
import logging
import os
import select
import socket
import struct
import tarfile
import threading
import time
import uuid
import weakref
from typing import Any, Sequence

from rlvr.core.errors import ConfigError, require
from rlvr.verifiers.sandbox import files as fileops
from rlvr.verifiers.sandbox.base import (
    PYTHON_NAMES, SANDBOX_WORKDIR, Limits, RunResult, SandboxUnavailable, Session, as_bytes,
    base_env, check_argv)
from rlvr.verifiers.sandbox.runner import CappedBuffer, Observed, classify

logger = logging.getLogger("rlvr.sandbox")

DEFAULT_IMAGE = "rlvr-sandbox:bookworm"
USER = "65534:65534"
LABEL = "rlvr.sandbox"
_KEEPER_MB = 32          # memory for docker-init + sleep on top of the program's limit
_HEADER = struct.Struct(">BxxxL")
_POLL_S = 0.2
_stale_checked = False
_stale_lock = threading.Lock()


def _client(base_url: str | None = None):
    docker = require("docker", "swe", "The docker sandbox")
    try:
        client = docker.DockerClient(base_url=base_url) if base_url else docker.from_env()
        client.ping()
        return client
    except Exception as exc:  # docker.errors.DockerException, requests errors, ...
        where = base_url or os.environ.get("DOCKER_HOST") or "unix:///var/run/docker.sock"
        raise SandboxUnavailable(
            f"no Docker engine answers at {where} ({type(exc).__name__}: {str(exc)[:200]}). Fix: "
            f"install it (apt-get install docker.io) and start it (systemctl start docker, or as root "
            f"without systemd: setsid -f dockerd >/var/log/dockerd.log 2>&1); `make test` does both"
        ) from None


def image_missing_message(image: str) -> str:
    if image == DEFAULT_IMAGE:
        return (f"the Docker image {image} is missing. Fix: rlvr sandbox build-image "
                f"(debootstrap + docker import; needs root and debootstrap)")
    return f"the Docker image {image} is missing. Fix: docker pull {image} (or build it)"


def _tar_files(files: dict[str, bytes | str]) -> bytes:
    """An in-memory tar of validated relative paths, owned by nobody."""
    buf = io.BytesIO()
    dirs: set[str] = set()
    uid, gid = (int(x) for x in USER.split(":"))
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path, content in files.items():
            rel = fileops.check_relpath(path)
            parts = rel.split("/")
            for i in range(1, len(parts)):
                d = "/".join(parts[:i])
                if d not in dirs:
                    dirs.add(d)
                    info = tarfile.TarInfo(d)
                    info.type, info.mode, info.uid, info.gid = tarfile.DIRTYPE, 0o755, uid, gid
                    info.mtime = int(time.time())
                    tar.addfile(info)
            data = as_bytes(content)
            info = tarfile.TarInfo(rel)
            info.size, info.mode, info.uid, info.gid = len(data), 0o644, uid, gid
            info.mtime = int(time.time())
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


class _Stream(io.RawIOBase):
    """A file object over docker's chunk iterator, for streaming tar reads."""

    def __init__(self, chunks) -> None:
        self._chunks = iter(chunks)
        self._buf = b""

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self._buf:
            try:
                self._buf = next(self._chunks)
            except StopIteration:
                return 0
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


class DockerSandbox:
    """Runs programs in Docker containers. See the module docstring.

    Args:
        image: Image with ``python3`` (default ``rlvr-sandbox:bookworm``); any
            image the engine has works, e.g. a SWE-bench instance image.
        base_url: Engine address (default: ``DOCKER_HOST`` or the local socket).
        cpus: CPU quota per container (``nano_cpus``).
        python: What ``argv[0] == "python3"`` runs in the image.
        python_flags: Flags after it (default ``-E -s -B``; the image's own
            site-packages, e.g. pytest, stay available).
        pull: Pull a missing image instead of failing.
        workdir: Where the workspace volume is mounted and programs run
            (default ``/work``; ``/testbed`` for SWE-bench images). It starts
            empty: the image's own files at that path are not copied in.
    """

    name = "docker"
    isolates = True

    def __init__(self, *, image: str = DEFAULT_IMAGE, base_url: str | None = None, cpus: float = 1.0,
                 python: str = "python3", python_flags: Sequence[str] = ("-E", "-s", "-B"),
                 pull: bool = False, workdir: str = SANDBOX_WORKDIR) -> None:
        if not cpus > 0:
            raise ConfigError(f"cpus must be positive, got {cpus!r}")
        self.client = _client(base_url)
        self.api = self.client.api
        self.image = image
        self.cpus = float(cpus)
        self.python = python
        self.python_flags = tuple(python_flags)
        if not workdir.startswith("/") or workdir.rstrip("/") in ("", "/tmp", "/proc", "/dev", "/sys"):
            raise ConfigError(f"workdir must be an absolute path of its own such as /work, got {workdir!r}")
        self.workdir = workdir.rstrip("/")
        errors = require("docker.errors", "swe", "The docker sandbox")
        self._errors = errors
        try:
            img = self.client.images.get(image)
        except errors.ImageNotFound:
            if not pull:
                raise SandboxUnavailable(image_missing_message(image)) from None
            try:
                img = self.client.images.pull(image)
            except Exception as exc:
                raise SandboxUnavailable(f"could not pull {image}: {exc}") from None
        self.image_id = img.id
        self.has_prlimit = _image_has(self.api, self.image_id, "/usr/bin/prlimit")
        self.description = f"docker image {image} ({img.short_id})"
        _cleanup_stale(self.client)

    def run(self, argv: Sequence[str], *, files: dict[str, bytes | str] | None = None,
            stdin: bytes | str = b"", limits: Limits = Limits(), collect: Sequence[str] = (),
            env: dict[str, str] | None = None) -> RunResult:
        argv = check_argv(argv)
        data = as_bytes(stdin)
        if files:
            _tar_files(files)  # validate paths before creating anything
        try:
            ws = DockerSession(self, files, limits)
        except SandboxUnavailable:
            raise
        except ConfigError:
            raise
        except Exception as exc:  # the engine failed before the program existed
            return RunResult.error(f"docker could not create the container: {type(exc).__name__}: "
                                   f"{str(exc)[:300]}")
        try:
            return ws._run(argv, data, limits, env, collect, final=True)
        finally:
            ws.close()

    def session(self, files: dict[str, bytes | str] | None = None,
                limits: Limits = Limits()) -> DockerSession:
        return DockerSession(self, files, limits)

    def _resolve(self, argv: list[str]) -> list[str]:
        head, rest = argv[0], argv[1:]
        if head in PYTHON_NAMES:
            return [self.python, *self.python_flags, *rest]
        if head == "pytest":
            return [self.python, *self.python_flags, "-m", "pytest", *rest]
        return argv


_image_probe: dict[tuple[int, str, str], bool] = {}


def _image_has(api: Any, image_id: str, path: str) -> bool:
    """Whether the image contains ``path`` (read from a created, never started container)."""
    key = (id(api), image_id, path)
    if key not in _image_probe:
        found = False
        try:
            cid = api.create_container(image_id, command=["true"], network_disabled=True,
                                       labels={LABEL: "probe"})["Id"]
        except Exception:
            return False
        try:
            stream, _ = api.get_archive(cid, path)
            for _ in stream:
                pass
            found = True
        except Exception:
            found = False
        finally:
            try:
                api.remove_container(cid, force=True)
            except Exception:
                pass
        _image_probe[key] = found
    return _image_probe[key]


def _cleanup_stale(client) -> None:
    """Remove containers and volumes left by rlvr processes on this host that died."""
    global _stale_checked
    with _stale_lock:
        if _stale_checked:
            return
        _stale_checked = True
    host = socket.gethostname()
    try:
        for c in client.containers.list(all=True, filters={"label": [f"{LABEL}.host={host}"]}):
            pid = c.labels.get(f"{LABEL}.pid", "")
            if pid.isdigit() and not os.path.exists(f"/proc/{pid}"):
                c.remove(force=True)
        for v in client.volumes.list(filters={"label": f"{LABEL}.host={host}"}):
            pid = (v.attrs.get("Labels") or {}).get(f"{LABEL}.pid", "")
            if pid.isdigit() and not os.path.exists(f"/proc/{pid}"):
                try:
                    v.remove(force=True)
                except Exception:
                    pass
    except Exception as exc:  # pragma: no cover - cleanup is best effort
        logger.debug("stale docker sandbox cleanup failed: %s", exc)


class DockerSession(Session):
    """A container holding a tmpfs workspace; each run is an ``exec`` as nobody."""

    name = "docker"

    def __init__(self, sandbox: DockerSandbox, files: dict[str, bytes | str] | None,
                 limits: Limits) -> None:
        super().__init__(limits)
        self.sandbox = sandbox
        self.api = sandbox.api
        self._lock = threading.Lock()
        labels = {LABEL: "1", f"{LABEL}.host": socket.gethostname(), f"{LABEL}.pid": str(os.getpid())}
        name = f"rlvr-{uuid.uuid4().hex[:16]}"
        self.volume = self.api.create_volume(
            name=name, driver="local", labels=labels,
            driver_opts={"type": "tmpfs", "device": "tmpfs",
                         "o": f"size={int(limits.disk_mb)}m,uid=65534,gid=65534,mode=0755,nosuid,nodev"})
        self.container_id: str | None = None
        self._holder: list[str | None] = [None]
        self._finalizer = weakref.finalize(self, _destroy, self.api, name, self._holder)
        try:
            self._create(name, labels)
            self._start()
            if files:
                self.write_files(files)
        except BaseException:
            self.close()
            raise

    # -------------------------------------------------------------- lifecycle
    def _create(self, name: str, labels: dict[str, str]) -> None:
        from docker.types import Mount, Ulimit

        L = self.limits
        if self.sandbox.has_prlimit:
            # Each exec sets its own limits with prlimit; the container only caps core dumps.
            ulimits = [Ulimit(name="core", soft=0, hard=0)]
        else:  # the session's limits, for every run (per-run limits cannot raise them)
            cpu = max(1, int(-(-L.cpu_s // 1)))
            ulimits = [Ulimit(name="cpu", soft=cpu, hard=cpu + 1),
                       Ulimit(name="nofile", soft=int(L.open_files), hard=int(L.open_files)),
                       Ulimit(name="fsize", soft=int(L.file_size_mb) << 20, hard=int(L.file_size_mb) << 20),
                       Ulimit(name="core", soft=0, hard=0)]
        host_config = self.api.create_host_config(
            network_mode="none", read_only=True, cap_drop=["ALL"],
            security_opt=["no-new-privileges"], init=True,
            mem_limit=f"{int(L.memory_mb) + _KEEPER_MB}m", memswap_limit=f"{int(L.memory_mb) + _KEEPER_MB}m",
            nano_cpus=int(self.sandbox.cpus * 1e9), pids_limit=int(L.max_procs) + 2,
            tmpfs={"/tmp": f"size={int(L.disk_mb)}m,mode=1777,nosuid,nodev"},
            mounts=[Mount(self.sandbox.workdir, name, type="volume", no_copy=True)],
            ulimits=ulimits,
        )
        created = self.api.create_container(
            self.sandbox.image, command=["sleep", "infinity"], user="0:0", hostname="sandbox",
            working_dir=self.sandbox.workdir, labels=labels, host_config=host_config, name=name,
            network_disabled=True)
        self.container_id = created["Id"]
        self._holder[0] = self.container_id

    def _start(self) -> None:
        self.api.start(self.container_id)

    def close(self) -> None:
        super().close()

    # -------------------------------------------------------------------- run
    def run(self, argv: Sequence[str], *, stdin: bytes | str = b"", limits: Limits | None = None,
            env: dict[str, str] | None = None, collect: Sequence[str] = ()) -> RunResult:
        self._check_open()
        return self._run(check_argv(argv), as_bytes(stdin), limits or self.limits, env, collect,
                         final=False)

    def _command(self, argv: list[str], limits: Limits) -> list[str]:
        cmd = self.sandbox._resolve(argv)
        if not self.sandbox.has_prlimit:
            return cmd
        cpu = max(1, int(-(-limits.cpu_s // 1)))
        return ["/usr/bin/prlimit", f"--cpu={cpu}:{cpu + 1}", f"--as={int(limits.memory_mb) << 20}",
                f"--fsize={int(limits.file_size_mb) << 20}", f"--nofile={int(limits.open_files)}",
                "--core=0", "--", *cmd]

    def _run(self, argv: list[str], stdin: bytes, limits: Limits, env: dict[str, str] | None,
             collect: Sequence[str], final: bool) -> RunResult:
        with self._lock:
            start = time.monotonic()
            try:
                exec_id = self.api.exec_create(
                    self.container_id, self._command(argv, limits), stdout=True, stderr=True,
                    stdin=True, tty=False, user=USER, workdir=self.sandbox.workdir,
                    environment=base_env(self.sandbox.workdir, env))["Id"]
                sock = self.api.exec_start(exec_id, socket=True)
            except Exception as exc:
                if not final:
                    self._reset_processes()
                return RunResult.error(f"docker exec failed: {type(exc).__name__}: {str(exc)[:300]}",
                                       time.monotonic() - start)
            obs = _pump(sock, stdin, limits, start,
                        lambda: bool(self.api.exec_inspect(exec_id).get("Running")))
            exit_code = None
            if not obs.timed_out and not obs.output_exceeded:
                for _ in range(50):
                    info = self.api.exec_inspect(exec_id)
                    if not info.get("Running"):
                        exit_code = info.get("ExitCode")
                        break
                    time.sleep(0.01)
                else:
                    obs.timed_out = True
            obs.returncode = exit_code
            obs.wall_s = time.monotonic() - start
            oom = False
            if exit_code == 137 and obs.wall_s < limits.cpu_s * 0.95:
                oom = self._oom_killed(limits)
            files = self._read(collect, limits) if collect else {}
            if not final:
                self._reset_processes()
            return classify(obs, limits, signal_in_exit_code=True, oom_killed=oom, files=files)

    def _oom_killed(self, limits: Limits) -> bool:
        """Did the memory cgroup hit its limit (max usage at the limit, or failures counted)?"""
        try:
            stats = self.api.stats(self.container_id, stream=False, one_shot=True)
        except Exception:
            return False
        mem = stats.get("memory_stats") or {}
        limit = mem.get("limit") or ((int(limits.memory_mb) + _KEEPER_MB) << 20)
        return bool(mem.get("failcnt")) or mem.get("max_usage", 0) >= 0.95 * limit

    def _reset_processes(self) -> None:
        """Kill every process of nobody (leaves the root keeper); restart if that cannot run."""
        try:
            exec_id = self.api.exec_create(self.container_id, ["sh", "-c", "kill -9 -1; exit 0"],
                                           user=USER, stdout=True, stderr=True)["Id"]
            self.api.exec_start(exec_id)
            if self.api.exec_inspect(exec_id).get("ExitCode") == 0:
                return
            logger.info("docker session: the kill exec failed; restarting the container")
        except Exception as exc:
            logger.info("docker session: kill exec failed (%s); restarting the container", exc)
        snapshot = self._snapshot()
        self.api.kill(self.container_id)
        self.api.wait(self.container_id, timeout=30)
        self._start()
        if snapshot is not None:
            self.api.put_archive(self.container_id, self.sandbox.workdir, snapshot)

    def _snapshot(self) -> bytes | None:
        """The workspace as a tar whose members are relative to /work."""
        try:
            stream, _ = self.api.get_archive(self.container_id, self.sandbox.workdir + "/.")
        except Exception:
            return None
        out = io.BytesIO()
        with tarfile.open(fileobj=_Stream(stream), mode="r|") as src, \
                tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as dst:
            for member in src:
                name = member.name.split("/", 1)[1] if "/" in member.name else ""
                if not name or member.type not in (tarfile.REGTYPE, tarfile.DIRTYPE, tarfile.SYMTYPE):
                    continue
                member.name = name
                dst.addfile(member, src.extractfile(member) if member.isreg() else None)
        return out.getvalue()

    # ------------------------------------------------------------------ files
    def _members(self, max_bytes: int | None):
        """(relative path, TarInfo, data or None) for everything under the workdir."""
        stream, _ = self.api.get_archive(self.container_id, self.sandbox.workdir + "/.")
        with tarfile.open(fileobj=_Stream(stream), mode="r|") as tar:
            for member in tar:
                rel = member.name.split("/", 1)[1] if "/" in member.name else ""
                if not rel:
                    continue
                data = None
                if max_bytes is not None and member.isreg():
                    fh = tar.extractfile(member)
                    data = fh.read(max_bytes) if fh else None
                yield rel, member, data

    def _read(self, paths: Sequence[str], limits: Limits) -> dict[str, bytes]:
        if isinstance(paths, str):
            paths = [paths]
        exact = {fileops.check_relpath(p) for p in paths if not fileops._is_pattern(p)}
        patterns = [p.lstrip("/") for p in paths if fileops._is_pattern(p)]
        out: dict[str, bytes] = {}
        try:
            import fnmatch
            for rel, member, data in self._members(int(limits.file_size_mb) << 20):
                if data is None:
                    continue
                if rel in exact or any(fnmatch.fnmatchcase(rel, p) for p in patterns):
                    out[rel] = data
        except Exception as exc:
            logger.debug("docker session: reading files failed: %s", exc)
        return out

    def write_files(self, files: dict[str, bytes | str]) -> None:
        self._check_open()
        if files:
            self.api.put_archive(self.container_id, self.sandbox.workdir, _tar_files(files))

    def read_files(self, paths: Sequence[str]) -> dict[str, bytes]:
        self._check_open()
        return self._read(paths, self.limits)

    def list_files(self) -> list[str]:
        self._check_open()
        try:
            return sorted(rel for rel, member, _ in self._members(None) if not member.isdir())
        except Exception:
            return []

    def delete_files(self, paths: Sequence[str]) -> None:
        self._check_open()
        rels = [fileops.check_relpath(p) for p in paths]
        if rels:
            exec_id = self.api.exec_create(self.container_id, ["rm", "-rf", "--", *rels], user=USER,
                                           workdir=self.sandbox.workdir)["Id"]
            self.api.exec_start(exec_id)


def _destroy(api: Any, volume: str, holder: list) -> None:
    """Remove the container (killing everything in it) and its volume; never raises."""
    if holder[0] is not None:
        try:
            api.remove_container(holder[0], force=True)
        except Exception:
            pass
    for _ in range(20):
        try:
            api.remove_volume(volume, force=True)
            return
        except Exception as exc:
            if "not found" in str(exc).lower() or "no such" in str(exc).lower():
                return
            time.sleep(0.05)


def _pump(sock: Any, stdin: bytes, limits: Limits, start: float,
          running: Any = None) -> Observed:
    """Feed stdin and read docker's multiplexed stdout/stderr frames, capped, until EOF or deadline.

    ``running()`` is polled every ``_POLL_S`` so that a program which exited
    while a background process still holds its stdout does not wait for the
    engine's stream-drain timeout.
    """
    raw = getattr(sock, "_sock", sock)
    out, err = CappedBuffer(limits.output_bytes), CappedBuffer(limits.output_bytes)
    deadline = start + limits.wall_s
    pending = memoryview(stdin)
    buf = bytearray()
    timed_out = exceeded = False
    eof = False
    next_poll = start + _POLL_S
    exited_at: float | None = None
    last_data = start
    try:
        raw.setblocking(False)
        if not pending:
            _shutdown_write(raw)
        while not eof:
            now = time.monotonic()
            if now >= deadline:
                timed_out = True
                break
            if exited_at is not None and now - max(exited_at, last_data) > _POLL_S:
                break  # exited; what is still holding the stream is a leftover background process
            if running is not None and exited_at is None and now >= next_poll:
                next_poll = now + _POLL_S
                try:
                    if not running():
                        exited_at = now
                except Exception:
                    running = None
            want_write = [raw] if pending else []
            readable, writable, _ = select.select([raw], want_write, [],
                                                  max(0.0, min(deadline, next_poll) - now))
            if writable and pending:
                try:
                    sent = raw.send(pending[:1 << 16])
                    pending = pending[sent:]
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError:
                    pending = pending[:0]
                if not pending:
                    _shutdown_write(raw)
            if readable or getattr(raw, "pending", lambda: 0)():
                try:
                    chunk = raw.recv(1 << 16)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    chunk = b""
                if not chunk:
                    eof = True
                last_data = time.monotonic()
                buf += chunk
                while len(buf) >= _HEADER.size:
                    kind, size = _HEADER.unpack_from(buf)
                    if len(buf) < _HEADER.size + size:
                        break
                    payload = bytes(buf[_HEADER.size:_HEADER.size + size])
                    del buf[:_HEADER.size + size]
                    (err if kind == 2 else out).add(payload)
                if out.exceeded or err.exceeded:
                    exceeded = True
                    break
    finally:
        try:
            raw.close()
        except OSError:
            pass
        try:
            sock.close()
        except Exception:
            pass
    return Observed(None, out.value(), err.value(), time.monotonic() - start,
                    timed_out=timed_out and not exceeded, output_exceeded=exceeded)


def _shutdown_write(raw: Any) -> None:
    try:
        raw.shutdown(socket.SHUT_WR)
    except OSError:
        pass

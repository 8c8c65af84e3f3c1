"""``rlvr sandbox build-image``: the docker backend's base image, built locally.

No registry is needed: ``debootstrap --variant=minbase`` builds a Debian root
filesystem with ``python3`` and ``python3-pytest`` from the apt mirror this
machine already uses (read from ``/etc/apt/sources.list`` and
``/etc/apt/sources.list.d/*.list`` / ``*.sources``), and ``docker import``
turns it into ``rlvr-sandbox:<suite>``. Needs root (debootstrap) and a
reachable Docker engine. Where a registry is reachable, any image with
``python3`` can be used instead (``get_sandbox("docker", image=...)``).
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from typing import Callable, Sequence

from rlvr.verifiers.sandbox import files as fileops
from rlvr.verifiers.sandbox.base import SandboxUnavailable
from rlvr.verifiers.sandbox.docker import DEFAULT_IMAGE, LABEL, _client

DEFAULT_PACKAGES = ("python3", "python3-pytest")
DEFAULT_SUITE = "bookworm"
FALLBACK_MIRROR = "http://deb.debian.org/debian"
_IMAGE_CHANGES = (
    "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "ENV LANG=C.UTF-8",
    "WORKDIR /work",
    'CMD ["python3"]',
    f"LABEL {LABEL}.image=1",
)


@dataclass(frozen=True)
class AptSource:
    uri: str
    suites: tuple[str, ...]
    components: tuple[str, ...]


def _parse_one_line(text: str) -> list[AptSource]:
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line.startswith("deb "):
            continue
        line = re.sub(r"\[[^\]]*\]", " ", line[4:])  # drop [arch=... signed-by=...]
        fields = line.split()
        if len(fields) >= 2:
            out.append(AptSource(fields[0], (fields[1],), tuple(fields[2:])))
    return out


def _parse_deb822(text: str) -> list[AptSource]:
    out = []
    for stanza in re.split(r"\n\s*\n", text):
        fields: dict[str, str] = {}
        key = None
        for line in stanza.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            if line[0].isspace() and key:
                fields[key] += " " + line.strip()
                continue
            if ":" in line:
                key, value = line.split(":", 1)
                key = key.strip().lower()
                fields[key] = value.strip()
        if "deb" not in fields.get("types", "").split() or fields.get("enabled", "yes").lower() == "no":
            continue
        for uri in fields.get("uris", "").split():
            out.append(AptSource(uri, tuple(fields.get("suites", "").split()),
                                 tuple(fields.get("components", "").split())))
    return out


def apt_sources(root: str = "/etc/apt") -> list[AptSource]:
    """Every enabled binary (``deb``) source of this machine, in apt's order."""
    sources: list[AptSource] = []
    paths = [os.path.join(root, "sources.list")] + sorted(glob.glob(os.path.join(root, "sources.list.d", "*")))
    for path in paths:
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                text = fh.read()
        except OSError:
            continue
        if path.endswith(".sources"):
            sources += _parse_deb822(text)
        elif path.endswith(".list") or path == os.path.join(root, "sources.list"):
            sources += _parse_one_line(text)
    return sources


def host_suite() -> str:
    """This machine's Debian codename (``bookworm``), or the default."""
    try:
        with open("/etc/os-release") as fh:
            info = dict(line.rstrip("\n").split("=", 1) for line in fh if "=" in line)
    except OSError:
        return DEFAULT_SUITE
    if info.get("ID", "").strip('"') != "debian":
        return DEFAULT_SUITE
    return info.get("VERSION_CODENAME", "").strip('"') or DEFAULT_SUITE


def apt_mirror(suite: str, root: str = "/etc/apt") -> str:
    """The mirror URI this machine uses for ``suite`` (main archive, not security)."""
    candidates = [s for s in apt_sources(root) if s.uri.startswith(("http://", "https://", "file:/"))]
    for source in candidates:
        if suite in source.suites and "main" in (source.components or ("main",)):
            return source.uri.rstrip("/")
    for source in candidates:  # same archive, other suite (e.g. bookworm-updates)
        if any(s.split("-")[0] == suite for s in source.suites) and "security" not in source.uri:
            return source.uri.rstrip("/")
    for source in candidates:
        if "debian" in source.uri and "security" not in source.uri:
            return source.uri.rstrip("/")
    return FALLBACK_MIRROR


def _unescape_mount(field: str) -> str:
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def mounts_under(path: str) -> list[str]:
    """Mount points at or below ``path``, deepest first (from ``/proc/self/mountinfo``)."""
    real = os.path.realpath(path)
    try:
        with open("/proc/self/mountinfo") as fh:
            points = [_unescape_mount(line.split()[4]) for line in fh if len(line.split()) > 4]
    except OSError:
        return []
    inside = {p for p in points if p == real or p.startswith(real.rstrip("/") + "/")}
    return sorted(inside, key=lambda p: p.count("/"), reverse=True)


def unmount_all(path: str) -> list[str]:
    """Detach every mount below ``path`` (debootstrap's /proc, /sys and, in a
    container, binds of the host's /dev/pts and /dev/shm, which stay behind if
    debootstrap is killed); returns what is still mounted."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for _ in range(3):
        points = mounts_under(path)
        if not points:
            return []
        for point in points:
            libc.umount2(point.encode(), 2)  # MNT_DETACH
    return mounts_under(path)


def remove_rootfs(workdir: str, log: Callable[[str], None] = print) -> None:
    """Remove a build directory, never through a mount into the host."""
    still = unmount_all(workdir)
    if still:
        log(f"warning: leaving {workdir} in place: still mounted below it: {', '.join(still)}")
        return
    fileops.remove_tree(workdir, one_file_system=True)


def image_exists(name: str = DEFAULT_IMAGE) -> bool:
    client = _client()
    try:
        client.images.get(name)
        return True
    except Exception:
        return False


def build_image(name: str = DEFAULT_IMAGE, *, suite: str | None = None, mirror: str | None = None,
                packages: Sequence[str] = DEFAULT_PACKAGES, force: bool = False,
                log: Callable[[str], None] = print) -> str:
    """Build (or reuse) the sandbox image; returns its id.

    Args:
        name: Image name (``repository:tag``).
        suite: Debian suite (default: this machine's, else bookworm).
        mirror: Apt mirror URI (default: read from this machine's apt sources).
        packages: Debian packages to install on top of minbase.
        force: Rebuild even if the image exists.
        log: Progress messages.

    Raises:
        SandboxUnavailable: No engine, not root, or debootstrap missing/failing.
    """
    client = _client()
    if not force:
        try:
            image = client.images.get(name)
            log(f"image {name} already exists ({image.short_id}); reusing it (--force rebuilds)")
            return image.id
        except Exception:
            pass
    if os.geteuid() != 0:
        raise SandboxUnavailable("building the image runs debootstrap, which needs root: "
                                 "sudo rlvr sandbox build-image")
    debootstrap = shutil.which("debootstrap") or shutil.which("debootstrap", path="/usr/sbin:/sbin")
    if not debootstrap:
        raise SandboxUnavailable("debootstrap is not installed. Fix: apt-get install debootstrap")
    suite = suite or host_suite()
    mirror = mirror or apt_mirror(suite)
    workdir = tempfile.mkdtemp(prefix="rlvr-rootfs-", dir="/var/tmp" if os.path.isdir("/var/tmp") else None)
    root = os.path.join(workdir, "root")
    try:
        cmd = [debootstrap, "--variant=minbase", f"--include={','.join(packages)}", suite, root, mirror]
        log(f"$ {' '.join(cmd)}")
        started = time.monotonic()
        logfile = os.path.join(workdir, "debootstrap.log")
        with open(logfile, "wb") as fh:
            proc = subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT)
        if proc.returncode != 0:
            with open(logfile, "rb") as fh:
                tail = fh.read()[-2000:].decode("utf-8", "replace")
            raise SandboxUnavailable(f"debootstrap failed (exit {proc.returncode}) with mirror {mirror}:\n"
                                     f"{tail}\nFix: check the mirror (--mirror URL) and the network")
        log(f"debootstrap finished in {time.monotonic() - started:.0f} s; trimming caches")
        still = unmount_all(root)
        if still:
            raise SandboxUnavailable(f"debootstrap left mounts that could not be detached: {', '.join(still)}")
        for pattern in ("var/cache/apt/archives/*.deb", "var/lib/apt/lists/*", "var/log/*.log",
                        "debootstrap"):
            for path in glob.glob(os.path.join(root, pattern)):
                if os.path.isdir(path) and not os.path.islink(path):
                    fileops.remove_tree(path, one_file_system=True)
                elif os.path.lexists(path):
                    os.unlink(path)
        log(f"$ tar -C {root} -c . | docker import - {name}")
        repository, _, tag = name.rpartition(":") if ":" in name.split("/")[-1] else (name, "", "latest")
        tar = subprocess.Popen(["tar", "--numeric-owner", "--one-file-system", "-C", root, "-c", "."],
                               stdout=subprocess.PIPE)
        try:
            result = client.api.import_image(src=tar.stdout, repository=repository, tag=tag,
                                             changes=list(_IMAGE_CHANGES), stream_src=True)
        finally:
            tar.stdout.close()
            if tar.wait() != 0:
                raise SandboxUnavailable(f"tar of the root filesystem failed (exit {tar.returncode})")
        image = client.images.get(name)
        log(f"built {name} ({image.short_id}, {image.attrs.get('Size', 0) / 1e6:.0f} MB)")
        del result
        return image.id
    finally:
        remove_rootfs(workdir, log)

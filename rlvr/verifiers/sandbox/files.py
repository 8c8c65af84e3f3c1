"""Moving files into and out of a workdir the untrusted program controls.

The program may have replaced any path in its workdir by a symlink (to
``/etc/passwd``, to the hidden tests), a FIFO (so that opening it blocks
forever), a hard link or a huge file. Everything here therefore walks paths
component by component from a directory file descriptor with ``O_NOFOLLOW``,
opens with ``O_NONBLOCK``, reads only regular files and at most a byte
budget, and writes by unlinking then creating with ``O_EXCL`` (never through
an existing link).
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from typing import Iterator, Sequence

from rlvr.core.errors import ConfigError
from rlvr.verifiers.sandbox.base import as_bytes

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_MAX_LISTED = 100_000


def check_relpath(path: str) -> str:
    """Normalise a relative path given by the caller, or raise :class:`ConfigError`.

    Rejects absolute paths, ``..`` components, NUL bytes and empty paths;
    drops ``.`` components and repeated slashes.
    """
    if not isinstance(path, str):
        raise ConfigError(f"file paths must be strings, got {type(path).__name__}")
    if "\0" in path:
        raise ConfigError(f"file path {path!r} contains a NUL byte")
    if path.startswith("/"):
        raise ConfigError(f"file path {path!r} must be relative to the workdir, not absolute")
    parts = [p for p in path.split("/") if p not in ("", ".")]
    if not parts:
        raise ConfigError(f"file path {path!r} names no file")
    if ".." in parts:
        raise ConfigError(f"file path {path!r} must not contain '..'")
    if len(path.encode("utf-8", "surrogateescape")) > 4000 or any(
            len(p.encode("utf-8", "surrogateescape")) > 255 for p in parts):
        raise ConfigError(f"file path {path[:80]!r}... is too long")
    return "/".join(parts)


def _open_parent(root_fd: int, parts: list[str], create: bool, uid: int | None) -> int:
    """A new fd of the directory holding ``parts[-1]``, walked without following symlinks."""
    fd = os.dup(root_fd)
    try:
        for name in parts[:-1]:
            try:
                nxt = os.open(name, _DIR_FLAGS, dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    raise
                os.mkdir(name, 0o755, dir_fd=fd)
                if uid is not None:
                    os.chown(name, uid, uid, dir_fd=fd, follow_symlinks=False)
                nxt = os.open(name, _DIR_FLAGS, dir_fd=fd)
            except OSError as exc:
                if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                    raise ConfigError(f"{'/'.join(parts)!r}: {name!r} is a symlink or not a "
                                      f"directory in the workdir") from None
                raise
            os.close(fd)
            fd = nxt
        return fd
    except BaseException:
        os.close(fd)
        raise


def write_tree(root: str, files: dict[str, bytes | str] | None, uid: int | None = None) -> None:
    """Write ``files`` under ``root`` (replacing files, never following links).

    Args:
        root: The host directory that is the workdir.
        files: Relative path -> content.
        uid: When given (the parent is root and the program runs as this
            uid), new files and directories are chowned to it.
    """
    if not files:
        return
    if not isinstance(files, dict):
        raise ConfigError(f"files must be a dict of relative path -> bytes or str, got "
                          f"{type(files).__name__}")
    prepared = [(check_relpath(path), as_bytes(content)) for path, content in files.items()]
    root_fd = os.open(root, _DIR_FLAGS)
    try:
        for rel, data in prepared:
            parts = rel.split("/")
            dir_fd = _open_parent(root_fd, parts, create=True, uid=uid)
            try:
                name = parts[-1]
                try:
                    st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
                except FileNotFoundError:
                    st = None
                if st is not None:
                    if stat.S_ISDIR(st.st_mode):
                        raise ConfigError(f"cannot write file {rel!r}: a directory is in the way")
                    os.unlink(name, dir_fd=dir_fd)
                fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
                             0o644, dir_fd=dir_fd)
                try:
                    view = memoryview(data)
                    while view:
                        view = view[os.write(fd, view):]
                    if uid is not None:
                        os.fchown(fd, uid, uid)
                finally:
                    os.close(fd)
            finally:
                os.close(dir_fd)
    finally:
        os.close(root_fd)


def _read_regular(dir_fd: int, name: str, max_bytes: int) -> bytes | None:
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=dir_fd)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        chunks, left = [], max_bytes
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def _is_pattern(path: str) -> bool:
    return any(c in path for c in "*?[")


def read_tree(root: str, paths: Sequence[str], max_bytes: int) -> dict[str, bytes]:
    """Regular files at ``paths`` under ``root``; glob patterns match relative paths.

    Missing paths, symlinks, FIFOs, sockets and directories are left out; each
    file is read up to ``max_bytes``. Never blocks and never leaves ``root``.
    """
    if isinstance(paths, str):
        paths = [paths]
    out: dict[str, bytes] = {}
    try:
        root_fd = os.open(root, _DIR_FLAGS)
    except OSError:
        return out
    try:
        listing: list[str] | None = None
        for raw in paths:
            if _is_pattern(raw):
                if listing is None:
                    listing = list(_walk(root_fd))
                pattern = raw.lstrip("/")
                wanted = [p for p in listing if fnmatch.fnmatchcase(p, pattern)]
            else:
                wanted = [check_relpath(raw)]
            for rel in wanted:
                if rel in out:
                    continue
                parts = rel.split("/")
                try:
                    dir_fd = _open_parent(root_fd, parts, create=False, uid=None)
                except (OSError, ConfigError):
                    continue
                try:
                    data = _read_regular(dir_fd, parts[-1], max_bytes)
                finally:
                    os.close(dir_fd)
                if data is not None:
                    out[rel] = data
    finally:
        os.close(root_fd)
    return out


def _walk(root_fd: int) -> Iterator[str]:
    """Relative paths of non-directories under ``root_fd`` (no symlink is followed)."""
    count = 0
    stack: list[tuple[int, str]] = [(os.dup(root_fd), "")]
    try:
        while stack:
            fd, prefix = stack.pop()
            try:
                with os.scandir(fd) as entries:
                    names = sorted((e.name, e.is_dir(follow_symlinks=False)) for e in entries)
                for name, is_dir in names:
                    rel = prefix + name
                    if is_dir:
                        try:
                            stack.append((os.open(name, _DIR_FLAGS, dir_fd=fd), rel + "/"))
                        except OSError:
                            pass
                        continue
                    count += 1
                    if count > _MAX_LISTED:
                        return
                    yield rel
            except OSError:
                pass
            finally:
                os.close(fd)
    finally:
        for fd, _ in stack:
            os.close(fd)


def list_tree(root: str) -> list[str]:
    """Sorted relative paths of files and symlinks under ``root`` (at most 100,000)."""
    try:
        root_fd = os.open(root, _DIR_FLAGS)
    except OSError:
        return []
    try:
        return sorted(_walk(root_fd))
    finally:
        os.close(root_fd)


def delete_tree(root: str, paths: Sequence[str]) -> None:
    """Remove files or directories at relative ``paths`` under ``root`` (no link is followed)."""
    root_fd = os.open(root, _DIR_FLAGS)
    try:
        for raw in paths:
            parts = check_relpath(raw).split("/")
            try:
                dir_fd = _open_parent(root_fd, parts, create=False, uid=None)
            except (OSError, ConfigError):
                continue
            try:
                _remove_entry(dir_fd, parts[-1])
            finally:
                os.close(dir_fd)
    finally:
        os.close(root_fd)


def _remove_entry(dir_fd: int, name: str, depth: int = 0, dev: int | None = None) -> None:
    """Remove ``name`` in the directory ``dir_fd`` and everything under it; never raises.

    Works only through directory file descriptors (``O_NOFOLLOW``), so a
    symlink or a rename made by the program cannot redirect it anywhere
    else, and no path is ever resolved against the parent's cwd. A directory
    the program made unreadable (mode 000) is made accessible through its own
    fd first; nothing above ``dir_fd`` is ever touched. With ``dev``, entries
    on another filesystem (mount points) are left alone, contents included.
    """
    try:
        st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except OSError:
        return
    if dev is not None and st.st_dev != dev:
        return
    if not stat.S_ISDIR(st.st_mode):
        try:
            os.unlink(name, dir_fd=dir_fd)
        except OSError:
            pass
        return
    if depth < 512:  # deeper trees are left for the next pass rather than exhausting fds
        try:
            fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=dir_fd)
        except PermissionError:  # 000 directory: open it with O_PATH, chmod, retry
            fd = _reopen_after_chmod(dir_fd, name)
        except OSError:
            fd = None
        if fd is not None:
            try:
                try:
                    if stat.S_IMODE(os.fstat(fd).st_mode) & 0o700 != 0o700:
                        os.fchmod(fd, 0o700)
                except OSError:
                    pass
                try:
                    children = os.listdir(fd)
                except OSError:
                    children = []
                for child in children:
                    _remove_entry(fd, child, depth + 1, dev)
            finally:
                os.close(fd)
    try:
        os.rmdir(name, dir_fd=dir_fd)
    except OSError:
        pass


def _reopen_after_chmod(dir_fd: int, name: str) -> int | None:
    try:
        path_fd = os.open(name, os.O_PATH | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=dir_fd)
    except OSError:
        return None
    try:
        os.chmod(f"/proc/self/fd/{path_fd}", 0o700)  # fchmod does not take O_PATH fds
        return os.open(f"/proc/self/fd/{path_fd}", os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return None
    finally:
        os.close(path_fd)


def remove_tree(path: str, *, one_file_system: bool = False) -> None:
    """Remove a whole host directory the program wrote into; never raises.

    ``path`` itself must be a directory the trusted parent created (a
    workdir). Only ``path`` and what is under it are ever changed: its parent
    (``/tmp``, ``/dev/shm``) is opened just to remove the name ``path``.

    Args:
        path: The directory.
        one_file_system: Stay on ``path``'s filesystem: anything mounted
            below it (a bind of the host's ``/dev/shm`` left by an interrupted
            debootstrap) is skipped with its contents, never emptied.
    """
    parent, name = os.path.split(os.path.abspath(path))
    if not name:
        return
    try:  # the parent is trusted (where the workdir was made), so it may be reached through links
        parent_fd = os.open(os.path.realpath(parent), os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return
    try:
        dev = None
        if one_file_system:
            try:
                dev = os.stat(name, dir_fd=parent_fd, follow_symlinks=False).st_dev
            except OSError:
                return
        _remove_entry(parent_fd, name, dev=dev)
    finally:
        os.close(parent_fd)

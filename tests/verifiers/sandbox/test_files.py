"""The parent's file moves into and out of workdirs the program controls (no sandbox needed)."""

from __future__ import annotations

import os

import pytest

from rlvr.core.errors import ConfigError
from rlvr.verifiers.sandbox import files as fileops


@pytest.mark.parametrize("path, expected", [("a.txt", "a.txt"), ("./a//b/./c.py", "a/b/c.py"),
                                            ("dir/", "dir")])
def test_check_relpath_normalises(path, expected):
    assert fileops.check_relpath(path) == expected


@pytest.mark.parametrize("path", ["", ".", "/", "/etc/passwd", "..", "a/..", "a/../../b", "x\0y",
                                  "a" * 300, 5, None])
def test_check_relpath_rejects(path):
    with pytest.raises(ConfigError):
        fileops.check_relpath(path)


def test_write_read_list_delete_round_trip(tmp_path):
    fileops.write_tree(str(tmp_path), {"a/b/c.txt": "héllo", "bin.dat": b"\x00\xff", "top.py": ""})
    assert fileops.list_tree(str(tmp_path)) == ["a/b/c.txt", "bin.dat", "top.py"]
    assert fileops.read_tree(str(tmp_path), ["a/b/c.txt", "bin.dat", "missing"], 1 << 20) == {
        "a/b/c.txt": "héllo".encode(), "bin.dat": b"\x00\xff"}
    assert fileops.read_tree(str(tmp_path), ["**/*.txt", "*.py"], 100) == {
        "a/b/c.txt": "héllo".encode(), "top.py": b""}
    assert fileops.read_tree(str(tmp_path), ["bin.dat"], 1) == {"bin.dat": b"\x00"}
    fileops.delete_tree(str(tmp_path), ["a", "top.py", "nothing"])
    assert fileops.list_tree(str(tmp_path)) == ["bin.dat"]


def test_writes_replace_links_instead_of_following_them(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "victim.txt"
    target.write_text("original")
    work = tmp_path / "work"
    work.mkdir()
    os.symlink(target, work / "file.txt")
    os.link(target, work / "hard.txt")
    os.symlink(outside, work / "dir")
    fileops.write_tree(str(work), {"file.txt": "new", "hard.txt": "new"})
    assert target.read_text() == "original"
    assert not os.path.islink(work / "file.txt") and (work / "file.txt").read_text() == "new"
    with pytest.raises(ConfigError):
        fileops.write_tree(str(work), {"dir/evil.txt": "x"})
    assert sorted(p.name for p in outside.iterdir()) == ["victim.txt"]


def test_reads_skip_links_fifos_and_directories(tmp_path):
    (tmp_path / "real.txt").write_text("real")
    os.symlink("/etc/hostname", tmp_path / "link.txt")
    os.symlink("/etc", tmp_path / "etc")
    os.mkfifo(tmp_path / "fifo")  # opening it for reading would block forever
    (tmp_path / "dir").mkdir()
    got = fileops.read_tree(str(tmp_path), ["real.txt", "link.txt", "etc/hostname", "fifo", "dir", "*"], 100)
    assert got == {"real.txt": b"real"}
    assert fileops.list_tree(str(tmp_path)) == ["etc", "fifo", "link.txt", "real.txt"]


def test_remove_tree_handles_unreadable_directories(tmp_path):
    root = tmp_path / "w"
    (root / "locked" / "inner").mkdir(parents=True)
    (root / "locked" / "inner" / "f").write_text("x")
    os.chmod(root / "locked" / "inner", 0)
    os.chmod(root / "locked", 0)
    fileops.remove_tree(str(root))
    assert not root.exists()
    fileops.remove_tree(str(root))  # missing is fine


def test_removal_never_touches_anything_outside_the_tree(tmp_path, monkeypatch):
    """Unremovable entries must not send the parent to the cwd or to the tree's parent directory."""
    parent = tmp_path / "parent"
    root = parent / "w"
    (root / "sub" / "locked").mkdir(parents=True)
    (root / "sub" / "locked" / "f").write_text("x")
    os.chmod(root / "sub" / "locked", 0)
    os.chmod(parent, 0o1777)
    decoy_cwd = tmp_path / "cwd"
    (decoy_cwd / "sub" / "locked").mkdir(parents=True)
    (decoy_cwd / "sub" / "locked" / "f").write_text("decoy")
    (decoy_cwd / "sub" / "keep.txt").write_text("decoy")
    monkeypatch.chdir(decoy_cwd)  # same relative names as inside the workdir
    fileops.delete_tree(str(root), ["sub"])
    assert fileops.list_tree(str(root)) == []
    fileops.remove_tree(str(root))
    assert not root.exists()
    assert oct(parent.stat().st_mode & 0o7777) == oct(0o1777)  # the parent's mode is untouched
    assert (decoy_cwd / "sub" / "locked" / "f").read_text() == "decoy"
    assert (decoy_cwd / "sub" / "keep.txt").read_text() == "decoy"


def test_removal_does_not_follow_symlinks_out_of_the_tree(tmp_path):
    outside = tmp_path / "outside"
    (outside / "d").mkdir(parents=True)
    (outside / "d" / "victim.txt").write_text("alive")
    root = tmp_path / "w"
    (root / "inner").mkdir(parents=True)
    os.symlink(outside, root / "inner" / "link")
    os.symlink(outside / "d", root / "dlink")
    fileops.delete_tree(str(root), ["dlink", "inner"])
    fileops.remove_tree(str(root))
    assert not root.exists()
    assert (outside / "d" / "victim.txt").read_text() == "alive"


def _mount(args: list[str]) -> None:
    import subprocess

    subprocess.run(["mount", *args], check=True, capture_output=True)


def _umount(path) -> None:
    import subprocess

    subprocess.run(["umount", "-l", str(path)], capture_output=True)


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tmpfs needs root (CI runs as root)")
def test_one_file_system_removal_leaves_mounted_filesystems_alone(tmp_path):
    root = tmp_path / "w"
    (root / "mnt").mkdir(parents=True)
    (root / "plain.txt").write_text("x")
    _mount(["-t", "tmpfs", "-o", "size=1m", "tmpfs", str(root / "mnt")])
    try:
        (root / "mnt" / "canary.txt").write_text("alive")
        fileops.remove_tree(str(root), one_file_system=True)
        assert (root / "mnt" / "canary.txt").read_text() == "alive"
        assert not (root / "plain.txt").exists()
    finally:
        _umount(root / "mnt")
    fileops.remove_tree(str(root))
    assert not root.exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="bind mounts need root (CI runs as root)")
def test_image_build_cleanup_never_empties_a_bind_mounted_host_directory(tmp_path):
    """An interrupted debootstrap leaves the host's /dev/shm bound into the rootfs: it must survive."""
    from rlvr.verifiers.sandbox.image import mounts_under, remove_rootfs

    host_dir = tmp_path / "host-shm"  # stands in for the host's /dev/shm
    host_dir.mkdir()
    (host_dir / "canary.txt").write_text("alive")
    build = tmp_path / "rlvr-rootfs-x"
    (build / "root" / "dev" / "shm").mkdir(parents=True)
    (build / "root" / "etc").mkdir()
    (build / "root" / "etc" / "os-release").write_text("x")
    _mount(["--bind", str(host_dir), str(build / "root" / "dev" / "shm")])
    try:
        assert mounts_under(str(build)) == [str(build / "root" / "dev" / "shm")]
        remove_rootfs(str(build), log=lambda line: None)
        assert not build.exists()
        assert (host_dir / "canary.txt").read_text() == "alive"
    finally:
        _umount(build / "root" / "dev" / "shm")

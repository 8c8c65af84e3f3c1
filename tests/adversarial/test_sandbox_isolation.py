"""The sandboxed program as an adversary looking for secrets and ways out.

Each test plants something the program must not reach (a secret in the
host's /tmp, in the venv's and the base interpreter's site-packages, in
$HOME and in the parent's environment; a listener on 127.0.0.1), lets the
program search with everything it has, and shows that it found nothing,
changed nothing on the host, left no process or file behind and that the
sandbox still works. Run for every isolating backend only: the ``process``
backend does not isolate (a program there acts on the real host), so only
its environment scrubbing is checked, with a harmless program.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

from rlvr.verifiers.sandbox import Limits
from rlvr.verifiers.sandbox.bwrap import site_dirs
from rlvr.verifiers.sandbox.testing import backend_or_skip

PROJECT = Path(__file__).resolve().parents[2]
L = Limits(wall_s=20, cpu_s=10)


@pytest.fixture
def sandbox(isolating):
    """Only isolating backends here (the shared ``isolating`` fixture)."""
    return isolating


def run(sandbox, code: str, token: str, **kwargs):
    assert sandbox.isolates, "never point an adversarial program at the host through a non-isolating sandbox"
    result = sandbox.run(["python3", "-c", textwrap.dedent(code), *kwargs.pop("args", [])], limits=L,
                         env={"RLVR_TEST_TOKEN": token}, **kwargs)
    assert result.status == "ok", result
    return result


def still_usable(sandbox, token):
    result = sandbox.run(["python3", "-c", "print(6 * 7)"], env={"RLVR_TEST_TOKEN": token},
                         limits=Limits(wall_s=30, cpu_s=10))
    assert result.ok and result.stdout == b"42\n", result


@pytest.fixture
def planted(token):
    """Secret files where a careless sandbox would show them; removed afterwards."""
    secret = f"{token}-secret"
    places = [Path("/tmp"), Path(sysconfig.get_paths()["purelib"]), Path.home(),
              *(Path(d) for d in site_dirs() if os.access(d, os.W_OK))]
    if os.access("/dev/shm", os.W_OK):
        places.append(Path("/dev/shm"))
    made = []
    try:
        for place in dict.fromkeys(places):
            path = place / f"{secret}.txt"
            path.write_text(secret)
            made.append(path)
        yield secret, made
    finally:
        for path in made:
            path.unlink(missing_ok=True)


SEARCH = """
    import os, sys
    secret = sys.argv[1]
    hits, scanned = [], 0
    skip = ("/proc", "/sys", "/dev")
    for root, dirs, files in os.walk("/", onerror=lambda e: None):
        dirs[:] = [d for d in dirs if os.path.join(root, d) not in skip]
        for name in files + dirs:
            scanned += 1
            path = os.path.join(root, name)
            if secret in name:
                hits.append(path)
            elif name.endswith(".txt") and os.path.isfile(path):
                try:
                    with open(path, "rb") as fh:
                        if secret.encode() in fh.read(1 << 16):
                            hits.append(path)
                except OSError:
                    pass
    for key, value in os.environ.items():
        if secret in value:
            hits.append("env:" + key)
    print(scanned, hits)
    print([os.path.exists(p) for p in sys.argv[2:]])
"""


def test_disk_search_finds_no_project_site_packages_home_or_host_tmp(sandbox, token, planted):
    secret, made = planted
    probes = [str(PROJECT / "rlvr" / "__init__.py"), str(PROJECT / "rlvr" / "verifiers"),
              sysconfig.get_paths()["purelib"], str(Path.home() / ".bashrc"), *map(str, made)]
    result = run(sandbox, SEARCH, token, args=[secret, *probes])
    scanned, exists = result.stdout.decode().splitlines()
    count, hits = scanned.split(" ", 1)
    assert hits == "[]", f"the program found planted secrets: {hits}"
    assert int(count) > 100  # it did look around
    assert exists == str([False] * len(probes))
    still_usable(sandbox, token)


def test_rlvr_and_its_data_cannot_be_imported(sandbox, token):
    code = """
        import importlib.util, sys
        print([importlib.util.find_spec(m) is None for m in ("rlvr", "gymnasium", "numpy", "docker")])
        print([p for p in sys.path if "site-packages" in p or "dist-packages" in p])
    """
    result = run(sandbox, code, token)
    missing, _ = result.stdout.decode().splitlines()
    assert missing == "[True, True, True, True]"


def test_parent_environment_and_memory_are_out_of_reach(sandbox, token, monkeypatch):
    parent_secret = f"{token}-parent-env"
    monkeypatch.setenv("RLVR_PARENT_SECRET", parent_secret)
    kept_in_memory = (parent_secret + "-in-memory").encode()  # noqa: F841  (lives in this process's heap)
    code = """
        import json, os, sys
        secret = bytes.fromhex(sys.argv[1])[::-1]  # never appears verbatim in any argv
        pids = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
        found, readable, cmdlines = [], 0, []
        for pid in pids:
            if pid == os.getpid():  # its own heap holds the decoded secret
                continue
            for name in ("environ", "cmdline"):
                try:
                    data = open(f"/proc/{pid}/{name}", "rb").read()
                    readable += 1
                    if secret in data:
                        found.append((pid, name))
                    if name == "cmdline":
                        cmdlines.append(data.decode(errors="replace"))
                except OSError:
                    pass
            try:  # the memory itself, region by region
                maps = open(f"/proc/{pid}/maps").read().splitlines()
                with open(f"/proc/{pid}/mem", "rb", 0) as mem:
                    for line in maps[:200]:
                        lo, hi = (int(x, 16) for x in line.split()[0].split("-"))
                        if "rw" not in line.split()[1] or hi - lo > 64 << 20:
                            continue
                        try:
                            mem.seek(lo)
                            if secret in mem.read(hi - lo):
                                found.append((pid, "mem"))
                        except (OSError, ValueError, OverflowError):
                            pass
            except OSError:
                pass
        print(pids)
        print(found, os.getppid())
        print(json.dumps(cmdlines))
    """
    result = run(sandbox, code, token, args=[parent_secret.encode()[::-1].hex()])
    pids_line, found_line, cmdlines = result.stdout.decode().splitlines()
    pids = json.loads(pids_line)
    assert len(pids) <= 6, f"the program sees other processes: {pids}"
    assert found_line.startswith("[] "), f"parent data reachable: {found_line}"
    for cmdline in json.loads(cmdlines):  # only the sandbox's own processes are visible
        assert str(PROJECT) not in cmdline and ".venv" not in cmdline and "xdist" not in cmdline


def test_no_network_not_even_the_hosts_loopback(sandbox, token):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    port = listener.getsockname()[1]
    host_ips = {"127.0.0.1"}
    try:
        host_ips.add(socket.gethostbyname(socket.gethostname()))
    except OSError:
        pass
    code = """
        import socket, sys, json
        port = int(sys.argv[1])
        out = {}
        for ip in sys.argv[2:] + ["172.17.0.1", "1.1.1.1", "8.8.8.8"]:
            s = socket.socket()
            s.settimeout(1.0)
            try:
                s.connect((ip, port if ip in sys.argv[2:] else 53))
                out[ip] = "CONNECTED"
            except OSError as e:
                out[ip] = type(e).__name__
            finally:
                s.close()
        try:
            socket.getaddrinfo("deb.debian.org", 80)
            out["dns"] = "RESOLVED"
        except OSError as e:
            out["dns"] = type(e).__name__
        ifaces = [name for _, name in socket.if_nameindex()]
        print(json.dumps({"results": out, "ifaces": ifaces}))
    """
    try:
        result = run(sandbox, code, token, args=[str(port), *sorted(host_ips)])
        report = json.loads(result.stdout)
        assert "CONNECTED" not in report["results"].values(), report
        assert report["results"]["dns"] != "RESOLVED"
        assert set(report["ifaces"]) <= {"lo"}, report
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody ever knocked
    finally:
        listener.close()


def test_writes_outside_the_workdir_fail_or_stay_private(sandbox, token):
    # Creates (never deletes) one file named after the token; on the host none may appear.
    targets = ["/", "/usr", "/usr/lib", "/etc", "/root", "/home", "/bin", sys.base_prefix,
               os.path.dirname(os.__file__), *site_dirs(), str(PROJECT), "/tmp", "/work", "/dev/shm", "/var"]
    code = """
        import json, os, sys
        name = sys.argv[1]
        ok = []
        for d in sys.argv[2:]:
            try:
                with open(os.path.join(d, name), "x") as fh:
                    fh.write("x")
                ok.append(d)
            except OSError:
                pass
        print(json.dumps(sorted(set(ok))))
    """
    result = run(sandbox, code, token, args=[token, *targets])
    writable = json.loads(result.stdout)
    assert set(writable) <= {"/tmp", "/work", "/dev/shm"}, writable
    assert "/work" in writable
    for d in targets:  # nothing appeared on the host
        assert not os.path.exists(os.path.join(d, token)), d
    still_usable(sandbox, token)


def test_identity_and_privileges(sandbox, token):
    code = """
        import json, os
        status = open("/proc/self/status").read()
        caps = [l.split()[1] for l in status.splitlines() if l.startswith(("CapEff", "CapPrm", "CapAmb"))]
        nnp = [l.split()[1] for l in status.splitlines() if l.startswith("NoNewPrivs")]
        print(json.dumps([os.getuid() != 0, os.geteuid() != 0, caps, nnp]))
    """
    result = run(sandbox, code, token)
    not_root, not_euid_root, caps, nnp = json.loads(result.stdout)
    assert not_root and not_euid_root
    assert set(caps) == {"0000000000000000"}
    assert nnp == ["1"]


def test_process_backend_still_scrubs_the_environment(token, monkeypatch):
    sandbox = backend_or_skip("process")
    monkeypatch.setenv("RLVR_PARENT_SECRET", token + "-env")
    result = sandbox.run(["python3", "-c", "import os; print(sorted(os.environ))"],
                         env={"RLVR_TEST_TOKEN": token})
    assert result.ok
    assert b"RLVR_PARENT_SECRET" not in result.stdout

"""One run per backend: statuses, exit codes, stdin, files in and out, limits."""

from __future__ import annotations

import json
import os
import signal
import sys

import pytest

from rlvr.core.errors import ConfigError
from rlvr.verifiers.sandbox import Limits, RunResult

FAST = Limits(wall_s=10, cpu_s=5)


def run(sandbox, code: str, token: str, *, limits: Limits = FAST, **kwargs) -> RunResult:
    env = {"RLVR_TEST_TOKEN": token, **kwargs.pop("env", {})}
    return sandbox.run(["python3", "-c", code], limits=limits, env=env, **kwargs)


def test_ok_with_stdin_stdout_stderr_and_exit_code(sandbox, token):
    code = "import sys; data = sys.stdin.read(); print(data.upper(), end=''); print('err', file=sys.stderr); sys.exit(3)"
    result = run(sandbox, code, token, stdin="hello\nworld\n")
    assert result.status == "ok", result
    assert result.exit_code == 3 and result.signal is None
    assert result.stdout == b"HELLO\nWORLD\n"
    assert result.stderr == b"err\n"
    assert 0 < result.wall_s < 10
    assert not result.ok
    clean = run(sandbox, "print('fine')", token)
    assert clean.ok and clean.stdout == b"fine\n"


def test_large_stdin_and_binary_output(sandbox, token):
    blob = bytes(range(256)) * 4096  # 1 MiB, every byte value
    code = "import sys; d = sys.stdin.buffer.read(); sys.stdout.buffer.write(d[::-1])"
    result = run(sandbox, code, token, stdin=blob, limits=Limits(wall_s=20, cpu_s=10, output_bytes=2 << 20))
    assert result.status == "ok" and result.exit_code == 0
    assert result.stdout == blob[::-1]


def test_files_in_and_collected_out(sandbox, token):
    files = {"main.py": "import helper, os\nprint(helper.VALUE, os.getcwd())\n"
                        "os.makedirs('out/deep', exist_ok=True)\n"
                        "open('out/deep/report.xml', 'w').write('<ok/>')\n"
                        "open('result.txt', 'wb').write(bytes([0, 255]))\n",
             "helper.py": "VALUE = 41 + 1\n",
             "data/input.txt": b"\x00binary\xff"}
    result = sandbox.run(["python3", "main.py"], files=files, limits=FAST, env={"RLVR_TEST_TOKEN": token},
                         collect=["result.txt", "out/**/*.xml", "missing.txt", "data/input.txt"])
    assert result.status == "ok" and result.exit_code == 0, result
    value, cwd = result.stdout.split()
    assert value == b"42"
    assert result.files == {"result.txt": b"\x00\xff", "out/deep/report.xml": b"<ok/>",
                            "data/input.txt": b"\x00binary\xff"}
    if sandbox.isolates:
        assert cwd == b"/work"


def test_each_run_starts_in_an_empty_private_workdir(sandbox, token):
    first = run(sandbox, "open('left.txt', 'w').write('x'); import os; print(sorted(os.listdir('.')))", token)
    second = run(sandbox, "import os; print(sorted(os.listdir('.')))", token)
    assert first.stdout.strip() == b"['left.txt']"
    assert second.stdout.strip() == b"[]"


def test_python3_is_the_sandbox_interpreter_without_site_packages(sandbox, token):
    code = ("import sys, importlib.util as u\n"
            "print(sys.flags.ignore_environment, sys.flags.no_user_site)\n"
            "print(u.find_spec('rlvr') is None, u.find_spec('gymnasium') is None, u.find_spec('numpy') is None)\n"
            "print(sys.executable)")
    result = run(sandbox, code, token, env={"PYTHONPATH": "/nonexistent", "PYTHONSTARTUP": "/x"})
    assert result.ok, result
    flags, missing, exe = result.stdout.decode().splitlines()
    assert flags == "1 1"
    assert ".venv" not in exe and exe != sys.executable
    if sandbox.isolates:
        assert missing == "True True True"


def test_scrubbed_environment(sandbox, token, monkeypatch):
    monkeypatch.setenv("RLVR_PARENT_SECRET", token + "-parent")
    code = "import os, json; print(json.dumps(dict(os.environ)))"
    result = run(sandbox, code, token, env={"EXTRA": "yes"})
    env = json.loads(result.stdout)
    assert "RLVR_PARENT_SECRET" not in env and token + "-parent" not in result.stdout.decode()
    assert env["EXTRA"] == "yes" and env["LANG"] == "C.UTF-8" and env["PYTHONDONTWRITEBYTECODE"] == "1"
    assert "/usr/bin" in env["PATH"]
    if sandbox.isolates:
        assert env["HOME"] == "/work"


def test_wall_clock_timeout(sandbox, token):
    result = run(sandbox, "import time; print('started', flush=True); time.sleep(60)", token,
                 limits=Limits(wall_s=3.0, cpu_s=5))
    assert result.status == "timeout" and result.exit_code is None
    assert result.stdout == b"started\n"  # output before the kill is kept
    assert 2.9 <= result.wall_s < 10  # killed at 3 s; the rest is the kill on a loaded box


def test_cpu_limit_is_a_timeout(sandbox, token):
    result = run(sandbox, "while True: pass", token, limits=Limits(wall_s=20, cpu_s=1))
    assert result.status == "timeout", result
    assert result.signal in (signal.SIGXCPU, signal.SIGKILL)
    assert result.wall_s < 10


def test_memory_limit(sandbox, token):
    result = run(sandbox, "x = bytearray(1 << 31)", token, limits=Limits(wall_s=20, memory_mb=256))
    assert result.status == "memory", result
    ok = run(sandbox, "x = bytearray(64 << 20); print(len(x))", token, limits=Limits(wall_s=20, memory_mb=256))
    assert ok.ok and ok.stdout == b"67108864\n"


@pytest.mark.parametrize("stream", ["stdout", "stderr"])
def test_output_cap_exact_and_exceeded(sandbox, token, stream):
    limits = Limits(wall_s=20, output_bytes=1000)
    exact = run(sandbox, f"import sys; sys.{stream}.write('x' * 1000)", token, limits=limits)
    assert exact.status == "ok" and len(getattr(exact, stream)) == 1000
    over = run(sandbox, f"import sys; sys.{stream}.write('x' * 1001)", token, limits=limits)
    assert over.status == "output_limit", over
    assert getattr(over, stream) == b"x" * 1000


def test_fatal_signal(sandbox, token):
    result = run(sandbox, "import os, signal; os.kill(os.getpid(), signal.SIGABRT)", token)
    assert result.status == "signal" and result.signal == signal.SIGABRT and result.exit_code is None


def test_file_size_and_open_files_limits(sandbox, token):
    code = ("import os\n"
            "try:\n    open('big', 'wb').write(b'x' * (3 << 20))\nexcept OSError as e:\n    print('fsize', e.errno)\n"
            "print(os.path.getsize('big') <= (2 << 20))\n"
            "fds = []\n"
            "try:\n    [fds.append(open('/dev/null')) for _ in range(1000)]\nexcept OSError as e:\n    print('nofile', e.errno)\n"
            "print(len(fds) < 32)")
    result = run(sandbox, code, token, limits=Limits(wall_s=20, file_size_mb=2, open_files=32))
    assert result.ok, result
    assert result.stdout.decode().split() == ["fsize", "27", "True", "nofile", "24", "True"]


def test_missing_command_is_the_programs_failure_not_infrastructure(sandbox, token):
    result = sandbox.run(["no-such-command-xyz"], limits=FAST, env={"RLVR_TEST_TOKEN": token})
    assert result.status == "ok" and result.exit_code in (126, 127), result


def test_shell_commands_work(sandbox, token):
    result = sandbox.run(["sh", "-c", "echo a > f && cat f && ls"], limits=FAST, env={"RLVR_TEST_TOKEN": token})
    assert result.ok and result.stdout == b"a\nf\n"


def test_tmp_is_writable_and_private(isolating, token):
    code = f"open('/tmp/{token}', 'w').write('x'); import os; print(os.listdir('/tmp'))"
    first = run(isolating, code, token)
    assert first.ok and first.stdout.strip() == f"['{token}']".encode(), first
    second = run(isolating, "import os; print(os.listdir('/tmp'))", token)
    assert second.stdout.strip() == b"[]"
    assert not os.path.exists(f"/tmp/{token}")


@pytest.mark.parametrize("argv", [[], "python3 -c pass", ["python3", 3], ["a\0b"]])
def test_bad_argv_is_a_config_error(sandbox, argv):
    with pytest.raises(ConfigError):
        sandbox.run(argv)


@pytest.mark.parametrize("path", ["../x", "/etc/passwd", "a/../../b", "", ".", "a\0b"])
def test_bad_file_paths_are_config_errors(sandbox, path):
    with pytest.raises(ConfigError):
        sandbox.run(["true"], files={path: "x"})


def test_limits_are_validated():
    with pytest.raises(ConfigError):
        Limits(wall_s=0)
    with pytest.raises(ConfigError):
        Limits(memory_mb=-1)
    with pytest.raises(ConfigError):
        Limits(open_files=3)
    with pytest.raises(ConfigError):
        Limits(cpu_s=True)

"""SWE-bench instances in SWE-v0: load them, open a workspace in the instance's image, grade.

```python
env = gym.make("rlvr/SWE-v0", source="swebench", dataset="swe-bench-lite.jsonl",
               image="swebench/sweb.eval.x86_64.{key}:latest")
```

An instance (``instance_id, repo, base_commit, problem_statement, patch,
test_patch, FAIL_TO_PASS, PASS_TO_PASS``; the two lists may be JSON strings)
runs in a user-named Docker image per instance laid out like SWE-bench's own
images: the repository checked out at ``base_commit`` in ``/testbed``.
The image's tree is streamed out once through the Docker API (``get_archive``
of a never-started container), without ``.git``, re-owned by the sandbox
user and put into the workspace volume (``put_archive``); where the image has
git, the workspace gets one fresh commit, so no history (and no later commit
holding the fix) is reachable. ``test_patch`` never enters the workspace: at
grading, a fresh container gets the pristine tree, the policy's source
changes (test files, conftest.py, configuration ignored, as for bundled
tasks), and the test files with ``test_patch`` applied in Python (images need
neither git nor patch); then the FAIL_TO_PASS and PASS_TO_PASS ids run under
rlvr's trusted pytest runner with the image's interpreter.

Only pytest-style test ids are supported (most SWE-bench repositories);
instances whose ids come from other harnesses (Django's runtests, SymPy's
bin/test) are not.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import tarfile
import threading
import time
from dataclasses import dataclass
from typing import Any, Sequence

from rlvr.core.errors import ConfigError, require
from rlvr.core.verdict import Verdict
from rlvr.envs.swe.patches import apply_patch, patched_paths
from rlvr.envs.swe.task import SweTask
from rlvr.envs.swe.tools import Workspace
from rlvr.verifiers.sandbox.base import Limits
from rlvr.verifiers.swe import MAX_CHANGED_BYTES, ignored_reason, judge
from rlvr.verifiers.swe_pytest import interpret, runner_call

WORKDIR = "/testbed"
#: Default image name template: SWE-bench's own naming on Docker Hub.
DEFAULT_IMAGE = "swebench/sweb.eval.x86_64.{key}:latest"
CONDA_PYTHON = "/opt/miniconda3/envs/testbed/bin/python"
_FIELDS = ("instance_id", "repo", "base_commit", "problem_statement", "patch", "test_patch",
           "FAIL_TO_PASS", "PASS_TO_PASS")
_NOBODY = 65534


def _id_list(value: Any, field: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        try:
            value = json.loads(value) if value.strip() else []
        except ValueError:
            raise ConfigError(f"{where}: {field} is a string that is not a JSON list") from None
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {field} must be a list of test ids (or a JSON string of one)")
    return tuple(value)


def image_name(template: str, record: dict[str, Any]) -> str:
    """The image of an instance: ``template`` with ``{instance_id}``, ``{key}``, ``{repo}`` filled in.

    ``{key}`` is SWE-bench's image key: the id in lower case with ``__`` as ``_1776_``.
    """
    instance = str(record["instance_id"])
    try:
        return template.format(instance_id=instance, key=instance.lower().replace("__", "_1776_"),
                               repo=str(record.get("repo", "")).replace("/", "__"))
    except (KeyError, IndexError) as exc:
        raise ConfigError(f"image template {template!r} uses an unknown field {exc}; use {{instance_id}}, "
                          f"{{key}} or {{repo}}") from None


def instance_task(record: dict[str, Any], index: int = 0, image: str | None = None,
                  python: str | None = None) -> SweTask:
    """One SWE-bench record as a :class:`SweTask` (``kind="swebench"``, the repository lives in the image)."""
    where = f"swebench instance {index}"
    if not isinstance(record, dict):
        raise ConfigError(f"{where} must be a dict with {_FIELDS}, got {type(record).__name__}")
    missing = [f for f in _FIELDS if f not in record]
    if missing:
        raise ConfigError(f"{where} ({record.get('instance_id', '?')}) lacks {missing}; expected {_FIELDS}")
    image_ref = record.get("image") or image_name(image or DEFAULT_IMAGE, record)
    return SweTask(
        id=str(record["instance_id"]), repo=str(record["repo"]),
        problem_statement=str(record["problem_statement"]), files={}, hidden_files={},
        gold_patch=str(record["patch"]),
        fail_to_pass=_id_list(record["FAIL_TO_PASS"], "FAIL_TO_PASS", where),
        pass_to_pass=_id_list(record["PASS_TO_PASS"], "PASS_TO_PASS", where),
        kind="swebench", image=image_ref,
        meta={"base_commit": str(record["base_commit"]), "test_patch": str(record["test_patch"]),
              "workdir": WORKDIR, "python": python})


def load_swebench(dataset: str, *, split: str = "test", limit: int | None = None,
                  image: str | None = None, python: str | None = None) -> list[SweTask]:
    """SWE-bench instances from a local JSON/JSONL file or the Hugging Face hub (``datasets``).

    Args:
        dataset: A ``.json`` (a list of records) or ``.jsonl`` file, or a hub
            name such as ``"princeton-nlp/SWE-bench_Lite"``.
        split: Hub split.
        limit: Keep the first ``limit`` instances.
        image: Image name template (see :func:`image_name`); a record's own
            ``"image"`` field wins.
        python: Interpreter in the image (default: the SWE-bench conda env's
            python where the image has it, else ``python3``).
    """
    if os.path.exists(dataset):
        with open(dataset, encoding="utf-8") as fh:
            text = fh.read()
        if dataset.endswith(".jsonl"):
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            data = json.loads(text)
            records = data if isinstance(data, list) else [data]
    else:
        datasets = require("datasets", "swe", "Loading SWE-bench from the hub")
        records = [dict(r) for r in datasets.load_dataset(dataset, split=split)]
    if limit is not None:
        records = records[:limit]
    if not records:
        raise ConfigError(f"dataset {dataset!r} holds no SWE-bench instances")
    return [instance_task(r, i, image, python) for i, r in enumerate(records)]


# ----------------------------------------------------------------- image trees
@dataclass(frozen=True)
class ImageTree:
    """The repository an image holds at ``/testbed``: a tar ready for ``put_archive`` and file hashes."""

    tar: bytes
    hashes: dict[str, str]

    def read(self, paths: Sequence[str]) -> dict[str, str]:
        wanted, out = set(paths), {}
        with tarfile.open(fileobj=io.BytesIO(self.tar)) as tar:
            for member in tar:
                if member.name in wanted and member.isreg():
                    out[member.name] = tar.extractfile(member).read().decode("utf-8", "surrogateescape")
        return out


_trees: dict[str, ImageTree] = {}
_trees_lock = threading.Lock()


def image_tree(sandbox: Any) -> ImageTree:
    """The image's ``/testbed`` without ``.git``, owned by the sandbox user (cached per image id)."""
    with _trees_lock:
        if sandbox.image_id in _trees:
            return _trees[sandbox.image_id]
    api = sandbox.api
    cid = api.create_container(sandbox.image_id, command=["true"], network_disabled=True,
                               labels={"rlvr.sandbox": "probe"})["Id"]
    out, hashes = io.BytesIO(), {}
    try:
        stream, _ = api.get_archive(cid, WORKDIR + "/.")
        from rlvr.verifiers.sandbox.docker import _Stream

        with tarfile.open(fileobj=_Stream(stream), mode="r|") as src, \
                tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as dst:
            for member in src:
                rel = member.name.split("/", 1)[1] if "/" in member.name else ""
                if not rel or rel == ".git" or rel.startswith(".git/") or \
                        member.type not in (tarfile.REGTYPE, tarfile.DIRTYPE, tarfile.SYMTYPE):
                    continue
                member.name, member.uid, member.gid, member.uname, member.gname = rel, _NOBODY, _NOBODY, "", ""
                data = src.extractfile(member).read() if member.isreg() else None
                if data is not None:
                    hashes[rel] = hashlib.sha256(data).hexdigest()
                dst.addfile(member, io.BytesIO(data) if data is not None else None)
    finally:
        api.remove_container(cid, force=True)
    tree = ImageTree(out.getvalue(), hashes)
    with _trees_lock:
        _trees[sandbox.image_id] = tree
    return tree


_sandboxes: dict[tuple[str, str | None], Any] = {}


def instance_sandbox(task: SweTask):
    """A docker sandbox in the instance's image, working in ``/testbed`` with the image's interpreter."""
    from rlvr.verifiers.sandbox.docker import DockerSandbox, _image_has

    key = (task.image, task.meta.get("python"))
    with _trees_lock:
        if key in _sandboxes:
            return _sandboxes[key]
    probe = DockerSandbox(image=task.image, workdir=WORKDIR)
    python = task.meta.get("python") or (CONDA_PYTHON if _image_has(probe.api, probe.image_id, CONDA_PYTHON)
                                         else "python3")
    sandbox = probe if python == "python3" else DockerSandbox(image=task.image, workdir=WORKDIR, python=python)
    with _trees_lock:
        _sandboxes[key] = sandbox
    return sandbox


def _seeded_session(sandbox: Any, tree: ImageTree, limits: Limits):
    session = sandbox.session(limits=limits)
    try:
        session.api.put_archive(session.container_id, WORKDIR, tree.tar)
    except BaseException:
        session.close()
        raise
    return session


def open_workspace(task: SweTask, limits: Limits) -> Workspace:
    """The policy's workspace: the instance image's repository at ``/testbed``, one fresh commit, no history."""
    from rlvr.envs.swe.env import GIT_INIT, WORKSPACE_ENV

    sandbox = instance_sandbox(task)
    session = _seeded_session(sandbox, image_tree(sandbox), limits)
    env = {**WORKSPACE_ENV, "PYTHONPATH": WORKDIR}
    if sandbox.python != "python3":
        env["PATH"] = f"{os.path.dirname(sandbox.python)}:/usr/local/bin:/usr/bin:/bin"
    workspace = Workspace(session, env=env, limits=limits, workdir=WORKDIR)
    workspace.run(["bash", "-c", GIT_INIT], 300)
    return workspace


def _workspace_changes(session: Any, tree: ImageTree) -> tuple[dict[str, bytes], list[str], int]:
    """(changed or new source files, deleted source files, ignored changed files) by content hash."""
    top_dirs = {p.split("/", 1)[0] for p in tree.hashes if "/" in p}
    written: dict[str, bytes] = {}
    seen: set[str] = set()
    ignored = 0
    for rel, member, data in session._members(64 << 20):
        if rel == ".git" or rel.startswith(".git/") or member.isdir():
            continue
        seen.add(rel)
        if data is None or tree.hashes.get(rel) == hashlib.sha256(data).hexdigest():
            continue
        if ignored_reason(rel) is not None or (rel not in tree.hashes and rel.split("/", 1)[0] not in top_dirs):
            ignored += 1
            continue
        written[rel] = data
    deleted = sorted(p for p in tree.hashes if p not in seen and ignored_reason(p) is None)
    return written, deleted, ignored


def grade_swebench(task: SweTask, workspace: Workspace, *, timeout_s: float = 600.0) -> Verdict:
    """Grade an instance: pristine tree + the policy's source changes + ``test_patch``, in a fresh container."""
    try:
        sandbox = instance_sandbox(task)
        tree = image_tree(sandbox)
        written, deleted, ignored = _workspace_changes(workspace.session, tree)
    except Exception as exc:
        return Verdict.error("workspace_unreadable", message=f"{type(exc).__name__}: {str(exc)[:200]}")
    extra = {"changed_files": sorted(written), "deleted_files": deleted, "ignored_files": ignored}
    if sum(len(v) for v in written.values()) > MAX_CHANGED_BYTES:
        return Verdict.incorrect("too_large", message="the source changes are too large to grade", **extra)
    test_patch = task.meta.get("test_patch", "")
    try:
        touched = patched_paths(test_patch)
        tests = apply_patch(tree.read(touched), test_patch) if test_patch else {}
    except ConfigError as exc:
        return Verdict.error("bad_test_patch", message=str(exc)[:300], **extra)
    call = runner_call(sorted(set(tree.hashes) | set(written) | set(tests)), task.all_test_ids,
                       timeout_s=timeout_s, memory_mb=4096, import_mode="prepend", check_import_hooks=False)
    limits = dataclasses.replace(call.limits, disk_mb=8192)
    start = time.monotonic()
    try:
        session = _seeded_session(sandbox, tree, limits)
    except Exception as exc:
        return Verdict.error("sandbox_error", message=f"{type(exc).__name__}: {str(exc)[:300]}", **extra)
    try:
        if deleted:
            session.delete_files(deleted)
        session.write_files({**written, **tests})
        for gone in (p for p in touched if p not in tests):
            session.delete_files([gone])
        result = session.run(call.argv, stdin=call.stdin, limits=limits, env=call.env)
    except Exception as exc:
        return Verdict.error("sandbox_error", message=f"{type(exc).__name__}: {str(exc)[:300]}", **extra)
    finally:
        session.close()
    run = interpret(result, call.nonce, task.all_test_ids, wall_s=time.monotonic() - start)
    return judge(run, task.fail_to_pass, task.pass_to_pass, extra)

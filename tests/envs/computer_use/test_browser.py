"""The browser side of ComputerUse-v0: the page walk, the session lifecycle, crashes, hangs, leaks."""

from __future__ import annotations

import os
import signal
import sys
import time

import pytest

pytest.importorskip("playwright.sync_api", reason="rlvr[computer-use] (playwright) is not installed")

sys.path.insert(0, os.path.dirname(__file__))
from cu_pages import TinySuite, call  # noqa: E402

from rlvr.envs.computer_use.browser import BrowserSession, find_chromium, marked_processes, rss_bytes  # noqa: E402
from rlvr.envs.computer_use.env import ComputerUseEnv  # noqa: E402

if find_chromium() is None and not os.environ.get("CI"):
    pytest.skip("no Chromium on PATH (apt-get install chromium)", allow_module_level=True)


def make_env(task: str = "button", **kwargs) -> ComputerUseEnv:
    return ComputerUseEnv(suite=TinySuite(), task=task, obs_mode="text", **kwargs)


@pytest.fixture(scope="module")
def form_env():
    env = make_env("form")
    yield env
    env.close()


# ------------------------------------------------------------------ page walk
def test_tree_names_values_and_roles(form_env):
    form_env.reset(seed=0)
    obs = form_env.observation
    assert obs.find("heading", "Profile").id is None
    assert obs.find("text", "Fill in the form, then press Save.") is not None   # whitespace collapsed
    assert obs.find("textbox", "Full name").value == "old text"                  # <label for>
    assert obs.find("textbox", "E-mail address").value == ""                     # placeholder
    assert obs.find("textbox", "Password").value == "•••"                        # aria-label; value masked
    assert obs.find("textbox", "About you").value == "hello"                     # title, textarea
    colour = obs.find("combobox", "Colour")
    assert colour.value == "Red"
    assert [n.name for n in obs.find_all("option")] == ["Red", "Green", "Blue"]
    assert obs.find("checkbox", "I agree").checked is False                      # wrapping <label>
    assert obs.find(name="Logo picture").id is not None                          # alt
    assert obs.find(name="Clickable span").role == "clickable"                   # addEventListener('click')
    assert obs.find("tab", "Tab one").selected is True
    assert obs.find("textbox", "Notes").value == "note text"                     # contenteditable
    # a label that names a control is not repeated as text
    assert obs.find("text", "I agree") is None and obs.find("text", "Full name") is None


def test_hidden_elements_are_skipped(form_env):
    form_env.reset(seed=0)
    text = form_env.observation.text()
    for hidden in ("Hidden by display", "Hidden by visibility", "Hidden by aria", "Zero size"):
        assert hidden not in text


def test_text_runs_are_cut_to_120_characters(form_env):
    form_env.reset(seed=0)
    long = [n for n in form_env.observation.nodes if n.role == "text" and n.name.startswith("word word")]
    assert len(long) == 1 and len(long[0].name) == 120 and long[0].name.endswith("…")


def test_ids_are_stable_and_never_reused():
    env = make_env("button")
    try:
        env.reset(seed=0)
        before = {n.name: n.id for n in env.observation.nodes if n.id is not None}
        env.step(call("click", id=before["Add"]))
        env.step(call("click", id=before["Add"]))
        after = {n.name: n.id for n in env.observation.nodes if n.id is not None}
        for name, node_id in before.items():
            assert after[name] == node_id                       # same element, same id
        assert after["New 1"] > max(before.values()) and after["New 2"] > after["New 1"]
        # a page that clones an element (attribute and all) does not create a duplicate id
        env.page.evaluate("() => document.body.appendChild(document.querySelector('button').cloneNode(true))")
        env.step(call("press", key="Shift"))
        ids = [n.id for n in env.observation.nodes if n.id is not None]
        assert len(ids) == len(set(ids))
        # ids are written on the elements, and the same element keeps its id
        first = env.observation.find("button", env.episode.word)
        assert env.page.evaluate(f"() => document.querySelector('[data-rlvr-id=\"{first.id}\"]').textContent") \
            == env.episode.word
    finally:
        env.close()


def test_the_walk_is_one_round_trip_and_fast(form_env):
    form_env.reset(seed=0)
    from rlvr.envs.computer_use.page_tree import read_tree

    start = time.perf_counter()
    for _ in range(10):
        read_tree(form_env.page)
    assert (time.perf_counter() - start) / 10 < 0.25   # generous: shared CI machines


# ------------------------------------------------------------- the network
def test_network_requests_are_blocked(form_env):
    form_env.reset(seed=0)
    outcome = form_env.page.evaluate("""async () => {
        try { await fetch('http://example.com/'); return 'loaded'; } catch (e) { return 'blocked'; } }""")
    assert outcome == "blocked"
    outcome = form_env.page.evaluate("""async () => {
        try { await fetch('https://1.1.1.1/'); return 'loaded'; } catch (e) { return 'blocked'; } }""")
    assert outcome == "blocked"


def test_each_episode_gets_fresh_page_state(form_env):
    form_env.reset(seed=0)
    form_env.page.evaluate("() => { window.leftover = 1; }")
    form_env.reset(seed=0)
    assert form_env.page.evaluate("() => window.leftover === undefined")


# ------------------------------------------------------- crashes and hangs
def test_browser_crash_mid_episode_is_a_masked_error_and_reset_recovers():
    env = make_env("button")
    try:
        env.reset(seed=0)
        first = env.browser.processes()
        assert first
        env.browser.kill()                       # the whole browser dies
        _, reward, terminated, truncated, info = env.step(call("click", id=1))
        assert terminated and reward == 0.0
        assert info["verdict"]["status"] == "error" and info["verdict"]["masked"] is True
        env.reset(seed=0)                         # relaunches
        assert env.browser.launches == 2
        node = env.observation.find("button", env.episode.word)
        env.step(call("click", id=node.id))
        _, reward, terminated, _, info = env.step(call("done"))
        assert reward == 1.0 and info["verdict"]["status"] == "correct"
        assert not set(first) & set(env.browser.processes())
    finally:
        env.close()


def test_renderer_crash_is_a_masked_error():
    env = make_env("button")
    try:
        env.reset(seed=0)
        renderers = [pid for pid in env.browser.processes() if b"--type=renderer" in open(
            f"/proc/{pid}/cmdline", "rb").read()]
        assert renderers
        for pid in renderers:
            os.kill(pid, signal.SIGKILL)
        _, reward, terminated, _, info = env.step(call("click", id=1))
        assert terminated and info["verdict"]["status"] == "error" and info["verdict"]["masked"]
        env.reset(seed=0)
        _, reward, terminated, _, info = env.step(call("done"))
        assert info["verdict"]["status"] == "incorrect"       # works again; nothing pressed
    finally:
        env.close()


def test_hung_page_is_killed_and_reported(tmp_path):
    env = make_env("button", hang_timeout_s=2.0)
    try:
        env.reset(seed=0)
        freeze = env.observation.find("button", "Freeze")
        start = time.monotonic()
        _, reward, terminated, _, info = env.step(call("click", id=freeze.id))
        assert time.monotonic() - start < 15
        assert terminated and info["verdict"]["status"] == "error" and info["verdict"]["masked"]
        obs, _ = env.reset(seed=1)
        assert "Press" in obs
    finally:
        env.close()


def test_close_leaves_no_process():
    env = make_env("button")
    env.reset(seed=0)
    markers = env.browser.markers
    assert len(markers) == 2 and len(marked_processes(*markers)) > len(marked_processes(markers[0]))
    env.close()
    deadline = time.monotonic() + 5
    while marked_processes(*markers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marked_processes(*markers) == []
    env.close()   # twice is fine


def test_chromium_is_found_or_configured(monkeypatch, tmp_path):
    assert find_chromium() is not None
    monkeypatch.setenv("RLVR_CHROMIUM", str(tmp_path / "nope"))
    from rlvr.core.errors import ConfigError

    with pytest.raises(ConfigError, match="RLVR_CHROMIUM"):
        find_chromium()


def test_launch_failure_names_the_fix(tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    session = BrowserSession(executable=str(fake))
    from rlvr.envs.computer_use.browser import BrowserError

    try:
        with pytest.raises(BrowserError, match="apt-get install chromium"):
            session.start()
    finally:
        session.close()


@pytest.mark.slow
def test_thousand_episodes_leak_no_process_and_keep_memory_bounded():
    env = make_env("button", system_prompt="")
    try:
        def episode(seed: int) -> None:
            env.reset(seed=seed)
            node = env.observation.find("button", env.episode.word)
            env.step(call("click", id=node.id))
            _, reward, terminated, _, _ = env.step(call("done"))
            assert terminated and reward == 1.0

        for seed in range(50):
            episode(seed)
        procs_50 = len(env.browser.processes())
        rss_50 = rss_bytes(env.browser.processes())
        self_50 = _self_rss()
        for seed in range(50, 1000):
            episode(seed)
        procs_1000 = len(env.browser.processes())
        rss_1000 = rss_bytes(env.browser.processes())
        self_1000 = _self_rss()
        assert env.browser.launches == 1
        assert procs_1000 <= procs_50 + 1, (procs_50, procs_1000)
        assert rss_1000 < rss_50 + 150 * 2**20, (rss_50, rss_1000)
        assert self_1000 < self_50 + 100 * 2**20, (self_50, self_1000)
        print(f"\nprocesses {procs_50} -> {procs_1000}; browser RSS {rss_50 / 2**20:.0f} -> "
              f"{rss_1000 / 2**20:.0f} MiB; python RSS {self_50 / 2**20:.0f} -> {self_1000 / 2**20:.0f} MiB")
    finally:
        markers = env.browser.markers
        env.close()
    assert marked_processes(*markers) == []


def _self_rss() -> int:
    return rss_bytes([os.getpid()])


def test_document_isolation_reuses_the_page_but_not_its_state():
    env = make_env("button", isolation="document")
    try:
        env.reset(seed=0)
        page = env.page
        page.evaluate("() => { window.leftover = 1; }")
        env.step(call("click", id=env.observation.find("button", env.episode.word).id))
        _, reward, *_ = env.step(call("done"))
        assert reward == 1.0
        env.reset(seed=1)
        assert env.page is page and env.browser.launches == 1
        assert env.page.evaluate("() => [window.leftover, window.pressed]") == [None, None]
        assert env.observation.find("button", env.episode.word).id == 1       # ids restart per document
        _, reward, *_ = env.step(call("done"))
        assert reward == 0.0                                                     # nothing carried over
    finally:
        env.close()
    with pytest.raises(Exception, match="isolation"):
        make_env("button", isolation="none")


def test_document_isolation_clears_storage_of_file_pages():
    pytest.importorskip("miniwob", reason="rlvr[miniwob] is not installed")
    env = ComputerUseEnv(suite="miniwob", task="click-button", obs_mode="text", isolation="document")
    try:
        env.reset(seed=0)
        env.page.evaluate("() => { localStorage.setItem('k', 'v'); sessionStorage.setItem('s', 'v'); }")
        env.reset(seed=1)
        assert env.page.evaluate("() => [localStorage.getItem('k'), sessionStorage.getItem('s')]") == [None, None]
    finally:
        env.close()

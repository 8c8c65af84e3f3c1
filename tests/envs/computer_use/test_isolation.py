"""Per-episode isolation of ComputerUse-v0: nothing an episode does is observable by the next.

The default (``isolation="document"``) reuses one page and scrubs it between
episodes; these tests dirty every kind of page state an episode can reach
(storage of every kind, cookies, window name, history, popups, focus, scroll,
hover, a timer still writing storage) and then check that the next episode
sees exactly what the first episode of a brand-new browser context sees - in
the page's own JavaScript and in the observation.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

pytest.importorskip("playwright.sync_api", reason="rlvr[computer-use] (playwright) is not installed")

sys.path.insert(0, os.path.dirname(__file__))
from cu_pages import TinySuite, call  # noqa: E402

from rlvr.core.verdict import Verdict  # noqa: E402
from rlvr.envs.computer_use.browser import find_chromium  # noqa: E402
from rlvr.envs.computer_use.env import ComputerUseEnv  # noqa: E402
from rlvr.envs.computer_use.suite import Episode  # noqa: E402

if find_chromium() is None and not os.environ.get("CI"):
    pytest.skip("no Chromium on PATH (apt-get install chromium)", allow_module_level=True)

# A file:// page (the origin real suites use, the one with persistent storage) that reports,
# in its own DOM, everything of the browser state it can observe at load.
PROBE_HTML = """<!doctype html><html><body style="margin:0">
<input id="field" aria-label="Field" value="start">
<button id="btn" style="display:block;width:150px;height:60px">Hover target</button>
<p id="seen">pending</p>
<div style="height:3000px">tall</div>
<script>
window.__events = [];
for (const type of ['mouseover', 'mouseenter', 'mousemove', 'focusin'])
  document.addEventListener(type, (e) => window.__events.push(type + ':' + (e.target.id || e.target.nodeName)), true);
(async () => {
  const list = async (f) => { try { return (await f()).join(','); } catch (e) { return 'error: ' + e.name; } };
  const seen = {
    localStorage: Object.keys(localStorage).join(','), sessionStorage: Object.keys(sessionStorage).join(','),
    name: window.name, cookie: document.cookie, opener: window.opener !== null, history: history.length,
    idb: await list(async () => (await indexedDB.databases()).map((d) => d.name)),
    caches: await list(() => caches.keys()),
    scroll: [window.scrollX, window.scrollY], focus: document.activeElement && document.activeElement.nodeName,
    hovered: Array.from(document.querySelectorAll(':hover')).map((e) => e.nodeName).join(','),
    viewport: [window.innerWidth, window.innerHeight, window.devicePixelRatio], hash: location.hash,
  };
  window.__seen = seen;
  document.getElementById('seen').textContent = JSON.stringify(seen);
})();
</script>
</body></html>"""

# What an episode can leave behind, reached through the page's JavaScript.
DIRTY_JS = """async () => {
  localStorage.setItem('ls', '1');
  sessionStorage.setItem('ss', '1');
  window.name = 'leaked-name';
  await new Promise((resolve, reject) => {
    const r = indexedDB.open('leaked-db', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('s');
    r.onsuccess = () => { r.result.close(); resolve(); };
    r.onerror = () => reject(r.error);
  });
  await caches.open('leaked-cache');
  history.pushState({}, '', '#pushed-1');
  history.pushState({}, '', '#pushed-2');
  window.open(location.href.split('#')[0] + '#popup', '_blank');
  // a timer that would keep writing storage if the old document were still alive after the scrub
  setInterval(() => { try { localStorage.setItem('late', String(Date.now())); } catch (e) {} }, 1);
  document.getElementById('field').focus();
  window.scrollTo(0, 900);
  return [localStorage.length, sessionStorage.length, (await indexedDB.databases()).length,
          (await caches.keys()).length, history.length];
}"""


class ProbeEpisode(Episode):
    def __init__(self, url: str) -> None:
        self.task_name = "probe"
        self.url = url
        self.instruction = "Look at the page."

    def setup(self, page: Any) -> None:
        page.wait_for_function("() => window.__seen !== undefined")

    def evaluate(self, page: Any) -> Verdict:
        return Verdict.correct("probed")


class ProbeSuite:
    name = "probe"
    viewport = (400, 300)

    def __init__(self, url: str) -> None:
        self.url = url

    def task_names(self) -> list[str]:
        return ["probe"]

    def make_episode(self, task_name: str, rng: np.random.Generator) -> ProbeEpisode:
        return ProbeEpisode(self.url)


@pytest.fixture(scope="module")
def probe_url(tmp_path_factory) -> str:
    path = Path(tmp_path_factory.mktemp("probe")) / "probe.html"
    path.write_text(PROBE_HTML, encoding="utf-8")
    return path.as_uri()


def _state(env: ComputerUseEnv) -> dict:
    """What the freshly loaded probe page can observe, and what the policy is shown."""
    page = env.page
    page.wait_for_timeout(50)      # let a leftover timer of the old document fire, were it alive
    return {
        "seen": page.evaluate("() => window.__seen"),
        "late_write": page.evaluate("() => localStorage.getItem('late')"),
        "events": page.evaluate("() => window.__events"),
        "pages": len(page.context.pages),
        "cookies": page.context.cookies(),
        "observation": env.observation.text(),
    }


def _wait_for(page: Any, predicate, timeout_s: float = 5.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        page.wait_for_timeout(10)     # (lets Playwright's client take in events, as time.sleep would not)


def _dirty(env: ComputerUseEnv) -> None:
    """Act like an episode that leaves every kind of state behind."""
    page = env.page
    counts = page.evaluate(DIRTY_JS)
    assert counts[:4] == [1, 1, 1, 1] and counts[4] >= 3, counts   # the state really was written
    page.context.add_cookies([{"name": "leaked", "value": "1", "url": "http://example.test/"}])
    _wait_for(page, lambda: len(page.context.pages) == 2)                           # the popup is open
    obs = env.observation
    # real input through the policy's tools: the mouse is left over the button, text typed
    env.step(call("click", id=obs.find("button", "Hover target").id))
    env.step(call("type", id=obs.find("textbox", "Field").id, text="typed by episode one"))
    assert page.evaluate("() => document.getElementById('field').value") == "typed by episode one"
    env.step(call("done"))


@pytest.mark.parametrize("isolation", ["document", "context"])
def test_next_episode_sees_nothing_of_the_last(probe_url, isolation):
    fresh = ComputerUseEnv(suite=ProbeSuite(probe_url), obs_mode="text", isolation="context")
    env = ComputerUseEnv(suite=ProbeSuite(probe_url), obs_mode="text", isolation=isolation)
    try:
        fresh.reset(seed=3)
        expected = _state(fresh)
        # the baseline really is clean (so the comparison below means something)
        assert expected["seen"]["localStorage"] == "" and expected["seen"]["name"] == ""
        assert expected["pages"] == 1 and expected["cookies"] == [] and expected["late_write"] is None

        env.reset(seed=3)
        first_page = env.page
        _dirty(env)
        env.reset(seed=3)
        got = _state(env)
        assert got == expected
        if isolation == "document":
            assert env.page is first_page and env.browser.launches == 1      # reused, not replaced
        # going back leads to the blank page a new tab starts with, never to the last episode
        for _ in range(3):
            env.page.go_back()
            assert env.page.url == "about:blank"
    finally:
        env.close()
        fresh.close()


@pytest.fixture()
def probe_env(probe_url):
    """A ComputerUse env on the probe page with the default isolation, closed after the test."""
    env = ComputerUseEnv(suite=ProbeSuite(probe_url), obs_mode="text")
    yield env
    env.close()


def test_scrub_survives_a_popup_that_navigates_and_an_episode_on_a_data_url(probe_env):
    """An episode that left the file:// page (a data: URL) still has its file:// storage deleted."""
    env = probe_env
    env.reset(seed=0)
    env.page.evaluate("() => { localStorage.setItem('a', '1'); sessionStorage.setItem('b', '2'); }")
    env.page.goto("data:text/html,<p>elsewhere</p>")
    env.page.evaluate("() => { window.open('about:blank'); window.open('about:blank'); }")
    _wait_for(env.page, lambda: len(env.page.context.pages) == 3)
    env.reset(seed=1)
    assert env.page.evaluate("() => [localStorage.length, sessionStorage.length]") == [0, 0]
    assert len(env.page.context.pages) == 1
    assert env.page.evaluate("() => window.__seen.history") == 2      # about:blank + the task, as in a new tab


def test_a_popup_opened_just_before_the_reset_is_closed_too(probe_env):
    env = probe_env
    env.reset(seed=0)
    env.page.evaluate("() => { for (let i = 0; i < 3; i++) window.open(location.href + '#p' + i); }")
    env.reset(seed=1)                               # at once: the client may not know the popups yet
    env.page.wait_for_timeout(100)
    assert len(env.page.context.pages) == 1
    session = env.page.context.new_cdp_session(env.page)
    pages = [t for t in session.send("Target.getTargets")["targetInfos"] if t["type"] == "page"]
    assert len(pages) == 1, pages


def test_window_name_and_globals_of_inline_pages_do_not_survive():
    env = ComputerUseEnv(suite=TinySuite(), task="button", obs_mode="text")
    try:
        env.reset(seed=0)
        env.page.evaluate("() => { window.name = 'left'; window.leftover = 1; }")
        env.reset(seed=1)
        assert env.page.evaluate("() => [window.name, window.leftover]") == ["", None]
    finally:
        env.close()


def test_the_default_is_document_isolation_and_context_stays_available():
    env = ComputerUseEnv(suite=TinySuite(), task="button", obs_mode="text")
    ctx = ComputerUseEnv(suite=TinySuite(), task="button", obs_mode="text", isolation="context")
    try:
        assert env.browser.isolation == "document" and ctx.browser.isolation == "context"
        env.reset(seed=0)
        ctx.reset(seed=0)
        page, context = ctx.page, ctx.page.context
        ctx.step(call("done"))
        ctx.reset(seed=1)
        assert ctx.page is not page and ctx.page.context is not context       # a new context per episode
        env.step(call("click", id=env.observation.find("button", "Add").id))  # a page change to forget
        env.reset(seed=1)
        assert env.observation.text() == ctx.observation.text()               # both modes: the same page
    finally:
        env.close()
        ctx.close()

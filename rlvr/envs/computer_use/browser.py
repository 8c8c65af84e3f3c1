"""One Chromium per env, a fresh isolated page state per episode, crash and hang detection.

Playwright's sync API allows one driver per thread, so envs of the same thread
share a :class:`_Driver` (reference counted) and each env launches its own
browser through it.

Per-episode isolation (``isolation=``):

* ``"document"`` (the default): one ``BrowserContext`` and one page serve
  every episode. Between episodes the page is scrubbed (:meth:`BrowserSession.new_page`):
  pages the episode opened (popups, ``target=_blank``) are closed; the
  episode's document is unloaded (``about:blank``), so its scripts and timers
  stop before anything is cleared; ``window.name`` (which survives
  navigation) is emptied; every kind of stored data of the ``file://`` origin
  (localStorage, sessionStorage, IndexedDB, Cache Storage, cookies, service
  worker registrations, ...) is deleted through the DevTools protocol
  (``Storage.clearDataForOrigin``) and the context's cookies are cleared; the
  tab's history is cut to that ``about:blank`` (``history.back()`` cannot
  reach an earlier episode; the next page sees the history of a new tab); the
  mouse is moved off the page, so no element is left hovered. The next task
  page is then loaded as a new document. The
  episode's pages are ``file://``, ``about:``, ``data:`` or ``blob:`` URLs (the
  network is blocked), so ``file://`` is the only origin with data that
  outlives a document. Shared between episodes, by design: the browser and
  renderer processes (JavaScript heaps are per document, so no JS object
  survives), decoded-image and font caches, and the browser's record of
  visited links (pages see ``:visited`` styling only in pixels, never through
  the DOM). Tests (``tests/envs/computer_use/test_isolation.py``) prove an
  episode sees none of the previous one's storage, cookies, window name,
  history, popups, focus, scroll or hover.
* ``"context"``: every episode gets a new ``BrowserContext`` (its own
  cookies, storage, cache, visited links, and renderer process); closing it
  at the end of the episode frees all of it. The strongest isolation, and
  several times slower: a context costs hundreds of milliseconds to create,
  and the first input of its page is slow.

Either way a browser serves thousands of episodes with bounded memory (the
reused renderer's garbage is collected every :data:`GC_EVERY_EPISODES`
episodes; the 1,000-episode test in ``test_browser.py`` checks both).

The browser is kept off the network: background services are switched off by
flags, every host name resolves to nothing, a dead proxy catches what is
left, and the context aborts any ``http(s)``/``ws(s)``/``ftp`` request; only
``file:``, ``about:``, ``data:`` and ``blob:`` URLs load.

Every browser process carries a unique marker flag, so the session can find
its own processes in ``/proc`` (to kill a hung browser, and to prove in tests
that nothing leaks) without touching anyone else's Chromium.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import threading
import time
import uuid
from contextlib import contextmanager
from typing import Any, Iterator

from rlvr.core.errors import ConfigError, RlvrError, require

#: Flags that keep Chromium quiet, offline and cheap (no GPU, no extensions, no sync).
CHROMIUM_FLAGS = (
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--no-default-browser-check", "--disable-quic", "--disable-default-apps",
    "--disable-extensions", "--disable-gpu", "--disable-domain-reliability",
    "--disable-client-side-phishing-detection", "--metrics-recording-only", "--mute-audio",
    "--disable-features=Translate,OptimizationHints,MediaRouter,InterestFeedContentSuggestions,"
    "CalculateNativeWinOcclusion,AutofillServerCommunication,CertificateTransparencyComponentUpdater",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
    "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    "--disable-dev-shm-usage",
)

#: Requests to these schemes are aborted; everything else (file, about, data, blob) loads.
NETWORK_URL = re.compile(r"^(https?|wss?|ftp)://", re.IGNORECASE)

#: Names of a system Chromium/Chrome on PATH, in order of preference.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


#: Origins whose stored data is deleted between episodes (``isolation="document"``): the only
#: ones that keep data beyond a document, since pages load from file:, about:, data: and blob:
#: URLs only (about:/data: documents have opaque origins; blob: URLs inherit their creator's).
STORAGE_ORIGINS = ("file://",)

#: With ``isolation="document"``, the renderer's garbage is collected every this many episodes.
GC_EVERY_EPISODES = 10


class BrowserError(RlvrError):
    """The browser crashed, hung, or could not start (an infrastructure failure)."""


def find_chromium() -> str | None:
    """The Chromium to launch: ``$RLVR_CHROMIUM``, else the first of :data:`CHROMIUM_NAMES` on PATH.

    Returns ``None`` when neither exists; Playwright then uses its own
    downloaded browser if one is installed.
    """
    env = os.environ.get("RLVR_CHROMIUM")
    if env:
        path = shutil.which(env) or env
        if not os.path.exists(path):
            raise ConfigError(f"RLVR_CHROMIUM={env!r} does not exist; point it at a Chromium binary "
                              "or unset it to search PATH")
        return path
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def marked_processes(*markers: str) -> list[int]:
    """Pids of live processes whose command line contains any of ``markers`` (Linux ``/proc``)."""
    needles = [m.encode() for m in markers if m]
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                cmdline = fh.read()
            with open(f"/proc/{entry}/stat", "rb") as fh:
                state = fh.read().rsplit(b")", 1)[-1].split()[0]
        except OSError:
            continue
        if state != b"Z" and any(needle in cmdline for needle in needles):
            pids.append(int(entry))
    return pids


def rss_bytes(pids: list[int]) -> int:
    """Summed resident memory of ``pids`` (processes that vanished count 0)."""
    total = 0
    page = os.sysconf("SC_PAGE_SIZE")
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm") as fh:
                total += int(fh.read().split()[1]) * page
        except (OSError, IndexError, ValueError):
            pass
    return total


class _Driver:
    """The Playwright driver of one thread, shared by that thread's sessions."""

    _local = threading.local()

    def __init__(self) -> None:
        sync_api = require("playwright.sync_api", "computer-use", "rlvr/ComputerUse-v0")
        self.manager = sync_api.sync_playwright().start()
        self.playwright = self.manager
        self.users = 0
        self.pid = os.getpid()

    @classmethod
    def acquire(cls) -> _Driver:
        driver = getattr(cls._local, "driver", None)
        if driver is None or driver.pid != os.getpid():   # a forked child cannot use its parent's driver
            driver = cls._local.driver = cls()
        driver.users += 1
        return driver

    def release(self) -> None:
        self.users -= 1
        if self.pid != os.getpid():
            return
        if self.users <= 0 and getattr(self._local, "driver", None) is self:
            self._local.driver = None
            try:
                self.manager.stop()
            except Exception:  # noqa: BLE001 - the driver may already be gone
                pass


class BrowserSession:
    """A Chromium that serves one episode page at a time.

    Args:
        viewport: ``(width, height)`` of every page in CSS pixels.
        headless: Run without a display (the default; CI has none).
        executable: Chromium binary; ``None`` = :func:`find_chromium`.
        action_timeout_ms: Playwright's timeout for one action (click, fill).
        hang_timeout_s: A browser call that takes longer than this is a hang:
            the browser is killed, the call raises :class:`BrowserError`.
        isolation: ``"document"`` (default): one context and page serve every
            episode, scrubbed between episodes (popups closed, document
            unloaded, all stored data of the ``file://`` origin and cookies
            deleted, ``window.name``, history and hover reset) and given a
            fresh document; the renderer process and in-memory caches are
            shared. ``"context"``: every episode gets a new ``BrowserContext``
            - nothing survives an episode; several times slower (see the
            module docstring).
    """

    def __init__(self, *, viewport: tuple[int, int] = (800, 600), headless: bool = True,
                 executable: str | None = None, action_timeout_ms: int = 2000,
                 hang_timeout_s: float = 20.0, isolation: str = "document") -> None:
        if isolation not in ("context", "document"):
            raise ConfigError(f"isolation must be 'context' or 'document', got {isolation!r}")
        self.isolation = isolation
        self.viewport = viewport
        self.headless = headless
        self.executable = executable
        self.action_timeout_ms = action_timeout_ms
        self.hang_timeout_s = hang_timeout_s
        self.marker = f"--rlvr-browser={uuid.uuid4().hex}"
        self._driver: _Driver | None = None
        self._browser: Any = None
        self._context: Any = None
        self._cdp: Any = None
        self._target: dict = {}
        self._scrubs = 0
        self.page: Any = None
        self.launches = 0
        self._killed = False
        #: The profile directory flag Playwright gives the browser; its child processes
        #: (renderers, zygotes, utilities) carry it too, but not our marker.
        self._profile_flag = ""
        self._watchdog: _Watchdog | None = None

    # ------------------------------------------------------------ lifecycle
    @property
    def alive(self) -> bool:
        """Whether the browser is connected (it may still be hung)."""
        return self._browser is not None and not self._killed and self._browser.is_connected()

    def start(self) -> None:
        """Launch the browser (relaunch if it died)."""
        if self.alive:
            return
        self._drop_browser()
        if self._driver is None:
            self._driver = _Driver.acquire()
        executable = self.executable or find_chromium()
        args = [*CHROMIUM_FLAGS, self.marker]
        if os.geteuid() == 0:
            args.append("--no-sandbox")   # Chromium refuses to run its sandbox as root
        try:
            with self.watchdog(60.0):
                self._browser = self._driver.playwright.chromium.launch(
                    executable_path=executable, headless=self.headless, args=args,
                    handle_sigint=False, handle_sigterm=False, handle_sighup=False)
        except Exception as exc:
            self._drop_browser()
            where = executable or "Playwright's bundled chromium"
            raise BrowserError(f"could not launch Chromium ({where}): {str(exc).splitlines()[0][:300]}. "
                               "Fix: install Debian's chromium (apt-get install chromium) or set "
                               "RLVR_CHROMIUM to a Chromium/Chrome binary") from exc
        self._killed = False
        self.launches += 1
        self._profile_flag = self._find_profile_flag()

    def _find_profile_flag(self) -> str:
        for pid in marked_processes(self.marker):
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as fh:
                    args = fh.read().decode(errors="replace").split("\0")
            except OSError:
                continue
            for arg in args:
                if arg.startswith("--user-data-dir=") and len(arg) > len("--user-data-dir=") + 8:
                    return arg
        return ""

    def new_page(self) -> Any:
        """A page for a new episode, showing ``about:blank``; the caller loads the task into it.

        ``isolation="context"``: the page of a new context. ``"document"``:
        the session's one page, scrubbed of everything the last episode left
        (see the module docstring); a new context the first time.
        """
        if self.isolation == "document" and self.page is not None and self.alive and not self.page.is_closed():
            with self.watchdog():
                self._scrub()
            return self.page
        self.close_page()
        self.start()
        with self.watchdog():
            self._context = self._browser.new_context(
                viewport={"width": self.viewport[0], "height": self.viewport[1]},
                device_scale_factor=1, java_script_enabled=True, accept_downloads=False,
                service_workers="block", bypass_csp=False)
            from rlvr.envs.computer_use.page_tree import init_script

            self._context.add_init_script(init_script())
            self._context.route(NETWORK_URL, lambda route: route.abort("blockedbyclient"))
            self._context.set_default_timeout(self.action_timeout_ms)
            self._context.set_default_navigation_timeout(max(self.action_timeout_ms, 10_000))
            self.page = self._context.new_page()
            self.page.on("dialog", lambda dialog: dialog.dismiss())
            if self.isolation == "document":
                self._cdp = self._context.new_cdp_session(self.page)
                self._target = self._cdp.send("Target.getTargetInfo")["targetInfo"]   # the page's own target
        return self.page

    def _scrub(self) -> None:
        """Remove every trace of the last episode from the reused context and page."""
        page = self.page
        page.goto("about:blank")                    # unload: the episode's scripts and timers stop
        self._cdp.send("Page.resetNavigationHistory")   # the tab's history: this about:blank only
        self._scrubs += 1
        if self._scrubs % GC_EVERY_EPISODES == 0:
            # The renderer keeps the garbage of past documents until a GC that an idle headless page
            # seldom gets (about 1 MB per episode); collect it (15-20 ms, so not every episode).
            self._cdp.send("HeapProfiler.collectGarbage")
        page.evaluate("() => { window.name = ''; }")   # the one window property that survives navigation
        # Popups and tabs the episode opened: the browser's own list of the context's pages, so that
        # one the client has not been told of yet (opened by the episode's last action) goes too.
        for attempt in range(100):
            others = self._other_pages()
            if not others:
                break
            if attempt == 0:           # closing is asynchronous: wait until they are gone
                for target_id in others:
                    self._cdp.send("Target.closeTarget", {"targetId": target_id})
            time.sleep(0.005)
        for origin in STORAGE_ORIGINS:             # after the popups closed: none can write again
            self._cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        self._context.clear_cookies()
        # The mouse leaves the page: no element of the next document starts out hovered.
        self._cdp.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": -1, "y": -1, "button": "none"})

    def end_episode(self) -> None:
        """Release the episode's page: close its context, or keep it for the next (``"document"``).

        The context is closed in the background: the close request goes out
        with the next browser call (the next reset's), so neither the final
        step nor the reset waits for the renderer to shut down.
        """
        if self.isolation == "document" and self.alive:
            return
        context, self._context, self.page, self._cdp = self._context, None, None, None
        if context is not None and self.alive and not _close_in_background(context):
            self._context = context
            self.close_page()

    def _other_pages(self) -> list[str]:
        """Target ids of the pages of this context other than the session's page."""
        own = self._target
        return [t["targetId"] for t in self._cdp.send("Target.getTargets")["targetInfos"]
                if t["type"] == "page" and t["targetId"] != own["targetId"]
                and t.get("browserContextId") == own.get("browserContextId")]

    def close_page(self) -> None:
        """Close the current context (its page, storage and renderer)."""
        context, self._context, self.page, self._cdp = self._context, None, None, None
        if context is not None and self.alive:
            try:
                with self.watchdog():
                    context.close()
            except Exception:  # noqa: BLE001 - a dead context needs no closing
                self.kill()

    def close(self) -> None:
        """Close the browser and release the driver; safe to call twice."""
        self.close_page()
        self._drop_browser()
        if self._driver is not None:
            self._driver.release()
            self._driver = None

    @property
    def markers(self) -> tuple[str, ...]:
        """Command-line strings that identify this session's processes (for :func:`marked_processes`)."""
        return (self.marker, self._profile_flag) if self._profile_flag else (self.marker,)

    def processes(self) -> list[int]:
        """Pids of this session's browser processes (browser, renderers, helpers)."""
        return marked_processes(self.marker, self._profile_flag)

    def kill(self) -> None:
        """SIGKILL every process of this browser; the next :meth:`start` relaunches."""
        self._killed = True
        for pid in self.processes():
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass

    def _drop_browser(self) -> None:
        browser, self._browser = self._browser, None
        self._context = self.page = self._cdp = None
        if browser is not None:
            try:
                if browser.is_connected() and not self._killed:
                    with self.watchdog():
                        browser.close()
            except Exception:  # noqa: BLE001 - closing a crashed browser may fail
                pass
        self.kill()          # whatever is left of it (children of a crashed browser)
        self._reap()
        self._killed = False

    def _reap(self, wait_s: float = 2.0) -> None:
        deadline = time.monotonic() + wait_s
        while self.processes() and time.monotonic() < deadline:
            time.sleep(0.01)

    # -------------------------------------------------------------- watchdog
    @contextmanager
    def watchdog(self, timeout_s: float | None = None) -> Iterator[None]:
        """Kill the browser if the enclosed browser calls take longer than ``timeout_s``.

        Playwright's ``evaluate`` has no timeout of its own, so a page stuck in
        an endless script would block forever; killing the browser makes the
        pending call fail, and the caller gets :class:`BrowserError`.
        """
        limit = self.hang_timeout_s if timeout_s is None else timeout_s
        if self._watchdog is None:
            self._watchdog = _Watchdog(self.kill)
        token = self._watchdog.arm(limit)
        try:
            yield
        except Exception as exc:
            if self._watchdog.disarm(token):
                raise BrowserError(f"the browser hung for more than {limit:g} s and was killed") from exc
            raise
        if self._watchdog.disarm(token):
            raise BrowserError(f"the browser hung for more than {limit:g} s and was killed")


def _close_in_background(context: Any) -> bool:
    """Schedule ``context.close()`` on Playwright's event loop without waiting for it.

    Uses the sync wrapper's loop and implementation object (stable across
    Playwright 1.x, but not public API); returns ``False`` if that is not
    possible, and the caller closes synchronously.
    """
    try:
        impl, loop = context._impl_obj, context._loop
        try:
            coro = impl.close(None)          # Playwright >= 1.40: close(reason)
        except TypeError:
            coro = impl.close()
        task = loop.create_task(coro)
        task.add_done_callback(lambda t: t.cancelled() or t.exception())   # a dead context needs no closing
        return True
    except Exception:  # noqa: BLE001 - fall back to the public, blocking close
        return False


class _Watchdog:
    """One daemon thread per session that calls ``on_fire`` when an armed deadline passes.

    Cheaper than a timer thread per browser call; arming nests (the innermost
    deadline applies until it is disarmed).
    """

    def __init__(self, on_fire) -> None:
        self._on_fire = on_fire
        self._cond = threading.Condition()
        self._stack: list[list] = []      # [deadline, fired] per armed call, innermost last
        self._thread = threading.Thread(target=self._run, name="rlvr-browser-watchdog", daemon=True)
        self._thread.start()

    def arm(self, seconds: float) -> list:
        token = [time.monotonic() + seconds, False]
        with self._cond:
            self._stack.append(token)
            self._cond.notify()
        return token

    def disarm(self, token: list) -> bool:
        """Stop watching; ``True`` if the deadline had passed and the browser was killed."""
        with self._cond:
            if token in self._stack:
                self._stack.remove(token)
            return bool(token[1])

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stack:
                    self._cond.wait()
                token = self._stack[-1]
                remaining = token[0] - time.monotonic()
                if remaining > 0:
                    self._cond.wait(remaining)
                    continue
                token[1] = True
                self._stack.remove(token)
            self._on_fire()

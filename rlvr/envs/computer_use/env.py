"""``rlvr/ComputerUse-v0``: tasks in a real Chromium, page-tree observations, rewards from app state."""

from __future__ import annotations

import io
import json
from typing import Any, Sequence

import numpy as np
from gymnasium import spaces

from rlvr.core.env import RlvrEnv, Turn
from rlvr.core.errors import ConfigError
from rlvr.core.tasks import ListSource, ProceduralSource, Task, TaskSource, require_keys
from rlvr.core.tool_calls import parse_tool_calls
from rlvr.core.verdict import Verdict
from rlvr.envs.computer_use.actions import TOOLS, execute, format_call
from rlvr.envs.computer_use.observation import Observation
from rlvr.envs.computer_use.page_tree import tree_from_raw
from rlvr.envs.computer_use.suite import Episode, Suite, get_suite

TASK_SCHEMA = '{"task": str (a task name of the suite), "seed": int, "id"?: str}'
#: Tool calls executed per reply at most (the rest are ignored and reported).
MAX_CALLS_PER_TURN = 8


class ComputerUseEnv(RlvrEnv):
    """Operate web apps in a real browser through tool calls.

    ## Description
    Each episode loads one task of a suite into a fresh, isolated page of a
    headless Chromium (Playwright; one browser per env, reused). The policy
    reads the instruction and a text tree of the page and acts with tool
    calls. When it calls ``done()`` (or the turn budget runs out) the suite
    reads the application's state back into Python and decides success.

    ## Observation Space
    ``"tokens"``: ``Sequence(Discrete(vocab_size), stack=True)`` (the rendered
    chat prompt, then only what the env appends each turn); ``"text"``:
    :class:`~rlvr.core.spaces.UnicodeText`. Each observation is ``Task: <instruction>``
    followed by one line per page element, interactive ones with a stable id:
    ``[12] button 'Send'``. With ``screenshot=True`` the space is a ``Dict``
    with that entry under ``"tokens"``/``"text"`` and ``"screenshot"``, a
    ``Box(0, 255, (height, width, 3), uint8)`` RGB image of the viewport
    (the last one again on the terminal step).

    ## Action Space
    Token ids or a ``str`` holding ``<tool_call>{"name", "arguments"}</tool_call>``
    blocks: ``click(id)``, ``type(id, text)``, ``press(key)``,
    ``select(id, option)``, ``scroll(target, direction)``, ``click_xy(x, y)``,
    ``done()``. Up to 8 calls per reply run in order (stopping at the first
    that fails). An unknown id or a malformed call gets an observation saying
    so and costs the turn. ``click(id)`` presses the mouse where the element
    is shown in the current observation (the centre of its box, which the
    page walk hit-tested); an element that was covered, disabled or out of
    view when the page was read is hit-tested again first (scrolled into
    view, or an error naming what covers it). If the page changed on its
    own after it was read and the press landed outside the element, the
    result says where it landed.

    ## Rewards
    1.0 if the suite's check of the final application state passes, else 0.0
    (``info["verdict"]["details"]["reason"]`` says why). A browser that
    crashes or hangs gives ``status="error"`` with ``masked=True``.

    ## Episode End
    Terminated when the policy calls ``done()`` or the page ends the task
    itself (MiniWoB); truncated after ``max_turns`` replies (the state is
    judged then too).

    ## Arguments
    | keyword | default | meaning |
    |---|---|---|
    | ``suite`` | ``"desktop"`` | ``"desktop"`` (the project's web desktop) or ``"miniwob"`` |
    | ``task`` | ``None`` | a task/family name or list of names; ``None`` = every task of the suite |
    | ``screenshot`` | ``False`` | add an RGB screenshot to every observation (``Dict`` space) |
    | ``viewport`` | suite's | ``(width, height)`` of the page in CSS pixels |
    | ``max_turns`` | ``15`` | replies before truncation |
    | ``seed`` | ``0`` | root seed of the procedural task stream |
    | ``headless`` | ``True`` | run Chromium without a window |
    | ``action_timeout_ms`` | ``2000`` | Playwright's timeout for one action |
    | ``hang_timeout_s`` | ``20`` | a browser call longer than this kills the browser (error verdict) |
    | ``input_mode`` | ``"real"`` | ``"real"``: clicks are mouse input through the browser (trusted events; 2 browser round trips per click); ``"dom"``: the same event sequence dispatched from JavaScript at the same hit-tested point, with the page read in the same round trip (faster; untrusted events) |
    | ``isolation`` | ``"document"`` | ``"document"``: one page reused, scrubbed between episodes (popups closed, all stored data of the page origin and cookies deleted, window name, history and hover reset) and given a fresh document; renderer process and in-memory caches are shared. ``"context"``: a new browser context per episode (nothing survives; several times slower) |

    plus the shared keywords (``obs_mode``, ``tokenizer``, ``tasks`` as
    ``[{"task": name, "seed": int}]``, ``system_prompt``)::

        env = gym.make("rlvr/ComputerUse-v0", suite="miniwob", task="click-button", obs_mode="text")

    ## Version History
    * v0: initial release.
    """

    tools = TOOLS
    default_system_prompt = (
        "You operate a web application in a browser to complete the task you are given. Each observation "
        "shows the task and the page as a tree, one element per line; interactive elements carry an id in "
        "[brackets]. Act with tool calls, e.g. <tool_call>{\"name\": \"click\", \"arguments\": {\"id\": 12}}"
        "</tool_call>. Call done() when the task is complete.")

    def __init__(self, *, suite: str | Suite = "desktop", task: str | Sequence[str] | None = None,
                 screenshot: bool = False, viewport: tuple[int, int] | None = None, max_turns: int = 15,
                 seed: int = 0, headless: bool = True, action_timeout_ms: int = 2000,
                 hang_timeout_s: float = 20.0, isolation: str = "document", input_mode: str = "real",
                 **kwargs: Any) -> None:
        if input_mode not in ("real", "dom"):
            raise ConfigError(f"input_mode must be 'real' or 'dom', got {input_mode!r}")
        self.input_mode = input_mode
        self.suite: Suite = get_suite(suite) if isinstance(suite, str) else suite
        names = list(self.suite.task_names())
        if task is None:
            self.task_names = names
        else:
            wanted = [task] if isinstance(task, str) else list(task)
            unknown = [t for t in wanted if t not in names]
            if not wanted or unknown:
                raise ConfigError(f"task must be None or names of the {self.suite.name!r} suite; unknown: "
                                  f"{unknown or wanted!r}. Known: {', '.join(names[:60])}"
                                  f"{' ...' if len(names) > 60 else ''}")
            self.task_names = wanted
        if not isinstance(screenshot, bool):
            raise ConfigError(f"screenshot must be True or False, got {screenshot!r}")
        viewport = tuple(viewport) if viewport is not None else tuple(getattr(self.suite, "viewport", (1024, 768)))
        if len(viewport) != 2 or not all(isinstance(v, int) and 64 <= v <= 4096 for v in viewport):
            raise ConfigError(f"viewport must be (width, height) with ints in [64, 4096], got {viewport!r}")
        self.viewport: tuple[int, int] = (int(viewport[0]), int(viewport[1]))
        self.screenshot = screenshot
        self.root_seed = int(seed)
        super().__init__(max_turns=max_turns, **kwargs)
        from rlvr.envs.computer_use.browser import BrowserSession

        self.browser = BrowserSession(viewport=self.viewport, headless=headless, isolation=isolation,
                                      action_timeout_ms=action_timeout_ms, hang_timeout_s=hang_timeout_s)
        self.episode: Episode | None = None
        self.observation: Observation | None = None
        self._points: dict[int, tuple[float, float]] = {}
        self._image = np.zeros((self.viewport[1], self.viewport[0], 3), dtype=np.uint8)
        if screenshot:
            key = "tokens" if self.obs_mode == "tokens" else "text"
            self.observation_space = spaces.Dict({
                key: self.observation_space,
                "screenshot": spaces.Box(0, 255, (self.viewport[1], self.viewport[0], 3), np.uint8)})

    # ---------------------------------------------------------------- tasks
    def load_source(self, source: str | None, tasks: Sequence[Task] | None) -> TaskSource:
        if tasks is not None:
            return ListSource(tasks, self._validate)
        if source not in (None, "procedural"):
            raise ConfigError(f"ComputerUse-v0 generates its tasks: source must be 'procedural' (or pass "
                              f"tasks=[{TASK_SCHEMA}]), got {source!r}")
        names = self.task_names

        def generate(rng: np.random.Generator) -> Task:
            name = names[int(rng.integers(len(names)))]
            item_seed = int(rng.integers(2**31))
            return {"task": name, "seed": item_seed, "id": f"{name}/{item_seed}"}

        return ProceduralSource(generate, self.root_seed)

    def _validate(self, task: Task, index: int) -> Task:
        require_keys(task, index, ["task", "seed"], {"task": str, "seed": int}, TASK_SCHEMA)
        known = self.suite.task_names()
        if task["task"] not in known:
            raise ConfigError(f"tasks[{index}]['task'] = {task['task']!r} is not a task of the "
                              f"{self.suite.name!r} suite; known: {', '.join(known[:60])}")
        return task

    # -------------------------------------------------------------- episode
    @property
    def page(self) -> Any:
        """The Playwright page of the current episode (``None`` between episodes)."""
        return self.browser.page

    def on_reset(self, task: Task) -> None:
        self.episode = self.suite.make_episode(task["task"], np.random.default_rng(int(task["seed"])))
        from rlvr.envs.computer_use.browser import BrowserError

        for attempt in range(2):   # a browser that died between episodes is relaunched once
            try:
                page = self.browser.new_page()
                with self.browser.watchdog():
                    if self.episode.html is not None and self.episode.url == "about:blank":
                        page.set_content(self.episode.html, wait_until="load")   # into new_page's about:blank
                    else:
                        page.goto(self.episode.url, wait_until="load")
                    self.episode.setup(page)
                    self._read_page()
                return
            except Exception as exc:  # noqa: BLE001 - a crash is retried once, then reported
                if attempt == 1 or not _is_browser_failure(exc):
                    raise
                self.browser.kill()
        raise BrowserError("unreachable")  # pragma: no cover

    def task_prompt(self, task: Task) -> str:
        return self.observation.text()

    def on_action(self, text: str) -> Turn:
        parsed = parse_tool_calls(text)
        lines = [f"Error: {e.message}" for e in parsed.errors]
        calls = parsed.calls
        if not calls and not parsed.errors:
            lines.append('Error: no tool call found. Reply with e.g. <tool_call>{"name": "click", '
                         '"arguments": {"id": 3}}</tool_call>, or call done() when finished.')
        if len(calls) > MAX_CALLS_PER_TURN:
            lines.append(f"Note: only the first {MAX_CALLS_PER_TURN} of {len(calls)} tool calls were run.")
            calls = calls[:MAX_CALLS_PER_TURN]
        known = {n.id for n in self.observation.nodes if n.id is not None}
        points = self._points      # where clicks land, from the walk the observation came from
        try:
            with self.browser.watchdog():
                finished, tree = False, None
                for i, call in enumerate(calls):
                    result = execute(self.page, call, known, self.viewport, self.input_mode, points)
                    tree = json.loads(result.tree) if isinstance(result.tree, str) else result.tree
                    # a walk taken with the action knows where clicks land now; otherwise the next click hit-tests
                    points = tree_from_raw(tree)[1]["points"] if tree is not None else None
                    if result.done:
                        finished = True
                        break
                    lines.append(f"{format_call(call)}: {result.message}")
                    if not result.ok:
                        if i + 1 < len(calls):
                            lines.append(f"The remaining {len(calls) - i - 1} call(s) were not run.")
                        break
                if finished:
                    return Turn(verdict=self._judge("done"))
                facts = self._read_page(tree) if calls else {"task_done": False}
                if facts["task_done"]:
                    return Turn(verdict=self._judge("task_ended", facts.get("task_result")))
        except Exception as exc:  # noqa: BLE001
            if not _is_browser_failure(exc):
                raise
            return Turn(verdict=self._browser_failed(exc))
        return Turn(reply="\n".join(lines) + "\n\n" + self.observation.text(), role="tool")

    def on_truncate(self) -> Verdict:
        try:
            with self.browser.watchdog():
                return self._judge("max_turns")
        except Exception as exc:  # noqa: BLE001
            if not _is_browser_failure(exc):
                raise
            return self._browser_failed(exc)

    def close_episode(self) -> None:
        self.browser.end_episode()

    def close(self) -> None:
        super().close()
        self.browser.close()

    def oracle_action(self) -> dict | None:
        """The next tool call of the suite's oracle for the current state, or ``None``."""
        if self.episode is None or self.observation is None or self._done:
            return None
        return self.episode.oracle(self.observation)

    # ------------------------------------------------------------ gym API
    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None):
        obs, info = super().reset(seed=seed, options=options)
        return self._wrap(obs), info

    def step(self, action: Any):
        obs, reward, terminated, truncated, info = super().step(action)
        return self._wrap(obs), reward, terminated, truncated, info

    # ------------------------------------------------------------ internals
    def _wrap(self, obs: Any) -> Any:
        if not self.screenshot:
            return obs
        key = "tokens" if self.obs_mode == "tokens" else "text"
        return {key: obs, "screenshot": self._image.copy()}

    def _read_page(self, raw_tree: dict | str | None = None) -> dict[str, Any]:
        """Walk the page into :attr:`observation` (and the screenshot); returns the walk's page facts.

        ``raw_tree`` is a walk the last action already took in its own round trip.
        """
        from rlvr.envs.computer_use.page_tree import read_tree, tree_from_raw

        nodes, facts = tree_from_raw(raw_tree) if raw_tree is not None else read_tree(self.page)
        self._points = facts["points"]
        if facts["task_done"]:     # the page ended its task: it is judged now, not shown
            return facts
        self.observation = Observation(self.episode.instruction, nodes, self.page.url)
        if self.screenshot:
            from PIL import Image

            png = self.page.screenshot(type="png", animations="allow", caret="initial")
            image = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.uint8)
            if image.shape != self._image.shape:   # e.g. a page that resized the window
                canvas = np.zeros_like(self._image)
                h, w = min(image.shape[0], canvas.shape[0]), min(image.shape[1], canvas.shape[1])
                canvas[:h, :w] = image[:h, :w]
                image = canvas
            self._image = image
        return facts

    def _judge(self, how: str, report: Any = None) -> Verdict:
        judge_report = getattr(self.episode, "judge_report", None)
        verdict = judge_report(report) if report is not None and judge_report else None
        if verdict is None:
            verdict = self.episode.evaluate(self.page)
        if not isinstance(verdict, Verdict):
            raise TypeError(f"{type(self.episode).__name__}.evaluate must return a Verdict, got {verdict!r}")
        return Verdict(verdict.status, verdict.reward, {**verdict.details, "ended_by": how}, verdict.masked)

    def _browser_failed(self, exc: BaseException) -> Verdict:
        self.browser.kill()   # the next reset relaunches
        return Verdict.error("browser_failure", message=str(exc).splitlines()[0][:300] if str(exc) else
                             type(exc).__name__)


def _is_browser_failure(exc: BaseException) -> bool:
    from rlvr.envs.computer_use.actions import is_browser_failure

    return is_browser_failure(exc)


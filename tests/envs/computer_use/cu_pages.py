"""A test-only suite of tiny pages for ComputerUse-v0 (fast, no package data).

Each task is an ``about:blank`` page with inline markup; ``evaluate`` reads a
JS global back, the way real suites read application state.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.core.verdict import Verdict
from rlvr.envs.computer_use.observation import Observation
from rlvr.envs.computer_use.suite import Episode

WORDS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet"]

FORM_HTML = """<!doctype html><html><body>
<h1>Profile</h1>
<p>Fill   in the   form, then press Save.</p>
<label for="name">Full name</label><input id="name" value="old text">
<input id="mail" type="email" placeholder="E-mail address">
<input id="pw" type="password" aria-label="Password" value="abc">
<textarea id="bio" title="About you">hello</textarea>
<select id="color" aria-label="Colour"><option>Red</option><option value="g">Green</option><option>Blue</option></select>
<label><input id="agree" type="checkbox"> I agree</label>
<img alt="Logo picture" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10" onclick="1">
<div style="display:none"><button>Hidden by display</button></div>
<div style="visibility:hidden"><button>Hidden by visibility</button></div>
<div aria-hidden="true"><button>Hidden by aria</button></div>
<button style="width:0;height:0;padding:0;border:0;overflow:hidden">Zero size</button>
<span id="listener">Clickable span</span>
<div role="tab" aria-selected="true">Tab one</div>
<div contenteditable="true" aria-label="Notes">note text</div>
<p>{long}</p>
<button id="save" onclick="window.saved = {
  name: document.getElementById('name').value, mail: document.getElementById('mail').value,
  color: document.getElementById('color').value, agree: document.getElementById('agree').checked,
  bio: document.getElementById('bio').value}">Save</button>
<script>document.getElementById('listener').addEventListener('click', () => { window.spanClicks = (window.spanClicks || 0) + 1; });</script>
</body></html>"""

BUTTON_HTML = """<!doctype html><html><body>
<p>Press {word}.</p>
<button onclick="window.pressed = (window.pressed || 0) + 1">{word}</button>
<button onclick="window.wrong = true">{other}</button>
<button id="add" onclick="const b = document.createElement('button'); b.textContent = 'New ' + (++window.added || (window.added = 1)); document.body.appendChild(b)">Add</button>
<button onclick="while (true) {{}}">Freeze</button>
<div id="cover" style="position:fixed;left:0;top:0;width:0;height:0;background:white"></div>
<button id="covered" onclick="window.coveredClicked = true">Covered</button>
</body></html>"""

SCROLL_HTML = """<!doctype html><html><body style="margin:0">
<div id="box" role="list" tabindex="0" style="height:60px;overflow:auto"><div style="height:600px">inner</div></div>
<div style="height:3000px">tall page</div>
<button onclick="window.bottom = true">Bottom button</button>
</body></html>"""


class TinyEpisode(Episode):
    def __init__(self, task_name: str, rng: np.random.Generator) -> None:
        self.task_name = task_name
        self.url = "about:blank"
        i, j = rng.choice(len(WORDS), size=2, replace=False)
        self.word, self.other = WORDS[int(i)], WORDS[int(j)]
        self.params = {"word": self.word}
        if task_name == "button":
            self.instruction = f"Press the {self.word} button once."
            self.html = BUTTON_HTML.format(word=self.word, other=self.other)
        elif task_name == "form":
            self.instruction = f"Set the name to {self.word}, choose Green, agree, and save."
            self.html = FORM_HTML.replace("{long}", "word " * 60)
        else:
            self.instruction = "Scroll to the bottom and press the button."
            self.html = SCROLL_HTML

    def evaluate(self, page: Any) -> Verdict:
        if self.task_name == "button":
            pressed, wrong = page.evaluate("() => [window.pressed || 0, !!window.wrong]")
            ok = pressed == 1 and not wrong
        elif self.task_name == "form":
            saved = page.evaluate("() => window.saved || null")
            ok = bool(saved) and saved["name"] == self.word and saved["color"] == "g" and saved["agree"]
        else:
            ok = page.evaluate("() => !!window.bottom")
        return Verdict.correct("goal") if ok else Verdict.incorrect("not_goal")

    def oracle(self, obs: Observation) -> dict | None:
        if self.task_name != "button":
            return None
        node = obs.find("button", self.word)
        if node is None or self.params.get("clicked"):
            return {"name": "done", "arguments": {}}
        self.params["clicked"] = True
        return {"name": "click", "arguments": {"id": node.id}}


class TinySuite:
    name = "tiny"
    viewport = (400, 300)

    def task_names(self) -> list[str]:
        return ["button", "form", "scroll"]

    def make_episode(self, task_name: str, rng: np.random.Generator) -> TinyEpisode:
        return TinyEpisode(task_name, rng)


def call(name: str, **arguments: Any) -> str:
    """A tool call as the policy writes it."""
    import json

    return f"<tool_call>{json.dumps({'name': name, 'arguments': arguments})}</tool_call>"

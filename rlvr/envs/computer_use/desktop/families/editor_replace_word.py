"""Editor: replace every occurrence of a word in a text file and save.

"Open Documents/notes.txt in the Editor, replace every 'apple' with 'river' and save."
Another text file also contains the word; it must stay unchanged.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from rlvr.envs.computer_use.desktop.content import check_files, file_ids, files_state, make_file, text_lines
from rlvr.envs.computer_use.desktop.family import DesktopTask, Family, ToolCall, done, pick, register, sample
from rlvr.envs.computer_use.desktop.views import (
    editor_dirty, editor_lines, open_in_editor, press_button, set_field,
)
from rlvr.envs.computer_use.desktop.words import TOPICS, WORDS
from rlvr.envs.computer_use.observation import Observation

_WITH_WORD = ("Ask about the {w} tomorrow.", "The {w} order is late.", "Bring the {w} samples.",
              "{W} numbers look fine.", "Move the {w} item to Friday.", "Check the {w} list twice.")


def document(rng: np.random.Generator, word: str, n_with: int) -> str:
    """Lines of filler with ``n_with`` lines mentioning ``word`` (one line mentions it twice)."""
    lines = text_lines(rng, 3)
    for template in sample(rng, _WITH_WORD, n_with):
        lines.insert(int(rng.integers(0, len(lines) + 1)), template.format(w=word, W=word.capitalize()))
    lines.append(f"Note: {word} and {word} again.")
    return "\n".join(lines)


@register
class EditorReplaceWord(Family):
    name = "editor_replace_word"
    apps = ("editor", "files")

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        word, repl = sample(rng, WORDS, 2)
        folder = pick(rng, ("Documents", "Projects"))
        stem, other_stem = sample(rng, TOPICS, 2)
        name = f"{stem}_notes.txt"
        files = [make_file(rng, name, folder, content=document(rng, word, int(rng.integers(1, 4)))),
                 make_file(rng, f"{other_stem}_notes.txt", folder, content=document(rng, word, 1)),
                 make_file(rng, f"{stem}.pdf", folder)]
        state = files_state(rng, files, ["Documents", "Projects", "Archive"])
        (target,) = file_ids(state, lambda f: f["name"] == name)
        path = f"{folder}/{name}"
        original = next(f["content"] for f in state["files"] if f["id"] == target)
        instruction = (f"Open {path} in the Editor, replace every occurrence of the word '{word}' with '{repl}' "
                       f"(keep the capitalisation of the rest of the text as is) and save the file.")
        # Capitalised occurrences ("Apple numbers") become "River numbers".
        expected = original.replace(word, repl).replace(word.capitalize(), repl.capitalize())
        return DesktopTask(instruction, {"files": state}, params={"path": path, "word": word, "repl": repl},
                           hidden={"target": target, "expected": expected})

    def success(self, task: DesktopTask, state: dict[str, Any]) -> tuple[bool, str]:
        return check_files(task.initial_state["files"], state["files"],
                           {task.hidden["target"]: {"content": task.hidden["expected"]}})

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        p = task.params
        step = open_in_editor(obs, p["path"])
        if step is not None:
            return step
        text = "\n".join(editor_lines(obs))
        for word, repl in ((p["word"], p["repl"]), (p["word"].capitalize(), p["repl"].capitalize())):
            if word in text:
                return (set_field(obs, "textbox", "Find", word) or set_field(obs, "textbox", "Replace with", repl)
                        or press_button(obs, "Replace all"))
        return press_button(obs, "Save") if editor_dirty(obs) else done()

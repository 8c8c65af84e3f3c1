"""The task-family contract of the desktop suite.

A family generates seeded tasks (an instruction and the desktop's initial
state), judges the state read back from the page in Python, and has an oracle
that solves the task from observations alone. One family per module in
``desktop/families/``; the ``@register`` decorator adds it to the registry, and
the package imports every module in the folder, so adding a family never means
editing a shared list.

The desktop state is ``{app_id: app_state, "_desktop": {"open": app_id}}`` as
``window.rlvrDesktop.getState()`` returns it; each app documents its schema at
the top of its ``web/apps/<id>.js``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Sequence, TypeVar

import numpy as np

from rlvr.core.errors import ConfigError
from rlvr.envs.computer_use.observation import Node, Observation

ToolCall = dict[str, Any]
Success = bool | tuple[bool, str]


@dataclass(frozen=True)
class DesktopTask:
    """One generated task.

    Attributes:
        instruction: What the policy is told.
        initial_state: The full desktop state injected at setup
            (``{app_id: app_state}``). Oracles must not read it.
        params: The task's public parameters: only what the instruction
            states (names, folders, words). Oracles may read these.
        hidden: What the family computed for judging (target ids, expected
            values). Only :meth:`Family.success` reads it.
        memory: The oracle's notes of what it read in earlier observations
            (a date seen in the calendar before switching to Mail), as a
            policy keeps them in its context. Starts empty for every episode;
            not part of the task's identity.
    """

    instruction: str
    initial_state: dict[str, Any]
    params: dict[str, Any] = field(default_factory=dict)
    hidden: dict[str, Any] = field(default_factory=dict)
    memory: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


class Family:
    """Base class of a desktop task family.

    Subclasses set :attr:`name` and :attr:`apps` and implement
    :meth:`generate`, :meth:`success` and :meth:`oracle`.
    """

    #: Registry name (the ``task=`` keyword of the env).
    name: str = ""
    #: Ids of the apps the task touches, for docs and filtering.
    apps: tuple[str, ...] = ()

    def generate(self, rng: np.random.Generator) -> DesktopTask:
        """A task drawn from ``rng``; the same stream gives the same task."""
        raise NotImplementedError

    def success(self, task: DesktopTask, state: dict[str, Any]) -> Success:
        """Whether ``state`` (read back from the page) satisfies the goal, optionally with a reason."""
        raise NotImplementedError

    def oracle(self, task: DesktopTask, obs: Observation) -> ToolCall | None:
        """The next tool call that solves the task, from ``obs`` and ``task.params`` only.

        Cross-app oracles may note what they read in ``task.memory`` and use it
        in later steps; nothing else of the task is open to them.
        """
        raise NotImplementedError


REGISTRY: dict[str, Family] = {}

F = TypeVar("F", bound=type)


def register(cls: F) -> F:
    """Class decorator: instantiate the family and add it under its ``name``."""
    name = getattr(cls, "name", "")
    if not isinstance(name, str) or not name:
        raise ConfigError(f"desktop family {cls.__name__} needs a non-empty class attribute `name`")
    if name in REGISTRY and type(REGISTRY[name]) is not cls:
        raise ConfigError(f"desktop family name {name!r} is used by both "
                          f"{type(REGISTRY[name]).__name__} and {cls.__name__}; rename one")
    REGISTRY[name] = cls()
    return cls


def families() -> dict[str, Family]:
    """Every registered family by name (importing ``desktop/families`` imports all its modules)."""
    importlib.import_module("rlvr.envs.computer_use.desktop.families")
    return dict(sorted(REGISTRY.items()))


def get_family(name: str) -> Family:
    """The family called ``name``; the error lists the known names."""
    known = families()
    if name not in known:
        raise ConfigError(f"unknown desktop task {name!r}; known: {', '.join(known)}")
    return known[name]


# ---- helpers for generators ------------------------------------------------------------

T = TypeVar("T")


def pick(rng: np.random.Generator, items: Sequence[T]) -> T:
    """One element of ``items``, uniformly."""
    return items[int(rng.integers(len(items)))]


def sample(rng: np.random.Generator, items: Sequence[T], k: int) -> list[T]:
    """``k`` distinct elements of ``items`` in random order."""
    if k > len(items):
        raise ValueError(f"cannot sample {k} distinct items from {len(items)}")
    return [items[int(i)] for i in rng.permutation(len(items))[:k]]


def shuffled(rng: np.random.Generator, items: Sequence[T]) -> list[T]:
    """A random permutation of ``items``."""
    return [items[int(i)] for i in rng.permutation(len(items))]


# ---- helpers for oracles ---------------------------------------------------------------

def call(name: str, **arguments: Any) -> ToolCall:
    """A tool call dict ``{"name": name, "arguments": {...}}``."""
    return {"name": name, "arguments": arguments}


def done() -> ToolCall:
    return call("done")


def click(node: Node) -> ToolCall:
    return call("click", id=node.id)


def type_into(node: Node, text: str) -> ToolCall:
    return call("type", id=node.id, text=text)


def select(node: Node, option: str) -> ToolCall:
    return call("select", id=node.id, option=option)


def app_open(obs: Observation, title: str) -> bool:
    """Whether the app window titled ``title`` is the visible one (its close button shows)."""
    return obs.find(name=f"Close {title}", interactive=True) is not None


def open_app(obs: Observation, title: str) -> ToolCall | None:
    """A click on the taskbar button of ``title`` unless that app is already open."""
    if app_open(obs, title):
        return None
    button = obs.find("button", title)
    if button is None:
        raise LookupError(f"no taskbar button {title!r} in the observation")
    return click(button)


def need(node: Node | None, what: str) -> Node:
    """``node``, or a LookupError naming what the oracle looked for (an oracle bug or a changed UI)."""
    if node is None:
        raise LookupError(f"oracle could not find {what} in the observation")
    return node

"""Every env id rlvr provides, registered with Gymnasium on ``import rlvr``.

Entry points are strings so that importing rlvr loads no env's dependencies.

Observations have a dynamic length, which Gymnasium's shared-memory transport
cannot hold, so every spec carries ``vector_kwargs={"shared_memory": False}``:
``gym.make_vec(id, vectorization_mode="async")`` then works as is (the env
constructors accept and ignore that keyword).
"""

from gymnasium.envs.registration import register, registry

#: id -> one-line description, shown by ``rlvr list``.
ENV_DESCRIPTIONS: dict[str, str] = {}


def _register(env_id: str, entry_point: str, description: str, **kwargs) -> None:
    ENV_DESCRIPTIONS[env_id] = description
    if env_id not in registry:  # importing twice (e.g. reload) must not warn
        kwargs = {"vector_kwargs": {"shared_memory": False}, **kwargs}
        register(id=env_id, entry_point=entry_point, kwargs=kwargs)


# --- math --------------------------------------------------------------------
_register("rlvr/Math-v0", "rlvr.envs.math.env:MathEnv",
          "single-turn math: procedural families or GSM8K/MATH/AIME, symbolic answer check")

# --- code --------------------------------------------------------------------
_register("rlvr/Code-v0", "rlvr.envs.code.env:CodeEnv",
          "competitive programming: stdio/call/HumanEval tasks, hidden tests in a sandbox, optional repair turns")

# --- swe ---------------------------------------------------------------------
_register("rlvr/SWE-v0", "rlvr.envs.swe.env:SweEnv",
          "multi-file repository repair: tool calls in a bwrap/docker workspace, hidden tests graded in a "
          "fresh sandbox; bundled repos or SWE-bench")

# --- computer use ------------------------------------------------------------
_register("rlvr/ComputerUse-v0", "rlvr.envs.computer_use.env:ComputerUseEnv",
          "computer use in a real Chromium: web-desktop or MiniWoB tasks, page-tree observations, tool calls, "
          "rewards read from app state")

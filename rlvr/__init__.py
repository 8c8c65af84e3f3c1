"""rlvr: Gymnasium environments with verifiable rewards for language-model RL.

Importing the package registers every environment id (``rlvr/Math-v0``, ...)
with Gymnasium. The import stays light: heavy dependencies (sympy, torch,
transformers, playwright, docker) load only when an env that needs them is made.
"""

__version__ = "0.1.0"

from rlvr import envs as _envs  # noqa: E402,F401  (registers the env ids)

__all__ = ["__version__"]

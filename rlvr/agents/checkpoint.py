"""Checkpoints that resume exactly: weights, optimizer, scheduler, every RNG and the data position.

Layout of one checkpoint directory (``<output_dir>/checkpoints/step-000050``)::

    config.json, model.safetensors, rlvr_tokenizer.json   the policy (loadable by --model / rlvr eval)
    trainer_state.pt                                      optimizer, scheduler, RNG states, counters

A checkpoint is written to a temporary directory and renamed into place, so
an interrupted save never leaves a half checkpoint that ``--resume latest``
would pick.
"""

from __future__ import annotations

import glob
import os
import random
import shutil
from typing import Any

import numpy as np

from rlvr.agents.model import save_policy
from rlvr.core.errors import ConfigError

STATE_FILE = "trainer_state.pt"


def rng_state(sampling_generator: Any) -> dict[str, Any]:
    """Every random state the run depends on."""
    import torch

    state = {"python": random.getstate(), "numpy": np.random.get_state(), "torch": torch.get_rng_state(),
             "sampling": sampling_generator.get_state()}
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict[str, Any], sampling_generator: Any) -> None:
    import torch

    random.setstate(state["python"])
    np.random.set_state(state["numpy"])
    torch.set_rng_state(state["torch"])
    sampling_generator.set_state(state["sampling"])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])


def save_checkpoint(path: str, *, model: Any, tokenizer: Any, optimizer: Any, scheduler: Any,
                    sampling_generator: Any, trainer: dict[str, Any]) -> str:
    """Write a checkpoint atomically; ``trainer`` holds the step, data position, best score, ..."""
    import torch

    tmp = path.rstrip("/") + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    save_policy(model, tokenizer, tmp)
    torch.save({"optimizer": optimizer.state_dict(), "scheduler": scheduler.state_dict(),
                "rng": rng_state(sampling_generator), "trainer": trainer}, os.path.join(tmp, STATE_FILE))
    shutil.rmtree(path, ignore_errors=True)
    os.replace(tmp, path)
    return path


def load_trainer_state(path: str) -> dict[str, Any]:
    import torch

    file = os.path.join(path, STATE_FILE)
    if not os.path.exists(file):
        raise ConfigError(f"{path!r} is not a trainer checkpoint (no {STATE_FILE}); pass a directory under "
                          "<output_dir>/checkpoints/ or --resume latest.")
    return torch.load(file, map_location="cpu", weights_only=False)


def load_weights(model: Any, path: str) -> None:
    """Load a checkpoint's weights into ``model`` in place (same architecture)."""
    from safetensors.torch import load_file

    state = load_file(os.path.join(path, "model.safetensors"))
    missing, unexpected = model.load_state_dict(state, strict=False)
    # Tied output embeddings are saved once; anything else missing is a real mismatch.
    missing = [k for k in missing if k != "lm_head.weight"]
    if missing or unexpected:
        raise ConfigError(f"checkpoint {path!r} does not match the model: missing {missing[:5]}, "
                          f"unexpected {unexpected[:5]}")
    if hasattr(model, "tie_weights"):
        model.tie_weights()


def latest_checkpoint(output_dir: str) -> str | None:
    paths = sorted(p for p in glob.glob(os.path.join(output_dir, "checkpoints", "step-*")) if not p.endswith(".tmp"))
    return paths[-1] if paths else None


def resolve_resume(resume: str | None, output_dir: str) -> str | None:
    """``--resume``: ``None`` (fresh run), ``"latest"`` or a checkpoint directory."""
    if resume is None or resume == "":
        return None
    if resume == "latest":
        path = latest_checkpoint(output_dir)
        if path is None:
            raise ConfigError(f"--resume latest: no checkpoint under {output_dir}/checkpoints/; run without "
                              "--resume first, or pass the checkpoint directory.")
        return path
    if not os.path.isdir(resume):
        raise ConfigError(f"--resume {resume!r}: no such directory; pass 'latest' or a checkpoint directory.")
    return resume

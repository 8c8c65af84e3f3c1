"""The reference GRPO-family trainer (``python -m rlvr.agents.train``, ``rlvr train``).

Modules: :mod:`~rlvr.agents.config` (``Args``), :mod:`~rlvr.agents.model`
(tiny preset, loading), :mod:`~rlvr.agents.generation` (KV-cache sampler,
vLLM seam), :mod:`~rlvr.agents.rollout` (episodes through the env API),
:mod:`~rlvr.agents.losses`, :mod:`~rlvr.agents.supervised` (warm start),
:mod:`~rlvr.agents.evaluate`, :mod:`~rlvr.agents.checkpoint`,
:mod:`~rlvr.agents.metrics`, :mod:`~rlvr.agents.presets` and
:mod:`~rlvr.agents.train` (the loop). Importing this package loads no torch.
"""

import os as _os
import sys as _sys

# OpenMP threads that spin while waiting make a 2-core machine shared with other
# processes 5-10x slower; passive waiting costs nothing when the machine is idle.
# It only takes effect if set before torch loads OpenMP.
if "torch" not in _sys.modules:
    _os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

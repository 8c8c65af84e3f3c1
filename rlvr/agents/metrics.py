"""Where metrics go: JSONL every step, TensorBoard when installed, and the learning-curve PNG."""

from __future__ import annotations

import json
import math
import os
from typing import Any

#: The per-step names every run logs (the README and dashboards rely on them).
STEP_METRICS = ("reward/mean", "reward/std", "frac_zero_std_groups", "loss/policy", "kl", "entropy", "clip_frac",
                "response/len_mean", "env/error_rate", "perf/tokens_per_s", "perf/samples_per_s")


class MetricsLogger:
    """Appends one JSON object per record to ``metrics.jsonl``; mirrors scalars to TensorBoard.

    Resuming truncates records past the checkpoint's step, so a resumed run's
    file reads as if it had never stopped.
    """

    def __init__(self, output_dir: str, tensorboard: bool = True, resume_step: int | None = None) -> None:
        os.makedirs(output_dir, exist_ok=True)
        self.path = os.path.join(output_dir, "metrics.jsonl")
        if resume_step is None:
            open(self.path, "w").close()
        else:
            kept = [r for r in read_metrics(self.path) if r.get("step", 0) <= resume_step]
            with open(self.path, "w") as f:
                f.writelines(json.dumps(r) + "\n" for r in kept)
        self.tb = None
        if tensorboard:
            try:
                from torch.utils.tensorboard import SummaryWriter

                self.tb = SummaryWriter(os.path.join(output_dir, "tensorboard"))
            except ImportError:  # tensorboard is optional
                self.tb = None

    def log(self, step: int, metrics: dict[str, Any]) -> None:
        record = {"step": step, **{k: _plain(v) for k, v in metrics.items()}}
        with open(self.path, "a") as f:
            f.write(json.dumps(record) + "\n")
        if self.tb is not None:
            for key, value in record.items():
                if key != "step" and isinstance(value, (int, float)) and math.isfinite(value):
                    self.tb.add_scalar(key, value, step)

    def close(self) -> None:
        if self.tb is not None:
            self.tb.close()


def _plain(value: Any) -> Any:
    try:
        return float(value) if not isinstance(value, (str, bool, int)) else value
    except (TypeError, ValueError):
        return str(value)


def read_metrics(path: str) -> list[dict[str, Any]]:
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def plot_learning_curve(metrics_path: str, out_path: str, title: str = "") -> str | None:
    """Training reward and held-out/validation accuracy against step; ``None`` without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    records = read_metrics(metrics_path)
    fig, ax = plt.subplots(figsize=(7, 4))
    for key, style, label in (("reward/mean", "-", "train reward (sampled)"), ("val/pass@1", "o-", "validation pass@1 (greedy)"),
                              ("eval/pass@1", "s--", "held-out pass@1 (greedy)")):
        points = [(r["step"], r[key]) for r in records if key in r]
        if points:
            xs, ys = zip(*points)
            ax.plot(xs, ys, style, label=label, markersize=4, linewidth=1.2 if style == "-" else 1.5)
    ax.set_xlabel("RL step")
    ax.set_ylabel("accuracy / mean reward")
    ax.set_ylim(0, 1)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")
    ax.set_title(title or "rlvr GRPO learning curve")
    fig.tight_layout()
    fig.savefig(out_path, dpi=110)
    plt.close(fig)
    return out_path

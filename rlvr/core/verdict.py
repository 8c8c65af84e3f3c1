"""The verdict every verifier returns: what happened, the reward, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["correct", "incorrect", "error"]


@dataclass(frozen=True)
class Verdict:
    """Outcome of verifying one policy answer.

    Attributes:
        status: ``"correct"`` or ``"incorrect"`` judge the policy's answer;
            ``"error"`` means the infrastructure failed (sandbox, worker,
            browser) and says nothing about the policy.
        reward: In ``[0, 1]``; 0 whenever status is not ``"correct"`` unless a
            verifier gives partial credit on purpose.
        details: Why; always has a ``"reason"`` key. Never holds hidden data.
        masked: ``True`` for infrastructure errors, so trainers can drop the
            sample instead of punishing the policy.
    """

    status: Status
    reward: float
    details: dict[str, Any] = field(default_factory=dict)
    masked: bool = False

    def __post_init__(self) -> None:
        if self.status not in ("correct", "incorrect", "error"):
            raise ValueError(f"Verdict.status must be correct|incorrect|error, got {self.status!r}")
        if not 0.0 <= self.reward <= 1.0:
            raise ValueError(f"Verdict.reward must lie in [0, 1], got {self.reward!r}")

    @classmethod
    def correct(cls, reason: str = "match", reward: float = 1.0, **details: Any) -> Verdict:
        return cls("correct", reward, {"reason": reason, **details})

    @classmethod
    def incorrect(cls, reason: str, **details: Any) -> Verdict:
        return cls("incorrect", 0.0, {"reason": reason, **details})

    @classmethod
    def error(cls, reason: str, **details: Any) -> Verdict:
        return cls("error", 0.0, {"reason": reason, **details}, masked=True)

    @property
    def reason(self) -> str:
        return str(self.details.get("reason", ""))

    @property
    def is_correct(self) -> bool:
        return self.status == "correct"

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "reward": float(self.reward),
                "details": dict(self.details), "masked": self.masked}

"""What the soak submits, and every wait of the app divided by --speed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from studio.core.api import RetryPolicy
from studio.core.jobs import SUBMIT_RETRY

IMAGE = "google/nano-banana/text-to-image"
MUSIC = "elevenlabs/elevenlabs-music/music-generate"
VIDEO = "google/veo-3.1/lite/text-to-video"

PROFILES = (
    "flaky",
    "chaos",
    "5xx:0.3,429:0.3,reset:0.1,truncate:0.2,malformed:0.1",
    "429:0.3,5xx:0.3",  # a 429/503 storm alone: ≥ 99 % of submits must be created
)
STORM_PROFILES = frozenset({"429:0.3,5xx:0.3"})


@dataclass(frozen=True)
class PlannedJob:
    endpoint: str
    input: dict[str, Any]
    cancel: bool = False  # cancelled by the soak once it runs on the server

    @property
    def prompt(self) -> str:
        return str(self.input["prompt"])


def planned_jobs(count: int, tag: str) -> list[PlannedJob]:
    """Mixed jobs, each with its own prompt (so the audit can match server tasks to them).

    About 60 % images, 20 % music, 20 % short videos; every tenth ends failed on the server,
    every tenth timed out, a few are slow and some of those are cancelled while they run.
    """
    jobs = []
    for index in range(count):
        marks = ""
        if index % 10 == 3:
            marks += " [fail]"
        elif index % 10 == 6:
            marks += " [timeout]"
        if index % 7 == 2:
            marks += " [slow]"
        prompt = f"soak {tag} {index}{marks}"
        cancel = index % 14 == 9
        if index % 5 == 1:
            jobs.append(PlannedJob(VIDEO, {"prompt": prompt, "duration": "4s"}, cancel))
        elif index % 5 == 4:
            jobs.append(PlannedJob(MUSIC, {"prompt": prompt, "music_length_ms": 3000}, cancel))
        else:
            jobs.append(PlannedJob(IMAGE, {"prompt": prompt}, cancel))
    return jobs


@dataclass(frozen=True)
class Timing:
    """The app's waits divided by `speed` (the simulator runs `speed` times faster too)."""

    speed: float

    def scaled(self, seconds: float) -> float:
        return seconds / self.speed

    def follow_options(self) -> dict[str, float]:
        return {
            "initial_interval": self.scaled(1.0),
            "factor": 1.5,
            "max_interval": self.scaled(15.0),
            "deadline": self.scaled(3600.0),
        }

    def runner_options(self) -> dict[str, Any]:
        policy = SUBMIT_RETRY
        submit_retry = RetryPolicy(
            max_attempts=policy.max_attempts,
            base_delay=self.scaled(policy.base_delay),
            max_delay=self.scaled(policy.max_delay),
            max_retry_after=policy.max_retry_after,  # the server's word is not scaled
        )
        return {
            "submit_retry": submit_retry,
            "reconnect_delays": (self.scaled(2.0), self.scaled(60.0)),
        }

    def client_options(self) -> dict[str, Any]:
        return {
            "retry": RetryPolicy(base_delay=self.scaled(0.5), max_delay=self.scaled(20.0)),
            "download_stall_s": max(self.scaled(60.0), 2.0),
            "download_deadline_s": self.scaled(3600.0),
        }

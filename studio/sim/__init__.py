"""Local Mountsea simulator: a real HTTP server speaking the `/ms/v1` contract on loopback.

Run it with ``python -m studio.sim --port 8765`` (or ``mountsea-sim``); the first stdout line is
``Listening on http://127.0.0.1:PORT``. Every ``/ms/v1`` and ``/_sim`` route needs
``Authorization: Bearer <key>`` (``--api-key``, default :data:`DEMO_API_KEY`); ``/files/...``
does not.

Magic words
-----------
Any string field of ``input`` may carry these markers (``prompt`` is checked first, then the other
fields in order); the first of ``[fail]`` / ``[timeout]`` found decides the outcome:

=============  ==============================================================================
Marker         Effect
=============  ==============================================================================
``[fail]``     the task ends ``failed``, ``error = {"code": 500, "message": "task failed ..."}``
``[timeout]``  the task ends ``timeout``, ``error = {"code": 504, "message": "task timed ..."}``
``[slow]``     the simulated duration is tripled (combines with the others)
=============  ==============================================================================

Durations (before ``--speed`` divides them, ±20 % jitter derived from the task id): image 4 s,
video 25 s, audio 12 s, transcribe 5 s; ``queued`` lasts the first tenth.

Persistence
-----------
With an explicit ``--data-dir DIR`` the simulator keeps its tasks across restarts, as a real
service does (see :mod:`studio.sim.persistence`). Each task lives in ``DIR/<task_id>/``:
``input.json`` (endpoint, validated input, base URL at submission; written once),
``task.json`` (the Task fields, webhook URL and a delivered flag, planned start and end, output
file names; rewritten atomically on every change) and its media files. On start, finished
tasks are served as they were, their output URLs rewritten to the new host and port;
unfinished ones resume on the wall clock (rendered again, finishing at once if their planned
end has passed); a terminal webhook not yet delivered is sent. Eviction (``--task-ttl``,
``--max-tasks``) removes a task's whole directory; unreadable state files are skipped with a
warning. Without ``--data-dir`` nothing is kept.

Faults
------
``--faults PROFILE`` (or ``POST /_sim/faults {"profile": "..."}`` at run time) injects transport
trouble; see :mod:`studio.sim.faults` for the profile syntax (``none``, ``429:0.2,5xx:0.1``,
``truncate*1``, presets ``flaky`` and ``chaos``).
"""

from __future__ import annotations

DEMO_API_KEY = "sim-demo-key"
"""The Bearer key the simulator accepts when ``--api-key`` is not given."""

__all__ = ["DEMO_API_KEY"]

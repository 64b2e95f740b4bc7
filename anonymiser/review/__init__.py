"""The review workflow: the consultant's decisions drive the output, the chair signs it off.

- ``decisions``: read a review log (CSV + JSON) into decisions, and check them.
- ``adjust``: the pipeline's ``adjust`` step that applies those decisions.
- ``apply``: ``anonymiser apply``: write the output the decisions describe, with a new log.
- ``carry_over``: carry decisions over to the next version of a draft.
- ``approve``: stamp a log with a sign-off.
- ``logfiles``: fill decisions into a written log and write the chair's report beside it.
"""

from __future__ import annotations

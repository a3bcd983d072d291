"""一件事 bundles: a chain of ``chains.yaml`` that a person acts on as one life event.

A chain (审批链) shows the road; a bundle adds what an applicant needs to walk it in one go:
the lead department (牵头部门) whose window takes the one application, one merged material
list and one notice sheet.  The model here is the YAML shape only (``bundle:`` under a
chain); the merged list and the total time are worked out in ``bundlework.py``.  Kept out of
``models.py`` so that file stays below the size limit and bundles stay one module.
"""

from __future__ import annotations

from pydantic import Field

from .base import Id, Model, Text


class Bundle(Model):
    """``bundle:`` under a chain: the chain is also a 一件事 with its own page and sheet."""

    lead: Id = Field(description="牵头部门:departments.yaml 中的部门 id,其窗口一窗受理整件事")
    window: Text | None = Field(
        None,
        description="一窗受理的窗口:牵头部门在 departments.yaml 中的窗口名称;"
        "不填时列出牵头部门的全部窗口",
    )
    note: Text | None = Field(
        None, description="给群众的说明,如 一窗受理、一次提交,前序事项办结后后续事项自动流转"
    )

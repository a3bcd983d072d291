"""减证便民: a material the window fetches itself, so the applicant need not bring it.

A material issued by a government department (``source: 政府部门核发``) that the window
can obtain through data sharing or from the electronic licence library may be declared
``exempt``: the guide still lists it (the public must see that it is not needed, and why),
but the tailored list, the printed notice and the 补正 notice leave it out.  The sharing
basis is required: a clerk cannot waive a material without saying how it is obtained.
The rules (only 政府部门核发, no blank form to fill in) live in
``generator.checks.materials``.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from .base import Model, Text


class ExemptWay(StrEnum):
    SHARING = "数据共享"
    LICENCE = "电子证照"
    CHECK = "部门核验"


class Exempt(Model):
    way: ExemptWay = Field(description="免提交方式")
    basis: Text = Field(
        description="共享依据和来源,如 通过市场监管部门企业登记信息共享获取营业执照信息"
    )


EXEMPT_LABEL = "免于提交"
"""What the public reads beside an exempt material, on every page."""


def exempt_how(exempt: Exempt) -> str:
    """``电子证照:窗口从省电子证照库调取居民身份证电子证照``: why it need not be brought."""
    return f"{exempt.way.value}:{exempt.basis}"

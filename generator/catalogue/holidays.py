"""The centre's working calendar as staff type it in ``centre.yaml`` (``calendar``).

The State Council publishes each year's 法定节假日 and 调休 working days (国务院办公厅关于
20XX年部分节假日安排的通知); a 工作日 limit cannot be turned into dates without it.  One
entry per year, copied from the notice: the days off (ranges, weekends included as the
notice lists them) and the weekend days that are working days.  The conversion itself is
in ``workdays.py``; the checks on what is typed here are in ``checks/calendar.py``.
"""

from __future__ import annotations

from pydantic import Field

from .base import Day, Int, Model, Text


class Holiday(Model):
    name: Text = Field(description="节日名称,如 春节")
    first: Day = Field(description="放假第一天,如 2026-02-15")
    last: Day | None = Field(None, description="放假最后一天(含),如 2026-02-23;只放一天时不填")


class CalendarYear(Model):
    year: Int = Field(description="年份,如 2026")
    notice: Text | None = Field(
        None, description="依据的通知,如 国务院办公厅关于2026年部分节假日安排的通知"
    )
    holidays: list[Holiday] = Field(description="法定节假日及调休放假日期")
    workdays: list[Day] = Field(
        default_factory=list, description="调休上班的周末日期,如 2026-01-04"
    )

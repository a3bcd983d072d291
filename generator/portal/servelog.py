"""What the preview server tells staff about the catalogue, as log records: a save that
breaks the catalogue is an ERROR (the preview keeps the last good pages), not a line
among the server's INFO chatter.

``LOG`` is the logger; :func:`to_stderr` shows its records on stderr while ``serve``
runs, each with its level in Chinese (``错误:…``).  Outside it (a one-off build) a record
reaches stderr through logging's last-resort handler, as a bare message.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

LOG = logging.getLogger("banshi.serve")
LEVELS = {logging.INFO: "信息", logging.WARNING: "警告", logging.ERROR: "错误"}


class Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{LEVELS.get(record.levelno, record.levelname)}:{record.getMessage()}"


@contextmanager
def to_stderr() -> Iterator[logging.Handler]:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(Formatter())
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        LOG.removeHandler(handler)
        LOG.setLevel(logging.NOTSET)

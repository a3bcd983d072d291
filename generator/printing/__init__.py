"""Print-only logic: the ``notices`` command writing notice sheets as PDF files."""

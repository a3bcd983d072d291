"""Import a catalogue from a spreadsheet: the national 实施清单 layout or our own export."""

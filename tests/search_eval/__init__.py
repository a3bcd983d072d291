"""The search evaluation: a catalogue of real item names and the queries people type."""

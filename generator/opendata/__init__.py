"""Open data: the loaded catalogue as downloadable files, and the figures a centre reports.

Every exporter turns the same records (:mod:`.records`) into bytes; nothing here writes
files or knows where they are published: the portal decides the URLs and the MkDocs
adapter places the bytes.  Output is deterministic (sorted keys, fixed dates taken from
the catalogue) so that the same catalogue gives byte-identical files.
"""

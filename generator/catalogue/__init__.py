"""Loading the catalogue: models, YAML sources with positions, validation, diagnostics."""

"""The public portal: page plan, views, rendering, flow chart, QR, JSON-LD, the MkDocs adapter."""

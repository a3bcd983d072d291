"""Publishing the built site: the headers it must be served with, the web-server recipes
that send them (``deploy/`` in the repository is generated from :mod:`.policy`), and the
post-processing of the site folder (precompressed copies and a manifest).

Headers belong to the server: a meta tag cannot set ``frame-ancestors``, HSTS or
``X-Content-Type-Options``.  One policy, many recipes, so nginx, Caddy and static hosts
never drift apart.
"""

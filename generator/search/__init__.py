"""Search: the index the portal's search box queries."""

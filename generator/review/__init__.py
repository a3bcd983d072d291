"""Reviewing catalogue changes: semantic diff, burden rules, public history, feed."""

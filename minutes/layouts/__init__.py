"""Parsers for the layouts minutes come in; :mod:`minutes.parse` picks one."""

"""Typed records, settings, the exception tree, clocks. Imports nothing else of marsad."""

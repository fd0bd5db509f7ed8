"""Runners: drive collectors into the store with batching, progress and crash-safe commits."""

"""Accuracy evaluations over ../shared/data (``make eval``), each beside a baseline."""

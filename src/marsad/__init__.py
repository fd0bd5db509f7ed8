"""Marsad (مرصد): an observatory for armed groups' public media."""

__version__ = "0.1.0"

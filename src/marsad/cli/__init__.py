"""The ``marsad`` command: one module per noun, thin over the capabilities."""

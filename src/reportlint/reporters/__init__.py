"""Reporters turn diagnostics into output; one module per format."""

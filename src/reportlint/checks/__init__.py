"""Built-in rule plugins, one module per family of codes."""

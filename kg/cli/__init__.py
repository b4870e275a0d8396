"""The command line: thin, one module per command (``cmd_<name>.py`` with ``register(app)``)."""

"""``python -m govgraph`` is the ``govgraph`` command."""

from .cli import main

main()

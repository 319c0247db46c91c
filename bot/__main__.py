"""``python -m bot`` is the ``referatbot`` command."""

from bot.cli import main

main()

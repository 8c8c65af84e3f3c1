"""The ``desktop`` suite of ComputerUse-v0: the project's own web desktop and its task families.

``web/`` holds the desktop (``index.html``, ``shell.js``, one file per app under
``web/apps/``); ``families/`` one task family per module; :mod:`.family` the
family contract; :mod:`.suite` the Suite the env runs.
"""

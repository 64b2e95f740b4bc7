"""The review screen (``anonymiser review DIR``): a local web app over the review logs.

``server`` serves it (127.0.0.1 only, a random token on every request); ``data`` reads and
saves the logs; ``static/`` holds the one page and its script and style.
"""

from __future__ import annotations

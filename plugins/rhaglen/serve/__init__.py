"""The preview that speaks: `rhaglen serve` (see `session.py`)."""

from .session import Preview, serve

__all__ = ["Preview", "serve"]

"""Rhaglen: publish social-marketing programmes as a bilingual static site."""

__version__ = "0.1.0"

"""Search: Welsh-aware words for a static, per-language index (plain Python, no MkDocs),
and Pagefind run over the built pages.

Imports nothing else of Rhaglen's.
"""

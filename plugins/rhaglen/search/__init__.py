"""Search: Welsh-aware words for a static, per-language index (plain Python, no MkDocs)."""

"""What every page draws with: SVG charts, tables, links to records, Markdown of Prose,
headings, Babel formatting, and the addresses of the pages and the open data.

Imports `state`, `model` and `text` only: the views use it, never the other way.
"""

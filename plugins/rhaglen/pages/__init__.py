"""The generated pages: each page's view rendered with its template, once per language
(`environment`), and written into the docs tree (`generate`). Templates are in `templates/`.

Imports `views`, `render` and the layers below them; nothing of the site build or MkDocs.
"""

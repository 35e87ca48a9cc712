"""From the public model to Markdown pages, one template per page, once per language."""

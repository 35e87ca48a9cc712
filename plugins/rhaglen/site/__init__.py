"""The site build: the MkDocs adapter (`plugin`), `rhaglen build` and `rhaglen export`,
the languages side by side, staging and the checks of where a build may read and write.

The only folder that imports MkDocs (with `serve`); may import every layer below it.
"""

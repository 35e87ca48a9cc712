"""The preview that speaks: `rhaglen serve`.

`watch`, `pages` and `server` are plain Python; `builder` and `session` drive MkDocs
through `rhaglen.site.build`, so this package imports nothing until one of them is asked
for. Imports `site` and the layers below it; never `changes` or `scaffold`.
"""
